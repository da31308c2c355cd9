/**
 * Error bodies exactly as the Gemini API sends them: `{"error":{"code","message","status","details"}}`, with the
 * google.rpc detail types (ErrorInfo, QuotaFailure, RetryInfo, Help) real clients have to parse.
 */

export interface RpcError {
  httpStatus: number;
  body: { error: { code: number; message: string; status: string; details?: unknown[] } };
}

function rpcError(code: number, status: string, message: string, details?: unknown[]): RpcError {
  return { httpStatus: code, body: { error: { code, message, status, ...(details ? { details } : {}) } } };
}

export const noKey = (): RpcError =>
  rpcError(
    403,
    'PERMISSION_DENIED',
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  );

export const invalidKey = (): RpcError =>
  rpcError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
    {
      '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
      locale: 'en-US',
      message: 'API key not valid. Please pass a valid API key.',
    },
  ]);

export const modelNotFound = (model: string, apiVersion: string, method = 'generateContent'): RpcError =>
  rpcError(
    404,
    'NOT_FOUND',
    `models/${model} is not found for API version ${apiVersion}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
  );

export const unknownPath = (path: string): RpcError => rpcError(404, 'NOT_FOUND', `Unknown path ${path}`);

/** An unknown batch (and any other resource the service just cannot find). */
export const entityNotFound = (): RpcError => rpcError(404, 'NOT_FOUND', 'Requested entity was not found.');

/** The Files API answers an unknown or deleted file the same way it answers someone else's: 403. */
export const fileNotAccessible = (fileId: string): RpcError =>
  rpcError(403, 'PERMISSION_DENIED', `You do not have permission to access the File ${fileId} or it may not exist.`);

export const payloadTooLarge = (limitBytes: number): RpcError =>
  badRequest(`Request payload size exceeds the limit: ${limitBytes} bytes.`);

export const fileTooLarge = (bytes: number, maxBytes: number): RpcError =>
  badRequest(`File size ${bytes} bytes exceeds the maximum file size of ${maxBytes} bytes.`);

export const failedPrecondition = (message: string): RpcError => rpcError(400, 'FAILED_PRECONDITION', message);

export const alreadyExists = (message: string): RpcError => rpcError(409, 'ALREADY_EXISTS', message);

export const badRequest = (message: string): RpcError => rpcError(400, 'INVALID_ARGUMENT', message);

export const unableToProcessImage = (): RpcError =>
  badRequest(
    'Unable to process input image. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  );

export const thinkingRequired = (): RpcError =>
  badRequest('Budget 0 is invalid. This model only works in thinking mode.');

export const overloaded = (): RpcError =>
  rpcError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');

export const internal = (): RpcError =>
  rpcError(
    500,
    'INTERNAL',
    'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  );

export type QuotaWindow = 'minute' | 'day';

/** 429 RESOURCE_EXHAUSTED naming the per-minute or per-day quota, with a RetryInfo delay in whole seconds. */
export function quotaExceeded(model: string, window: QuotaWindow, limit: number, retryDelaySeconds: number): RpcError {
  const per = window === 'minute' ? 'PerMinute' : 'PerDay';
  const metric = 'generativelanguage.googleapis.com/generate_content_free_tier_requests';
  return rpcError(
    429,
    'RESOURCE_EXHAUSTED',
    `You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/usage?tab=rate-limit. \n* Quota exceeded for metric: ${metric}, limit: ${limit}, model: ${model}\nPlease retry in ${retryDelaySeconds}s.`,
    [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [
          {
            quotaMetric: metric,
            quotaId: `GenerateRequests${per}PerProjectPerModel-FreeTier`,
            quotaDimensions: { location: 'global', model },
            quotaValue: String(limit),
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
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryDelaySeconds}s` },
    ],
  );
}

/** google.rpc.Code numbers: a batch line's error is a google.rpc.Status, which carries these, not HTTP statuses. */
const CANONICAL_CODES: Readonly<Record<string, number>> = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  INTERNAL: 13,
  UNAVAILABLE: 14,
};

/** The error a batch line reports for what generateContent would have answered with `e`. */
export function lineError(e: RpcError): { code: number; message: string } {
  return { code: CANONICAL_CODES[e.body.error.status] ?? 2, message: e.body.error.message };
}
