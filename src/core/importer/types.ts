import type { ImageEntry, SkippedFile } from '../../shared/dataset';
import type { ImportProgress } from '../../shared/progress';

/** The importer's public types (re-exported by index.ts). */

export type ImportedImage = Omit<
  ImageEntry,
  'exportName' | 'caption' | 'captionSource' | 'status' | 'error' | 'excluded' | 'model' | 'provider'
> & {
  /** Cleaned sidecar caption text (BOM stripped, newlines folded, trimmed), or null when none. */
  sidecarCaption: string | null;
};

export type { ImportProgress } from '../../shared/progress';

export interface ImportOptions {
  /** Thumbnails are written here as thumbnailPath(thumbsDir, id); created if missing. */
  thumbsDir: string;
  /**
   * Absolute source paths already in the dataset (as stored and with links resolved): not re-probed or
   * re-thumbnailed, not returned, not reported. A file met through a symlinked folder matches its real path.
   */
  knownSources?: ReadonlySet<string>;
  /** Files processed at once; default os.availableParallelism(). */
  concurrency?: number;
  /** Abort stops promptly, rejecting with the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

/** Both lists sorted: images by relPath, skipped by path. */
export interface ImportResult {
  images: ImportedImage[];
  skipped: SkippedFile[];
}
