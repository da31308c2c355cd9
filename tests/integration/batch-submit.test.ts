import { afterEach, describe, expect, it } from 'vitest';
import { batchDeps, cancelBatch, checkBatch, submitBatch } from '../../src/core/batch';
import { userCaptionPatch } from '../../src/core/handlers';
import { normaliseCaption } from '../../src/shared/normalise';
import { FAKE_API_KEY, type FakeGemini, type FakeGeminiOptions, type Fault, startFakeGemini } from '../fake-gemini';
import { fastClock, tempDir } from '../fake-gemini/test-kit';
import { photoDataset } from '../support/batch-dataset';

/**
 * A Gemini batch job from submission to results, with the real SDK against the fake's Files and Batch APIs and a
 * real dataset store: inline and file batches, lines that fail or are blocked, the user's edits made meanwhile,
 * cancel and jobs that end without results; every uploaded file is gone at the end, whatever way it ended.
 */

let fake: FakeGemini;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await fake?.close();
  await cleanup?.();
  cleanup = null;
});

async function setup(count: number, options: FakeGeminiOptions = {}) {
  const tmp = await tempDir('caption-batch-');
  cleanup = tmp.cleanup;
  fake = await startFakeGemini({ batchProgress: 'manual', ...options });
  const dataset = await photoDataset(tmp.dir, count, { size: 160 });
  const deps = batchDeps(dataset.store, { apiKey: FAKE_API_KEY, baseUrl: fake.url }, fastClock());
  return { ...dataset, deps };
}

const kinds = () => fake.requests.map((r) => r.kind);

describe('Gemini batch jobs (real SDK, fake Files and Batch APIs, real dataset store)', () => {
  it('sends a small batch inline, saves the job at once, and applies its results like a run', async () => {
    const { store, datasetId, deps } = await setup(3);
    const statuses: string[] = [];
    const status = await submitBatch(deps, datasetId, { onStatus: (s) => statuses.push(`${s.state} ${s.uploaded}`) });
    expect(status).toMatchObject({ state: 'queued', images: 3, uploaded: 3, model: 'gemini-2.5-flash' });
    expect(status?.savingUsd).toBeCloseTo(status?.costUsd ?? 0, 10); // half price: the saving is the other half
    expect(statuses).toEqual(['uploading 0', 'uploading 1', 'uploading 2', 'uploading 3']);
    const saved = (await store.load(datasetId)).batch;
    expect(saved).toMatchObject({ name: status?.name, state: 'queued', input: 'inline', uploadedFiles: [] });
    expect(saved?.imageIds).toEqual(['img-0', 'img-1', 'img-2']);
    expect(kinds()).toEqual(['models.get', 'batches.create']);

    expect((await checkBatch(deps, datasetId)).status?.state).toBe('queued');
    fake.advanceBatch(saved?.name ?? '');
    expect((await checkBatch(deps, datasetId)).status?.state).toBe('running');
    expect((await store.load(datasetId)).batch?.state).toBe('running');
    fake.settleBatch(saved?.name ?? '', 'SUCCEEDED');
    const step = await checkBatch(deps, datasetId);

    expect(step.status).toBeNull();
    expect(step.finished?.summary).toMatchObject({ status: 'completed', captioned: 3, failed: 0, blocked: 0 });
    expect(step.finished?.summary.message).toMatch(/^Half price: \$0\.\d{4} saved against a normal run\.$/u);
    const after = await store.load(datasetId);
    expect(after.batch).toBeNull();
    const lines = fake.state.batch(saved?.name ?? '')?.lines ?? [];
    for (const [i, image] of after.images.entries()) {
      // The same normalisation as a normal run: the fake's noisy answer becomes the caption a run would write.
      expect(image).toMatchObject({ status: 'captioned', captionSource: 'model', provider: 'gemini' });
      expect(image.model).toBe('gemini-2.5-flash');
      expect(image.caption).toBe(normaliseCaption(lines[i]?.text ?? '', 'my_cat'));
    }
    expect(step.finished?.images.map((i) => i.id)).toEqual(['img-0', 'img-1', 'img-2']);
    // The line asked exactly what a normal request asks: thinking off on 2.5 Flash, the output cap, the prompt.
    const request = lines[0]?.request as { generationConfig?: unknown; contents?: Array<{ parts: unknown[] }> };
    expect(request.generationConfig).toEqual({
      temperature: 0.4,
      maxOutputTokens: 400,
      thinkingConfig: { thinkingBudget: 0 },
    });
    expect(request.contents?.[0]?.parts[1]).toEqual({ text: expect.stringContaining('my_cat') });
  });

  it('uploads a batch over the inline limit through the Files API, listing its files first, and deletes them all', async () => {
    const { store, datasetId, deps } = await setup(3);
    const status = await submitBatch(deps, datasetId, { inlineLimitBytes: 1 });
    const saved = (await store.load(datasetId)).batch;
    const planned = saved?.uploadedFiles ?? [];
    expect(saved).toMatchObject({ name: status?.name, input: 'file', state: 'queued' });
    expect(planned).toHaveLength(4); // three images and the JSONL of requests
    expect(
      fake.state
        .uploadedFiles()
        .map((f) => `files/${f.id}`)
        .sort(),
    ).toEqual([...planned].sort());
    expect(fake.state.batch(saved?.name ?? '')?.inputFile).toBe(planned.at(-1));

    fake.settleBatch(saved?.name ?? '', 'SUCCEEDED');
    const step = await checkBatch(deps, datasetId);
    expect(step.finished?.summary).toMatchObject({ status: 'completed', captioned: 3 });
    expect((await store.load(datasetId)).images.every((i) => i.status === 'captioned')).toBe(true);
    expect(fake.state.uploadedFiles()).toEqual([]);
    // The results file (GENERATED by the job) is deleted too: nothing of the dataset stays on Gemini's side.
    expect(fake.state.files.size).toBe(0);
    expect(kinds().filter((k) => k === 'files.download')).toHaveLength(1);
  });

  it('fails and blocks single lines: failed images go back to "failed", blocked ones to "blocked"', async () => {
    const faults: Record<number, Fault> = { 0: 'safety', 1: 'bad-image', 2: '503' };
    const { store, datasetId, deps } = await setup(4, { batchFault: (r) => faults[r.batch?.line ?? -1] });
    const status = await submitBatch(deps, datasetId, {});
    fake.settleBatch(status?.name ?? '', 'SUCCEEDED');
    const step = await checkBatch(deps, datasetId);
    expect(step.finished?.summary).toMatchObject({ captioned: 1, failed: 2, blocked: 1 });
    const images = (await store.load(datasetId)).images;
    expect(images.map((i) => i.status)).toEqual(['blocked', 'failed', 'failed', 'captioned']);
    expect(images[0]?.error).toMatch(/^Blocked by Gemini's safety filter \(SAFETY\)/u);
    expect(images[1]?.error).toMatch(/^The batch could not caption this image: Unable to process input image/u);
    expect(images[2]?.error).toBe(
      'The batch could not caption this image: The model is overloaded. Caption it again to retry.',
    );
    expect(images.slice(0, 3).every((i) => i.caption === null)).toBe(true);
  });

  it('leaves alone what the user did after submitting: a caption typed, an image excluded', async () => {
    const { store, datasetId, deps } = await setup(3);
    const status = await submitBatch(deps, datasetId, {});
    await store.updateImage(datasetId, 'img-0', userCaptionPatch('photo of my_cat typed by hand'));
    await store.updateImage(datasetId, 'img-1', { excluded: true });
    fake.settleBatch(status?.name ?? '', 'SUCCEEDED');
    const step = await checkBatch(deps, datasetId);
    expect(step.finished?.summary).toMatchObject({ captioned: 1 });
    expect(step.finished?.summary.message).toContain('2 image(s) you captioned or excluded meanwhile kept your work.');
    const [typed, excluded, captioned] = (await store.load(datasetId)).images;
    expect(typed).toMatchObject({ caption: 'photo of my_cat typed by hand', captionSource: 'user', status: 'edited' });
    expect(excluded).toMatchObject({ excluded: true, caption: null, status: 'new' });
    expect(captioned?.status).toBe('captioned');
  });

  it('recaptions a typed caption only while it is still the one the job was submitted with', async () => {
    const { store, datasetId, deps } = await setup(2);
    for (const id of ['img-0', 'img-1'])
      await store.updateImage(datasetId, id, userCaptionPatch(`photo of my_cat ${id}`));
    const status = await submitBatch(deps, datasetId, { recaption: true });
    await store.updateImage(datasetId, 'img-1', userCaptionPatch('photo of my_cat typed again after submitting'));
    fake.settleBatch(status?.name ?? '', 'SUCCEEDED');
    await checkBatch(deps, datasetId);
    const [replaced, kept] = (await store.load(datasetId)).images;
    expect(replaced).toMatchObject({ captionSource: 'model', status: 'captioned' });
    expect(kept?.caption).toBe('photo of my_cat typed again after submitting');
  });

  it('cancels a job on Gemini, deletes its files and leaves the images for the next run', async () => {
    const { store, datasetId, deps } = await setup(3);
    const status = await submitBatch(deps, datasetId, { inlineLimitBytes: 1 });
    expect(fake.state.uploadedFiles()).toHaveLength(4);
    const step = await cancelBatch(deps, datasetId);
    expect(step.finished?.summary).toMatchObject({ status: 'cancelled', notAttempted: 3, captioned: 0 });
    expect(fake.state.batch(status?.name ?? '')?.state).toBe('CANCELLED');
    expect(fake.state.uploadedFiles()).toEqual([]);
    const after = await store.load(datasetId);
    expect(after.batch).toBeNull();
    expect(after.images.every((i) => i.status === 'new')).toBe(true);
  });

  it('a cancel that comes after the job succeeded applies its results instead', async () => {
    const { store, datasetId, deps } = await setup(2);
    const status = await submitBatch(deps, datasetId, {});
    fake.settleBatch(status?.name ?? '', 'SUCCEEDED');
    const step = await cancelBatch(deps, datasetId);
    expect(step.finished?.summary).toMatchObject({ status: 'completed', captioned: 2 });
    expect(kinds()).not.toContain('batches.cancel');
    expect((await store.load(datasetId)).images.every((i) => i.status === 'captioned')).toBe(true);
  });

  it.each([
    ['FAILED', 'batch-failed', /failed on Gemini's side/u],
    ['EXPIRED', 'batch-failed', /expired before Gemini finished it/u],
    ['CANCELLED', 'cancelled', /was cancelled/u],
  ] as const)(
    'a job that ends %s frees the dataset, deletes the files and reports it once',
    async (end, status, message) => {
      const { store, datasetId, deps } = await setup(2);
      const submitted = await submitBatch(deps, datasetId, { inlineLimitBytes: 1 });
      fake.settleBatch(submitted?.name ?? '', end);
      const step = await checkBatch(deps, datasetId);
      expect(step.finished?.summary).toMatchObject({ status, notAttempted: 2, captioned: 0 });
      expect(step.finished?.summary.message).toMatch(message);
      expect(fake.state.uploadedFiles()).toEqual([]);
      expect((await store.load(datasetId)).batch).toBeNull();
      expect(await checkBatch(deps, datasetId)).toEqual({ status: null, finished: null });
    },
  );

  it('a batch Gemini refuses at create leaves no files and no record behind', async () => {
    const { store, datasetId, deps } = await setup(2, { maxBatchRequestBytes: 10 });
    await expect(submitBatch(deps, datasetId, { inlineLimitBytes: 1 })).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(/^Gemini refused the batch job/u),
    });
    expect((await store.load(datasetId)).batch).toBeNull();
    expect(fake.state.uploadedFiles()).toEqual([]);
    expect(fake.state.batches.size).toBe(0);
  });
});
