import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { appPaths } from '../core/app-paths';
import { createDatasetStore } from '../core/datasets';
import { type Backend, createBackend, dispatch } from '../core/handlers';
import { createLogger } from '../core/log';
import type { Keychain } from '../core/ports';
import { createMemoryKeychain, createOsKeychain } from '../core/secrets';
import { parseMediaPath } from '../shared/app-urls';
import { PREVIEW_API_PREFIX, PREVIEW_EVENTS_PATH, PREVIEW_MEDIA_PREFIX } from '../shared/preview-protocol';
import { checkToken, isAllowedHost, isLoopbackAddress, type Proof, tokenCookie } from './auth';
import { createEventStream } from './event-stream';
import { readBody, securityHeaders, sendJson, sendText } from './http';
import { previewDialogs, previewShell } from './ports';
import { createSettingsFile } from './settings-file';
import { sendFile, staticPath } from './static-files';

const errorLog = createLogger();

export interface PreviewServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer (default: out/renderer of this checkout). */
  rendererDir?: string;
  /** CAPTION_STUDIO_DATA_DIR, PREVIEW_MEMORY_KEYSTORE, GEMINI_API_KEY, GOOGLE_GEMINI_BASE_URL (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Overrides the keychain / PREVIEW_MEMORY_KEYSTORE choice. */
  keychain?: Keychain;
  /** Fixed token (tests); a fresh random one by default. */
  token?: string;
  log?: (line: string) => void;
}

export interface PreviewServer {
  /** The page to open, token included: `http://127.0.0.1:PORT/?token=...`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  token: string;
  backend: Backend;
  close(): Promise<void>;
}

const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');
/** importPaths may carry 100,000 long paths. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const ANY_PROOF: readonly Proof[] = ['header', 'cookie', 'query'];

/**
 * The browser preview: the built renderer over HTTP on 127.0.0.1, bridged to the real services through the same
 * dispatch() boundary Electron's IPC uses. A development and end-to-end testing tool, never shipped.
 */
export async function startPreviewServer(opts: PreviewServerOptions = {}): Promise<PreviewServer> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((line: string) => console.log(line));
  const rendererDir = opts.rendererDir ?? DEFAULT_RENDERER_DIR;
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const paths = appPaths(env);
  const settings = createSettingsFile(join(paths.dataDir, 'preview-settings.json'));
  const events = createEventStream();
  const keychain = opts.keychain ?? (env.PREVIEW_MEMORY_KEYSTORE === '1' ? createMemoryKeychain() : createOsKeychain());
  const backend = createBackend({
    ...{ store: createDatasetStore(paths), keychain, settings, emit: events.emit, env, log: errorLog },
    ...{ dialogs: previewDialogs(), shell: previewShell(log) },
  });

  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      errorLog.error('Preview request failed', e);
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    if (!isLoopbackAddress(req.socket.remoteAddress)) return sendText(res, 403, 'Only this machine may connect.');
    if (!isAllowedHost(req.headers.host, port)) return sendText(res, 403, 'Unexpected Host header.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === PREVIEW_EVENTS_PATH) return serveEvents(req, res, url);
    if (url.pathname.startsWith(PREVIEW_API_PREFIX)) return serveCall(req, res, url);
    if (url.pathname.startsWith(`${PREVIEW_MEDIA_PREFIX}/`)) return serveMedia(req, res, url);
    return serveStatic(req, res, url);
  }

  /** The token check shared by every route; answers the refusal itself and returns null then. */
  function authorise(req: IncomingMessage, res: ServerResponse, url: URL, allowed: readonly Proof[]): Proof | null {
    const check = checkToken(req, url, port, token, allowed);
    if (check.ok) return check.via;
    const message =
      check.status === 401
        ? 'The preview needs its token: open the URL that `npm run web` printed.'
        : 'Wrong preview token: open the URL that the running `npm run web` printed.';
    if (url.pathname.startsWith(PREVIEW_API_PREFIX)) {
      sendJson(res, check.status, { ok: false, error: { kind: 'validation', message } });
    } else sendText(res, check.status, message);
    return null;
  }

  async function serveCall(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') return sendText(res, 405, 'Use POST.');
    if (!authorise(req, res, url, ['header'])) return;
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) return sendText(res, 403, 'Foreign origin.');
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) return sendText(res, 413, 'Request too large.');
    let args: unknown;
    try {
      args = JSON.parse(body);
    } catch {
      return sendJson(res, 400, { ok: false, error: { kind: 'validation', message: 'The request is not JSON.' } });
    }
    if (!Array.isArray(args)) {
      return sendJson(res, 400, { ok: false, error: { kind: 'validation', message: 'Send the arguments as a list.' } });
    }
    // Call names are plain ASCII identifiers: anything escaped is simply an unknown name to dispatch().
    const name = url.pathname.slice(PREVIEW_API_PREFIX.length);
    sendJson(res, 200, await dispatch(backend.handlers, name, args, errorLog.error));
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET') sendText(res, 405, 'Use GET.');
    else if (authorise(req, res, url, ANY_PROOF)) events.attach(req, res);
  }

  async function serveMedia(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET') return sendText(res, 405, 'Use GET.');
    if (!authorise(req, res, url, ANY_PROOF)) return;
    const request = parseMediaPath(url.pathname.slice(PREVIEW_MEDIA_PREFIX.length));
    if (!request) return sendText(res, 404, 'No such image.');
    const file = await backend.media.resolve(request.kind, request.datasetId, request.imageId);
    // Thumbnails never change for an id; a preview is redone when its source changes.
    const cache = request.kind === 'thumb' ? 'private, max-age=3600' : 'private, no-cache';
    if (!file || !(await sendFile(res, file.path, cache, file.mimeType))) sendText(res, 404, 'No such image.');
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET') return sendText(res, 405, 'Use GET.');
    const via = authorise(req, res, url, ['cookie', 'query', 'header']);
    if (!via) return;
    if (via === 'query') res.setHeader('Set-Cookie', tokenCookie(port, token));
    const path = staticPath(rendererDir, url.pathname);
    const isPage = url.pathname === '/' || url.pathname.endsWith('.html');
    if (path && (await sendFile(res, path, isPage ? 'no-store' : 'no-cache'))) return;
    if (url.pathname === '/')
      return sendText(res, 404, `No built renderer in ${rendererDir}: run \`npx electron-vite build\`.`);
    sendText(res, 404, 'Not found.');
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    backend,
    close() {
      closing ??= (async () => {
        events.close();
        const stopped = new Promise<void>((done) => server.close(() => done()));
        server.closeAllConnections();
        await stopped;
        await backend.shutdown();
        await settings.flush();
      })();
      return closing;
    },
  };
}
