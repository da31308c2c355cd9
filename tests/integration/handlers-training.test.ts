import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyStatus } from '../../src/shared/contract';
import type { DatasetManifest } from '../../src/shared/dataset';
import type { ExportReport } from '../../src/shared/progress';
import type { TrainingPlan, TrainingRecord } from '../../src/shared/training';
import { FAKE_REPLICATE_TOKEN, type FakeReplicate, startFakeReplicate } from '../fake-replicate';
import { copyFixtures } from '../support/fixtures';
import { appRestarts, type Harness, ok, refused } from './handlers-harness';

/**
 * Replicate training and export presets through the handlers, as the page drives them: the token tested before it
 * is saved, the dialog's plan, the start with `trainingUpdated` events to the end, cancel, a training picked up by a
 * backend started later on the same data folder (the app reopened) once its dataset opens, and the export choice
 * remembered per dataset.
 */

describe('backend handlers: training on Replicate', () => {
  let fake: FakeReplicate;
  const apps = appRestarts();
  let dataset: DatasetManifest;

  afterEach(async () => {
    await apps.closeAll();
    await fake.close();
  });

  async function backend(opts: { root?: string; token?: boolean } = {}): Promise<Harness> {
    const env: NodeJS.ProcessEnv = { REPLICATE_BASE_URL: fake.url, CAPTION_STUDIO_TRAINING_POLL_SECONDS: '0.01' };
    if (opts.token !== false) env.REPLICATE_API_TOKEN = FAKE_REPLICATE_TOKEN;
    return apps.start({ env, ...(opts.root ? { root: opts.root } : {}) });
  }

  /** A dataset of the fixtures with every image captioned. */
  async function captioned(h: Harness): Promise<DatasetManifest> {
    dataset = await ok<DatasetManifest>(h, 'createDataset', { trigger: 'my_cat' });
    await ok(h, 'importPaths', dataset.id, [await copyFixtures(h.root)]);
    const { images } = await ok<DatasetManifest>(h, 'openDataset', dataset.id);
    for (const image of images)
      await ok(h, 'setCaption', dataset.id, image.id, `photo of my_cat on a table, seen from the door`);
    return ok<DatasetManifest>(h, 'openDataset', dataset.id);
  }

  it('tests a token before saving it; the environment wins', async () => {
    fake = await startFakeReplicate();
    const h = await backend({ token: false });
    expect(await ok<KeyStatus>(h, 'replicateTokenStatus')).toEqual({ present: false, source: null, masked: null });
    expect(await refused(h, 'setReplicateToken', 'r8_not-a-real-token')).toMatchObject({ kind: 'invalid-key' });
    expect((await ok<KeyStatus>(h, 'replicateTokenStatus')).present).toBe(false);
    const saved = await ok<KeyStatus>(h, 'setReplicateToken', FAKE_REPLICATE_TOKEN);
    expect(saved).toMatchObject({ present: true, source: 'keychain' });
    expect(saved.masked).not.toContain(FAKE_REPLICATE_TOKEN.slice(6, 20));
    expect(fake.requests.map((r) => r.kind)).toEqual(['accounts.current', 'accounts.current']);
    expect(await ok<KeyStatus>(h, 'removeReplicateToken')).toMatchObject({ present: false });
    const env = await backend();
    expect((await ok<KeyStatus>(env, 'replicateTokenStatus')).source).toBe('environment');
  });

  it("plans with the trainer's defaults, starts, and reports the training to its end", async () => {
    fake = await startFakeReplicate({ progressSteps: 2 });
    const h = await backend();
    const manifest = await captioned(h);
    const plan = await ok<TrainingPlan>(h, 'planTraining', manifest.id);
    expect(plan).toMatchObject({
      ...{ trainer: 'ostris/flux-dev-lora-trainer', account: 'caption-tester', trigger: 'my_cat' },
      ...{ suggestedDestination: 'caption-tester/my-cat-lora', images: manifest.images.length, missingCaptions: 0 },
      defaults: { steps: 1000, loraRank: 16, learningRate: 0.0004 },
    });
    expect(plan.version).toMatch(/^[0-9a-f]{64}$/u);
    expect(plan.estimate.costUsd).toBeGreaterThan(0);

    const record = await ok<TrainingRecord>(h, 'startTraining', manifest.id, {
      destination: plan.suggestedDestination,
    });
    expect(record).toMatchObject({ status: 'starting', destination: 'caption-tester/my-cat-lora' });
    const end = await h.next('trainingUpdated', (e) => e.training.record?.status === 'succeeded');
    expect(end.training.record?.output?.weights).toMatch(/trained_model\.tar$/u);
    const steps = h.of('trainingUpdated').map((e) => e.training.step);
    expect(steps).toContain('exporting');
    expect(steps).toContain('uploading');
    // The same click again does not start another (it answers with the one there is).
    const again = await ok<TrainingRecord>(h, 'startTraining', manifest.id, { destination: plan.suggestedDestination });
    expect(again.id).toBe(record.id);
    expect(fake.state.trainings.size).toBe(1);
  });

  it('cancels, and a training started before a restart is followed again when its dataset opens', async () => {
    fake = await startFakeReplicate({ trainingProgress: 'manual' });
    const first = await backend();
    const manifest = await captioned(first);
    const record = await ok<TrainingRecord>(first, 'startTraining', manifest.id, { destination: 'caption-tester/cat' });
    await first.backend.shutdown();

    const h = await backend({ root: first.root });
    fake.setBehaviour({ trainingProgress: 'per-get' });
    await ok(h, 'openDataset', manifest.id);
    const end = await h.next('trainingUpdated', (e) => e.training.record?.status === 'succeeded');
    expect(end.training.record?.id).toBe(record.id);

    fake.setBehaviour({ trainingProgress: 'manual' });
    const second = await ok<TrainingRecord>(h, 'startTraining', manifest.id, {
      ...{ destination: 'caption-tester/cat', startNew: true },
    });
    const cancelled = await ok<TrainingRecord>(h, 'cancelTraining', manifest.id);
    expect(cancelled).toMatchObject({ id: second.id, status: 'canceled' });
    expect(fake.state.training(second.id as string)?.status).toBe('canceled');
  });

  it('exports with a preset and remembers the choice in the dataset', async () => {
    fake = await startFakeReplicate();
    const h = await backend();
    const manifest = await captioned(h);
    const choice = { preset: 'kohya', target: 'folder', kohyaRepeats: 4, kohyaClassWord: 'cat', resizeLongSide: 512 };
    const out = join(h.root, 'kohya-out');
    const report = await ok<ExportReport>(h, 'exportDataset', manifest.id, { choice, path: out });
    expect(report).toMatchObject({ preset: 'kohya', target: 'folder', path: out, images: manifest.images.length });
    expect(report.resized).toBeGreaterThan(0);
    expect((await ok<DatasetManifest>(h, 'openDataset', manifest.id)).exportChoice).toEqual({
      ...choice,
      keepLocation: false,
    });
    expect(
      await refused(h, 'exportDataset', manifest.id, { choice: { preset: 'hf', target: 'zip' }, path: null }),
    ).toMatchObject({
      kind: 'validation',
    });
  });
});
