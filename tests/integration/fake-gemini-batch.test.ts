import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPartFromUri, type GoogleGenAI, type InlinedRequest } from '@google/genai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_API_KEY, type FakeGemini, type Fault, startFakeGemini } from '../fake-gemini';
import { sha256, tempDir } from '../fake-gemini/test-kit';
import {
  blobOf,
  CAPTION_CONFIG,
  captionContents,
  inlineImage,
  jpeg,
  responseText,
  sdkClient,
} from '../support/gemini-sdk';

/**
 * The fake's Batch API must create, run and report batches the way the service does, in the shapes the real
 * client parses into a BatchJob: inline requests with inlined responses, a JSONL input file with a JSONL results
 * file, per-line errors, cancel, and progress a test controls.
 */

const MODEL = 'gemini-2.5-flash';
let fake: FakeGemini;
let photos: Buffer[];
beforeAll(async () => {
  photos = await Promise.all(['#aa3300', '#00aa33', '#3300aa'].map((c) => jpeg(c)));
});
afterEach(() => fake?.close());

const inlineRequests = (images: Buffer[], config: object = CAPTION_CONFIG): InlinedRequest[] =>
  images.map((img, i) => ({ contents: captionContents(inlineImage(img)), config, metadata: { key: `img-${i}` } }));

/** What generateContent answers for an image, to compare a batch line with. */
async function syncCaption(ai: GoogleGenAI, img: Buffer): Promise<string | undefined> {
  const r = await ai.models.generateContent({
    model: MODEL,
    contents: captionContents(inlineImage(img)),
    config: CAPTION_CONFIG,
  });
  return r.text;
}

describe('fake Gemini Batch API (real @google/genai client)', () => {
  it('runs inline requests: PENDING, RUNNING, SUCCEEDED on successive gets, responses in order with their keys', async () => {
    fake = await startFakeGemini({ noise: false });
    const ai = sdkClient(fake);
    const job = await ai.batches.create({
      model: MODEL,
      src: inlineRequests(photos),
      config: { displayName: 'captions' },
    });
    expect(job).toMatchObject({ state: 'JOB_STATE_PENDING', displayName: 'captions', model: `models/${MODEL}` });
    expect(job.name).toMatch(/^batches\/[a-z0-9]+$/u);
    expect(job.dest).toBeUndefined();

    const name = job.name ?? '';
    expect((await ai.batches.get({ name })).state).toBe('JOB_STATE_RUNNING');
    const done = await ai.batches.get({ name });
    expect(done.state).toBe('JOB_STATE_SUCCEEDED');
    expect(Date.parse(done.endTime ?? '')).toBeGreaterThanOrEqual(Date.parse(done.createTime ?? ''));
    const responses = done.dest?.inlinedResponses ?? [];
    expect(responses.map((r) => r.metadata?.key)).toEqual(['img-0', 'img-1', 'img-2']);
    // The SDK hands batch responses over as plain objects: no `.text` getter, the app reads the parts itself.
    expect(responses[0]?.response?.text).toBeUndefined();
    const texts = responses.map((r) => responseText(r.response ?? {}));
    for (const [i, img] of photos.entries()) expect(texts[i]).toBe(await syncCaption(ai, img));
    expect(fake.state.batch(name)?.lines.map((l) => l.imageKey)).toEqual(photos.map(sha256));
    expect(fake.requests.map((r) => r.kind)).toEqual([
      'batches.create',
      'batches.get',
      'batches.get',
      'generateContent',
      'generateContent',
      'generateContent',
    ]);
  });

  it('fails or blocks single lines through the fault hooks, and the batch still succeeds', async () => {
    const faults: Record<number, Fault> = { 1: 'safety', 2: 'bad-image', 3: '503' };
    fake = await startFakeGemini({ batchFault: (r) => faults[r.batch?.line ?? -1] });
    const ai = sdkClient(fake);
    // 2.5 Pro cannot stop thinking: a line asking it to fails alone, as generateContent would.
    const noThinking = { thinkingConfig: { thinkingBudget: 0 } };
    const job = await ai.batches.create({
      model: 'gemini-2.5-pro',
      src: [
        ...inlineRequests([...photos, ...photos.slice(0, 1)], { maxOutputTokens: 4000 }),
        ...inlineRequests(photos.slice(0, 1), noThinking),
      ],
    });
    fake.settleBatch(job.name ?? '', 'SUCCEEDED');
    const [ok, blocked, badImage, overloaded, noBudget] =
      (await ai.batches.get({ name: job.name ?? '' })).dest?.inlinedResponses ?? [];
    expect(ok?.response?.candidates?.[0]?.finishReason).toBe('STOP');
    expect(blocked?.response?.candidates?.[0]).toMatchObject({ finishReason: 'SAFETY', content: { role: 'model' } });
    expect(badImage?.response).toBeUndefined();
    expect(badImage?.error).toEqual({ code: 3, message: expect.stringContaining('Unable to process input image') });
    expect(overloaded?.error).toEqual({ code: 14, message: 'The model is overloaded. Please try again later.' });
    expect(noBudget?.error).toEqual({
      code: 3,
      message: 'Budget 0 is invalid. This model only works in thinking mode.',
    });
    expect(fake.state.batch(job.name ?? '')?.lines.map((l) => l.outcome)).toEqual([
      'ok',
      'safety',
      'bad-image',
      'overloaded',
      'thinking-required',
    ]);
  });

  it('runs a JSONL file of requests with uploaded images into a JSONL results file, one line per request', async () => {
    fake = await startFakeGemini({ noise: false });
    const ai = sdkClient(fake);
    const uploaded = await Promise.all(photos.map((p) => ai.files.upload({ file: blobOf(p) })));
    const lines = uploaded.map((f, i) => ({
      key: `img-${i}`,
      request: {
        contents: captionContents(createPartFromUri(f.uri ?? '', 'image/jpeg')),
        generationConfig: CAPTION_CONFIG,
      },
    }));
    const jsonl = [...lines.map((l) => JSON.stringify(l)), 'not json', JSON.stringify({ key: 'empty', request: {} })];
    const input = await ai.files.upload({ file: new Blob([jsonl.join('\n')], { type: 'application/jsonl' }) });
    const job = await ai.batches.create({ model: MODEL, src: input.name ?? '' });
    await ai.batches.get({ name: job.name ?? '' });
    const done = await ai.batches.get({ name: job.name ?? '' });
    expect(done.state).toBe('JOB_STATE_SUCCEEDED');
    expect(done.dest?.fileName).toMatch(/^files\/batch-[a-z0-9]+$/u);
    expect(done.dest?.inlinedResponses).toBeUndefined();

    const { dir, cleanup } = await tempDir();
    try {
      const path = join(dir, 'results.jsonl');
      await ai.files.download({ file: done.dest?.fileName ?? '', downloadPath: path });
      const results = (await readFile(path, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(results.map((r) => r.key)).toEqual(['img-0', 'img-1', 'img-2', undefined, 'empty']);
      for (const [i, img] of photos.entries())
        expect(responseText(results[i].response)).toBe(await syncCaption(ai, img));
      expect(results[3]).toEqual({ error: { code: 3, message: expect.stringContaining('Invalid JSON') } });
      expect(results[4].error).toEqual({ code: 3, message: expect.stringContaining('contents is not specified') });
      // The result file's downloadUri is the documented /download/v1beta/... route: the same bytes.
      const { downloadUri } = await ai.files.get({ name: done.dest?.fileName ?? '' });
      const viaUri = await fetch(downloadUri ?? '', { headers: { 'x-goog-api-key': FAKE_API_KEY } });
      expect(await viaUri.text()).toBe(await readFile(path, 'utf8'));
    } finally {
      await cleanup();
    }

    for (const f of [...uploaded, input]) await ai.files.delete({ name: f.name ?? '' });
    expect(fake.state.uploadedFiles()).toEqual([]);
    expect(fake.state.file(done.dest?.fileName ?? '')?.source).toBe('GENERATED');
  });

  it('fails a line whose uploaded image was deleted before the batch ran', async () => {
    fake = await startFakeGemini({ batchProgress: 'manual' });
    const ai = sdkClient(fake);
    const file = await ai.files.upload({ file: blobOf(photos[0] as Buffer) });
    const job = await ai.batches.create({
      model: MODEL,
      src: [{ contents: captionContents(createPartFromUri(file.uri ?? '', 'image/jpeg')), metadata: { key: 'a' } }],
    });
    await ai.files.delete({ name: file.name ?? '' });
    fake.settleBatch(job.name ?? '', 'SUCCEEDED');
    const [line] = (await ai.batches.get({ name: job.name ?? '' })).dest?.inlinedResponses ?? [];
    expect(line?.error).toMatchObject({ code: 7, message: expect.stringContaining('permission to access the File') });
  });
});
