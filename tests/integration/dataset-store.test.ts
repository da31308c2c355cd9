import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatasetStore, type DatasetStore } from '../../src/core/datasets';
import { SAMPLE_SETTINGS, sampleCaption, sampleImages } from '../../src/core/datasets/testing';
import { isAppError } from '../../src/shared/errors';

const REPO = resolve(import.meta.dirname, '../..');
const TRIGGER = 'sks_person';

let dataDir: string;
let store: DatasetStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cs-dataset-it-'));
  store = createDatasetStore({ dataDir });
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

async function datasetWith(images: number): Promise<string> {
  const m = await store.create({ name: 'Beach', trigger: TRIGGER, roots: ['/photos'], settings: SAMPLE_SETTINGS });
  await store.save({ ...m, images: sampleImages(images, TRIGGER) });
  return m.id;
}
const file = (id: string, name: string) => join(store.datasetDir(id), name);
const journalLines = async (id: string) =>
  (await readFile(file(id, 'journal.jsonl'), 'utf8')).split('\n').filter(Boolean);

describe('dataset store on real files', () => {
  it('round-trips create, update, save and load across store instances', async () => {
    const id = await datasetWith(10);
    await store.updateImage(id, 'img-00003', {
      caption: `photo of ${TRIGGER} edited`,
      captionSource: 'user',
      status: 'edited',
    });
    const fresh = createDatasetStore({ dataDir });
    const loaded = await fresh.load(id);
    expect(loaded.images[3]).toMatchObject({ caption: `photo of ${TRIGGER} edited`, status: 'edited' });
    await fresh.save({ ...loaded, name: 'Saved' });
    const again = await createDatasetStore({ dataDir }).load(id);
    expect(again).toMatchObject({ name: 'Saved', images: loaded.images });
    expect(await journalLines(id)).toEqual([]);
  });

  it('replays journal lines after a simulated crash (lines appended, never compacted)', async () => {
    const id = await datasetWith(5);
    const before = await store.load(id);
    const lines = [1, 2, 1].map((i, n) =>
      JSON.stringify({
        base: before.updatedAt,
        at: `2030-01-01T00:00:0${n}.000Z`,
        image: `img-0000${i}`,
        patch: { caption: `photo of ${TRIGGER} crash ${n}`, status: 'edited' },
      }),
    );
    await appendFile(file(id, 'journal.jsonl'), `${lines.join('\n')}\n`);
    const loaded = await createDatasetStore({ dataDir }).load(id);
    expect(loaded.images[1]?.caption).toBe(`photo of ${TRIGGER} crash 2`);
    expect(loaded.images[2]?.caption).toBe(`photo of ${TRIGGER} crash 1`);
    expect(loaded.updatedAt).toBe('2030-01-01T00:00:02.000Z');
  });

  it('ignores a torn last line, and the next append does not glue onto it', async () => {
    const id = await datasetWith(5);
    await store.updateImage(id, 'img-00000', { caption: `photo of ${TRIGGER} kept` });
    await appendFile(file(id, 'journal.jsonl'), '{"base":"x","at":"y","image":"img-00001","patch":{"capt');
    const reopened = createDatasetStore({ dataDir });
    expect((await reopened.load(id)).images[0]?.caption).toBe(`photo of ${TRIGGER} kept`);
    await reopened.updateImage(id, 'img-00001', { caption: `photo of ${TRIGGER} after tear` });
    const lines = await journalLines(id);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    const loaded = await createDatasetStore({ dataDir }).load(id);
    expect(loaded.images.slice(0, 2).map((i) => i.caption)).toEqual([
      `photo of ${TRIGGER} kept`,
      `photo of ${TRIGGER} after tear`,
    ]);
  });

  it('compacts past the threshold, and replay after a crash between manifest write and truncation is harmless', async () => {
    const small = createDatasetStore({ dataDir }, undefined, { compactAfter: 10 });
    const id = await datasetWith(20);
    for (let i = 0; i < 25; i++)
      await small.updateImage(id, `img-0000${i % 10}`, { caption: `photo of ${TRIGGER} n${i}` });
    expect(await journalLines(id)).toHaveLength(5);
    const stale = await readFile(file(id, 'journal.jsonl'), 'utf8');
    await small.close(); // compaction: manifest rewritten, journal emptied
    const compacted = await createDatasetStore({ dataDir }).load(id);
    expect(compacted.images.slice(0, 10).map((i) => i.caption)).toEqual(
      Array.from({ length: 10 }, (_, i) => `photo of ${TRIGGER} n${i < 5 ? i + 20 : i + 10}`),
    );
    // As if the process died after the manifest rename but before the truncation: old lines are still there.
    await writeFile(file(id, 'journal.jsonl'), stale);
    expect(await createDatasetStore({ dataDir }).load(id)).toEqual(compacted);
  });

  it('never replays journal lines over a later save() (crash before the journal was emptied)', async () => {
    const id = await datasetWith(3);
    await store.updateImage(id, 'img-00001', { caption: `photo of ${TRIGGER} old edit`, status: 'edited' });
    const stale = await readFile(file(id, 'journal.jsonl'), 'utf8');
    const m = await store.load(id);
    await store.save({ ...m, images: m.images.map((i) => ({ ...i, caption: null, status: 'new' as const })) });
    await writeFile(file(id, 'journal.jsonl'), stale);
    const loaded = await createDatasetStore({ dataDir }).load(id);
    expect(loaded.images[1]).toMatchObject({ caption: null, status: 'new' });
  });

  it.each([
    ['unparseable JSON', '{"version":1,"id":', /not valid JSON/],
    ['schema-invalid', null, /does not match the dataset format \(images\.0\.width/],
  ])('keeps a %s manifest aside, reports it in list() and throws on load', async (_, content, reason) => {
    const id = await datasetWith(2);
    const good = await datasetWith(1);
    await store.updateImage(id, 'img-00000', { excluded: true });
    const raw = JSON.parse(await readFile(file(id, 'manifest.json'), 'utf8'));
    raw.images[0].width = -5;
    const damaged = content ?? JSON.stringify(raw);
    await writeFile(file(id, 'manifest.json'), damaged);

    const error = await createDatasetStore({ dataDir })
      .load(id)
      .catch((e: unknown) => e);
    expect(isAppError(error) && error.kind).toBe('io');
    const message = (error as Error).message;
    expect(message).toMatch(reason);
    const names = await readdir(store.datasetDir(id));
    const kept = names.find((n) => n.startsWith('manifest.corrupt-')) ?? 'no kept file';
    expect(kept).toMatch(/^manifest\.corrupt-\d{8}-\d{6}-\d{3}\.json$/);
    expect(message).toContain(file(id, kept));
    expect(await readFile(file(id, kept), 'utf8')).toBe(damaged); // byte for byte, nothing replaced
    expect(names).toContain('journal.jsonl');
    expect(names).not.toContain('manifest.json');

    const list = await createDatasetStore({ dataDir }).list();
    expect(list.find((s) => s.id === good)?.broken).toBeNull();
    expect(list.find((s) => s.id === id)?.broken).toContain(kept);
    await expect(store.load(id)).rejects.toMatchObject({ kind: 'io', message: expect.stringContaining(kept) });
    await store.remove(id);
    expect((await store.list()).map((s) => s.id)).toEqual([good]);
  });

  it('lands every one of many concurrent updateImage calls, in call order', async () => {
    const id = await datasetWith(50);
    const fresh = createDatasetStore({ dataDir }, undefined, { compactAfter: 40 });
    await Promise.all(
      Array.from({ length: 150 }, (_, n) =>
        fresh.updateImage(id, `img-${String(n % 50).padStart(5, '0')}`, { caption: `photo of ${TRIGGER} c${n}` }),
      ),
    );
    const loaded = await createDatasetStore({ dataDir }).load(id);
    expect(loaded.images.map((i) => i.caption)).toEqual(
      Array.from({ length: 50 }, (_, i) => `photo of ${TRIGGER} c${i + 100}`),
    );
  });

  it('keeps two stores on the same dataset consistent (another window or the CLI rewriting it)', async () => {
    const id = await datasetWith(4);
    const a = createDatasetStore({ dataDir });
    const b = createDatasetStore({ dataDir });
    await a.updateImage(id, 'img-00000', { caption: `photo of ${TRIGGER} from a` });
    await b.rename(id, 'Renamed by b'); // new manifest base, journal emptied under a's feet
    await a.updateImage(id, 'img-00001', { caption: `photo of ${TRIGGER} a again` });
    await b.updateImage(id, 'img-00002', { caption: `photo of ${TRIGGER} from b` });
    await a.updateImage(id, 'img-00003', { caption: `photo of ${TRIGGER} a last` });
    const loaded = await createDatasetStore({ dataDir }).load(id);
    expect(loaded.name).toBe('Renamed by b');
    expect(loaded.images.map((i) => i.caption)).toEqual(
      ['from a', 'a again', 'from b', 'a last'].map((c) => `photo of ${TRIGGER} ${c}`),
    );
  });

  it('rejects path-traversal ids everywhere', async () => {
    for (const bad of ['..', '../x', 'a/b', '/etc', '']) {
      expect(() => store.datasetDir(bad)).toThrow(expect.objectContaining({ kind: 'validation' }));
      expect(() => store.thumbsDir(bad)).toThrow(expect.objectContaining({ kind: 'validation' }));
      await expect(store.load(bad)).rejects.toMatchObject({ kind: 'validation' });
      await expect(store.remove(bad)).rejects.toMatchObject({ kind: 'validation' });
      await expect(store.rename(bad, 'x')).rejects.toMatchObject({ kind: 'validation' });
      await expect(store.updateImage(bad, 'img-00000', {})).rejects.toMatchObject({ kind: 'validation' });
    }
  });

  it('loses no acknowledged update when the writing process is killed with SIGKILL', async () => {
    const id = await datasetWith(2000);
    const script = join(dataDir, 'hammer.mts');
    await writeFile(script, hammerScript(join(REPO, 'src/core/datasets/index.ts')));
    // node --import tsx is what `npx tsx` runs, minus the npx wrapper process, so the kill hits the writer itself.
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, id], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const acked = new Map<string, number>();
    const killAfter = 150 + Math.floor(Math.random() * 100);
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    for await (const line of createInterface({ input: child.stdout })) {
      const [tag, n, image] = line.split(' ');
      if (tag !== 'ack' || !image) continue;
      acked.set(image, Math.max(acked.get(image) ?? -1, Number(n)));
      if (acked.size >= killAfter && !child.killed) child.kill('SIGKILL');
    }
    expect(await exited, stderr).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(killAfter);
    expect(acked.size, 'the kill must land mid-run').toBeLessThan(2000);

    const loaded = await createDatasetStore({ dataDir }).load(id);
    const byId = new Map(loaded.images.map((i) => [i.id, i]));
    for (const [image, n] of acked) {
      expect(byId.get(image)?.caption, image).toBe(sampleCaption(TRIGGER, n));
    }
  });
});

/** Four workers updating distinct images (each image once) through a store that compacts every 50 lines. */
function hammerScript(storeModule: string): string {
  return `
import { createDatasetStore } from ${JSON.stringify(storeModule)};
import { sampleCaption } from ${JSON.stringify(storeModule.replace(/index\.ts$/, 'testing.ts'))};
const [dataDir, id] = process.argv.slice(2);
const store = createDatasetStore({ dataDir }, undefined, { compactAfter: 50 });
const { images } = await store.load(id);
let next = 0;
async function worker() {
  while (next < images.length) {
    const n = next++;
    const image = images[n].id;
    await store.updateImage(id, image, { caption: sampleCaption(${JSON.stringify(TRIGGER)}, n), captionSource: 'user', status: 'edited' });
    process.stdout.write('ack ' + n + ' ' + image + '\\n');
  }
}
await Promise.all([worker(), worker(), worker(), worker()]);
process.stdout.write('done\\n');
setInterval(() => {}, 1000); // wait to be killed
`;
}
