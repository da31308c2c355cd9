import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { cliEnv, collect, runCli, spawnCli } from '../support/cli';
import { copyFixtures, removeDir, tempDir } from '../support/fixtures';

/**
 * The CLI stopped early, by the user (Ctrl+C) or by a lost connection: it still prints its summary (and the
 * --json object scripts rely on) and exits with a code that says which it was.
 */

interface CliJson {
  zip: string | null;
  error: string | null;
  run: { status: string; captioned: number } | null;
  images: Array<{ caption?: string }>;
}

describe('caption CLI stopped early', () => {
  let work: string;
  let folder: string;
  let gemini: FakeGemini;
  let env: NodeJS.ProcessEnv;
  let n = 0;

  beforeAll(async () => {
    work = await tempDir();
    folder = await copyFixtures(work);
  });
  afterEach(async () => {
    await gemini.close();
  });
  afterAll(async () => {
    await removeDir(work);
  });

  async function serve(options: Parameters<typeof startFakeGemini>[0]): Promise<void> {
    gemini = await startFakeGemini(options);
    // A data dir per test: each starts with a new dataset.
    env = cliEnv({
      GEMINI_API_KEY: FAKE_API_KEY,
      GOOGLE_GEMINI_BASE_URL: gemini.url,
      CAPTION_STUDIO_DATA_DIR: join(work, `data-${++n}`),
    });
  }
  const args = () => ['caption', folder, '--trigger', 'stop_test', '--out', join(work, 'x.zip'), '--json'];

  it('exits 3 with the --json summary when Gemini stays unreachable mid-run, keeping what arrived', async () => {
    // The first images are answered, then every connection is dropped: the run stops after a short streak.
    await serve({ fault: (req) => (req.imageKey !== null && req.index >= 4 ? 'drop' : undefined) });
    const run = await runCli([...args(), '--concurrency', '1', '--rpm', '6000'], env);
    expect(run.code, run.stderr).toBe(3);
    const result = JSON.parse(run.stdout) as CliJson;
    expect(result.zip).toBeNull();
    expect(result.error).toMatch(/Lost the connection to Gemini/u);
    // What was done before the connection went: the counts a script needs (and what was paid for).
    expect(result.run).toMatchObject({ status: 'cancelled' });
    expect(result.run?.captioned).toBeGreaterThan(0);
    const answered = gemini.requests.filter((r) => r.kind === 'generateContent' && r.outcome === 'ok').length;
    expect(answered).toBeGreaterThan(0);
    // Every answer that arrived is in the dataset (plus the one image that came with its own caption).
    expect(result.images.filter((i) => i.caption !== undefined)).toHaveLength(answered + 1);
    expect(run.stderr).toMatch(/still need a caption/u);
  });

  it('exits 130 with the --json summary on Ctrl+C during captioning', async () => {
    await serve({ latencyMs: 2_000 });
    const child = spawnCli([...args(), '--concurrency', '2'], env);
    const finished = collect(child);
    while (!gemini.requests.some((r) => r.kind === 'generateContent')) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const run = await finished;
    expect(run.code, run.stderr).toBe(130);
    const result = JSON.parse(run.stdout) as CliJson;
    expect(result.run?.status).toBe('cancelled');
    expect(result.zip).toBeNull();
    expect(run.stderr).toMatch(/Stopping/u);
  });

  it('exits 130 with the --json summary on Ctrl+C during the import, having added nothing', async () => {
    await serve({});
    const child = spawnCli(args(), env);
    const finished = collect(child);
    // "New dataset ..." is printed just before the import starts; the fixture import takes far longer than a signal.
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    while (!stderr.includes('New dataset')) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    const run = await finished;
    expect(run.code, run.stderr).toBe(130);
    const result = JSON.parse(run.stdout) as CliJson;
    expect(result.error).toMatch(/Import stopped/u);
    expect(result.images).toEqual([]);
    expect(gemini.requests.filter((r) => r.kind === 'generateContent')).toEqual([]);
  });

  it('exits 1 with the --json summary when the export is refused because an original disappeared', async () => {
    await serve({});
    const photos = join(work, 'captioned');
    await mkdir(photos);
    for (const name of ['a', 'b']) {
      await sharp({ create: { width: 200, height: 150, channels: 3, background: name === 'a' ? '#f00' : '#00f' } })
        .jpeg()
        .toFile(join(photos, `${name}.jpg`));
      await writeFile(join(photos, `${name}.txt`), `photo of stop_test a ${name} square`);
    }
    const out = join(work, 'captioned.zip');
    const cmd = ['caption', photos, '--trigger', 'stop_test', '--out', out, '--json'];
    expect((await runCli(cmd, env)).code).toBe(0);
    await rm(join(photos, 'b.jpg'));
    const run = await runCli(cmd, env);
    expect(run.code, run.stderr).toBe(1);
    const result = JSON.parse(run.stdout) as CliJson;
    expect(result.zip).toBeNull();
    expect(result.error).toMatch(/missing|no longer/iu);
    expect(gemini.requests.filter((r) => r.kind === 'generateContent')).toEqual([]);
  });
});
