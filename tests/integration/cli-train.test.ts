import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_REPLICATE_TOKEN, type FakeReplicate, startFakeReplicate } from '../fake-replicate';
import { captionedFolder } from '../support/captioned-folder';
import { cliEnv, runCli } from '../support/cli';
import { removeDir, tempDir } from '../support/fixtures';

/**
 * `train` as a user runs it, as a child process against the fake Replicate: followed to its end (exit 0 with the
 * model, version and weights), run again it follows the same training (never a second), --no-wait exits 4 while
 * it runs, a failed training exits 1, missing captions exit 1 before anything is sent, token and credit exit 3.
 */

interface TrainJson {
  datasetId: string;
  training: {
    id: string;
    status: string;
    model: string;
    version: string | null;
    weights: string | null;
    url: string;
  } | null;
}

const TRIGGER = 'my_cat';
const DESTINATION = 'caption-tester/my-cat';
let work: string;
let fake: FakeReplicate;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => removeDir(work));
afterEach(() => fake?.close());

async function setUp(
  name: string,
  options: Parameters<typeof startFakeReplicate>[0] = {},
  token = FAKE_REPLICATE_TOKEN,
) {
  fake = await startFakeReplicate(options);
  const folder = await captionedFolder(join(work, name), TRIGGER);
  const env = cliEnv({
    ...{ CAPTION_STUDIO_DATA_DIR: join(work, `${name}-data`), REPLICATE_API_TOKEN: token },
    ...{ REPLICATE_BASE_URL: fake.url, CAPTION_STUDIO_TRAINING_POLL_SECONDS: '0.01' },
  });
  const train = (...extra: string[]) =>
    runCli(['train', folder, '-t', TRIGGER, '-d', DESTINATION, '--json', ...extra], env);
  return { folder, env, train };
}

describe('train', () => {
  it('follows a training to success; the same command again follows the same one', async () => {
    const { train } = await setUp('ok', { progressSteps: 2 });
    const run = await train('--steps', '500');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as TrainJson;
    expect(out.training).toMatchObject({
      status: 'succeeded',
      model: DESTINATION,
      url: `https://replicate.com/${DESTINATION}`,
    });
    expect(out.training?.version).toMatch(/^caption-tester\/my-cat:[0-9a-f]{64}$/u);
    expect(out.training?.weights).toMatch(/trained_model\.tar$/u);
    expect(run.stderr).toContain(`Try it with a prompt that starts with the trigger: "${TRIGGER}`);
    expect(run.stderr).not.toContain(FAKE_REPLICATE_TOKEN);
    expect(fake.state.training(out.training?.id ?? '')?.input).toMatchObject({
      steps: 500,
      autocaption: false,
      trigger_word: TRIGGER,
    });

    const again = await train();
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as TrainJson).training?.id).toBe(out.training?.id);
    expect(fake.state.trainings.size).toBe(1);

    const fresh = await train('--new', '--no-wait');
    expect(fresh.code, fresh.stderr).toBe(4);
    expect((JSON.parse(fresh.stdout) as TrainJson).training?.id).not.toBe(out.training?.id);
  });

  it('exits 4 with --no-wait while it runs, then 1 once it failed', async () => {
    const { train } = await setUp('wait', { trainingProgress: 'manual' });
    const first = await train('--no-wait');
    expect(first.code, first.stderr).toBe(4);
    const id = (JSON.parse(first.stdout) as TrainJson).training?.id ?? '';
    expect((await train('--no-wait')).code).toBe(4);
    fake.settleTraining(id, 'failed', 'CUDA out of memory. Tried to allocate 2.00 GiB');
    const failed = await train();
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stderr).toContain('The training ran out of GPU memory');
    expect(fake.state.trainings.size).toBe(1);
  });

  it('refuses while an image lacks a caption: exit 1, nothing sent', async () => {
    const { folder, train } = await setUp('missing');
    await rm(join(folder, 'img-001.txt'));
    const missing = await train();
    expect(missing.code, missing.stderr).toBe(1);
    expect(missing.stderr).toContain('img-001.jpg');
    expect(fake.requests).toEqual([]);
  });

  it('exits 3 for a token Replicate refuses and for an account without credit', async () => {
    const { train, env, folder } = await setUp('credit', { credit: false });
    const noCredit = await train();
    expect(noCredit.code, noCredit.stderr).toBe(3);
    expect(noCredit.stderr).toContain('no credit left');
    const badToken = await runCli(['train', folder, '-t', TRIGGER, '-d', DESTINATION], {
      ...env,
      REPLICATE_API_TOKEN: 'r8_bad',
    });
    expect(badToken.code, badToken.stderr).toBe(3);
    expect(badToken.stderr).toContain('did not accept the API token');
  });
});
