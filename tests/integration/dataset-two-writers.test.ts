import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDatasetStore } from '../../src/core/datasets';
import { SAMPLE_SETTINGS, sampleCaption, sampleImages } from '../../src/core/datasets/testing';

/**
 * Two processes writing one dataset at once (the app and the CLI on the same dataset): each saves captions for
 * its own half of the images while both compact the journal often. Every caption either process was told is
 * saved must be there afterwards.
 */

const REPO = resolve(import.meta.dirname, '../..');
const TRIGGER = 'two_writers';
const COUNT = 300;

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cs-two-writers-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

function writerScript(storeModule: string): string {
  return `
import { createDatasetStore } from ${JSON.stringify(storeModule)};
import { sampleCaption } from ${JSON.stringify(storeModule.replace(/index\.ts$/u, 'testing.ts'))};
const [dataDir, id, parity] = process.argv.slice(2);
const store = createDatasetStore({ dataDir }, undefined, { compactAfter: 7 });
const { images } = await store.load(id);
for (let n = Number(parity); n < images.length; n += 2) {
  await store.updateImage(id, images[n].id, { caption: sampleCaption(${JSON.stringify(TRIGGER)}, n), status: 'edited', captionSource: 'user' });
}
await store.close();
`;
}

function runWriter(script: string, id: string, parity: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, id, String(parity)], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((done) => child.on('exit', (code) => done({ code, stderr })));
}

it('keeps every caption saved by two processes writing the same dataset at once', async () => {
  const store = createDatasetStore({ dataDir });
  const m = await store.create({ name: 'Two', trigger: TRIGGER, roots: ['/photos'], settings: SAMPLE_SETTINGS });
  await store.save({ ...m, images: sampleImages(COUNT, TRIGGER).map((i) => ({ ...i, caption: null, status: 'new' })) });
  const script = join(dataDir, 'writer.mts');
  await writeFile(script, writerScript(join(REPO, 'src/core/datasets/index.ts')));

  const results = await Promise.all([runWriter(script, m.id, 0), runWriter(script, m.id, 1)]);
  for (const r of results) expect(r.code, r.stderr).toBe(0);

  const loaded = await createDatasetStore({ dataDir }).load(m.id);
  const lost = loaded.images.filter((img, n) => img.caption !== sampleCaption(TRIGGER, n)).map((i) => i.id);
  expect(lost).toEqual([]);
});
