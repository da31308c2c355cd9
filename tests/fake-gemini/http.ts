import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RpcError } from './errors';
import type { Outcome, RequestLog } from './log';

/** One HTTP request as the route handlers see it, and the ways they answer it (each records itself in the log). */

export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly body: Buffer;
  readonly entry: RequestLog;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function record(ex: Exchange, status: number, outcome: Outcome): boolean {
  ex.entry.status = status;
  ex.entry.outcome = outcome;
  ex.entry.respondedAt = Date.now();
  return !ex.res.destroyed;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

export function reply(ex: Exchange, status: number, outcome: Outcome, body: unknown, headers?: Record<string, string>) {
  if (record(ex, status, outcome)) sendJson(ex.res, status, body, headers);
}

export const fail = (ex: Exchange, outcome: Outcome, e: RpcError): void => reply(ex, e.httpStatus, outcome, e.body);

/** An answer without a JSON body: a resumable upload's intermediate steps (headers only) or downloaded bytes. */
export function replyRaw(
  ex: Exchange,
  status: number,
  headers: Record<string, string>,
  bytes: Buffer = Buffer.alloc(0),
) {
  if (!record(ex, status, 'ok')) return;
  ex.res.writeHead(status, { 'content-length': String(bytes.length), ...headers });
  ex.res.end(bytes);
}

/**
 * One page of a list call (`pageSize`, `pageToken` as the SDK's pagers send them). The token is an offset, opaque
 * to the client. An empty page has no items (undefined), as proto3 JSON leaves empty lists out.
 */
export function page<T>(url: URL, items: readonly T[], defaultSize: number, maxSize: number) {
  const asked = Number(url.searchParams.get('pageSize') ?? defaultSize);
  const size = Math.min(maxSize, asked > 0 ? asked : defaultSize);
  const start = Number(url.searchParams.get('pageToken') ?? 0) || 0;
  const slice = items.slice(start, start + size);
  const next = start + size < items.length ? String(start + size) : undefined;
  return { items: slice.length > 0 ? slice : undefined, nextPageToken: next };
}
