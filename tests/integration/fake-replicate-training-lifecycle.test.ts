import { parseProgressFromLogs } from 'replicate';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeReplicate, startFakeReplicate } from '../fake-replicate';
import {
  apiFailure,
  captionedZip,
  clientFor,
  DESTINATION,
  prepareTraining,
  startTraining,
  zipOf,
} from '../fake-replicate/test-kit';

/**
 * A training followed with trainings.get, as the app will: starting -> processing with growing ostris trainer
 * logs -> succeeded with the new version and weights (or failed with Replicate's error), cancel, the list, and
 * a fake restarted with the same state picking the training up again.
 */

let fake: FakeReplicate;
afterEach(() => fake?.close());

async function started(options: Parameters<typeof startFakeReplicate>[0] = {}, input = {}, zip?: Buffer) {
  fake = await startFakeReplicate(options);
  const replicate = clientFor(fake);
  const prep = await prepareTraining(replicate, zip ?? (await captionedZip()));
  return { replicate, prep, training: await startTraining(replicate, prep, input) };
}

/** The step counter the app can read off the trainer's progress bar (`| 250/500 [`). */
const stepOf = (logs: string) => [...logs.matchAll(/\| (\d+)\/(\d+) \[/gu)].at(-1)?.slice(1).map(Number) ?? null;

describe('fake Replicate training lifecycle (real replicate client)', () => {
  it('moves one step per get, logs growing, and ends with the new version and its weights', async () => {
    const { replicate, training } = await started({}, { steps: 500 });
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push(await replicate.trainings.get(training.id));
    expect(seen.map((t) => t.status)).toEqual(['processing', 'processing', 'succeeded']);
    expect(seen.map((t) => stepOf(t.logs ?? ''))).toEqual([
      [0, 500],
      [250, 500],
      [500, 500],
    ]);
    // Logs only grow: each read starts with the one before.
    expect(seen[1]?.logs?.startsWith(seen[0]?.logs ?? '-')).toBe(true);
    expect(seen[2]?.logs?.startsWith(seen[1]?.logs ?? '-')).toBe(true);

    const [first, , done] = seen;
    expect(first?.logs).toContain('Extracted 4 files from zip to input_images\n');
    expect(first?.logs).toContain('flux_train_replicate:   0%|          | 0/500 [00:00<?, ?it/s]\n');
    expect(seen[1]?.logs).toMatch(
      /flux_train_replicate: {2}50%\|█████ {5}\| 250\/500 \[03:05<03:05, {2}1\.35it\/s, lr: 4\.0e-04 loss: 3\.750e-01\]/u,
    );
    expect(first?.started_at).toEqual(expect.any(String));
    expect(first?.completed_at).toBeNull();
    expect(done?.output?.version).toMatch(new RegExp(`^${DESTINATION}:[0-9a-f]{64}$`, 'u'));
    expect(done?.output?.weights).toMatch(/^https:\/\/replicate\.delivery\/xezq\/[0-9a-f]{40}\/trained_model\.tar$/u);
    expect(done?.error).toBeNull();
    expect(done?.metrics?.predict_time).toBeCloseTo(500 / 1.35, 2);
    expect(done?.completed_at).toEqual(expect.any(String));
    expect(done?.logs).toContain('output/flux_train_replicate/captions/hall-2.txt\n');

    // The destination model now has that version as its latest; a finished training stays as it is.
    const [owner = '', name = ''] = DESTINATION.split('/');
    const model = await replicate.models.get(owner, name);
    expect(`${DESTINATION}:${model.latest_version?.id}`).toBe(done?.output?.version);
    expect(await replicate.trainings.get(training.id)).toEqual(done);
  });

  it("the client's parseProgressFromLogs does not read the trainer's bar (its line starts with the job name)", async () => {
    const { replicate, training } = await started({}, { steps: 500 });
    await replicate.trainings.get(training.id);
    const halfway = await replicate.trainings.get(training.id);
    expect(parseProgressFromLogs(halfway.logs ?? '')).toBeNull();
    expect(parseProgressFromLogs('50%|█████     | 250/500 [03:05<03:05,  1.35it/s]')).toEqual({
      percentage: 0.5,
      current: 250,
      total: 500,
    });
  });

  it('with autocaption left on, the trainer captions the images that have no .txt', async () => {
    const zip = await zipOf({ 'a.jpg': 'a', 'a.txt': 'photo of TOK', 'b.png': 'b', '__MACOSX/._a.jpg': 'x' });
    const { replicate, training } = await started({}, { autocaption: true, trigger_word: 'TOK' }, zip);
    const { logs } = await replicate.trainings.get(training.id);
    expect(logs).toContain('Extracted 3 files from zip to input_images\n');
    expect(logs).toContain('a.jpg is already captioned\nCaption for input_images/b.png: A photo of TOK\n');
  });

  it('fails as configured, with the error and a traceback in the logs', async () => {
    const { replicate, training } = await started({ trainingEndState: 'failed', progressSteps: 1 });
    await replicate.trainings.get(training.id);
    const failed = await replicate.trainings.get(training.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^CUDA out of memory\./u);
    expect(failed.output).toBeNull();
    expect(failed.logs).toMatch(/Traceback \(most recent call last\):\nRuntimeError: CUDA out of memory\./u);
    expect(failed.metrics).toEqual({ predict_time: 0, total_time: 31.2 });
  });

  it('fails at start when input_images is not a ZIP, or not a file it can fetch, as the trainer does', async () => {
    fake = await startFakeReplicate();
    const replicate = clientFor(fake);
    const prep = await prepareTraining(replicate, Buffer.from('not a zip'));
    const notZip = await startTraining(replicate, prep);
    expect(await replicate.trainings.get(notZip.id)).toMatchObject({
      status: 'failed',
      error: 'input_images must be a zip file',
    });
    const elsewhere = await startTraining(replicate, prep, { input_images: 'https://example.com/data.zip' });
    const failed = await replicate.trainings.get(elsewhere.id);
    expect(failed.error).toBe('Failed to download input_images from https://example.com/data.zip');
  });

  it('moves only when told with manual progress, and settles with a chosen error', async () => {
    const { replicate, training } = await started({ trainingProgress: 'manual' });
    expect((await replicate.trainings.get(training.id)).status).toBe('starting');
    expect(fake.advanceTraining(training.id)).toBe('processing');
    expect((await replicate.trainings.get(training.id)).status).toBe('processing');
    fake.settleTraining(training.id, 'failed', 'input_images must contain at least one image');
    expect(await replicate.trainings.get(training.id)).toMatchObject({
      status: 'failed',
      error: 'input_images must contain at least one image',
    });
    expect(() => fake.settleTraining(training.id, 'succeeded')).toThrow(/already ended/u);
  });

  it('cancels a running training; cancelling again answers it unchanged; unknown ids are 404', async () => {
    const { replicate, training } = await started();
    await replicate.trainings.get(training.id);
    const canceled = await replicate.trainings.cancel(training.id);
    expect(canceled).toMatchObject({ status: 'canceled', output: null, error: null });
    expect(canceled.completed_at).toEqual(expect.any(String));
    expect(await replicate.trainings.cancel(training.id)).toEqual(canceled);
    expect(await replicate.trainings.get(training.id)).toEqual(canceled);
    expect((await apiFailure(replicate.trainings.get('nosuchtraining000000000000'))).status).toBe(404);
    expect((await apiFailure(replicate.trainings.cancel('nosuchtraining000000000000'))).status).toBe(404);
  });

  it('lists trainings newest first, page by page', async () => {
    const { replicate, prep, training: first } = await started({ pageSize: 1 });
    const second = await startTraining(replicate, prep);
    const pages: string[][] = [];
    for await (const page of replicate.paginate(replicate.trainings.list)) pages.push(page.map((t) => t.id));
    expect(pages).toEqual([[second.id], [first.id]]);
  });

  it('picks a training up again after a restart with the same state, without starting another', async () => {
    const { replicate, training } = await started();
    await replicate.trainings.get(training.id);
    const { state } = fake;
    await fake.close();

    fake = await startFakeReplicate({ state });
    const again = clientFor(fake);
    expect((await again.trainings.get(training.id)).status).toBe('processing');
    expect((await again.trainings.get(training.id)).status).toBe('succeeded');
    expect(fake.state.trainings.size).toBe(1);
    expect(fake.requests.map((r) => r.kind)).toEqual(['trainings.get', 'trainings.get']);
  });

  it('a create whose answer is lost is retried by the client, and that starts a second training', async () => {
    const { replicate, prep } = await started({}, {});
    fake.setBehaviour({ fault: (r) => (r.kind === 'trainings.create' && r.attempt === 2 ? 'lost-answer' : undefined) });
    const returned = await startTraining(replicate, prep);
    const creates = fake.requests.filter((r) => r.kind === 'trainings.create');
    expect(creates.map((r) => [r.attempt, r.dropped, r.status])).toEqual([
      [1, false, 201],
      [2, true, 0],
      [3, false, 201],
    ]);
    // Three trainings exist: the first test one, the one whose answer was lost, and the one the client got.
    expect(fake.state.trainings.size).toBe(3);
    expect([...fake.state.trainings.keys()].at(-1)).toBe(returned.id);
  });
});
