import type { IncomingMessage } from 'node:http';
import { type BaseRequestLog, baseRequestLog } from '../support/request-log';

/** The request log the fake keeps for assertions: one entry per HTTP request, whatever its route. */

/** `attempt` counts the requests with the same method and path. */
export interface RequestLog extends BaseRequestLog {
  /** The client method it was (`accounts.current`, `files.create`, `trainings.get`...), `other` if none. */
  kind: string;
  /** How the request authenticated: no header, `Bearer`, the older `Token` scheme, or something else. */
  authorization: 'missing' | 'bearer' | 'token' | 'other';
  /** The token was the one the fake accepts. */
  authorized: boolean;
  /** The file, model or training the request was about (`files/{id}`, `owner/name`, `trainings/{id}`). */
  resource: string | null;
  /** What was sent, short: the JSON body (cut at 300 characters) or the multipart parts of an upload. */
  bodySummary: string | null;
  /** The fake dropped the connection instead of answering (fault 'drop'). */
  dropped: boolean;
}

function authorizationOf(header: string | undefined): RequestLog['authorization'] {
  if (header === undefined) return 'missing';
  if (header.startsWith('Bearer ')) return 'bearer';
  return header.startsWith('Token ') ? 'token' : 'other';
}

export function newLogEntry(index: number, req: IncomingMessage, path: string): RequestLog {
  return {
    ...baseRequestLog(index, req, path),
    kind: 'other',
    authorization: authorizationOf(req.headers.authorization),
    authorized: false,
    resource: null,
    bodySummary: null,
    dropped: false,
  };
}
