import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createDatasetStore, type DatasetStore } from '../../src/core/datasets';
import type { DatasetSettings, ImageEntry } from '../../src/shared/dataset';
import { generateJpegs, testSettings } from '../fake-gemini/test-kit';

/**
 * Datasets of real JPEGs for the batch tests and benchmark: the photos are on disk (a batch prepares and uploads
 * them), the entries are written straight into the manifest (importing would only add thumbnails nobody looks at
 * here). Trigger `my_cat`, settings `testSettings()`.
 */

interface PhotoDataset {
  store: DatasetStore;
  datasetId: string;
  dataDir: string;
}

/** A dataset of `count` small generated photos under `dir`. */
export async function photoDataset(
  dir: string,
  count: number,
  opts: { size?: number; settings?: Partial<DatasetSettings> } = {},
): Promise<PhotoDataset> {
  const photos = join(dir, 'photos');
  await mkdir(photos, { recursive: true });
  const jobs = await generateJpegs(photos, count, opts.size ?? 320);
  return datasetOfPhotos(join(dir, 'data'), jobs, opts.settings);
}

/** A dataset in a store at `dataDir` over photos already on disk (ids must be valid image ids). */
export async function datasetOfPhotos(
  dataDir: string,
  photos: ReadonlyArray<{ id: string; source: string }>,
  settings: Partial<DatasetSettings> = {},
): Promise<PhotoDataset> {
  const store = createDatasetStore({ dataDir });
  const created = await store.create({
    ...{ name: 'photos', trigger: 'my_cat', roots: [] },
    settings: testSettings(settings),
  });
  const images: ImageEntry[] = photos.map((p) => ({
    ...{ id: p.id, source: p.source, relPath: basename(p.source), format: 'jpeg' },
    ...{ width: 320, height: 240, orientation: 1, hasAlpha: false, bytes: 1, mtimeMs: 0 },
    ...{ exportName: basename(p.source, '.jpg'), caption: null, captionSource: null, status: 'new', error: null },
    ...{ excluded: false, model: null, provider: null, takenAt: null, phash: null },
  }));
  await store.modify(created.id, (m) => ({ ...m, images }));
  return { store, datasetId: created.id, dataDir };
}
