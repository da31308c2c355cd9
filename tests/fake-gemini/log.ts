import type { IncomingMessage } from 'node:http';
import { type BaseRequestLog, baseRequestLog } from '../support/request-log';
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

/** `attempt` counts the requests for the same image. */
export interface RequestLog extends BaseRequestLog {
  kind: RequestKind;
  model: string | null;
  /** The file or batch the call was about (`files/abc`, `batches/xyz`), or null. */
  resource: string | null;
  outcome: Outcome;
  /** sha256 of the image bytes the request carried (inline or uploaded): which image it was for. */
  imageKey: string | null;
  image: ParsedRequest['image'];
  maxOutputTokens: number | null;
  thinkingBudget: number | null;
  thinkingLevel: string | null;
  /** Answer text sent back (before any client-side normalisation). */
  text: string | null;
}

export function newLogEntry(index: number, req: IncomingMessage, path: string): RequestLog {
  return {
    ...baseRequestLog(index, req, path),
    kind: 'other',
    model: null,
    resource: null,
    outcome: 'bad-request',
    imageKey: null,
    image: null,
    maxOutputTokens: null,
    thinkingBudget: null,
    thinkingLevel: null,
    text: null,
  };
}
