import type { DatasetManifest, DatasetSettings, ImageEntry } from '../../shared/dataset';
import type { DatasetSummary } from '../../shared/progress';
import type { ImagePatch } from './journal';

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
   * AppError('not-found') for an unknown image.
   */
  updateImage(id: string, imageId: string, patch: ImagePatch): Promise<ImageEntry>;
  /**
   * Read-modify-write inside the dataset's queue: no journal line can land between the read and the write
   * (unlike load() then save(), which loses patches made in between).
   */
  modify(id: string, change: (manifest: DatasetManifest) => DatasetManifest): Promise<DatasetManifest>;
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
}
