import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../ports';
import { createDatasetStore } from './store';
import { SAMPLE_SETTINGS, sampleImages } from './testing';
import type { DatasetStore } from './types';

let dataDir: string;
let now: number;
let store: DatasetStore;
const clock: Clock = { now: () => now, sleep: async () => {} };

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cs-store-'));
  now = Date.UTC(2026, 10, 24, 17, 12, 0);
  store = createDatasetStore({ dataDir }, clock, { compactAfter: 4 });
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const init = (over: Partial<{ name: string; trigger: string; roots: string[] }> = {}) => ({
  name: 'Holiday',
  trigger: 'sks_person',
  roots: ['/photos/a', '/photos/b'],
  settings: SAMPLE_SETTINGS,
  ...over,
});

async function withImages(count = 3) {
  const m = await store.create(init());
  await store.save({ ...m, images: sampleImages(count) });
  return m.id;
}

describe('create', () => {
  it('makes the folder, manifest, empty journal and thumbs, with a time-based id', async () => {
    const m = await store.create(init({ name: '  Holiday  ' }));
    expect(m.id).toMatch(/^20261124-171200-[0-9a-z]{6}$/);
    expect(m).toMatchObject({ name: 'Holiday', version: 1, images: [], createdAt: '2026-11-24T17:12:00.000Z' });
    expect((await readdir(store.datasetDir(m.id))).sort()).toEqual(['journal.jsonl', 'manifest.json', 'thumbs']);
    expect(store.thumbsDir(m.id)).toBe(join(dataDir, 'datasets', m.id, 'thumbs'));
    expect(await readdir(join(dataDir, 'datasets'))).toEqual([m.id]); // staging folder renamed away
  });

  it.each([
    [{ name: '  ' }, /name/],
    [{ trigger: 'a b' }, /Trigger word/],
    [{ trigger: 'ab' }, /too short/],
  ])('rejects %j', async (over, message) => {
    await expect(store.create(init(over))).rejects.toMatchObject({ kind: 'validation', message });
  });

  it('rejects invalid settings', async () => {
    await expect(store.create({ ...init(), settings: { ...SAMPLE_SETTINGS, concurrency: 0 } })).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('concurrency'),
    });
  });
});

describe('save, rename, modify', () => {
  it('save bumps updatedAt strictly even when the clock stands still, and validates', async () => {
    const id = await withImages();
    const a = await store.load(id);
    await store.save(a);
    const b = await store.load(id);
    expect(b.updatedAt > a.updatedAt).toBe(true);
    const broken = sampleImages(1).map((i) => ({ ...i, width: -1 }));
    await expect(store.save({ ...b, images: broken })).rejects.toMatchObject({
      kind: 'validation',
    });
    await expect(store.save({ ...b, id: '../evil' })).rejects.toMatchObject({ kind: 'validation' });
    await expect(store.save({ ...b, id: 'nope' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('rename and modify fold pending journal lines in and keep them', async () => {
    const id = await withImages();
    await store.updateImage(id, 'img-00001', { caption: 'photo of sks_person edited', status: 'edited' });
    await store.rename(id, 'Renamed');
    const m = await store.modify(id, (x) => ({ ...x, images: x.images.map((i) => ({ ...i, excluded: true })) }));
    expect(m.name).toBe('Renamed');
    const loaded = await store.load(id);
    expect(loaded.images[1]).toMatchObject({ caption: 'photo of sks_person edited', excluded: true });
    expect(await readFile(join(store.datasetDir(id), 'journal.jsonl'), 'utf8')).toBe('');
    await expect(store.rename(id, '')).rejects.toMatchObject({ kind: 'validation' });
  });
});

describe('updateImage', () => {
  it('rejects unknown images, unknown datasets and invalid patches', async () => {
    const id = await withImages();
    await expect(store.updateImage(id, 'img-missing', { caption: 'x' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(store.updateImage('20000101-000000-zzzzzz', 'img-00000', {})).rejects.toMatchObject({
      kind: 'not-found',
    });
    const bad = { status: 'captioning' } as unknown as { status: 'new' };
    await expect(store.updateImage(id, 'img-00000', bad)).rejects.toMatchObject({ kind: 'validation' });
    const extra = { width: 5 } as unknown as { caption: string };
    await expect(store.updateImage(id, 'img-00000', extra)).rejects.toMatchObject({ kind: 'validation' });
  });

  it('answers with the whole updated image, the same one a fresh store loads, across compactions', async () => {
    const id = await withImages();
    for (let i = 0; i < 6; i++) {
      const patch = { caption: `photo of sks_person v${i}`, status: 'edited' as const };
      const answered = await store.updateImage(id, 'img-00001', patch);
      expect(answered).toMatchObject({ id: 'img-00001', ...patch });
      const loaded = await createDatasetStore({ dataDir }, clock, { compactAfter: 4 }).load(id);
      expect(loaded.images.find((i) => i.id === 'img-00001')).toEqual(answered);
    }
  });

  it('compacts into manifest.json once the journal reaches the threshold', async () => {
    const id = await withImages();
    const journal = join(store.datasetDir(id), 'journal.jsonl');
    for (let i = 0; i < 3; i++) await store.updateImage(id, 'img-00000', { caption: `photo of sks_person v${i}` });
    expect((await readFile(journal, 'utf8')).trim().split('\n')).toHaveLength(3);
    await store.updateImage(id, 'img-00000', { caption: 'photo of sks_person v3' });
    expect(await readFile(journal, 'utf8')).toBe('');
    const onDisk = JSON.parse(await readFile(join(store.datasetDir(id), 'manifest.json'), 'utf8'));
    expect(onDisk.images[0].caption).toBe('photo of sks_person v3');
  });

  it('close() folds every pending journal in', async () => {
    const id = await withImages();
    await store.updateImage(id, 'img-00002', { excluded: true });
    await store.close();
    const onDisk = JSON.parse(await readFile(join(store.datasetDir(id), 'manifest.json'), 'utf8'));
    expect(onDisk.images[2].excluded).toBe(true);
  });
});

describe('list, find, remove', () => {
  it('lists newest first with counts, ignoring stray folders and files', async () => {
    const older = await withImages(4);
    now += 60_000;
    const newer = (await store.create(init({ name: 'Newer' }))).id;
    await mkdir(join(dataDir, 'datasets', '.creating-leftover'));
    now += 60_000;
    await store.updateImage(older, 'img-00001', { status: 'edited', caption: 'photo of sks_person x' });
    const list = await store.list();
    expect(list.map((s) => s.id)).toEqual([older, newer]);
    expect(list[0]).toMatchObject({ name: 'Holiday', imageCount: 4, captionedCount: 3, broken: null });
  });

  it('finds by the same set of roots (any order) and exact trigger, most recent first', async () => {
    const first = (await store.create(init())).id;
    now += 1000;
    const second = (await store.create(init())).id;
    await store.create(init({ trigger: 'SKS_person' }));
    expect(await store.findByRootsAndTrigger(['/photos/b', '/photos/a/'], 'sks_person')).toBe(second);
    expect(await store.findByRootsAndTrigger(['/photos/a'], 'sks_person')).toBeNull();
    expect(await store.findByRootsAndTrigger(['/photos/a', '/photos/b'], 'sks_Person')).toBeNull();
    await store.remove(second);
    expect(await store.findByRootsAndTrigger(['/photos/a', '/photos/b'], 'sks_person')).toBe(first);
  });

  it('remove deletes the folder; a missing dataset is not-found', async () => {
    const id = await withImages();
    await store.remove(id);
    await expect(store.load(id)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(store.remove(id)).rejects.toMatchObject({ kind: 'not-found' });
    expect(await store.list()).toEqual([]);
  });
});
