/** Dataset storage: one folder per dataset with manifest.json, an append-only journal and thumbnails. */
export { assertValidId, isValidId, makeDatasetId } from './ids';
export type { ImagePatch } from './journal';
export { createDatasetStore } from './store';
export type { CreateDatasetInit, DatasetStore, DatasetStoreOptions, DatasetSummary } from './types';
