import type { DatasetSettings } from '../../shared/dataset';
import { DEFAULT_FALLBACK_MODELS, DEFAULT_MODEL } from '../../shared/models';
import { DEFAULT_PROMPT } from '../captioner';

/**
 * Settings a new dataset starts with. Concurrency 4 and 10 requests/minute are safe on Gemini's free tier;
 * paid-tier users raise the RPM (1,000 for 2.5 Flash on tier 1).
 */
export function defaultSettings(): DatasetSettings {
  return {
    provider: 'gemini',
    baseUrl: null,
    model: DEFAULT_MODEL,
    fallbackModels: [...DEFAULT_FALLBACK_MODELS],
    prompt: DEFAULT_PROMPT,
    concurrency: 4,
    rpm: 10,
    downscale: 1536,
  };
}
