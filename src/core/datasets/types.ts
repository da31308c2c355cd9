import type { ImageEntry, SessionManifest, SessionSettings } from '../../shared/dataset';
import type { SessionSummary } from '../../shared/progress';
import type { ImagePatch } from './journal';

export type { SessionSummary } from '../../shared/progress';
export type { ImagePatch } from './journal';

export interface CreateSessionInit {
  name: string;
  trigger: string;
  roots: string[];
  settings: SessionSettings;
}

export interface SessionStore {
  /** Every session folder, newest `updatedAt` first; unreadable ones are listed with `broken` set. */
  list(): Promise<SessionSummary[]>;
  create(init: CreateSessionInit): Promise<SessionManifest>;
  /** The manifest with the journal replayed. AppError('not-found') when the session does not exist. */
  load(id: string): Promise<SessionManifest>;
  /** Full atomic write (bumps `updatedAt`) that replaces everything, journal patches included. */
  save(manifest: SessionManifest): Promise<void>;
  /**
   * One fsync'd journal line; resolves once durable, with the image as it now is (no re-read of the session).
   * AppError('not-found') for an unknown image.
   */
  updateImage(id: string, imageId: string, patch: ImagePatch): Promise<ImageEntry>;
  /**
   * Read-modify-write inside the session's queue: no journal line can land between the read and the write
   * (unlike load() then save(), which loses patches made in between).
   */
  modify(id: string, change: (manifest: SessionManifest) => SessionManifest): Promise<SessionManifest>;
  rename(id: string, name: string): Promise<void>;
  /** Deletes the session folder (never the user's images, which are only referenced). */
  remove(id: string): Promise<void>;
  /** Same set of absolute roots (order-insensitive) and exact trigger: the most recent session id. */
  findByRootsAndTrigger(roots: string[], trigger: string): Promise<string | null>;
  sessionDir(id: string): string;
  thumbsDir(id: string): string;
  /** Folds every pending journal into its manifest and waits for queued writes. Optional: nothing is lost without it. */
  close(): Promise<void>;
}

export interface SessionStoreOptions {
  /** Journal lines after which updateImage folds the journal into manifest.json. */
  compactAfter?: number;
}
