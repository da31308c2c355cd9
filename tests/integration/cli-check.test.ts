import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetStore } from '../../src/core/datasets';
import { cliEnv, runCli } from '../support/cli';
import { copyFixtures, removeDir, tempDir } from '../support/fixtures';

interface CheckJson {
  datasetId: string;
  sessionId: string;
  findings: Array<{ rule: string; severity: string; message: string; images: string[] }>;
}

const TRIGGER = 'ide_main_hall';

/** `check` as a child process on the dropped folder: no key, no model, the findings and the exit code. */
describe('check CLI', () => {
  let work: string;
  let folder: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = await tempDir();
    folder = await copyFixtures(work);
    // No key anywhere and a Gemini address nothing listens on: a check that asked a model would fail.
    env = cliEnv({ CAPTION_STUDIO_DATA_DIR: join(work, 'data'), GOOGLE_GEMINI_BASE_URL: 'http://127.0.0.1:9' });
  });
  afterAll(() => removeDir(work));

  it('imports the folder and reports errors with exit 1, images named by their source path', async () => {
    const run = await runCli(['check', folder, '--trigger', TRIGGER, '--json'], env);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as CheckJson;
    expect(json.sessionId).toBe(json.datasetId);
    const missing = json.findings.find((f) => f.rule === 'missing-caption');
    expect(missing).toMatchObject({ severity: 'error' });
    expect(missing?.images).toHaveLength(11); // 12 images, one with its caption file
    expect(missing?.images).toContain(join(folder, 'studio', 'motorcycle.png'));
    const near = json.findings.filter((f) => f.rule === 'near-duplicate-image').map((f) => f.images.sort());
    expect(near).toContainEqual([join(folder, 'IMG_0001.JPG'), join(folder, 'studio', 'iphone.heic')]);
    expect(json.findings.find((f) => f.rule === 'low-resolution')?.images).toHaveLength(12);
  });

  it('resumes the same dataset on a rerun and exits 0 when only warnings are left', async () => {
    const first = JSON.parse(
      (await runCli(['check', folder, '--trigger', TRIGGER, '--json'], env)).stdout,
    ) as CheckJson;
    const store = createDatasetStore({ dataDir: join(work, 'data') });
    const { images } = await store.load(first.datasetId);
    for (const [i, image] of images.entries()) {
      await store.updateImage(first.datasetId, image.id, {
        ...{ caption: `photo of ${TRIGGER} test picture number ${i} in the studio`, captionSource: 'user' },
        status: 'edited',
      });
    }
    await store.close();
    const run = await runCli(['check', folder, '--trigger', TRIGGER], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`dataset ${first.datasetId}`);
    expect(run.stdout).toMatch(/shared-phrase: "test picture number" is in 12 captions of 12/u);
    expect(run.stdout).toMatch(/0 error\(s\), \d+ warning\(s\)/u);
  });

  it('rejects a bad trigger word or none with exit code 2', async () => {
    expect((await runCli(['check', folder, '--trigger', 'a b'], env)).code).toBe(2);
    expect((await runCli(['check', folder], env)).code).toBe(2);
  });

  it('lists the rules and exit codes in --help', async () => {
    const run = await runCli(['check', '--help'], env);
    expect(run.code).toBe(0);
    for (const rule of ['missing-caption', 'trigger-case', 'near-duplicate-image', 'clip-truncated', 'Exit codes']) {
      expect(run.stdout).toContain(rule);
    }
  });
});
