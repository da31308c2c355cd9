import { ApiError } from '@google/genai';
import { firstSentence, isNetworkError } from '../network-errors';
import type { CaptionFailure } from '../provider';

/**
 * What went wrong with a Gemini call, in terms of what to do next. The SDK throws `ApiError` whose `.status` is
 * the HTTP status and whose `.message` is the raw JSON error body; network failures are plain `TypeError: fetch
 * failed` with the socket error in `cause`. Messages here are plain language and never contain the API key.
 */

interface RpcBody {
  code?: number;
  message?: string;
  status?: string;
  details?: Array<Record<string, unknown>>;
}

/** The `error` object of a Gemini error body, or an empty one when the body is not JSON. */
function parseErrorBody(message: string): RpcBody {
  try {
    const parsed = JSON.parse(message) as { error?: RpcBody };
    return parsed.error ?? {};
  } catch {
    return { message };
  }
}

const detailOf = (body: RpcBody, type: string) => body.details?.find((d) => String(d['@type']).endsWith(type));

/** "48s", "1.5s", "0.250s" -> milliseconds (google.protobuf.Duration JSON form). */
export function parseDuration(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)s$/u.exec(value.trim());
  return m?.[1] ? Math.round(Number(m[1]) * 1000) : null;
}

function classifyQuota(body: RpcBody): CaptionFailure {
  const retryAfterMs = parseDuration(detailOf(body, 'google.rpc.RetryInfo')?.retryDelay);
  const violations = (detailOf(body, 'google.rpc.QuotaFailure')?.violations ?? []) as Array<Record<string, unknown>>;
  const ids = violations.map((v) => `${String(v.quotaId ?? '')} ${String(v.quotaMetric ?? '')}`).join(' ');
  if (/PerDay|per_day/iu.test(ids) || (violations.length === 0 && /per day/iu.test(body.message ?? ''))) {
    return { kind: 'daily-quota', message: "Gemini's daily request quota for this model is used up." };
  }
  // A quota of 0 (model not available on the key's tier) never clears, whatever the retry delay says.
  if (violations.length > 0 && violations.every((v) => String(v.quotaValue) === '0')) {
    return { kind: 'daily-quota', message: 'This API key has no quota for this model (limit 0 on its tier).' };
  }
  return { kind: 'rate-limit', retryAfterMs, message: 'Gemini rate limit reached (429).' };
}

function classifyApiError(status: number, body: RpcBody): CaptionFailure {
  const text = body.message ?? '';
  const reasons = (body.details ?? []).map((d) => String(d.reason ?? '')).join(' ');
  if (status === 429) return classifyQuota(body);
  if (/API_KEY_INVALID|API_KEY_EXPIRED/u.test(reasons) || /API key (not valid|expired)/iu.test(text)) {
    return { kind: 'invalid-key', message: 'Gemini rejected the API key: it is not valid. Check the key in Settings.' };
  }
  if (status === 403 && /leaked/iu.test(text)) {
    return {
      kind: 'invalid-key',
      message: 'Google blocked this API key because it was reported as leaked. Create a new key in Google AI Studio.',
    };
  }
  if (status === 401 || status === 403) {
    return {
      kind: 'invalid-key',
      message: `Gemini refused the API key (${status} ${body.status ?? 'PERMISSION_DENIED'}).`,
    };
  }
  if (status === 404) return { kind: 'model-not-found', message: 'Gemini does not know this model (404).' };
  if (
    status === 400 &&
    /unable to process input image|image is not valid|payload size exceeds|request.*too large/iu.test(text)
  ) {
    return { kind: 'bad-input', message: `Gemini could not process this image: ${firstSentence(text)}` };
  }
  if (status === 413) return { kind: 'bad-input', message: 'The image is too large for Gemini (413).' };
  if (status === 502 || status === 503 || status === 504) {
    return { kind: 'overloaded', status, message: `Gemini is overloaded or timed out (${status}).` };
  }
  if (status >= 500) return { kind: 'server', status, message: `Gemini had an internal error (${status}).` };
  return { kind: 'other', status, message: `Gemini refused the request (${status}): ${firstSentence(text)}` };
}

/**
 * Classifies anything a Gemini call threw. Callers check their own AbortSignal first: an AbortError seen here
 * (the SDK's per-request timeout) counts as a network failure.
 */
export function classifyGeminiError(err: unknown): CaptionFailure {
  if (err instanceof ApiError) return classifyApiError(err.status, parseErrorBody(err.message));
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'AbortError' || name === 'TimeoutError') {
    return { kind: 'network', message: 'Gemini did not answer in time.' };
  }
  if (isNetworkError(err))
    return { kind: 'network', message: 'Could not reach Gemini (connection failed or dropped).' };
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'other', status: null, message: `Unexpected error calling Gemini: ${firstSentence(message)}` };
}
