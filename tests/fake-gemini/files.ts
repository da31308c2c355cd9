import type { FakeContext, RouteHandler } from './context';
import * as E from './errors';
import { type Exchange, fail, page, reply, replyRaw } from './http';
import type { StoredFile } from './state';

/**
 * Files API reads and deletes: files.get, files.list, files.delete, and the download of a generated file (a
 * batch's results; files clients uploaded cannot be downloaded, as on the real service).
 */

/** The File resource as the service shows it (int64 as a string; sha256Hash is base64 of the hex digest). */
export function fileResource(file: StoredFile, baseUrl: string) {
  return {
    name: `files/${file.id}`,
    ...(file.displayName ? { displayName: file.displayName } : {}),
    mimeType: file.mimeType,
    sizeBytes: String(file.bytes.length),
    createTime: file.createTime,
    updateTime: file.createTime,
    expirationTime: file.expirationTime,
    sha256Hash: Buffer.from(file.sha256, 'utf8').toString('base64'),
    uri: `${baseUrl}/v1beta/files/${file.id}`,
    ...(file.source === 'GENERATED'
      ? { downloadUri: `${baseUrl}/download/v1beta/files/${file.id}:download?alt=media` }
      : {}),
    state: 'ACTIVE',
    source: file.source,
  };
}

/** The file a route names, logged as the request's resource; answers 403 (and returns undefined) when unknown. */
function namedFile(ex: Exchange, ctx: FakeContext, id: string): StoredFile | undefined {
  ex.entry.resource = `files/${id}`;
  const file = ctx.state.file(id);
  if (!file) fail(ex, 'not-found', E.fileNotAccessible(id));
  return file;
}

export const getFile: RouteHandler = (ex, ctx, [id = '']) => {
  const file = namedFile(ex, ctx, id);
  if (file) reply(ex, 200, 'ok', fileResource(file, ctx.baseUrl()));
};

export const listFiles: RouteHandler = (ex, ctx) => {
  const { items, nextPageToken } = page(ex.url, [...ctx.state.files.values()], 10, 100);
  reply(ex, 200, 'ok', { files: items?.map((f) => fileResource(f, ctx.baseUrl())), nextPageToken });
};

export const deleteFile: RouteHandler = (ex, ctx, [id = '']) => {
  const file = namedFile(ex, ctx, id);
  if (!file) return;
  ctx.state.files.delete(file.id);
  reply(ex, 200, 'ok', {});
};

/** GET /v1beta/files/{id}:download?alt=media (what the SDK sends) or the documented /download/v1beta/... path. */
export const downloadFile: RouteHandler = (ex, ctx, [id = '']) => {
  const file = namedFile(ex, ctx, id);
  if (!file) return;
  if (ex.url.searchParams.get('alt') !== 'media') return reply(ex, 200, 'ok', fileResource(file, ctx.baseUrl()));
  if (file.source !== 'GENERATED') {
    return fail(
      ex,
      'bad-request',
      E.badRequest(`Only generated files can be downloaded: files/${file.id} was uploaded.`),
    );
  }
  replyRaw(ex, 200, { 'content-type': file.mimeType }, file.bytes);
};
