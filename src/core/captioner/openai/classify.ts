import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { firstSentence, isConnectionRefused, isNetworkError } from '../network-errors';
import type { CaptionFailure } from '../provider';
import { isContextTooSmall, saysNoVision } from './answer';

/** Thrown by the caption call itself when the model answered as if there were no image. */
export class NoVisionError extends Error {
  override name = 'NoVisionError';
}

/** Thrown when an image was refused as too big for the context even at the smaller size. */
export class ContextTooSmallError extends Error {
  override name = 'ContextTooSmallError';
}

/** The server's own words: `error.message` in OpenAI's, Ollama's and llama.cpp's bodies, `message` in vLLM's. */
function serverText(err: APIError): string {
  const body = err.error as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : err.message;
}

/** Retry-After in seconds or as an HTTP date (OpenRouter, OpenAI); `retry-after-ms` where the server sends it. */
function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * What went wrong talking to an OpenAI-compatible server, in terms of what to do next. `server` names it in
 * messages ("the server at 127.0.0.1:11434", "OpenRouter"). Callers check their own AbortSignal first.
 */
export function classifyOpenAiError(err: unknown, server: string): CaptionFailure {
  if (err instanceof NoVisionError) return { kind: 'no-vision', message: err.message };
  if (err instanceof ContextTooSmallError) return { kind: 'bad-input', message: err.message };
  if (err instanceof APIConnectionTimeoutError)
    return { kind: 'network', message: `${server} did not answer in time.` };
  if (err instanceof APIConnectionError || (!(err instanceof APIError) && isNetworkError(err))) {
    return isConnectionRefused(err)
      ? { kind: 'network', message: `Nothing answers at ${server}: is the server running?` }
      : { kind: 'network', message: `Could not reach ${server} (connection failed or dropped).` };
  }
  if (!(err instanceof APIError) || err.status === undefined) {
    const text = err instanceof Error ? err.message : String(err);
    return { kind: 'other', status: null, message: `Unexpected error calling ${server}: ${firstSentence(text)}` };
  }
  const { status } = err;
  const text = firstSentence(serverText(err));
  if (status === 401 || status === 403) {
    return { kind: 'invalid-key', message: `${server} refused the API key (${status}): ${text}` };
  }
  if (status === 402 || err.code === 'insufficient_quota') {
    return { kind: 'daily-quota', message: `${server} says the account is out of credit or quota: ${text}` };
  }
  if (status === 404) return { kind: 'model-not-found', message: `${server} has no such model (404): ${text}` };
  if (status === 429)
    return {
      kind: 'rate-limit',
      retryAfterMs: retryAfterMs(err.headers),
      message: `${server} rate limit reached (429).`,
    };
  // vLLM says so with a 400; Ollama and llama.cpp with a 500 from llama-server started without a projector (mmproj).
  if ((status === 400 || status === 500) && saysNoVision(text)) {
    return { kind: 'no-vision', message: `This model cannot see images (${server}: ${text}). Choose a vision model.` };
  }
  if (status === 400 && isContextTooSmall(text)) return { kind: 'bad-input', message: `${server}: ${text}` };
  if (status === 413) return { kind: 'bad-input', message: `The image is too large for ${server} (413).` };
  if (status === 408 || status === 502 || status === 503 || status === 504) {
    return { kind: 'overloaded', status, message: `${server} is busy or timed out (${status}).` };
  }
  if (status >= 500) return { kind: 'server', status, message: `${server} had an internal error (${status}): ${text}` };
  return { kind: 'other', status, message: `${server} refused the request (${status}): ${text}` };
}
