import type { ParsedRequest } from './request';

/** The request log the fake keeps for assertions: one entry per HTTP request, whatever its route. */

export type Outcome =
  | 'ok'
  | 'max-tokens'
  | 'safety'
  | 'prompt-block'
  | 'rate-limit'
  | 'daily-quota'
  | 'overloaded'
  | 'internal'
  | 'drop'
  | 'bad-image'
  | 'bad-request'
  | 'thinking-required'
  | 'no-key'
  | 'invalid-key'
  | 'not-found'
  | 'too-large'
  | 'already-exists'
  | 'failed-precondition';

/** Which API call a request was: the SDK method names, plus the two halves of a resumable upload. */
export type RequestKind =
  | 'generateContent'
  | 'models.list'
  | 'models.get'
  | 'files.upload.start'
  | 'files.upload.chunk'
  | 'files.get'
  | 'files.list'
  | 'files.delete'
  | 'files.download'
  | 'batches.create'
  | 'batches.get'
  | 'batches.list'
  | 'batches.cancel'
  | 'batches.delete'
  | 'other';

export interface RequestLog {
  index: number;
  /** Arrival time (ms since epoch) and when the answer was sent (or the socket dropped). */
  time: number;
  respondedAt: number;
  method: string;
  path: string;
  kind: RequestKind;
  model: string | null;
  /** The file or batch the call was about (`files/abc`, `batches/xyz`), or null. */
  resource: string | null;
  status: number;
  outcome: Outcome;
  /** sha256 of the image bytes the request carried (inline or uploaded): which image it was for. */
  imageKey: string | null;
  image: ParsedRequest['image'];
  /** nth request for this image (1-based). */
  attempt: number;
  maxOutputTokens: number | null;
  thinkingBudget: number | null;
  thinkingLevel: string | null;
  /** Answer text sent back (before any client-side normalisation). */
  text: string | null;
  /** The client went away before the answer was sent (aborted request). */
  clientAborted: boolean;
}

export function newLogEntry(index: number, method: string, path: string): RequestLog {
  return {
    index,
    time: Date.now(),
    respondedAt: 0,
    method,
    path,
    kind: 'other',
    model: null,
    resource: null,
    status: 0,
    outcome: 'bad-request',
    imageKey: null,
    image: null,
    attempt: 0,
    maxOutputTokens: null,
    thinkingBudget: null,
    thinkingLevel: null,
    text: null,
    clientAborted: false,
  };
}
