import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatasetStore } from '../../src/core/datasets';
import { FAKE_API_KEY, type FakeGemini, startFakeGemini } from '../fake-gemini';
import { cliEnv, collect, runCli, spawnCli } from '../support/cli';
import { removeDir, tempDir } from '../support/fixtures';

const COUNT = 24;
const CONCURRENCY = 3;

let work: string;
let gemini: FakeGemini;

beforeAll(async () => {
  work = await tempDir();
  const folder = join(work, 'photos');
  await mkdir(folder);
  for (let i = 0; i < COUNT; i++) {
    // Distinct content per image so the server can tell the requests apart.
    const background = { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 13) % 256 };
    await sharp({ create: { width: 320, height: 240, channels: 3, background } })
      .jpeg()
      .toFile(join(folder, `img-${String(i).padStart(2, '0')}.jpg`));
  }
  gemini = await startFakeGemini({ latencyMs: 250, jitterMs: 100 });
});
afterAll(async () => {
  await gemini.close();
  await removeDir(work);
});

it('loses nothing and redoes nothing when the CLI is killed with SIGKILL mid-run', async () => {
  const dataDir = join(work, 'data');
  const env = cliEnv({
    GEMINI_API_KEY: FAKE_API_KEY,
    GOOGLE_GEMINI_BASE_URL: gemini.url,
    CAPTION_STUDIO_DATA_DIR: dataDir,
  });
  const args = [
    'caption',
    join(work, 'photos'),
    '--trigger',
    'crash_test',
    '--out',
    join(work, 'out.zip'),
    '--concurrency',
    String(CONCURRENCY),
    '--rpm',
    '6000',
  ];
  const ok = () => gemini.requests.filter((r) => r.kind === 'generateContent' && r.outcome === 'ok');

  const child = spawnCli(args, env);
  const finished = collect(child);
  while (ok().length < 8) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGKILL');
  const killed = await finished;
  expect(killed.signal).toBe('SIGKILL');

  const store = createDatasetStore({ dataDir });
  const [summary] = await store.list();
  expect(summary).toBeDefined();
  const afterKill = await store.load(summary?.id ?? '');
  const savedIds = new Set(afterKill.images.filter((i) => i.status === 'captioned').map((i) => i.id));
  const answeredFirstRun = ok().length;
  // Every answer the CLI received was saved, except at most the requests in flight at the kill.
  expect(savedIds.size).toBeGreaterThanOrEqual(answeredFirstRun - CONCURRENCY);
  expect(savedIds.size).toBeLessThan(COUNT);

  const firstRunKeys = new Set(ok().map((r) => r.imageKey));
  const requestsBefore = gemini.requests.length;
  const rerun = await runCli(args, env);
  expect(rerun.code, rerun.stderr).toBe(0);
  const secondRunOk = gemini.requests
    .slice(requestsBefore)
    .filter((r) => r.kind === 'generateContent' && r.outcome === 'ok');

  // Only what was not saved is asked again: exactly the missing images, each once.
  expect(secondRunOk).toHaveLength(COUNT - savedIds.size);
  expect(new Set(secondRunOk.map((r) => r.imageKey)).size).toBe(secondRunOk.length);
  const redone = secondRunOk.filter((r) => firstRunKeys.has(r.imageKey));
  expect(redone.length).toBeLessThanOrEqual(answeredFirstRun - savedIds.size);

  const final = await store.load(afterKill.id);
  expect(final.images.every((i) => i.status === 'captioned')).toBe(true);
  for (const img of afterKill.images.filter((i) => savedIds.has(i.id))) {
    expect(final.images.find((i) => i.id === img.id)?.caption).toBe(img.caption);
  }
});
