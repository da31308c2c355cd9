/** Dataset storage: one folder per dataset with manifest.json, an append-only journal and thumbnails. */
export type { ImagePatch } from './journal';
export { createDatasetStore } from './store';
export type { DatasetStore } from './types';
