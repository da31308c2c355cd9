import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { mimeTypeOf, resolveInside } from '../core/fs';
import type { MediaService } from '../core/media';
import type { Logger } from '../core/ports';
import { APP_HOST, APP_SCHEME, MEDIA_HOST, parseMediaPath } from '../shared/app-urls';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/**
 * The app's own scheme (checklist item 18): the built UI from `caption-studio://app/...` and image media from
 * `caption-studio://media/<kind>/<sid>/<iid>`, never `file://` and never base64 over IPC. Every response carries
 * the CSP, so the policy holds even if a page were loaded some other way than our window.
 */

/** Must run before `app` is ready: a standard, secure scheme gets a real origin, fetch and a secure context. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export { resolveInside };

export interface ProtocolOptions {
  /** The built renderer (out/renderer). */
  rendererRoot: string;
  media: MediaService;
  log: Logger;
}

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function fileResponse(path: string, mimeType: string, log: Logger): Promise<Response> {
  try {
    const body = await readFile(path);
    return new Response(body, { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': mimeType } });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return plain(404, 'Not found');
    log.error('Could not read a file for the app protocol', e);
    return plain(500, 'Could not read the file');
  }
}

/** The request handler behind `protocol.handle`, separate so tests can call it with a plain Request. */
export function createProtocolHandler(opts: ProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return plain(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:`) return plain(404, 'Not found');
    if (url.host === APP_HOST) {
      const path = resolveInside(opts.rendererRoot, url.pathname);
      if (!path) {
        opts.log.warn(`Refused an app protocol path: ${url.pathname}`);
        return plain(403, 'Forbidden');
      }
      return fileResponse(path, mimeTypeOf(path), opts.log);
    }
    if (url.host === MEDIA_HOST) {
      const media = parseMediaPath(url.pathname);
      if (!media) return plain(404, 'Not found');
      const found = await opts.media.resolve(media.kind, media.datasetId, media.imageId).catch((e: unknown) => {
        opts.log.error('Media lookup failed', e);
        return null;
      });
      return found ? fileResponse(found.path, found.mimeType, opts.log) : plain(404, 'Not found');
    }
    return plain(404, 'Not found');
  };
}

/** Call once app is ready, before the window loads its first page. */
export function installAppProtocol(opts: ProtocolOptions): void {
  protocol.handle(APP_SCHEME, createProtocolHandler(opts));
}
