import type { DatasetManifest, DatasetSettings, ImageEntry } from '../../shared/dataset';
import type { DatasetSummary } from '../../shared/progress';
import type { HistoryEntry } from './history-file';
import type { ImagePatch } from './journal';
import type { CommittedStep, DatasetView, StepOrigin, StepPlan } from './steps';

export type { DatasetSummary } from '../../shared/progress';

interface CreateDatasetInit {
  name: string;
  trigger: string;
  roots: string[];
  settings: DatasetSettings;
}

export interface DatasetStore {
  /** Every dataset folder, newest `updatedAt` first; unreadable ones are listed with `broken` set. */
  list(): Promise<DatasetSummary[]>;
  create(init: CreateDatasetInit): Promise<DatasetManifest>;
  /** The manifest with the journal replayed. AppError('not-found') when the dataset does not exist. */
  load(id: string): Promise<DatasetManifest>;
  /** Full atomic write (bumps `updatedAt`) that replaces everything, journal patches included. */
  save(manifest: DatasetManifest): Promise<void>;
  /**
   * One fsync'd journal line; resolves once durable, with the image as it now is (no re-read of the dataset).
   * The line is a step in the history: `origin` says who made it (derived from the patch when absent: a user
   * caption is typed, a model caption names its model). AppError('not-found') for an unknown image.
   */
  updateImage(id: string, imageId: string, patch: ImagePatch, origin?: StepOrigin): Promise<ImageEntry>;
  /**
   * One step over any number of images, as ONE fsync'd journal line (a crash keeps all of it or none). `plan`
   * runs inside the dataset's queue and write lock with the images as they are now, so a check such as "only
   * where the image is still what the undone step left" cannot race another writer. Patches that change nothing
   * are dropped; nothing to change (and not an undo or redo) writes nothing and resolves null.
   */
  commitStep(
    id: string,
    plan: (view: DatasetView) => StepPlan | null | Promise<StepPlan | null>,
  ): Promise<CommittedStep | null>;
  /** Every recorded step that changed a caption or an exclusion (and every undo and redo), oldest first. */
  history(id: string): Promise<HistoryEntry[]>;
  /**
   * Read-modify-write inside the dataset's queue: no journal line can land between the read and the write
   * (unlike load() then save(), which loses patches made in between). Caption and exclusion changes it makes are
   * recorded as one step, by `origin` when given.
   */
  modify(
    id: string,
    change: (manifest: DatasetManifest) => DatasetManifest,
    origin?: StepOrigin,
  ): Promise<DatasetManifest>;
  rename(id: string, name: string): Promise<void>;
  /** Deletes the dataset folder (never the user's images, which are only referenced). */
  remove(id: string): Promise<void>;
  /** Same set of absolute roots (order-insensitive) and exact trigger: the most recent dataset id. */
  findByRootsAndTrigger(roots: string[], trigger: string): Promise<string | null>;
  datasetDir(id: string): string;
  thumbsDir(id: string): string;
  /** Folds every pending journal into its manifest and waits for queued writes. Optional: nothing is lost without it. */
  close(): Promise<void>;
}

export interface DatasetStoreOptions {
  /** Journal lines after which updateImage folds the journal into manifest.json. */
  compactAfter?: number;
  /** Journal size in bytes after which the same happens (a few bulk edits are few lines but many bytes). */
  compactBytes?: number;
}
