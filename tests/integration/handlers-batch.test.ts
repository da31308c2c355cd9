import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_GEMINI_ONLY, BATCH_WAITING } from '../../src/core/batch';
import type { DatasetManifest } from '../../src/shared/dataset';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { copyFixtures } from '../support/fixtures';
import { appRestarts, call, type Harness, ok, refused } from './handlers-harness';

/**
 * Batch jobs through the handlers, as the page drives them: `startRun` with `mode: 'batch'`, `batchUpdated` events
 * while it uploads and waits, `runFinished` with its summary, `cancelBatch`, and a job followed again by a backend
 * started later on the same data folder (the app reopened) once its dataset opens.
 */

const POLL = { CAPTION_STUDIO_BATCH_POLL_SECONDS: '0.02' };

describe('backend handlers: Gemini batch jobs', () => {
  let gemini: FakeGemini;
  const apps = appRestarts();
  let dataset: DatasetManifest;

  afterEach(async () => {
    await apps.closeAll();
    await gemini.close();
  });

  async function backend(root?: string): Promise<Harness> {
    const env = { GOOGLE_GEMINI_BASE_URL: gemini.url, ...POLL };
    return apps.start({ env, key: FAKE_API_KEY, ...(root ? { root } : {}) });
  }

  async function prepare(): Promise<Harness> {
    gemini = await startFakeGemini({ batchProgress: 'manual' });
    const h = await backend();
    dataset = await ok<DatasetManifest>(h, 'createDataset', { trigger: 'my_cat' });
    await ok(h, 'importPaths', dataset.id, [await copyFixtures(h.root)]);
    return h;
  }
  const images = async (h: Harness) => (await ok<DatasetManifest>(h, 'openDataset', dataset.id)).images;
  /** The fixture folder has a sidecar caption: the batch sends the others. */
  const uncaptioned = (m: Pick<DatasetManifest, 'images'>) => m.images.filter((i) => i.status === 'new').length;
  const jobName = () => [...gemini.state.batches.keys()].map((id) => `batches/${id}`)[0] ?? '';

  it('uploads and submits, reports the state, then applies the results and reports them like a run', async () => {
    const h = await prepare();
    const count = uncaptioned({ images: await images(h) });
    // Two quick clicks: one job.
    const clicks = await Promise.all([1, 2].map(() => call(h, 'startRun', dataset.id, { mode: 'batch' })));
    expect(clicks.map((c) => c.ok).sort()).toEqual([false, true]);
    const queued = await h.next('batchUpdated', (e) => e.batch?.state === 'queued');
    expect(queued.batch).toMatchObject({ images: count, uploaded: count, model: 'gemini-2.5-flash', problem: null });
    expect(queued.batch?.savingUsd).toBeGreaterThan(0);
    expect(h.of('batchUpdated')[0]?.batch).toMatchObject({ state: 'uploading', uploaded: 0 });
    // The same images must not be paid for twice: a normal run waits for the job; a second job is refused.
    expect(await refused(h, 'startRun', dataset.id, {})).toMatchObject({ kind: 'validation', message: BATCH_WAITING });
    expect((await refused(h, 'startRun', dataset.id, { mode: 'batch' })).kind).toBe('validation');

    gemini.advanceBatch(jobName());
    await h.next('batchUpdated', (e) => e.batch?.state === 'running');
    gemini.settleBatch(jobName(), 'SUCCEEDED');
    const { summary } = await h.next('runFinished');
    expect(summary).toMatchObject({ status: 'completed', captioned: count, failed: 0 });
    const last = h.of('batchUpdated').at(-1);
    expect(last?.batch).toBeNull();
    expect(last?.images).toHaveLength(count);
    const after = await images(h);
    expect(after.filter((i) => i.status === 'captioned' && i.model === 'gemini-2.5-flash')).toHaveLength(count);
    expect(uncaptioned({ images: after })).toBe(0);
    expect(gemini.requests.filter((r) => r.kind === 'batches.create')).toHaveLength(1);
  });

  it('cancelBatch cancels the job on Gemini and ends it like a cancelled run', async () => {
    const h = await prepare();
    await ok(h, 'startRun', dataset.id, { mode: 'batch' });
    await h.next('batchUpdated', (e) => e.batch?.state === 'queued');
    await ok(h, 'cancelBatch', dataset.id);
    const { summary } = await h.next('runFinished');
    expect(summary).toMatchObject({ status: 'cancelled', captioned: 0 });
    expect(gemini.state.batch(jobName())?.state).toBe('CANCELLED');
    expect((await ok<DatasetManifest>(h, 'openDataset', dataset.id)).batch).toBeNull();
    // A cancel that finds nothing left to cancel is harmless.
    await ok(h, 'cancelBatch', dataset.id);
  });

  it('a cancel that arrives while the job is being created cancels the job it became; quitting would ask first', async () => {
    const h = await prepare();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    gemini.setBehaviour({ hold: (kind) => (kind === 'batches.create' ? held : undefined) });
    await ok(h, 'startRun', dataset.id, { mode: 'batch' });
    while (!gemini.requests.some((r) => r.kind === 'batches.create')) await new Promise((r) => setTimeout(r, 10));
    expect(h.backend.hasActiveRuns()).toBe(true); // the window asks before closing on an upload
    const cancelling = call(h, 'cancelBatch', dataset.id);
    release();
    expect((await cancelling).ok).toBe(true);
    const { summary } = await h.next('runFinished');
    expect(summary).toMatchObject({ status: 'cancelled' });
    expect(gemini.state.batch(jobName())?.state).toBe('CANCELLED');
    expect((await ok<DatasetManifest>(h, 'openDataset', dataset.id)).batch).toBeNull();
    expect(h.backend.hasActiveRuns()).toBe(false);
  });

  it('a connection lost while the job was created: the job it became is found and followed, never made twice', async () => {
    const h = await prepare();
    const count = uncaptioned({ images: await images(h) });
    // The server makes the job, then the connection drops before its answer: the app never hears of it.
    gemini.setBehaviour({ batchProgress: 'manual', loseAnswer: (kind) => kind === 'batches.create' });
    await ok(h, 'startRun', dataset.id, { mode: 'batch' });
    const problem = await h.next('batchUpdated', (e) => e.batch?.problem !== null && e.batch?.problem !== undefined);
    expect(problem.batch?.problem).toMatch(/connection dropped while the batch job was being submitted/u);
    expect(problem.batch).toMatchObject({ state: 'uploading', name: null });
    const { state } = gemini;
    expect(state.batches.size).toBe(1);

    gemini.setBehaviour({ loseAnswer: () => false });
    await h.next('batchUpdated', (e) => e.batch?.state === 'queued' && e.batch.name !== null);
    gemini.settleBatch(jobName(), 'SUCCEEDED');
    const { summary } = await h.next('runFinished');
    expect(summary).toMatchObject({ status: 'completed', captioned: count });
    expect(state.batches.size).toBe(1);
    // One create call, the one whose answer was lost: the job was found, never made again.
    expect(gemini.requests.filter((r) => r.kind === 'batches.create')).toHaveLength(1);
  });

  it('a backend started again follows the job once its dataset opens; shutdown leaves the job running', async () => {
    const first = await prepare();
    await ok(first, 'startRun', dataset.id, { mode: 'batch' });
    await first.next('batchUpdated', (e) => e.batch?.state === 'queued');
    await first.backend.shutdown();
    expect(gemini.state.batch(jobName())?.state).toBe('PENDING');

    const again = await backend(first.root);
    const opened = await ok<DatasetManifest>(again, 'openDataset', dataset.id);
    expect(opened.batch).toMatchObject({ name: jobName(), state: 'queued' });
    gemini.settleBatch(jobName(), 'SUCCEEDED');
    const { summary } = await again.next('runFinished');
    expect(summary.status).toBe('completed');
    expect(summary.captioned).toBe(uncaptioned(opened));
    expect(gemini.requests.filter((r) => r.kind === 'batches.create')).toHaveLength(1);
  });

  it('refuses a batch for an OpenAI-compatible server, and without a key', async () => {
    const h = await prepare();
    await ok(h, 'updateDatasetSettings', dataset.id, { provider: 'openai', baseUrl: 'http://127.0.0.1:11434/v1' });
    expect(await refused(h, 'startRun', dataset.id, { mode: 'batch' })).toEqual({
      kind: 'validation',
      message: BATCH_GEMINI_ONLY,
    });

    await h.keyStore.remove();
    await ok(h, 'updateDatasetSettings', dataset.id, { provider: 'gemini', baseUrl: null });
    expect((await refused(h, 'startRun', dataset.id, { mode: 'batch' })).kind).toBe('invalid-key');
    expect(gemini.state.batches.size).toBe(0);
  });
});
