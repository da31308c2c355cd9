import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatasetStore } from '../../src/core/datasets';
import { cancelTraining, checkTraining, followTraining, startTraining } from '../../src/core/training';
import type { AppError } from '../../src/shared/errors';
import { REPLICATE_UPLOAD_LIMIT_BYTES, TrainingRequest } from '../../src/shared/training';
import { type FakeReplicate, startFakeReplicate, TRAINER_MODEL } from '../fake-replicate';
import { trainableDataset, trainingDeps } from '../support/training-dataset';
import { readZipEntries } from '../support/zip';

/**
 * Training on Replicate end to end through the real `replicate` client against the fake: the export uploaded as a
 * ZIP, the destination created, the trainer's latest version used, the training followed to its end, cancelled,
 * refused in plain words, resumed after a restart of the store and of the fake, and never started twice.
 */

let dir: string;
let fake: FakeReplicate;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'training-it-'));
});
afterEach(async () => {
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

const DESTINATION = 'caption-tester/my-cat-lora';
const request = (over: Partial<TrainingRequest> = {}) => TrainingRequest.parse({ destination: DESTINATION, ...over });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as AppError,
  );
const follow = (deps: ReturnType<typeof trainingDeps>, id: string) => followTraining(deps, id, { intervalMs: 0 });

describe('a training on Replicate', () => {
  it('uploads the ZIP, creates the private destination, starts the latest trainer and follows it to success', async () => {
    fake = await startFakeReplicate({ progressSteps: 2 });
    const { store, datasetId } = await trainableDataset(dir);
    const deps = trainingDeps(fake, store);
    const steps: string[] = [];
    const started = await startTraining(deps, datasetId, request({ steps: 800, loraRank: 32 }), {
      onExport: () => steps.push('export'),
      onUpload: () => steps.push('upload'),
    });

    // The id is in the dataset the moment the training exists.
    const saved = (await store.load(datasetId)).trainings;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ id: started.id, status: 'starting', destination: DESTINATION, trigger: 'my_cat' });
    expect(steps.at(-1)).toBe('upload');

    // What reached Replicate: the ZIP as a named File, a private model, the latest trainer, our inputs.
    const [file] = fake.state.uploadedFiles();
    expect(file).toMatchObject({ name: 'my_cat_training.zip', contentType: 'application/zip' });
    await writeFile(join(dir, 'uploaded.zip'), file?.bytes as Buffer);
    const entries = await readZipEntries(join(dir, 'uploaded.zip'));
    expect([...entries.keys()].filter((n) => n.endsWith('.txt'))).toHaveLength(3);
    expect(entries.get([...entries.keys()].find((n) => n.endsWith('.txt')) as string)?.data.toString()).toMatch(
      /^photo of my_cat/u,
    );
    expect(fake.state.model(DESTINATION)).toMatchObject({ visibility: 'private', hardware: 'gpu-h100' });
    const training = fake.state.training(started.id as string);
    expect(training?.version).toBe(fake.state.model(TRAINER_MODEL)?.versions.at(-1)?.id);
    expect(training?.input).toEqual({
      ...{ input_images: file ? started.upload.url : '', trigger_word: 'my_cat', autocaption: false },
      ...{ steps: 800, lora_rank: 32, learning_rate: 0.0004 },
    });

    const done = await follow(deps, datasetId);
    expect(done).toMatchObject({ status: 'succeeded', error: null, progress: { step: 800, total: 800 } });
    expect(done?.output?.version).toMatch(new RegExp(`^${DESTINATION}:[0-9a-f]{64}$`, 'u'));
    expect(done?.output?.weights).toMatch(/^https:\/\/replicate\.delivery\/.+\.tar$/u);
    expect(done?.logsTail).toContain('flux_train_replicate');
    expect(done?.estimate?.costUsd).toBeGreaterThan(0);
    expect(fake.state.uploadedFiles()).toEqual([]); // the upload is deleted once the training has ended
    expect((await store.load(datasetId)).trainings.at(-1)).toEqual(done);
  });

  it('says why a training failed, in plain words', async () => {
    fake = await startFakeReplicate({ progressSteps: 1, trainingEndState: 'failed' });
    const { store, datasetId } = await trainableDataset(dir);
    const deps = trainingDeps(fake, store);
    await startTraining(deps, datasetId, request());
    const done = await follow(deps, datasetId);
    expect(done?.status).toBe('failed');
    expect(done?.error).toMatch(/^The training ran out of GPU memory\. Try a lower LoRA rank/u);
  });

  it('cancels a running training', async () => {
    fake = await startFakeReplicate({ trainingProgress: 'manual' });
    const { store, datasetId } = await trainableDataset(dir);
    const deps = trainingDeps(fake, store);
    const started = await startTraining(deps, datasetId, request());
    fake.advanceTraining(started.id as string);
    const cancelled = await cancelTraining(deps, datasetId);
    expect(cancelled).toMatchObject({ status: 'canceled', cancelRequested: true });
    expect(fake.state.training(started.id as string)?.status).toBe('canceled');
    expect(await failure(cancelTraining(deps, datasetId))).toMatchObject({ kind: 'validation' });
  });

  it('starts nothing when cancelled while the dataset uploads', async () => {
    fake = await startFakeReplicate();
    const { store, datasetId } = await trainableDataset(dir);
    const cancel = new AbortController();
    const e = await failure(
      startTraining(trainingDeps(fake, store), datasetId, request(), {
        signal: cancel.signal,
        onUpload: () => cancel.abort(),
      }),
    );
    expect(e).toMatchObject({ kind: 'cancelled' });
    expect(fake.state.trainings.size).toBe(0);
    expect(fake.state.uploadedFiles()).toEqual([]);
    expect((await store.load(datasetId)).trainings).toEqual([]);
  });

  it('refuses in plain words: a bad token, no credit, input the trainer refuses', async () => {
    fake = await startFakeReplicate({ credit: false });
    const { store, datasetId } = await trainableDataset(dir);

    const badToken = await failure(startTraining(trainingDeps(fake, store, 'r8_wrong'), datasetId, request()));
    expect(badToken).toMatchObject({ kind: 'invalid-key' });
    expect(badToken.message).toMatch(/^Replicate did not accept the API token\./u);
    expect(fake.state.uploadedFiles()).toEqual([]); // nothing was uploaded

    const deps = trainingDeps(fake, store);
    const noCredit = await failure(startTraining(deps, datasetId, request()));
    expect(noCredit).toMatchObject({ kind: 'credit' });
    expect(noCredit.message).toContain('https://replicate.com/account/billing');
    // Nothing started: no record left behind, and the upload is deleted.
    expect((await store.load(datasetId)).trainings).toEqual([]);
    expect(fake.state.uploadedFiles()).toEqual([]);

    fake.setBehaviour({ credit: true });
    const other = await failure(startTraining(deps, datasetId, request({ destination: 'someone-else/model' })));
    expect(other).toMatchObject({ kind: 'validation' });
    expect(other.message).toMatch(/^Replicate does not let this account create the model someone-else\/model/u);

    // A newer trainer version without an input the app sends: Replicate's 422, its list of problems quoted.
    const version = fake.state.model(TRAINER_MODEL)?.versions.at(-1) as { openapiSchema: unknown };
    const schema = structuredClone(version.openapiSchema) as {
      components: { schemas: { TrainingInput: { properties: Record<string, unknown> } } };
    };
    delete schema.components.schemas.TrainingInput.properties.lora_rank;
    version.openapiSchema = schema; // this fake's copy only
    const invalid = await failure(startTraining(deps, datasetId, request()));
    expect(invalid).toMatchObject({ kind: 'validation' });
    expect(invalid.message).toMatch(
      /^Replicate refused the request to start the training\. Replicate said: .*lora_rank/su,
    );
    expect((await store.load(datasetId)).trainings).toEqual([]);
  });

  it('refuses before anything is uploaded while an image lacks a caption', async () => {
    fake = await startFakeReplicate();
    const { store, datasetId } = await trainableDataset(dir);
    await store.modify(datasetId, (m) => ({
      ...m,
      images: m.images.map((i, n) => (n === 0 ? { ...i, caption: null } : i)),
    }));
    const e = await failure(startTraining(trainingDeps(fake, store), datasetId, request()));
    expect(e).toMatchObject({ kind: 'validation', details: { problems: [{ severity: 'error' }] } });
    expect(fake.requests).toEqual([]);
  });

  it('refuses a ZIP over the upload limit before uploading, offering the resize', async () => {
    fake = await startFakeReplicate();
    const { store, datasetId } = await trainableDataset(dir, 1);
    const big = join(dir, 'big.jpg');
    // A JPEG's start and then noise: copied byte for byte (already upright and small on paper), 101 MB of it.
    await writeFile(big, Buffer.concat([Buffer.from([0xff, 0xd8]), randomBytes(101_000_000)]));
    const { size, mtimeMs } = await stat(big);
    await store.modify(datasetId, (m) => ({
      ...m,
      images: m.images.map((i) => ({ ...i, source: big, bytes: size, mtimeMs })),
    }));
    const e = await failure(startTraining(trainingDeps(fake, store), datasetId, request()));
    expect(e).toMatchObject({
      kind: 'validation',
      details: { tooBig: { limit: REPLICATE_UPLOAD_LIMIT_BYTES, suggestedResizeLongSide: 1024 } },
    });
    expect(e.message).toMatch(
      /over Replicate's upload limit of 100\.0 MB; nothing was uploaded\. Scale the images down to 1024 px/u,
    );
    expect(fake.requests.filter((r) => r.kind === 'files.create')).toEqual([]);
    expect((await store.load(datasetId)).trainings).toEqual([]);
  });

  it.each([
    ['the answer to the create is lost (the training exists): it is found and adopted', 'lost-answer'],
    ['the create never arrives: it is sent once more', 'drop'],
  ] as const)('never starts a second training when %s', async (_, fault) => {
    fake = await startFakeReplicate({
      fault: (r) => (r.kind === 'trainings.create' && r.attempt === 1 ? fault : undefined),
    });
    const { store, datasetId } = await trainableDataset(dir);
    const started = await startTraining(trainingDeps(fake, store), datasetId, request());
    expect(fake.state.trainings.size).toBe(1);
    expect(started.id).toBe([...fake.state.trainings.keys()][0]);
    expect((await store.load(datasetId)).trainings.at(-1)?.id).toBe(started.id);
    const creates = fake.requests.filter((r) => r.kind === 'trainings.create');
    expect(creates).toHaveLength(fault === 'drop' ? 2 : 1);
  });

  it('picks up a training again after the store and Replicate restart, and never starts another', async () => {
    fake = await startFakeReplicate({ trainingProgress: 'manual' });
    const first = await trainableDataset(dir);
    const started = await startTraining(trainingDeps(fake, first.store), first.datasetId, request());
    fake.advanceTraining(started.id as string);
    await first.store.close();
    const { state } = fake;
    await fake.close();

    fake = await startFakeReplicate({ state, progressSteps: 1 });
    const store = createDatasetStore({ dataDir: first.dataDir });
    const deps = trainingDeps(fake, store);
    // The same start again (the CLI run twice) follows the training there is.
    expect((await startTraining(deps, first.datasetId, request())).id).toBe(started.id);
    expect(await failure(startTraining(deps, first.datasetId, request({ startNew: true })))).toMatchObject({
      kind: 'validation',
    });
    fake.setBehaviour({ trainingProgress: 'per-get' });
    const done = await follow(deps, first.datasetId);
    expect(done).toMatchObject({ id: started.id, status: 'succeeded' });
    expect(fake.state.trainings.size).toBe(1);
    // Once it has ended, --new starts another.
    const again = await startTraining(deps, first.datasetId, request({ startNew: true }));
    expect(again.id).not.toBe(started.id);
    expect((await store.load(first.datasetId)).trainings.map((t) => t.id)).toEqual([started.id, again.id]);
    await store.close();
  });

  it('settles a record left creating: adopts the training of its upload, or says it never started', async () => {
    fake = await startFakeReplicate({ trainingProgress: 'manual' });
    const { store, datasetId } = await trainableDataset(dir);
    const deps = trainingDeps(fake, store);
    const started = await startTraining(deps, datasetId, request());
    // As if the app had closed before the id was saved.
    await store.modify(datasetId, (m) => ({
      ...m,
      trainings: m.trainings.map((t) => ({ ...t, id: null, status: 'creating' as const })),
    }));
    expect(await checkTraining(deps, datasetId)).toMatchObject({ id: started.id, status: 'starting' });

    fake.state.trainings.clear();
    await store.modify(datasetId, (m) => ({
      ...m,
      trainings: m.trainings.map((t) => ({ ...t, id: null, status: 'creating' as const })),
    }));
    const lost = await checkTraining(deps, datasetId);
    expect(lost).toMatchObject({ id: null, status: 'failed' });
    expect(lost?.error).toMatch(/^The training was not started/u);
  });
});
