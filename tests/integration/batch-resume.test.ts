import { readdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BATCH_UPLOADING_ELSEWHERE,
  BATCH_WAITING,
  batchDeps,
  cancelBatch,
  checkBatch,
  submitBatch,
} from '../../src/core/batch';
import { createGeminiBatchClient } from '../../src/core/captioner';
import { createDatasetStore } from '../../src/core/datasets';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { fastClock, tempDir } from '../fake-gemini/test-kit';
import { photoDataset } from '../support/batch-dataset';

/**
 * A batch job outlives whoever submitted it: a new store (the app or the CLI started again) and a restarted server
 * follow the same job to its results without ever submitting a second one; an upload cut short leaves a record that
 * the next look settles (its files deleted, nothing submitted), and a job created just before a crash whose name
 * was never saved is found by its display name instead of being submitted again.
 */

let fake: FakeGemini;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await fake?.close();
  await cleanup?.();
  cleanup = null;
});

async function setup(count: number) {
  const tmp = await tempDir('caption-batch-resume-');
  cleanup = tmp.cleanup;
  fake = await startFakeGemini({ batchProgress: 'manual' });
  const dataset = await photoDataset(tmp.dir, count, { size: 160 });
  const depsOf = (store = dataset.store) => batchDeps(store, { apiKey: FAKE_API_KEY, baseUrl: fake.url }, fastClock());
  return { ...dataset, depsOf };
}

const creates = () => fake.requests.filter((r) => r.kind === 'batches.create');

describe('a batch job across restarts', () => {
  it('is followed by a new store and a restarted server to its results, and never submitted twice', async () => {
    const { store, dataDir, datasetId, depsOf } = await setup(3);
    const submitted = await submitBatch(depsOf(), datasetId, { inlineLimitBytes: 1 });
    await store.close();
    const { state } = fake;
    await fake.close();

    fake = await startFakeGemini({ state, batchProgress: 'manual' });
    const reopened = createDatasetStore({ dataDir });
    const deps = depsOf(reopened);
    expect((await checkBatch(deps, datasetId)).status).toMatchObject({ name: submitted?.name, state: 'queued' });
    await expect(submitBatch(deps, datasetId, {})).rejects.toMatchObject({
      kind: 'validation',
      message: BATCH_WAITING,
    });
    fake.settleBatch(submitted?.name ?? '', 'SUCCEEDED');
    const step = await checkBatch(deps, datasetId);
    expect(step.finished?.summary).toMatchObject({ status: 'completed', captioned: 3 });
    expect(creates()).toEqual([]); // the restarted server saw no submission at all
    expect(state.batches.size).toBe(1);
    expect(fake.state.uploadedFiles()).toEqual([]);
    expect((await reopened.load(datasetId)).images.every((i) => i.status === 'captioned')).toBe(true);
  });

  it('an upload cut short (the process gone) is settled on the next look: its files deleted, nothing submitted', async () => {
    const { store, dataDir, datasetId, depsOf } = await setup(6);
    const stop = new AbortController();
    await expect(
      submitBatch(depsOf(), datasetId, {
        inlineLimitBytes: 1,
        abandon: stop.signal,
        // Stops when two images are up: like a crash, nothing is cleaned up on the way out.
        onStatus: (s) => s.uploaded >= 2 && stop.abort(),
      }),
    ).rejects.toThrow();
    const left = (await store.load(datasetId)).batch;
    expect(left).toMatchObject({ name: null, state: 'uploading', input: 'file' });
    // The half-written JSONL of requests did not stay in the dataset's folder.
    expect((await readdir(store.datasetDir(datasetId))).filter((f) => f.startsWith('batch-'))).toEqual([]);
    expect(left?.uploadedFiles).toHaveLength(7); // every name listed before its upload
    const orphans = fake.state.uploadedFiles().map((f) => `files/${f.id}`);
    expect(orphans.length).toBeGreaterThanOrEqual(2);
    expect(left?.uploadedFiles).toEqual(expect.arrayContaining(orphans));

    const reopened = createDatasetStore({ dataDir });
    const step = await checkBatch(depsOf(reopened), datasetId);
    expect(step.finished?.summary).toMatchObject({ status: 'cancelled', notAttempted: 6 });
    expect(step.finished?.summary.message).toMatch(/stopped before it was submitted: nothing was sent to Gemini/u);
    expect(fake.state.uploadedFiles()).toEqual([]);
    expect((await reopened.load(datasetId)).batch).toBeNull();
    expect(creates()).toEqual([]);
  });

  it('an upload another live process is doing is left alone: not settled, not cancelled from here', async () => {
    const { store, datasetId, depsOf } = await setup(6);
    const stop = new AbortController();
    await expect(
      submitBatch(depsOf(), datasetId, {
        inlineLimitBytes: 1,
        abandon: stop.signal,
        onStatus: (s) => s.uploaded >= 1 && stop.abort(),
      }),
    ).rejects.toThrow();
    // The record names a process that is alive on this machine (this one's parent) as its uploader.
    await store.modify(datasetId, (m) => ({
      ...m,
      batch: m.batch && { ...m.batch, uploader: { host: hostname(), pid: process.ppid } },
    }));
    const files = fake.state.uploadedFiles().length;
    expect(files).toBeGreaterThan(0);
    expect((await checkBatch(depsOf(), datasetId)).status).toMatchObject({ state: 'uploading', name: null });
    await expect(cancelBatch(depsOf(), datasetId)).rejects.toMatchObject({
      message: expect.stringContaining(BATCH_UPLOADING_ELSEWHERE),
    });
    expect(fake.state.uploadedFiles()).toHaveLength(files);
    expect((await store.load(datasetId)).batch?.state).toBe('uploading');
  });

  it('a job created just before a crash (its name never saved) is found by its display name, not submitted again', async () => {
    const { store, datasetId, depsOf } = await setup(2);
    const submitted = await submitBatch(depsOf(), datasetId, {});
    // The crash: the job exists at Gemini, the dataset still says "uploading" without a name.
    await store.modify(datasetId, (m) => ({ ...m, batch: m.batch && { ...m.batch, name: null, state: 'uploading' } }));
    fake.settleBatch(submitted?.name ?? '', 'SUCCEEDED');
    const step = await checkBatch(depsOf(), datasetId);
    expect(step.finished?.summary).toMatchObject({ status: 'completed', captioned: 2 });
    expect(creates()).toHaveLength(1);
    expect(fake.requests.some((r) => r.kind === 'batches.list')).toBe(true);
  });

  it('results already in the dataset are not applied again when the cleanup after them was cut short', async () => {
    const { store, datasetId, depsOf } = await setup(2);
    const submitted = await submitBatch(depsOf(), datasetId, { inlineLimitBytes: 1 });
    fake.settleBatch(submitted?.name ?? '', 'SUCCEEDED');
    // The connection drops right after the results went in: the deletes go to a port where nothing listens (a real
    // refused connection), so the settled record keeps the files for the next look.
    const deps = depsOf();
    const offline = createGeminiBatchClient({
      apiKey: FAKE_API_KEY,
      baseUrl: 'http://127.0.0.1:9',
      clock: fastClock(),
    });
    const first = await checkBatch({ ...deps, client: { ...deps.client, deleteFile: offline.deleteFile } }, datasetId);
    expect(first.finished?.summary.captioned).toBe(2);
    const left = (await store.load(datasetId)).batch;
    expect(left?.settledAt).not.toBeNull();
    expect(left?.uploadedFiles.length).toBeGreaterThan(0);

    expect(fake.state.uploadedFiles()).toHaveLength(3);
    expect(await checkBatch(deps, datasetId)).toEqual({ status: null, finished: null });
    expect((await store.load(datasetId)).batch).toBeNull();
    expect(fake.state.files.size).toBe(0);
  });
});
