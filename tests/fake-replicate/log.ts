import type { IncomingMessage } from 'node:http';

/** The request log the fake keeps for assertions: one entry per HTTP request, whatever its route. */

export interface RequestLog {
  index: number;
  /** Arrival time (ms since epoch) and when the answer was sent (or the socket dropped). */
  time: number;
  respondedAt: number;
  method: string;
  path: string;
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
  /** 0 until answered. */
  status: number;
  /** nth request with this method and path (1-based). */
  attempt: number;
  /** The fake dropped the connection instead of answering (fault 'drop'). */
  dropped: boolean;
  /** The client went away before the answer was sent. */
  clientAborted: boolean;
}

function authorizationOf(header: string | undefined): RequestLog['authorization'] {
  if (header === undefined) return 'missing';
  if (header.startsWith('Bearer ')) return 'bearer';
  return header.startsWith('Token ') ? 'token' : 'other';
}

export function newLogEntry(index: number, req: IncomingMessage, path: string): RequestLog {
  return {
    index,
    time: Date.now(),
    respondedAt: 0,
    method: req.method ?? 'GET',
    path,
    kind: 'other',
    authorization: authorizationOf(req.headers.authorization),
    authorized: false,
    resource: null,
    bodySummary: null,
    status: 0,
    attempt: 0,
    dropped: false,
    clientAborted: false,
  };
}
