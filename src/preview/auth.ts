import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PREVIEW_TOKEN_HEADER } from '../shared/preview-protocol';

/**
 * Who may talk to the preview server. It binds to 127.0.0.1 only, and on top of that:
 * - the peer must be loopback (belt and braces, should the bind ever change);
 * - the Host header must name this server (127.0.0.1 or localhost with our port), which defeats DNS rebinding:
 *   a page on evil.example re-pointed at 127.0.0.1 still sends `Host: evil.example:PORT`;
 * - every request must prove it knows the per-run token. API POSTs send it in a header (a cross-site page cannot
 *   add one without a CORS preflight, which is never answered). The page, its assets, the event stream and the
 *   <img> media use an HttpOnly, SameSite=Strict cookie set when the page is first opened with `?token=`: an
 *   EventSource or an <img> cannot send headers, and a cookie keeps the token out of media URLs, the DOM and
 *   screenshots. `?token=` is accepted on GET requests (that is how the first page load proves itself; curl too).
 */

/** How a request can prove it knows the token. */
export type Proof = 'header' | 'cookie' | 'query';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.has(address);
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  const h = host?.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/**
 * Cookies are shared by every port of a host, so the name carries the port: two previews (parallel end-to-end
 * tests) in one browser do not overwrite each other's token.
 */
function cookieName(port: number): string {
  return `caption_studio_preview_${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

export type TokenCheck = { ok: true; via: Proof } | { ok: false; status: 401 | 403 };

/**
 * Whether the request presents the token in one of the `allowed` ways (constant-time comparison): 401 when it
 * presents none at all, 403 when what it presents is wrong.
 */
export function checkToken(
  req: IncomingMessage,
  url: URL,
  port: number,
  token: string,
  allowed: readonly Proof[],
): TokenCheck {
  let presentedAny = false;
  for (const way of allowed) {
    const given = presented(req, url, port, way);
    if (given === null || given === '') continue;
    presentedAny = true;
    if (sameToken(given, token)) return { ok: true, via: way };
  }
  return { ok: false, status: presentedAny ? 403 : 401 };
}

function presented(req: IncomingMessage, url: URL, port: number, way: Proof): string | null {
  if (way === 'header') {
    const value = req.headers[PREVIEW_TOKEN_HEADER];
    return typeof value === 'string' ? value : null;
  }
  if (way === 'cookie') return readCookie(req.headers.cookie, cookieName(port));
  return url.searchParams.get('token');
}

export function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
