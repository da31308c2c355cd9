import type { ImageEntry } from '../../shared/dataset';
import type { ExportProblem, ExportProgress } from '../../shared/progress';

export type { ExportProblem, ExportProgress, ExportReport } from '../../shared/progress';

/**
 * How an image reaches the dataset: `copy` byte for byte (upright JPEG/PNG no bigger than asked; GPS tags may be
 * blanked in place), `reencode` re-encoded in its own format (the EXIF rotation applied, or scaled down),
 * `to-jpeg` / `to-png` converted (formats trainers handle badly).
 */
export type ExportMode = 'copy' | 'reencode' | 'to-jpeg' | 'to-png';

export interface ExportItem {
  image: ImageEntry;
  /** Path of the image inside the export, e.g. `IMG_0001.jpg` or `train/IMG_0001.jpg` (lower-case extension). */
  fileName: string;
  /** Path of its caption file, e.g. `IMG_0001.txt`; null when the layout keeps captions elsewhere (hf). */
  captionName: string | null;
  mode: ExportMode;
  /** Scale down to this long side (the image is bigger); null: keep its size. */
  resize: number | null;
  /** Remove GPS tags (blanked in place in a copy; a re-encode carries no metadata unless location is kept). */
  stripLocation: boolean;
}

export interface ExportPlan {
  /** Images that will be written, in dataset order. Images with an `error` problem are not here. */
  items: ExportItem[];
  problems: ExportProblem[];
}

/** What happens to each image's pixels and metadata on the way out (the export dialog's options). */
export interface ImageShaping {
  /** Long side at most this many px (scaled down, never up); null: sizes kept. */
  resizeLongSide: number | null;
  /** Keep GPS tags (removed by default). */
  keepLocation: boolean;
}

/** The export dialog's defaults: sizes kept, GPS removed. */
export const DEFAULT_SHAPING: ImageShaping = { resizeLongSide: null, keepLocation: false };

export interface ExportOptions {
  images: ReadonlyArray<ImageEntry>;
  trigger: string;
  /** Resize and location; absent: GPS removed, sizes kept (the export dialog's defaults). */
  shaping?: ImageShaping;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
}
