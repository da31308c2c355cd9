/** The dataset check: every rule over a dataset's included images, with the images concerned and fixes as data. */
import type { CheckReport } from '../../shared/check';
import type { DatasetManifest } from '../../shared/dataset';
import type { DatasetStore } from '../datasets';
import { checkManifest } from './check-images';
import { fillMissingFacts } from './image-facts';

/** Checks the dataset as it is on disk (filling hashes missing from older imports first, once). */
export async function checkDataset(
  store: DatasetStore,
  datasetId: string,
): Promise<{ report: CheckReport; manifest: DatasetManifest }> {
  const manifest = await fillMissingFacts(store, await store.load(datasetId));
  return { report: checkManifest(manifest), manifest };
}
