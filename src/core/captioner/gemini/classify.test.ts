import { ApiError } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { type FailureKind, isTransient } from '../provider';
import { classifyGeminiError as classifyError, parseDuration } from './classify';

/** An ApiError exactly as the SDK builds it: status + the raw JSON body as message. */
const api = (status: number, error: Record<string, unknown>) =>
  new ApiError({ status, message: JSON.stringify({ error: { code: status, ...error } }) });

const quota = (quotaId: string, retryDelay: string, quotaValue = '10') =>
  api(429, {
    message:
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 10\nPlease retry in 48.403418s.',
    status: 'RESOURCE_EXHAUSTED',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [
          {
            quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
            quotaId,
            quotaDimensions: { location: 'global', model: 'gemini-2.5-flash' },
            quotaValue,
          },
        ],
      },
      {
        '@type': 'type.googleapis.com/google.rpc.Help',
        links: [
          {
            description: 'Learn more about Gemini API quotas',
            url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
          },
        ],
      },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
    ],
  });

const socketError = (code: string, message: string) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

describe('classifyError', () => {
  const cases: ReadonlyArray<{ name: string; err: unknown; kind: FailureKind; retryAfterMs?: number | null }> = [
    {
      name: 'per-minute quota with RetryInfo',
      err: quota('GenerateRequestsPerMinutePerProjectPerModel-FreeTier', '48s'),
      kind: 'rate-limit',
      retryAfterMs: 48_000,
    },
    {
      name: 'per-minute quota with fractional delay',
      err: quota('GenerateRequestsPerMinutePerProjectPerModel', '1.5s'),
      kind: 'rate-limit',
      retryAfterMs: 1500,
    },
    {
      name: 'per-day quota',
      err: quota('GenerateRequestsPerDayPerProjectPerModel-FreeTier', '21600s'),
      kind: 'daily-quota',
    },
    {
      name: 'quota limit 0 (model not on this tier)',
      err: quota('GenerateRequestsPerMinutePerProjectPerModel-FreeTier', '30s', '0'),
      kind: 'daily-quota',
    },
    {
      name: '429 without details (shared capacity)',
      err: api(429, { message: 'Resource has been exhausted (e.g. check quota).', status: 'RESOURCE_EXHAUSTED' }),
      kind: 'rate-limit',
      retryAfterMs: null,
    },
    {
      name: 'invalid key (400 API_KEY_INVALID)',
      err: api(400, {
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'API_KEY_INVALID',
            domain: 'googleapis.com',
            metadata: { service: 'generativelanguage.googleapis.com' },
          },
        ],
      }),
      kind: 'invalid-key',
    },
    {
      name: 'missing key (403)',
      err: api(403, {
        message:
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        status: 'PERMISSION_DENIED',
      }),
      kind: 'invalid-key',
    },
    {
      name: 'leaked key (403)',
      err: api(403, {
        message: 'Your API key was reported as leaked. Please use another API key.',
        status: 'PERMISSION_DENIED',
      }),
      kind: 'invalid-key',
    },
    {
      name: 'unknown model (404)',
      err: api(404, {
        message:
          'models/gemini-9 is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.',
        status: 'NOT_FOUND',
      }),
      kind: 'model-not-found',
    },
    {
      name: 'unreadable image (400)',
      err: api(400, {
        message:
          'Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
        status: 'INVALID_ARGUMENT',
      }),
      kind: 'bad-input',
    },
    {
      name: 'payload too large (400)',
      err: api(400, { message: 'Request payload size exceeds the limit: 20971520 bytes.', status: 'INVALID_ARGUMENT' }),
      kind: 'bad-input',
    },
    {
      name: 'thinking budget rejected (400, other)',
      err: api(400, {
        message: 'Budget 0 is invalid. This model only works in thinking mode.',
        status: 'INVALID_ARGUMENT',
      }),
      kind: 'other',
    },
    {
      name: 'overloaded (503)',
      err: api(503, { message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' }),
      kind: 'overloaded',
    },
    {
      name: 'deadline (504)',
      err: api(504, { message: 'Deadline expired before operation could complete.', status: 'DEADLINE_EXCEEDED' }),
      kind: 'overloaded',
    },
    {
      name: 'internal (500)',
      err: api(500, { message: 'An internal error has occurred.', status: 'INTERNAL' }),
      kind: 'server',
    },
    {
      name: 'non-JSON error page (502)',
      err: new ApiError({ status: 502, message: '<html>Bad Gateway</html>' }),
      kind: 'overloaded',
    },
    { name: 'connection reset', err: socketError('ECONNRESET', 'read ECONNRESET'), kind: 'network' },
    { name: 'socket closed by server', err: socketError('UND_ERR_SOCKET', 'other side closed'), kind: 'network' },
    {
      name: 'connection refused',
      err: socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'),
      kind: 'network',
    },
    { name: 'DNS failure', err: socketError('ENOTFOUND', 'getaddrinfo ENOTFOUND x'), kind: 'network' },
    { name: 'body terminated', err: new TypeError('terminated'), kind: 'network' },
    { name: 'SDK timeout abort', err: new DOMException('This operation was aborted', 'AbortError'), kind: 'network' },
    { name: 'unexpected error', err: new RangeError('boom'), kind: 'other' },
  ];

  it.each(cases)('$name -> $kind', ({ err, kind, retryAfterMs }) => {
    const f = classifyError(err);
    expect(f.kind).toBe(kind);
    if (retryAfterMs !== undefined && f.kind === 'rate-limit') expect(f.retryAfterMs).toBe(retryAfterMs);
    expect(f.message.length).toBeGreaterThan(0);
  });

  it('marks only waitable failures as transient', () => {
    const transient = cases.filter((c) => isTransient(classifyError(c.err))).map((c) => c.kind);
    expect(new Set(transient)).toEqual(new Set(['rate-limit', 'overloaded', 'server', 'network']));
  });

  it('never echoes a key that appears in a request URL', () => {
    const f = classifyError(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }));
    expect(f.message).not.toMatch(/key=/u);
  });
});

describe('parseDuration', () => {
  it.each([
    ['48s', 48_000],
    ['0.250s', 250],
    [' 2s ', 2000],
    ['48', null],
    [48, null],
    [undefined, null],
  ])('%s -> %s', (input, want) => expect(parseDuration(input)).toBe(want));
});
