import type { GoogleGenAI } from '@google/genai';
import { AppError } from '../../../shared/errors';
import type { CaptionProvider } from '../provider';
import { captionWithGemini } from './caption';
import { checkGemini } from './check';
import { classifyGeminiError } from './classify';
import { createGeminiClient } from './client';

export interface GeminiProviderOptions {
  apiKey: string;
  /** A proxy or the tests' fake server; the SDK otherwise reads GOOGLE_GEMINI_BASE_URL, then the public endpoint. */
  baseUrl?: string | undefined;
}

/** Google's Gemini API (Gemini and Gemma models) through `@google/genai`. */
export function createGeminiProvider(opts: GeminiProviderOptions): CaptionProvider {
  let client: GoogleGenAI | null = null;
  // Made on first use, after the key check: a missing key never reaches the SDK (which would warn on stderr).
  const sdk = () => {
    client ??= createGeminiClient(opts.apiKey, opts.baseUrl);
    return client;
  };
  return {
    name: 'gemini',
    label: 'Gemini',
    async check(model, signal) {
      if (opts.apiKey.trim() === '') {
        throw new AppError(
          'invalid-key',
          'No Gemini API key is set. Add one in Settings (Google AI Studio issues them free).',
        );
      }
      await checkGemini(sdk(), model, signal);
    },
    caption: (req, schedule) => captionWithGemini(sdk(), req, schedule),
    classify: classifyGeminiError,
  };
}
