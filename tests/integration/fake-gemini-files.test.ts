import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPartFromUri } from '@google/genai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGemini, startFakeGemini } from '../fake-gemini';
import { sha256, tempDir } from '../fake-gemini/test-kit';
import {
  apiError,
  blobOf,
  CAPTION_CONFIG,
  captionContents,
  inlineImage,
  jpeg,
  responseText,
  sdkClient,
} from '../support/gemini-sdk';

/** The fake's Files API must answer the real client's resumable uploads, reads and deletes the way the service does. */

let fake: FakeGemini;
let photo: Buffer;
beforeAll(async () => {
  photo = await jpeg('#336699');
});
afterEach(() => fake?.close());

describe('fake Gemini Files API (real @google/genai client)', () => {
  it('takes a Blob through the resumable upload and keeps its bytes', async () => {
    fake = await startFakeGemini();
    const file = await sdkClient(fake).files.upload({
      file: blobOf(photo),
      config: { displayName: 'photo.jpg' },
    });
    expect(file.name).toMatch(/^files\/[a-z0-9]{12}$/u);
    expect(file).toMatchObject({ displayName: 'photo.jpg', mimeType: 'image/jpeg', state: 'ACTIVE' });
    expect(file.sizeBytes).toBe(String(photo.length));
    expect(file.uri).toBe(`${fake.url}/v1beta/files/${file.name?.slice(6)}`);
    const created = Date.parse(file.createTime ?? '');
    expect(Date.parse(file.expirationTime ?? '') - created).toBe(48 * 3600_000);
    expect(Buffer.from(file.sha256Hash ?? '', 'base64').toString()).toBe(sha256(photo));

    const [stored] = fake.state.uploadedFiles();
    expect(stored?.bytes.equals(photo)).toBe(true);
    expect(fake.requests.map((r) => [r.kind, r.resource])).toEqual([
      ['files.upload.start', file.name],
      ['files.upload.chunk', file.name],
    ]);
    expect(fake.requests[1]?.imageKey).toBe(sha256(photo));
  });

  it('takes a path in 8 MiB chunks (upload, then upload + finalize) and infers the type from the name', async () => {
    fake = await startFakeGemini();
    const { dir, cleanup } = await tempDir();
    try {
      const bytes = randomBytes(9 * 1024 * 1024);
      const path = join(dir, 'big.bin');
      await writeFile(path, bytes);
      const file = await sdkClient(fake).files.upload({ file: path });
      expect(file).toMatchObject({ mimeType: 'application/octet-stream', sizeBytes: String(bytes.length) });
      expect(fake.requests.filter((r) => r.kind === 'files.upload.chunk')).toHaveLength(2);
      expect(fake.state.file(file.name ?? '')?.bytes.equals(bytes)).toBe(true);
    } finally {
      await cleanup();
    }
  });

  it('gets, lists page by page and deletes files; an unknown or deleted file is a 403', async () => {
    fake = await startFakeGemini();
    const ai = sdkClient(fake);
    const a = await ai.files.upload({ file: blobOf(photo) });
    const b = await ai.files.upload({ file: new Blob(['{}'], { type: 'application/json' }) });
    expect(await ai.files.get({ name: a.name ?? '' })).toEqual(a);

    const names: string[] = [];
    for await (const f of await ai.files.list({ config: { pageSize: 1 } })) names.push(f.name ?? '');
    expect(names.sort()).toEqual([a.name, b.name].sort());
    expect(fake.requests.filter((r) => r.kind === 'files.list')).toHaveLength(2);

    await ai.files.delete({ name: a.name ?? '' });
    expect(fake.state.uploadedFiles().map((f) => `files/${f.id}`)).toEqual([b.name]);
    const gone = await apiError(ai.files.get({ name: a.name ?? '' }));
    expect(gone.status).toBe(403);
    expect(gone.message).toContain(`You do not have permission to access the File ${a.name?.slice(6)}`);
    expect((await apiError(ai.files.delete({ name: a.name ?? '' }))).status).toBe(403);
  });

  it('takes a chosen name once, and refuses a file over the size limit before any byte is sent', async () => {
    fake = await startFakeGemini({ maxFileBytes: 100 });
    const ai = sdkClient(fake);
    const small = new Blob(['{"a":1}'], { type: 'application/json' });
    expect((await ai.files.upload({ file: small, config: { name: 'my-input' } })).name).toBe('files/my-input');
    expect((await apiError(ai.files.upload({ file: small, config: { name: 'my-input' } }))).status).toBe(409);

    const tooBig = await apiError(ai.files.upload({ file: blobOf(photo) }));
    expect(tooBig.status).toBe(400);
    expect(fake.requests.at(-1)).toMatchObject({ kind: 'files.upload.start', outcome: 'too-large' });
  });

  it('serves an uploaded image to generateContent by uri: the same caption as the same bytes inline', async () => {
    fake = await startFakeGemini({ noise: false });
    const ai = sdkClient(fake);
    const file = await ai.files.upload({ file: blobOf(photo) });
    const model = 'gemini-2.5-flash';
    const byUri = await ai.models.generateContent({
      model,
      contents: captionContents(createPartFromUri(file.uri ?? '', 'image/jpeg')),
      config: CAPTION_CONFIG,
    });
    const inline = await ai.models.generateContent({
      model,
      contents: captionContents(inlineImage(photo)),
      config: CAPTION_CONFIG,
    });
    expect(byUri.text).toBe(inline.text);
    expect(responseText(byUri)).toBe(inline.text);
    expect(fake.requests.filter((r) => r.kind === 'generateContent').map((r) => r.imageKey)).toEqual([
      sha256(photo),
      sha256(photo),
    ]);

    await ai.files.delete({ name: file.name ?? '' });
    const missing = ai.models.generateContent({
      model,
      contents: captionContents(createPartFromUri(file.uri ?? '', 'image/jpeg')),
      config: CAPTION_CONFIG,
    });
    expect((await apiError(missing)).status).toBe(403);
  });

  it('does not let an uploaded file be downloaded (only generated ones can be)', async () => {
    fake = await startFakeGemini();
    const ai = sdkClient(fake);
    const file = await ai.files.upload({ file: blobOf(photo) });
    const { dir, cleanup } = await tempDir();
    try {
      const refused = await apiError(ai.files.download({ file: file.name ?? '', downloadPath: join(dir, 'x') }));
      expect(refused.status).toBe(400);
      expect(fake.requests.at(-1)?.path).toBe(`/v1beta/${file.name}:download`);
    } finally {
      await cleanup();
    }
  });
});
