import type { DatasetSettings, ProviderName } from './dataset';
import { DEFAULT_FALLBACK_MODELS, DEFAULT_MODEL } from './models';
import { isLocalServer, normaliseBaseUrl } from './servers';

/** A remote OpenAI-compatible service (OpenRouter, OpenAI): a conservative start, raised by the user if allowed. */
const REMOTE_SERVER_RPM = 60;
/** Gemini's free tier allows only a few requests per minute; paid keys raise this. */
const GEMINI_FREE_RPM = 10;

/**
 * Settings after switching who captions, keeping the prompt and image size. A local server runs one model on one
 * GPU: two requests at a time and no rate limit. Gemini gets its default chain (ending in a model with a large
 * free quota); a server's models are its own, so the fallbacks are cleared and the model is left for the user to
 * pick from the server's list. Switching to the provider already in use changes nothing.
 */
export function withProvider(
  settings: DatasetSettings,
  provider: ProviderName,
  baseUrl?: string | null,
): DatasetSettings {
  const url = provider === 'openai' && baseUrl ? normaliseBaseUrl(baseUrl) : null;
  if (provider === settings.provider && url === settings.baseUrl) return settings;
  if (provider === 'gemini') {
    return {
      ...settings,
      ...{ provider, baseUrl: null, model: DEFAULT_MODEL, fallbackModels: [...DEFAULT_FALLBACK_MODELS] },
      ...{ concurrency: 4, rpm: GEMINI_FREE_RPM },
    };
  }
  const local = url !== null && isLocalServer(url);
  return {
    ...settings,
    ...{ provider, baseUrl: url, fallbackModels: [] },
    ...{ concurrency: local ? 2 : 4, rpm: local ? null : REMOTE_SERVER_RPM },
  };
}
