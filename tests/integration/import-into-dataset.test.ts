import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatasetStore, type DatasetStore } from '../../src/core/datasets';
import { SAMPLE_SETTINGS } from '../../src/core/datasets/testing';
import { importIntoDataset } from '../../src/core/workflow';
import { copyFixtures, removeDir, tempDir } from '../support/fixtures';

/** Dropping a folder into a dataset that already has it: nothing is imported twice, nothing typed is touched. */
describe('importIntoDataset on a folder the dataset already has', () => {
  let work: string;
  let folder: string;
  let store: DatasetStore;
  let datasetId: string;

  beforeEach(async () => {
    work = await tempDir();
    folder = await copyFixtures(work);
    store = createDatasetStore({ dataDir: join(work, 'data') });
    const created = await store.create({
      name: 'Hall',
      trigger: 'ide_main_hall',
      roots: [],
      settings: SAMPLE_SETTINGS,
    });
    datasetId = created.id;
  });
  afterEach(() => removeDir(work));

  it('adds nothing when the same folder comes again, directly or through a symlinked path', async () => {
    const first = await importIntoDataset(store, datasetId, [folder]);
    expect(first.added).toHaveLength(12);
    const edited = first.manifest.images[0];
    if (!edited) throw new Error('no image imported');
    await store.updateImage(datasetId, edited.id, {
      caption: 'photo of ide_main_hall typed by hand',
      captionSource: 'user',
      status: 'edited',
    });

    const again = await importIntoDataset(store, datasetId, [folder]);
    expect(again.added).toEqual([]);
    await symlink(folder, join(work, 'alias'));
    const viaLink = await importIntoDataset(store, datasetId, [join(work, 'alias')]);
    expect(viaLink.added).toEqual([]);
    // A single file through the link is recognised too.
    const oneFile = await importIntoDataset(store, datasetId, [join(work, 'alias', 'IMG_0001.JPG')]);
    expect(oneFile.added).toEqual([]);

    const manifest = await store.load(datasetId);
    expect(manifest.images).toHaveLength(12);
    expect(manifest.images.find((i) => i.id === edited.id)).toMatchObject({
      caption: 'photo of ide_main_hall typed by hand',
      status: 'edited',
    });
  });
});
