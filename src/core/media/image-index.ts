import type { ImageFormat } from '../../shared/dataset';
import type { DatasetStore } from '../datasets';

/** What the media service needs of an image; fixed for an id (the id is derived from the source path). */
export interface ImageRef {
  source: string;
  format: ImageFormat;
}

/** Datasets whose image list stays in memory; a gallery shows one dataset at a time. */
const MAX_DATASETS = 4;

/**
 * Which images belong to which dataset, without reading the manifest for each of the thousands of thumbnail
 * requests a gallery makes. An entry never goes stale in a harmful way: an id always names the same source, and
 * images are never removed from a dataset (only excluded). An unknown id triggers one reload (the image may have
 * been imported since), shared by every request waiting for it.
 */
export function createImageIndex(store: DatasetStore) {
  const datasets = new Map<string, Map<string, ImageRef>>();
  const loading = new Map<string, Promise<Map<string, ImageRef> | null>>();

  function reload(datasetId: string): Promise<Map<string, ImageRef> | null> {
    const pending = loading.get(datasetId);
    if (pending) return pending;
    const next = store
      .load(datasetId)
      .then((m) => {
        const images = new Map(m.images.map((i) => [i.id, { source: i.source, format: i.format }]));
        datasets.delete(datasetId);
        datasets.set(datasetId, images);
        for (const old of datasets.keys()) {
          if (datasets.size <= MAX_DATASETS) break;
          datasets.delete(old);
        }
        return images;
      })
      .catch(() => null) // unknown or unreadable dataset: nothing to serve
      .finally(() => loading.delete(datasetId));
    loading.set(datasetId, next);
    return next;
  }

  return {
    async find(datasetId: string, imageId: string): Promise<ImageRef | null> {
      const known = datasets.get(datasetId)?.get(imageId);
      if (known) return known;
      return (await reload(datasetId))?.get(imageId) ?? null;
    },
  };
}
