/** Dataset storage: one folder per dataset with manifest.json, an append-only journal of steps, their history and thumbnails. */
export type { HistoryEntry } from './history-file';
export type { ImagePatch } from './journal';
export type { CommittedStep, DatasetView, PlannedChange } from './steps';
export { createDatasetStore } from './store';
export type { DatasetStore } from './types';
