import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../fake-gemini/test-kit';
import { type FakeReplicate, startFakeReplicate } from '../fake-replicate';
import { apiFailure, clientFor, type FileAnswer, zipOf, zipUpload } from '../fake-replicate/test-kit';
import { sha256 } from '../support/hash';
import { readZip } from '../support/zip';

/**
 * The fake's Files API must take the real client's multipart uploads, keep the bytes (tests read the ZIP back
 * to check what would be trained) and answer gets, lists and deletes the way the service does.
 */

let fake: FakeReplicate;
afterEach(() => fake?.close());

const md5Hex = /^[0-9a-f]{32}$/u;

describe('fake Replicate Files API (real replicate client)', () => {
  it('takes a named ZIP as multipart and answers the file resource the app reads', async () => {
    fake = await startFakeReplicate();
    const zip = await zipOf({ 'hall-1.jpg': Buffer.from('jpeg bytes'), 'hall-1.txt': 'photo of ide_main_hall' });
    const file = (await clientFor(fake).files.create(zipUpload(zip), { dataset: 'ide_main_hall' })) as FileAnswer;

    expect(file.id).toMatch(/^[A-Za-z0-9+/]{48}$/u);
    expect(Buffer.from(file.id, 'base64').toString()).toMatch(/^[0-9a-f-]{36}$/u);
    expect(file).toMatchObject({
      name: 'dataset.zip',
      content_type: 'application/zip',
      size: zip.length,
      checksums: { sha256: sha256(zip) },
      metadata: { dataset: 'ide_main_hall' },
      urls: { get: `${fake.url}/files/${file.id}` },
    });
    expect(file.etag).toMatch(md5Hex);
    expect(file.checksums.md5).toBe(file.etag);
    expect(Date.parse(file.expires_at ?? '') - Date.parse(file.created_at)).toBe(24 * 3600_000);

    const [stored] = fake.state.uploadedFiles();
    expect(stored?.bytes.equals(zip)).toBe(true);
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, 'uploaded.zip'), stored?.bytes ?? Buffer.alloc(0));
      const entries = await readZip(join(dir, 'uploaded.zip'));
      expect(entries.get('hall-1.txt')?.toString()).toBe('photo of ide_main_hall');
    } finally {
      await cleanup();
    }
    expect(fake.requests[0]).toMatchObject({ kind: 'files.create', status: 201, resource: `files/${file.id}` });
    expect(fake.requests[0]?.bodySummary).toBe(
      `content=dataset.zip (application/zip, ${zip.length} bytes) metadata={"dataset":"ide_main_hall"}`,
    );
  });

  it('names a Buffer upload buffer_<time> and types it application/octet-stream, as the client does', async () => {
    fake = await startFakeReplicate();
    const file = (await clientFor(fake).files.create(Buffer.from('PK not really'))) as FileAnswer;
    expect(file.name).toMatch(/^buffer_\d+$/u);
    expect(file.content_type).toBe('application/octet-stream');
    expect(file.metadata).toEqual({});
  });

  it('refuses an upload over the size limit with 413 and keeps nothing', async () => {
    fake = await startFakeReplicate({ maxFileBytes: 1024 });
    const replicate = clientFor(fake);
    const failure = await apiFailure(replicate.files.create(zipUpload(Buffer.alloc(1025))));
    expect(failure.status).toBe(413);
    expect(failure.body).toEqual({ detail: 'Files must be less than 100MB in size', status: 413 });
    expect(fake.state.uploadedFiles()).toEqual([]);
    // Far past the limit the fake reads and drops the rest, so the client still gets the 413, not a socket error.
    const far = await apiFailure(replicate.files.create(zipUpload(Buffer.alloc(512 * 1024))));
    expect(far.status).toBe(413);
    expect((await replicate.files.create(zipUpload(Buffer.alloc(1024)))).size).toBe(1024);
  });

  it('gets, lists (newest first, page by page) and deletes files; a deleted file is 404 "File not found"', async () => {
    fake = await startFakeReplicate({ pageSize: 1 });
    const replicate = clientFor(fake);
    const a = await replicate.files.create(zipUpload(Buffer.from('a'), 'a.zip'));
    const b = await replicate.files.create(zipUpload(Buffer.from('b'), 'b.zip'));
    expect(await replicate.files.get(a.id)).toEqual(a);

    const pages: string[][] = [];
    for await (const page of replicate.paginate(replicate.files.list))
      pages.push(page.map((f) => (f as FileAnswer).name));
    expect(pages).toEqual([['b.zip'], ['a.zip']]);

    expect(await replicate.files.delete(a.id)).toBe(true);
    const gone = await apiFailure(replicate.files.get(a.id));
    expect([gone.status, gone.body]).toEqual([404, { detail: 'File not found', status: 404 }]);
    expect((await apiFailure(replicate.files.delete(a.id))).status).toBe(404);
    expect(fake.state.uploadedFiles().map((f) => f.id)).toEqual([b.id]);
  });

  it("does not show one account's files to another", async () => {
    fake = await startFakeReplicate();
    const file = await clientFor(fake).files.create(zipUpload(Buffer.from('mine')));
    fake.setBehaviour({ token: 'r8_other', username: 'other' });
    expect((await apiFailure(clientFor(fake, 'r8_other').files.get(file.id))).status).toBe(404);
    expect((await clientFor(fake, 'r8_other').files.list()).results).toEqual([]);
  });
});
