import { GoogleGenAI } from '@google/genai';

/** A Gemini request that has not answered in this long is abandoned and retried (Pro can think for a minute). */
const REQUEST_TIMEOUT_MS = 180_000;

/**
 * The Gemini client. Retries are off in the SDK (it only retries when `httpOptions.retryOptions` is given, and we
 * give none) because the run engine retries itself, per model and with the rate limiter in the loop.
 * Without `baseUrl` the SDK falls back to GOOGLE_GEMINI_BASE_URL, then to the public endpoint: its constructor
 * calls getBaseUrl(httpOptions, ..., env GOOGLE_GEMINI_BASE_URL) and only fills `httpOptions.baseUrl` from the
 * environment when the option is absent.
 */
export function createGeminiClient(apiKey: string, baseUrl?: string): GoogleGenAI {
  return new GoogleGenAI({
    apiKey,
    httpOptions: { apiVersion: 'v1beta', timeout: REQUEST_TIMEOUT_MS, ...(baseUrl ? { baseUrl } : {}) },
  });
}
