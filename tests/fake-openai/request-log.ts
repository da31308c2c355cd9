import type { IncomingMessage } from 'node:http';
import { baseRequestLog } from '../support/request-log';
import type { RequestLog } from './options';

/** A fresh log entry for a request that just arrived: what the headers say, the rest filled in as it is handled. */
export function newRequestLog(index: number, req: IncomingMessage, path: string, kind: RequestLog['kind']): RequestLog {
  const auth = req.headers.authorization;
  const retries = Number.parseInt(String(req.headers['x-stainless-retry-count'] ?? ''), 10);
  return {
    ...baseRequestLog(index, req, path),
    kind,
    model: null,
    outcome: 'pending',
    imagePartPresent: false,
    image: null,
    maxTokens: null,
    maxCompletionTokens: null,
    temperature: null,
    promptTokens: null,
    authorization: auth === undefined ? 'missing' : auth.startsWith('Bearer ') ? 'bearer' : 'other',
    retryCount: Number.isNaN(retries) ? null : retries,
    text: null,
  };
}
