import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatasetStore, type DatasetStore } from '../../src/core/datasets';
import { SAMPLE_SETTINGS, sampleImages } from '../../src/core/datasets/testing';
import { createHistoryService, type HistoryService } from '../../src/core/history';
import { removeDir, tempDir } from '../support/fixtures';

/** The history on real files: steps from every writer, undo/redo across restarts and windows, versions. */

const T = 'sks_person';
const P = `photo of ${T} `;
let root: string;
let dataDir: string;
let store: DatasetStore;
let history: HistoryService;
let id: string;

/** A second window or the next start: a store and history of their own over the same folder. */
const another = () => {
  const s = createDatasetStore({ dataDir });
  return { store: s, history: createHistoryService(s) };
};

beforeEach(async () => {
  root = await tempDir('cs-history-');
  dataDir = join(root, 'data');
  store = createDatasetStore({ dataDir }, undefined, { compactAfter: 3 });
  history = createHistoryService(store);
  const m = await store.create({ name: 'H', trigger: T, roots: ['/photos'], settings: SAMPLE_SETTINGS });
  id = m.id;
  await store.save({ ...m, images: sampleImages(6, T) });
});
afterEach(() => removeDir(root));

const captions = async (s = store) => (await s.load(id)).images.map((i) => i.caption);
const typed = (imageId: string, caption: string) =>
  store.updateImage(id, imageId, { caption, captionSource: 'user', status: 'edited', model: null, provider: null });
const modelAnswer = (imageId: string, caption: string) =>
  store.updateImage(id, imageId, { caption, captionSource: 'model', status: 'captioned', model: 'gemini-2.5-flash' });

describe('history on real files', () => {
  it('records a bulk edit as one step and undoes and redoes it as one, across a restart', async () => {
    const ids = ['img-00000', 'img-00002', 'img-00004'];
    const result = await history.applyBulkEdit(id, { kind: 'replace', find: 'beach', replace: 'lake' }, ids);
    expect(result.step).toMatchObject({ action: 'bulk-replace', images: 3 });
    expect(result.images.map((i) => i.caption)).toEqual(
      ids.map(() => `${P}standing on a lake at sunset, wearing a blue jacket`),
    );
    expect(result.history.undo[0]?.id).toBe(result.step?.id);

    const next = another(); // a restart: nothing in memory
    const undone = await next.history.undo(id);
    expect(undone.step).toMatchObject({ action: 'undo', target: 'bulk-replace', images: 3 });
    expect((await captions(next.store)).filter((c) => c?.includes('lake'))).toEqual([]);
    expect(undone.history).toMatchObject({ undo: [], redo: [{ action: 'bulk-replace' }] });

    const redone = await another().history.redo(id);
    expect(redone.step).toMatchObject({ action: 'redo', images: 3 });
    expect((await captions()).filter((c) => c?.includes('lake'))).toHaveLength(3);
  });

  it('never writes an undo over a caption changed since by another writer (the CLI, a run)', async () => {
    await history.applyBulkEdit(id, { kind: 'add', text: 'at dusk', at: 'end' }, ['img-00000', 'img-00002']);
    const cli = another();
    await cli.store.updateImage(id, 'img-00002', {
      ...{ caption: `${P}answered by a CLI run`, captionSource: 'model', model: 'gemma-3-27b-it' },
    });
    const undone = await history.undo(id);
    expect(undone.leftOut).toEqual([{ imageId: 'img-00002', reason: expect.stringMatching(/Changed since/u) }]);
    const [first, , third] = await captions();
    expect(first).toBe(`${P}standing on a beach at sunset, wearing a blue jacket`);
    expect(third).toBe(`${P}answered by a CLI run`);
  });

  it("shares one undo stack between windows: the other window's typing is undone first, then the bulk edit", async () => {
    await history.applyBulkEdit(id, { kind: 'add', text: 'at dusk', at: 'end' }, ['img-00000', 'img-00002']);
    const other = another();
    await other.store.updateImage(id, 'img-00002', { caption: `${P}typed in the other window`, captionSource: 'user' });
    expect((await history.undoState(id)).undo.map((s) => s.action)).toEqual(['typed', 'bulk-add']);
    await history.undo(id);
    expect((await captions())[2]).toBe(`${P}standing on a beach at sunset, wearing a blue jacket at dusk`);
    const second = await history.undo(id);
    expect(second.leftOut).toEqual([]);
    expect((await captions())[2]).toBe(`${P}standing on a beach at sunset, wearing a blue jacket`);
  });

  it("keeps a run's answers off the undo stack, but in the image's versions with the model's name", async () => {
    await modelAnswer('img-00001', `${P}a first answer`);
    await typed('img-00001', `${P}typed by the user`);
    await modelAnswer('img-00001', `${P}a regenerated answer`);
    const state = await history.undoState(id);
    expect(state.undo.map((s) => s.action)).toEqual(['typed']);
    const versions = await history.imageHistory(id, 'img-00001');
    expect(versions.map((v) => [v.action, v.model, v.caption, v.current])).toEqual([
      [null, null, null, false],
      ['model', 'gemini-2.5-flash', `${P}a first answer`, false],
      ['typed', null, `${P}typed by the user`, false],
      ['model', 'gemini-2.5-flash', `${P}a regenerated answer`, true],
    ]);
  });

  it('restores an earlier version as a new, undoable step; the restored model caption keeps its author', async () => {
    await modelAnswer('img-00001', `${P}the model's caption`);
    await typed('img-00001', `${P}a worse caption`);
    const modelVersion = (await history.imageHistory(id, 'img-00001')).find((v) => v.action === 'model');
    const restored = await history.restoreVersion(id, 'img-00001', modelVersion?.id ?? '');
    expect(restored.images[0]).toMatchObject({
      caption: `${P}the model's caption`,
      captionSource: 'model',
      model: 'gemini-2.5-flash',
    });
    expect(restored.history.undo[0]?.action).toBe('restore');
    await history.undo(id);
    expect((await captions())[1]).toBe(`${P}a worse caption`);
  });

  it('undoes an exclusion of many images as one step, and a new step empties the redo stack', async () => {
    await history.setExcluded(id, ['img-00000', 'img-00001', 'img-00003'], true);
    expect((await store.load(id)).images.filter((i) => i.excluded)).toHaveLength(3);
    await history.undo(id);
    expect((await store.load(id)).images.filter((i) => i.excluded)).toHaveLength(0);
    expect((await history.undoState(id)).redo).toHaveLength(1);
    await typed('img-00005', `${P}something new`);
    expect((await history.undoState(id)).redo).toEqual([]);
  });

  it('keeps the history through compaction: steps move from the journal into history.jsonl once each', async () => {
    for (let i = 0; i < 7; i++) await typed('img-00003', `${P}version ${i}`);
    await store.close();
    const versions = await another().history.imageHistory(id, 'img-00003');
    expect(versions.map((v) => v.caption)).toEqual([null, ...Array.from({ length: 7 }, (_, i) => `${P}version ${i}`)]);
    expect((await another().history.undoState(id)).undo).toHaveLength(7);
  });

  it('records caption changes a whole-manifest write makes, so no writer bypasses the history', async () => {
    await store.modify(id, (m) => ({
      ...m,
      images: m.images.map((i) =>
        i.id === 'img-00004' ? { ...i, caption: `${P}rewritten by modify`, captionSource: 'user', model: null } : i,
      ),
    }));
    const versions = await history.imageHistory(id, 'img-00004');
    expect(versions.at(-1)).toMatchObject({ action: 'other', caption: `${P}rewritten by modify`, current: true });
  });

  it("names the model of results applied in one manifest write (a batch job's), per image", async () => {
    const answer = (i: number) => `${P}answered in a batch, number ${i}`;
    await store.modify(id, (m) => ({
      ...m,
      images: m.images.map((img, i) =>
        i % 2
          ? { ...img, caption: answer(i), captionSource: 'model', status: 'captioned', model: 'gemini-2.5-flash-lite' }
          : img,
      ),
    }));
    const versions = await history.imageHistory(id, 'img-00003');
    expect(versions.at(-1)).toMatchObject({ action: 'model', model: 'gemini-2.5-flash-lite', caption: answer(3) });
    expect((await history.undoState(id)).undo).toEqual([]); // a model's answers are not the user's steps
  });

  it('survives a crash after the journal steps were copied into history.jsonl but before the journal was emptied', async () => {
    await typed('img-00001', `${P}first`);
    await typed('img-00001', `${P}second`);
    // The state such a crash leaves: the steps in both files (compaction writes history.jsonl first).
    const dir = store.datasetDir(id);
    const lines = (await readFile(join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n');
    const steps = lines.map((l) => JSON.parse(l) as { base?: string }).map(({ base: _, ...step }) => step);
    await writeFile(join(dir, 'history.jsonl'), `${JSON.stringify(steps)}\n`);

    const after = another();
    expect((await after.store.load(id)).images[1]?.caption).toBe(`${P}second`);
    const versions = async () => (await after.history.imageHistory(id, 'img-00001')).map((v) => v.caption);
    expect(await versions()).toEqual([null, `${P}first`, `${P}second`]);
    await after.store.close(); // compacts: moves the same steps again
    expect(await versions()).toEqual([null, `${P}first`, `${P}second`]);
    expect((await another().history.undoState(id)).undo).toHaveLength(2);
  });
});
