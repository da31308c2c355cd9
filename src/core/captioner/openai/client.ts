import OpenAI from 'openai';

/** A local model on a small GPU can take minutes for a big image; past this the request is retried. */
const REQUEST_TIMEOUT_MS = 300_000;

/**
 * The official `openai` client pointed at any OpenAI-compatible server. Its own retries are off (the run engine
 * retries, per model and with the rate limiter in the loop). Local servers need no key, but the client refuses to
 * start without one, so a placeholder is sent; it never reads OPENAI_API_KEY itself (the caller decides the key).
 */
export function createOpenAiClient(baseUrl: string, apiKey: string | null): OpenAI {
  return new OpenAI({
    baseURL: baseUrl,
    apiKey: apiKey && apiKey.trim() !== '' ? apiKey : 'no-key',
    maxRetries: 0,
    timeout: REQUEST_TIMEOUT_MS,
  });
}
