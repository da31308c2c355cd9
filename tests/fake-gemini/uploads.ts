import type { IncomingHttpHeaders } from 'node:http';
import type { FakeContext, RouteHandler } from './context';
import * as E from './errors';
import { fileResource } from './files';
import { fail, reply, replyRaw } from './http';
import type { Outcome } from './log';
import { randomId, type UploadSession } from './state';

/**
 * The Files API's resumable upload, as the SDK's Node uploader drives it: a `start` POST to /upload/v1beta/files
 * (metadata in the body, size and type in X-Goog-Upload-Header-*) answered with an `x-goog-upload-url`, then
 * 8 MiB chunks POSTed to that URL (`upload`, the last `upload, finalize`), each answered with
 * `x-goog-upload-status` (`active`, then `final` with the File resource).
 */

const TWO_GB = 2 * 1024 ** 3;
/** A client-chosen id: up to 40 lowercase letters, digits or dashes, not starting or ending with a dash. */
const FILE_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/u;

const header = (h: IncomingHttpHeaders, name: string) => String(h[name] ?? '');
const maxFileBytes = (ctx: FakeContext) => ctx.options().maxFileBytes ?? TWO_GB;

interface StartMetadata {
  file?: { name?: unknown; displayName?: unknown; mimeType?: unknown };
}

function readMetadata(body: Buffer): StartMetadata | null {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as StartMetadata;
  } catch {
    return null;
  }
}

type Refused = { outcome: Outcome; error: E.RpcError };

/** The id the file will get: the client's choice if the service would take it, else a fresh random one. */
function chooseFileId(ctx: FakeContext, requested: unknown): { id: string } | Refused {
  if (typeof requested !== 'string') return { id: randomId() };
  const id = requested.replace(/^files\//u, '');
  if (!FILE_ID.test(id)) return { outcome: 'bad-request', error: E.badRequest(`Invalid file name: ${requested}`) };
  if (ctx.state.file(id)) {
    return { outcome: 'already-exists', error: E.alreadyExists(`File files/${id} already exists.`) };
  }
  return { id };
}

/** The size the start declares, null when it declares none (the protocol allows that), or a refusal. */
function declaredSize(h: IncomingHttpHeaders, maxBytes: number): { bytes: number | null } | Refused {
  const value = header(h, 'x-goog-upload-header-content-length');
  if (value === '') return { bytes: null };
  const bytes = Number(value);
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    return { outcome: 'bad-request', error: E.badRequest(`Invalid X-Goog-Upload-Header-Content-Length: ${value}`) };
  }
  return bytes > maxBytes ? { outcome: 'too-large', error: E.fileTooLarge(bytes, maxBytes) } : { bytes };
}

export const startUpload: RouteHandler = (ex, ctx) => {
  const h = ex.req.headers;
  if (header(h, 'x-goog-upload-protocol') !== 'resumable' || header(h, 'x-goog-upload-command') !== 'start') {
    return fail(ex, 'bad-request', E.badRequest('The fake Files API only takes resumable uploads.'));
  }
  const meta = readMetadata(ex.body);
  if (!meta) return fail(ex, 'bad-request', E.badRequest('Invalid JSON payload received. Unexpected token.'));
  const size = declaredSize(h, maxFileBytes(ctx));
  if ('error' in size) return fail(ex, size.outcome, size.error);
  const mimeType = header(h, 'x-goog-upload-header-content-type') || meta.file?.mimeType;
  if (typeof mimeType !== 'string' || mimeType === '') {
    return fail(ex, 'bad-request', E.badRequest('The file has no MIME type.'));
  }
  const chosen = chooseFileId(ctx, meta.file?.name);
  if ('error' in chosen) return fail(ex, chosen.outcome, chosen.error);
  const session: UploadSession = {
    id: randomId(24),
    fileId: chosen.id,
    displayName: typeof meta.file?.displayName === 'string' ? meta.file.displayName : null,
    mimeType,
    declaredBytes: size.bytes,
    chunks: [],
    received: 0,
  };
  ctx.state.uploads.set(session.id, session);
  ex.entry.resource = `files/${session.fileId}`;
  replyRaw(ex, 200, {
    'x-goog-upload-url': `${ctx.baseUrl()}/upload/v1beta/files?upload_id=${session.id}&upload_protocol=resumable`,
    'x-goog-upload-status': 'active',
    'x-goog-upload-chunk-granularity': String(8 * 1024 * 1024),
  });
};

/** A chunk POSTed to the upload URL. The upload id is the credential there: no API key is needed. */
export const uploadChunk: RouteHandler = (ex, ctx) => {
  const session = ctx.state.uploads.get(ex.url.searchParams.get('upload_id') ?? '');
  if (!session) return fail(ex, 'not-found', E.entityNotFound());
  ex.entry.resource = `files/${session.fileId}`;
  const commands = header(ex.req.headers, 'x-goog-upload-command')
    .split(',')
    .map((c) => c.trim());
  const offset = Number(header(ex.req.headers, 'x-goog-upload-offset'));
  if (!commands.includes('upload')) {
    return fail(ex, 'bad-request', E.badRequest(`Unsupported upload command: ${commands.join(', ')}`));
  }
  if (offset !== session.received) {
    const message = `Upload offset ${offset} is not the ${session.received} bytes received.`;
    return fail(ex, 'bad-request', E.badRequest(message));
  }
  session.chunks.push(ex.body);
  session.received += ex.body.length;
  if (!commands.includes('finalize')) return replyRaw(ex, 200, { 'x-goog-upload-status': 'active' });

  ctx.state.uploads.delete(session.id);
  if (session.declaredBytes !== null && session.received !== session.declaredBytes) {
    const message = `Received ${session.received} bytes, but the upload declared ${session.declaredBytes}.`;
    return fail(ex, 'bad-request', E.badRequest(message));
  }
  const maxBytes = maxFileBytes(ctx);
  if (session.received > maxBytes) return fail(ex, 'too-large', E.fileTooLarge(session.received, maxBytes));
  const file = ctx.state.addFile({
    id: session.fileId,
    displayName: session.displayName,
    mimeType: session.mimeType,
    bytes: Buffer.concat(session.chunks),
    source: 'UPLOADED',
  });
  ex.entry.imageKey = file.sha256;
  reply(ex, 200, 'ok', { file: fileResource(file, ctx.baseUrl()) }, { 'x-goog-upload-status': 'final' });
};
