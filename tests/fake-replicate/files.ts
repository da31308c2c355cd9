import type { FakeContext, RouteHandler } from './context';
import { type Exchange, fail, page, reply, replyEmpty } from './http';
import * as P from './problems';
import type { StoredFile } from './records';
import { isRecord } from './validation';

/**
 * The Files API: files.create (multipart, as the client's FormData sends it: a `content` part named by its
 * filename and typed by its Content-Type, and a `metadata` part holding JSON; curl-style `filename` and `type`
 * fields override), files.get, files.list and files.delete. The bytes stay in `state` for tests to read back.
 */

export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

/** The file resource exactly as the real service answers it (recorded in replicate-python's cassettes). */
function fileResource(file: StoredFile, origin: string) {
  return {
    id: file.id,
    name: file.name,
    content_type: file.contentType,
    size: file.bytes.length,
    etag: file.md5,
    checksums: { sha256: file.sha256, md5: file.md5 },
    metadata: file.metadata,
    created_at: file.createdAt,
    expires_at: file.expiresAt,
    urls: { get: `${origin}/v1/files/${file.id}` },
  };
}

/** A multipart text field, whether the client sent it as a plain field or as a Blob part (the JS client does). */
async function fieldText(value: FormDataEntryValue | null): Promise<string | null> {
  if (value === null) return null;
  return typeof value === 'string' ? value : value.text();
}

function parseMetadata(raw: string | null): Record<string, unknown> | null {
  if (raw === null || raw === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export const createFile: RouteHandler = async (ex, ctx) => {
  if (ex.body === null) {
    ex.entry.bodySummary = `${ex.bodyBytes} bytes, over the limit`;
    return fail(ex, P.fileTooLarge());
  }
  const form = await new Response(new Uint8Array(ex.body), {
    headers: { 'content-type': ex.req.headers['content-type'] ?? '' },
  })
    .formData()
    .catch(() => null);
  const content = form?.get('content');
  if (!form || !(content instanceof Blob)) return fail(ex, P.badRequest('content is required'));
  const bytes = Buffer.from(await content.arrayBuffer());
  const maxBytes = ctx.options().maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length > maxBytes) return fail(ex, P.fileTooLarge());
  const metadata = parseMetadata(await fieldText(form.get('metadata')));
  if (metadata === null) return fail(ex, P.badRequest('metadata must be a valid JSON object'));
  const name = (await fieldText(form.get('filename'))) ?? (content instanceof File ? content.name : 'file');
  const contentType = (await fieldText(form.get('type'))) || content.type || 'application/octet-stream';
  ex.entry.bodySummary = `content=${name} (${contentType}, ${bytes.length} bytes) metadata=${JSON.stringify(metadata)}`;
  const file = ctx.state.addFile({ owner: ctx.username(), name, contentType, bytes, metadata });
  ex.entry.resource = `files/${file.id}`;
  reply(ex, 201, fileResource(file, ctx.origin()));
};

/** The account's file a route names, logged as the request's resource; answers 404 (and undefined) when unknown. */
function namedFile(ex: Exchange, ctx: FakeContext, id: string): StoredFile | undefined {
  ex.entry.resource = `files/${id}`;
  const file = ctx.state.file(id);
  if (file?.owner === ctx.username()) return file;
  fail(ex, P.fileNotFound());
  return undefined;
}

export const getFile: RouteHandler = (ex, ctx, [id = '']) => {
  const file = namedFile(ex, ctx, id);
  if (file) reply(ex, 200, fileResource(file, ctx.origin()));
};

/** Most recent first, as the real list is sorted. */
export const listFiles: RouteHandler = (ex, ctx) => {
  const mine = [...ctx.state.files.values()].filter((f) => f.owner === ctx.username()).reverse();
  const { results, ...links } = page(ex, mine, ctx.options().pageSize ?? 100);
  reply(ex, 200, { ...links, results: results.map((f) => fileResource(f, ctx.origin())) });
};

export const deleteFile: RouteHandler = (ex, ctx, [id = '']) => {
  const file = namedFile(ex, ctx, id);
  if (!file) return;
  ctx.state.files.delete(file.id);
  replyEmpty(ex);
};
