import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createDatasetStore, type DatasetStore } from '../../src/core/datasets';
import type { DatasetSettings, ImageEntry } from '../../src/shared/dataset';
import { generateJpegs, testSettings } from '../fake-gemini/test-kit';

/**
 * A dataset of `count` generated photos in a store under `dir`, for the batch tests and benchmark: the photos are
 * real JPEGs on disk (the batch prepares and uploads them), the entries are written straight into the manifest
 * (importing would only add thumbnails nobody looks at here). Trigger `my_cat`, settings `testSettings()`.
 */
export async function photoDataset(
  dir: string,
  count: number,
  opts: { size?: number; settings?: Partial<DatasetSettings> } = {},
): Promise<{ store: DatasetStore; datasetId: string; dataDir: string }> {
  const photos = join(dir, 'photos');
  await mkdir(photos, { recursive: true });
  const jobs = await generateJpegs(photos, count, opts.size ?? 320);
  const dataDir = join(dir, 'data');
  const store = createDatasetStore({ dataDir });
  const created = await store.create({
    ...{ name: 'photos', trigger: 'my_cat', roots: [photos] },
    settings: testSettings(opts.settings),
  });
  const images: ImageEntry[] = jobs.map((j) => ({
    ...{ id: j.id, source: j.source, relPath: basename(j.source), format: j.format },
    ...{ width: 320, height: 240, orientation: 1, hasAlpha: false, bytes: 1, mtimeMs: 0 },
    ...{ exportName: basename(j.source, '.jpg'), caption: null, captionSource: null, status: 'new', error: null },
    ...{ excluded: false, model: null, provider: null },
  }));
  await store.modify(created.id, (m) => ({ ...m, images }));
  return { store, datasetId: created.id, dataDir };
}
