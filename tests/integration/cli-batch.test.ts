import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetStore } from '../../src/core/datasets';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { cliEnv, collect, runCli, spawnCli } from '../support/cli';
import { copyFixtures, removeDir, tempDir } from '../support/fixtures';
import { readZip } from '../support/zip';

/**
 * `caption --batch` as a user runs it, as a child process against the fake: submit and leave (`--no-wait`, exit 4),
 * run the same command again to collect the results and the ZIP, never a second job; the usage errors; and a
 * command killed mid-upload whose rerun deletes what it had uploaded before submitting afresh.
 */

interface CliJson {
  zip: string | null;
  batch?: { name: string | null; state: string } | null;
  images: Array<{ status: string; caption?: string; model: string | null; provider: string | null }>;
}

const TRIGGER = 'batch_hall';

let work: string;
let gemini: FakeGemini;
let folder: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  work = await tempDir();
  folder = await copyFixtures(work);
});
afterAll(() => removeDir(work));
afterEach(() => gemini?.close());

async function freshFake(dataDir: string): Promise<void> {
  gemini = await startFakeGemini({ batchProgress: 'manual' });
  env = cliEnv({ GEMINI_API_KEY: FAKE_API_KEY, GOOGLE_GEMINI_BASE_URL: gemini.url, CAPTION_STUDIO_DATA_DIR: dataDir });
}
const creates = () => gemini.requests.filter((r) => r.kind === 'batches.create');
const jobName = () => `batches/${[...gemini.state.batches.keys()][0] ?? ''}`;

describe('caption --batch', () => {
  it('submits and exits 4 with --no-wait; the same command resumes the job and exits 0 with the ZIP', async () => {
    await freshFake(join(work, 'data-resume'));
    const out = join(work, 'batch.zip');
    const args = ['caption', folder, '--trigger', TRIGGER, '--out', out, '--batch', '--json'];

    const submitted = await runCli([...args, '--no-wait'], env);
    expect(submitted.code, submitted.stderr).toBe(4);
    const first = JSON.parse(submitted.stdout) as CliJson;
    expect(first.zip).toBeNull();
    expect(first.batch).toEqual({ name: jobName(), state: 'queued' });
    expect(submitted.stderr).toMatch(/11 image\(s\) are waiting for the batch job batches\/\w+ \(queued at Gemini/u);
    expect(submitted.stderr).not.toContain(FAKE_API_KEY);

    const again = await runCli([...args, '--no-wait'], env);
    expect(again.code, again.stderr).toBe(4);
    expect(again.stderr).toContain(`Resuming the batch job ${jobName()}.`);
    expect(creates()).toHaveLength(1);

    gemini.settleBatch(jobName(), 'SUCCEEDED');
    const done = await runCli([...args, '--poll-interval', '1'], env);
    expect(done.code, done.stderr).toBe(0);
    const result = JSON.parse(done.stdout) as CliJson;
    expect(result.zip).toBe(out);
    expect(result.batch).toEqual({ name: jobName(), state: 'succeeded' });
    const byModel = result.images.filter((i) => i.model === 'gemini-2.5-flash' && i.provider === 'gemini');
    expect(byModel).toHaveLength(11); // the twelfth came with its own caption (a sidecar .txt)
    for (const image of result.images) expect(image.caption).toMatch(new RegExp(`^photo of ${TRIGGER} \\S`, 'u'));
    expect([...(await readZip(out)).keys()].filter((name) => name.endsWith('.txt'))).toHaveLength(12);
    expect(creates()).toHaveLength(1);
    expect(gemini.state.uploadedFiles()).toEqual([]);
  });

  it('waits for the job by itself, checking every --poll-interval seconds', async () => {
    await freshFake(join(work, 'data-wait'));
    gemini.setBehaviour({ batchProgress: 'per-get' }); // each look moves the job on: queued, running, done
    const out = join(work, 'wait.zip');
    const run = await runCli(['caption', folder, '-t', TRIGGER, '-o', out, '--batch', '--poll-interval', '1'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/batch batches\/\w+: running at Gemini, 11 image\(s\)/u);
    expect(run.stderr).toContain(`Wrote ${out}`);
    expect(gemini.requests.filter((r) => r.kind === 'batches.get')).toHaveLength(2);
  });

  it('refuses what makes no sense: --batch with an OpenAI-compatible server, --no-wait alone, a run over a job', async () => {
    await freshFake(join(work, 'data-usage'));
    const base = ['caption', folder, '--trigger', TRIGGER];
    const server = ['--provider', 'openai', '--base-url', 'http://127.0.0.1:9/v1', '-m', 'x'];
    const openai = await runCli(['caption', folder, '--trigger', 'other_hall', '--batch', ...server], env);
    expect(openai.code).toBe(2);
    expect(openai.stderr).toContain('--batch uses the Gemini Batch API');
    const alone = await runCli([...base, '--no-wait'], env);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--no-wait and --poll-interval go with --batch.');

    expect((await runCli([...base, '--batch', '--no-wait'], env)).code).toBe(4);
    const normal = await runCli(base, env);
    expect(normal.code).toBe(2);
    expect(normal.stderr).toContain('run the same command with --batch to collect its results');
    expect(gemini.requests.filter((r) => r.kind === 'generateContent')).toEqual([]);
  });

  it('a command killed mid-upload leaves nothing behind: the rerun deletes its files, then submits once', {
    timeout: 120_000,
  }, async () => {
    // Photos of noise do not shrink: 20 of them are well over the 20 MB a job may carry inline, so they are uploaded.
    const noisy = join(work, 'noisy');
    await mkdir(noisy, { recursive: true });
    for (let i = 0; i < 20; i++) {
      const raw = { width: 1536, height: 1152, channels: 3 as const };
      await sharp(randomBytes(raw.width * raw.height * 3), { raw })
        .jpeg({ quality: 95 })
        .toFile(join(noisy, `noise-${i}.jpg`));
    }
    const dataDir = join(work, 'data-crash');
    await freshFake(dataDir);
    const args = ['caption', noisy, '--trigger', TRIGGER, '--batch', '--no-wait'];
    const child = spawnCli(args, env);
    const killed = collect(child);
    let exited = false;
    void killed.then(() => (exited = true));
    while (gemini.state.uploadedFiles().length < 2 && !exited) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect((await killed).signal).toBe('SIGKILL');

    const store = createDatasetStore({ dataDir });
    const [dataset] = await store.list();
    const left = (await store.load(dataset?.id ?? '')).batch;
    expect(left).toMatchObject({ name: null, state: 'uploading', input: 'file' });
    const orphans = gemini.state.uploadedFiles().map((f) => `files/${f.id}`);
    expect(left?.uploadedFiles).toEqual(expect.arrayContaining(orphans));

    const rerun = await runCli(args, env);
    expect(rerun.code, rerun.stderr).toBe(4);
    expect(rerun.stderr).toContain('Cleaning up after a batch upload that was cut short');
    const now = (await store.load(dataset?.id ?? '')).batch;
    expect(now).toMatchObject({ name: jobName(), state: 'queued', input: 'file' });
    const kept = gemini.state.uploadedFiles().map((f) => `files/${f.id}`);
    expect(kept.filter((f) => orphans.includes(f))).toEqual([]);
    expect([...kept].sort()).toEqual([...(now?.uploadedFiles ?? [])].sort());
    expect(creates()).toHaveLength(1);
  });
});
