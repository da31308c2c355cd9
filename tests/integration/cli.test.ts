import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { cliEnv, runCli } from '../support/cli';
import { copyFixtures, removeDir, tempDir } from '../support/fixtures';
import { readZip } from '../support/zip';

interface CliJson {
  datasetId: string;
  zip: string | null;
  images: Array<{ source: string; exportName: string; status: string; caption?: string; error?: string }>;
  skipped: Array<{ path: string; reason: string; message: string }>;
}

const TRIGGER = 'ide_main_hall';

describe('caption CLI on the dropped folder', () => {
  let work: string;
  let folder: string;
  let gemini: FakeGemini;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = await tempDir();
    folder = await copyFixtures(work);
    gemini = await startFakeGemini({ failRate: 0.25, seed: 7, latencyMs: 20, faultRetryDelaySeconds: 1 });
    env = cliEnv({
      GEMINI_API_KEY: FAKE_API_KEY,
      GOOGLE_GEMINI_BASE_URL: gemini.url,
      CAPTION_STUDIO_DATA_DIR: join(work, 'data'),
    });
  });
  afterAll(async () => {
    await gemini.close();
    await removeDir(work);
  });

  const generateCalls = () => gemini.requests.filter((r) => r.kind === 'generateContent');

  it('captions everything despite faults, writes the ZIP and reports skipped files', async () => {
    const out = join(work, 'dataset.zip');
    const run = await runCli(['caption', folder, '--trigger', TRIGGER, '--out', out, '--rpm', '600', '--json'], env);
    expect(run.stderr).not.toContain(FAKE_API_KEY);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as CliJson;
    expect(result.zip).toBe(out);
    expect(result.images).toHaveLength(12);
    expect(result.skipped.map((s) => s.reason).sort()).toEqual(
      ['corrupt', 'empty', 'not-an-image', 'not-an-image', 'too-many-pixels', 'too-small'].sort(),
    );
    for (const img of result.images) expect(img.caption).toMatch(new RegExp(`^photo of ${TRIGGER} \\S`));
    const cat = result.images.find((i) => i.source.endsWith('IMG_0002.jpeg'));
    expect(cat?.caption).toBe(`photo of ${TRIGGER} a tabby cat lying on a wooden surface, soft window light`);

    // 11 images needed Gemini (one came with its caption), each answered successfully exactly once.
    const ok = generateCalls().filter((r) => r.outcome === 'ok');
    expect(ok).toHaveLength(11);
    expect(new Set(ok.map((r) => r.imageKey)).size).toBe(11);

    const entries = await readZip(out);
    expect(entries.size).toBe(24);
    for (const img of result.images) {
      const txt = entries.get(`${img.exportName}.txt`);
      expect(txt?.toString('utf8')).toBe(img.caption);
    }
  });

  it('resumes the same dataset on a rerun without asking Gemini again', async () => {
    const before = generateCalls().length;
    const out = join(work, 'again.zip');
    const run = await runCli(['caption', folder, '--trigger', TRIGGER, '--out', out, '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(generateCalls().length).toBe(before);
    const first = (await readZip(join(work, 'dataset.zip'))).size;
    expect((await readZip(out)).size).toBe(first);
    expect(run.stderr).toContain('Resuming dataset');
  });

  it('reports a bad key once, before any image is sent, and writes no ZIP', async () => {
    const before = generateCalls().length;
    const out = join(work, 'badkey.zip');
    const badEnv = { ...env, GEMINI_API_KEY: 'AIzaWrongWrongWrong', CAPTION_STUDIO_DATA_DIR: join(work, 'data-2') };
    const run = await runCli(['caption', folder, '--trigger', TRIGGER, '--out', out], badEnv);
    expect(run.code).toBe(3);
    expect(generateCalls().length).toBe(before);
    expect(run.stderr.match(/API key/gi)?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(run.stderr).not.toContain('AIzaWrongWrongWrong');
    await expect(readFile(out)).rejects.toThrow();
  });

  it('exits 1 with the list when an image is blocked, and writes no ZIP', async () => {
    const blocked = await startFakeGemini({ fault: (r) => (r.index % 5 === 2 ? 'safety' : undefined) });
    try {
      const out = join(work, 'blocked.zip');
      const run = await runCli(['caption', folder, '--trigger', TRIGGER, '--out', out, '--rpm', '600', '--json'], {
        ...env,
        GOOGLE_GEMINI_BASE_URL: blocked.url,
        CAPTION_STUDIO_DATA_DIR: join(work, 'data-3'),
      });
      expect(run.code, run.stderr).toBe(1);
      const result = JSON.parse(run.stdout) as CliJson;
      expect(result.zip).toBeNull();
      const statuses = result.images.map((i) => i.status);
      expect(statuses).toContain('blocked');
      expect(run.stderr).toMatch(/still need a caption/);
      await expect(readFile(out)).rejects.toThrow();
    } finally {
      await blocked.close();
    }
  });
});

describe('caption CLI usage errors', () => {
  it('rejects a bad trigger word with exit code 2 and the rule', async () => {
    const run = await runCli(['caption', '.', '--trigger', 'no spaces allowed'], cliEnv({}));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/letters, digits or underscores/);
  });

  it('requires a trigger word', async () => {
    const run = await runCli(['caption', '.'], cliEnv({}));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--trigger/);
  });

  it('explains every option in --help', async () => {
    const run = await runCli(['caption', '--help'], cliEnv({}));
    expect(run.code).toBe(0);
    for (const flag of [
      '--trigger',
      '--out',
      '--model',
      '--concurrency',
      '--rpm',
      '--recaption',
      '--prompt-file',
      '--json',
    ])
      expect(run.stdout).toContain(flag);
  });
});
