import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetManifest, ImageEntry } from '../../src/shared/dataset';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { copyFixtures, removeDir } from '../support/fixtures';
import { type Harness, ok, refused, startHarness } from './handlers-harness';

/** Run control through the handlers: pause, resume, cancel, edits during a run, shutdown, lost connection. */

describe('backend handlers: controlling caption runs', () => {
  let gemini: FakeGemini;
  let h: Harness;
  let dataset: DatasetManifest;

  beforeAll(async () => {
    gemini = await startFakeGemini({ latencyMs: 5 });
  });
  afterEach(async () => {
    await h.backend.shutdown();
    await removeDir(h.root);
  });
  afterAll(() => gemini.close());

  async function prepare(baseUrl = gemini.url): Promise<void> {
    h = await startHarness({
      env: { GOOGLE_GEMINI_BASE_URL: baseUrl },
      key: FAKE_API_KEY,
      settings: { concurrency: 2 },
    });
    dataset = await ok<DatasetManifest>(h, 'createDataset', { trigger: 'my_cat' });
    await ok(h, 'importPaths', dataset.id, [await copyFixtures(h.root)]);
  }
  const images = async () => (await ok<DatasetManifest>(h, 'openDataset', dataset.id)).images;

  it('holds a paused run, lets an edit made meanwhile win without asking Gemini for it, and finishes after resume', async () => {
    await prepare();
    const sentBefore = gemini.requests.filter((r) => r.kind === 'generateContent').length;
    await ok(h, 'startRun', dataset.id, {});
    // Paused before the key check ends, so no image has started: every outcome comes after the edit below.
    await ok(h, 'pauseRun', dataset.id);
    expect(h.backend.hasActiveRuns()).toBe(true);
    const target = (await images()).find((i) => i.status === 'new') as ImageEntry;
    await ok(h, 'setCaption', dataset.id, target.id, 'photo of my_cat typed while the run was paused');
    await h.next('runProgress', (e) => e.progress.paused);
    await ok(h, 'resumeRun', dataset.id);
    const { summary } = await h.next('runFinished');
    // The edited image was left out when its turn came: 10 captioned, 10 requests, nothing paid for and dropped.
    expect(summary).toMatchObject({ status: 'completed', captioned: 10, notAttempted: 0 });
    expect(gemini.requests.filter((r) => r.kind === 'generateContent')).toHaveLength(sentBefore + 10);
    expect(
      h
        .of('runProgress')
        .some((e) => e.progress.lastImage?.id === target.id && e.progress.lastImage.state === 'skipped'),
    ).toBe(true);
    expect(h.backend.hasActiveRuns()).toBe(false);
    const saved = (await images()).find((i) => i.id === target.id);
    expect(saved).toMatchObject({ caption: 'photo of my_cat typed while the run was paused', status: 'edited' });
    expect(h.of('imageUpdated').map((e) => e.image.id)).not.toContain(target.id);
    // Pause, resume and cancel after the end are harmless no-ops.
    await ok(h, 'pauseRun', dataset.id);
    await ok(h, 'cancelRun', dataset.id);
  });

  it('leaves out images excluded while the run is paused', async () => {
    await prepare();
    const sentBefore = gemini.requests.filter((r) => r.kind === 'generateContent').length;
    await ok(h, 'startRun', dataset.id, {});
    await ok(h, 'pauseRun', dataset.id);
    const out = (await images())
      .filter((i) => i.status === 'new')
      .slice(0, 3)
      .map((i) => i.id);
    await ok(h, 'setExcluded', dataset.id, out, true);
    await ok(h, 'resumeRun', dataset.id);
    const { summary } = await h.next('runFinished');
    expect(summary).toMatchObject({ status: 'completed', captioned: 8, notAttempted: 0 });
    expect(gemini.requests.filter((r) => r.kind === 'generateContent')).toHaveLength(sentBefore + 8);
    for (const image of (await images()).filter((i) => out.includes(i.id))) {
      expect(image).toMatchObject({ excluded: true, status: 'new', caption: null });
    }
  });

  it('cancels a run: a summary still arrives and nothing is left half-done', async () => {
    await prepare();
    await ok(h, 'startRun', dataset.id, {});
    await ok(h, 'pauseRun', dataset.id);
    await ok(h, 'cancelRun', dataset.id);
    const { summary } = await h.next('runFinished');
    expect(summary.status).toBe('cancelled');
    expect(summary.captioned + summary.notAttempted).toBe(11);
    expect((await images()).filter((i) => i.captionSource === 'model')).toHaveLength(summary.captioned);
  });

  it('shutdown cancels active runs, waits for them and refuses new work', async () => {
    await prepare();
    await ok(h, 'startRun', dataset.id, {});
    await ok(h, 'pauseRun', dataset.id);
    await h.backend.shutdown();
    expect(h.backend.hasActiveRuns()).toBe(false);
    expect(h.of('runFinished').map((e) => e.summary.status)).toEqual(['cancelled']);
    expect((await refused(h, 'startRun', dataset.id, {})).kind).toBe('cancelled');
  });

  it('deleting a dataset stops its run first', async () => {
    await prepare();
    await ok(h, 'startRun', dataset.id, {});
    await ok(h, 'pauseRun', dataset.id);
    await ok(h, 'deleteDataset', dataset.id);
    expect(h.backend.hasActiveRuns()).toBe(false);
    expect((await refused(h, 'openDataset', dataset.id)).kind).toBe('not-found');
  });

  it('ends with a summary that says so when Gemini cannot be reached', async () => {
    const closed = await unusedPort();
    await prepare(`http://127.0.0.1:${closed}`);
    await ok(h, 'startRun', dataset.id, {});
    const { summary } = await h.next('runFinished');
    expect(summary).toMatchObject({ status: 'cancelled', captioned: 0, notAttempted: 11 });
    expect(summary.message).toMatch(/Cannot reach Gemini/u);
    // The run is over: another may start.
    expect(h.backend.hasActiveRuns()).toBe(false);
  });
});

/** A port nothing listens on (bound, then released). */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
