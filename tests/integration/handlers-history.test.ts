import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetStore } from '../../src/core/datasets';
import type { CheckReport } from '../../src/shared/check';
import type { DatasetManifest, ImageEntry } from '../../src/shared/dataset';
import type { ImageVersion, StepResult, UndoState } from '../../src/shared/history';
import { copyFixtures, removeDir } from '../support/fixtures';
import { type Harness, ok, refused, startHarness } from './handlers-harness';

/** Bulk edits, undo/redo, versions and the check through the handler table (the real boundary and events). */

const T = 'ide_main_hall';
const P = `photo of ${T} `;

describe('backend handlers: bulk edits, history and the check', () => {
  let h: Harness;
  let dataset: DatasetManifest;
  let ids: string[];

  beforeAll(async () => {
    h = await startHarness();
    const folder = await copyFixtures(h.root);
    dataset = await ok<DatasetManifest>(h, 'createDataset', { trigger: T });
    await ok(h, 'importPaths', dataset.id, [folder]);
    const images = (await ok<DatasetManifest>(h, 'openDataset', dataset.id)).images;
    ids = images.map((i) => i.id);
    for (const [n, id] of ids.entries()) await ok(h, 'setCaption', dataset.id, id, `${P}a test picture, number ${n}`);
  });
  afterAll(async () => {
    await h.backend.shutdown();
    await removeDir(h.root);
  });

  const captions = async () => (await ok<DatasetManifest>(h, 'openDataset', dataset.id)).images.map((i) => i.caption);

  it('announces every typed caption as a step on the undo stack', () => {
    const last = h.of('historyChanged').at(-1);
    expect(last?.history.undo).toHaveLength(12);
    expect(last?.history.undo[0]).toMatchObject({ action: 'typed', images: 1 });
  });

  it('applies a bulk edit as one step and announces it once', async () => {
    const updates = h.of('imagesUpdated').length;
    const result = await ok<StepResult>(
      h,
      'applyBulkEdit',
      dataset.id,
      { kind: 'replace', find: 'number 1', replace: '' },
      ids,
    );
    // Not whole words: "number 1" goes from "number 1", "number 10" and "number 11"; the comma left is tidied.
    expect(result.images.map((i) => i.caption).sort()).toEqual(
      [`${P}a test picture`, `${P}a test picture, 0`, `${P}a test picture, 1`].sort(),
    );
    expect(result.step).toMatchObject({ action: 'bulk-replace' });
    expect(h.of('imagesUpdated')).toHaveLength(updates + 1);
    expect(
      h
        .of('imagesUpdated')
        .at(-1)
        ?.images.map((i: ImageEntry) => i.caption),
    ).toEqual(result.images.map((i) => i.caption));
    expect(result.history.undo[0]?.id).toBe(result.step?.id);
  });

  it('refuses a bad pattern as a validation error, not a crash', async () => {
    const error = await refused(
      h,
      'applyBulkEdit',
      dataset.id,
      { kind: 'replace', find: '([', replace: '', regex: true },
      ids,
    );
    expect(error).toMatchObject({ kind: 'validation', message: expect.stringMatching(/regular expression/u) });
  });

  it('undoes and redoes the bulk edit as one step', async () => {
    const edited = await captions();
    const undone = await ok<StepResult>(h, 'undo', dataset.id);
    expect(undone.step).toMatchObject({ action: 'undo', target: 'bulk-replace' });
    expect(await captions()).toEqual(ids.map((_, n) => `${P}a test picture, number ${n}`));
    expect((await ok<UndoState>(h, 'undoState', dataset.id)).redo[0]).toMatchObject({ action: 'bulk-replace' });
    await ok<StepResult>(h, 'redo', dataset.id);
    expect(await captions()).toEqual(edited);
  });

  it("lists an image's versions with who wrote them and restores one as a new step", async () => {
    const id = ids[3] as string;
    await ok(h, 'setCaption', dataset.id, id, `${P}typed over`);
    const versions = await ok<ImageVersion[]>(h, 'imageHistory', dataset.id, id);
    expect(versions.map((v) => v.action)).toEqual([null, 'typed', 'typed']);
    expect(versions.at(-1)).toMatchObject({ caption: `${P}typed over`, current: true });
    const restored = await ok<StepResult>(h, 'restoreVersion', dataset.id, id, versions[1]?.id);
    expect(restored.images[0]?.caption).toBe(`${P}a test picture, number 3`);
    expect(restored.step).toMatchObject({ action: 'restore' });
  });

  it('excludes many images as one step and undoes it', async () => {
    await ok(h, 'setExcluded', dataset.id, ids.slice(0, 4), true);
    expect((await ok<UndoState>(h, 'undoState', dataset.id)).undo[0]).toMatchObject({ action: 'exclude', images: 4 });
    await ok(h, 'undo', dataset.id);
    expect((await ok<DatasetManifest>(h, 'openDataset', dataset.id)).images.filter((i) => i.excluded)).toEqual([]);
  });

  it('checks the dataset: shared phrase, near duplicates, small images; fixes apply through the ordinary calls', async () => {
    const report = await ok<CheckReport>(h, 'checkDataset', dataset.id);
    expect(report).toMatchObject({ images: 12, errors: 0 });
    const shared = report.findings.find((f) => f.rule === 'shared-phrase');
    expect(shared?.fix).toMatchObject({ kind: 'bulk-edit', edit: { kind: 'remove', phrase: 'a test picture' } });
    if (shared?.fix?.kind !== 'bulk-edit') throw new Error('no fix');
    await ok(h, 'applyBulkEdit', dataset.id, shared.fix.edit, shared.fix.imageIds);
    const near = report.findings.filter((f) => f.rule === 'near-duplicate-image');
    expect(near).toHaveLength(4);
    const after = await ok<CheckReport>(h, 'checkDataset', dataset.id);
    expect(after.findings.some((f) => f.rule === 'shared-phrase')).toBe(false);
    expect(await refused(h, 'checkDataset', 'no-such-dataset')).toMatchObject({ kind: 'not-found' });
  });

  it('computes the hashes once for images imported before they were stored (0.2), and finds the same groups', async () => {
    const before = await ok<CheckReport>(h, 'checkDataset', dataset.id);
    const store = createDatasetStore({ dataDir: join(h.root, 'data') }); // as version 0.2 left the dataset
    await store.modify(dataset.id, (m) => ({ ...m, images: m.images.map((i) => ({ ...i, phash: null })) }));
    const again = await ok<CheckReport>(h, 'checkDataset', dataset.id);
    expect(again.findings.filter((f) => f.rule === 'near-duplicate-image')).toEqual(
      before.findings.filter((f) => f.rule === 'near-duplicate-image'),
    );
    const images = (await ok<DatasetManifest>(h, 'openDataset', dataset.id)).images;
    expect(images.every((i) => /^[0-9a-f]{16}$/u.test(i.phash ?? ''))).toBe(true);
  });
});
