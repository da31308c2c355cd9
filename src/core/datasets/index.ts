/** Dataset storage: one folder per dataset with manifest.json, an append-only journal and thumbnails. */
export type { HistoryEntry } from './history-file';
export type { ImagePatch, JournalChange } from './journal';
export type { CommittedStep, DatasetView, PlannedChange, StepOrigin, StepPlan } from './steps';
export { createDatasetStore } from './store';
export type { DatasetStore } from './types';
