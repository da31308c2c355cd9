import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLog } from './log';
import type { Problem } from './problems';

/** One HTTP request as the route handlers see it, and the ways they answer it (each records itself in the log). */

export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** The body, or null when it was larger than the route's limit (only its size is known then). */
  readonly body: Buffer | null;
  readonly bodyBytes: number;
  readonly entry: RequestLog;
  /** Drop the connection instead of sending the answer (fault `lost-answer`). */
  readonly loseAnswer: boolean;
}

/**
 * Reads a request body, keeping at most `limit` bytes: past it the rest is read and dropped, so the client can
 * finish sending and read the answer (a server that stops reading makes fetch fail with a socket error instead).
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer | null; bytes: number }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req) {
    bytes += (chunk as Buffer).length;
    if (bytes <= limit) chunks.push(chunk as Buffer);
  }
  return { body: bytes <= limit ? Buffer.concat(chunks) : null, bytes };
}

function send(ex: Exchange, status: number, headers: Record<string, string>, payload: string) {
  if (ex.loseAnswer) return drop(ex);
  ex.entry.status = status;
  ex.entry.respondedAt = Date.now();
  if (ex.res.destroyed) return;
  ex.res.writeHead(status, headers);
  ex.res.end(payload);
}

/** A JSON answer (the real API sends `application/json; charset=UTF-8` on its newer routes). */
export const reply = (ex: Exchange, status: number, body: unknown): void =>
  send(ex, status, { 'content-type': 'application/json; charset=UTF-8' }, JSON.stringify(body));

/** An error answer: `application/problem+json`, as the recorded 401 and 404 bodies come. */
export const fail = (ex: Exchange, p: Problem): void =>
  send(ex, p.status, { 'content-type': 'application/problem+json', ...p.headers }, JSON.stringify(p.body));

/** 204 No Content (files.delete). */
export const replyEmpty = (ex: Exchange): void => send(ex, 204, {}, '');

/** Drops the connection without an answer. */
export function drop(ex: Exchange): void {
  ex.entry.dropped = true;
  ex.entry.respondedAt = Date.now();
  ex.res.socket?.destroy();
}

/**
 * One page of a list, as Replicate pages them: `{next, previous, results}` with absolute `next`/`previous` URLs
 * carrying a `cursor` (the client's paginate() requests `next` as it is). The cursor is an offset, opaque to clients.
 */
export function page<T>(ex: Exchange, items: readonly T[], size: number) {
  const start = Number(ex.url.searchParams.get('cursor') ?? 0) || 0;
  const at = (offset: number) => {
    const url = new URL(ex.url.href);
    url.searchParams.set('cursor', String(offset));
    return url.href;
  };
  return {
    next: start + size < items.length ? at(start + size) : null,
    previous: start > 0 ? at(Math.max(0, start - size)) : null,
    results: items.slice(start, start + size),
  };
}

/**
 * The JSON body of a request, or undefined after answering 400 when it is not JSON (the wording of the Django
 * REST framework parser behind the API).
 */
export function jsonBody(ex: Exchange): unknown {
  try {
    return JSON.parse(ex.body?.toString('utf8') || 'null');
  } catch (err) {
    fail(ex, { status: 400, body: { detail: `JSON parse error - ${(err as Error).message}`, status: 400 } });
    return undefined;
  }
}
