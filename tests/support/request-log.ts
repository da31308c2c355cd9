import type { IncomingMessage } from 'node:http';

/**
 * What every fake server (Gemini, OpenAI-compatible, Replicate) logs about each HTTP request, whatever its route;
 * each fake's own log adds what its protocol needs on top.
 */
export interface BaseRequestLog {
  index: number;
  /** Arrival time (ms since epoch) and when the answer was sent (or the socket dropped). */
  time: number;
  respondedAt: number;
  method: string;
  path: string;
  /** 0 until answered. */
  status: number;
  /** nth request of its kind (1-based); each fake says what counts as the same request. */
  attempt: number;
  /** The client went away before the answer was sent. */
  clientAborted: boolean;
}

/** The common fields of a request that just arrived; the rest are filled in as it is handled. */
export function baseRequestLog(index: number, req: IncomingMessage, path: string): BaseRequestLog {
  return {
    index,
    time: Date.now(),
    respondedAt: 0,
    method: req.method ?? 'GET',
    path,
    status: 0,
    attempt: 0,
    clientAborted: false,
  };
}
