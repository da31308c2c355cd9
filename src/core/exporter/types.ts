import type { ImageEntry } from '../../shared/dataset';
import type { ExportProblem, ExportProgress } from '../../shared/progress';

export type { ExportProblem, ExportProgress, ExportReport } from '../../shared/progress';

/**
 * How an image reaches the dataset: `copy` byte for byte (upright JPEG/PNG), `upright` re-encoded in its own
 * format with the EXIF rotation applied, `to-jpeg` / `to-png` converted (formats trainers handle badly).
 */
export type ExportMode = 'copy' | 'upright' | 'to-jpeg' | 'to-png';

export interface ExportItem {
  image: ImageEntry;
  /** File name in the dataset, e.g. `IMG_0001.jpg` (lower-case extension). */
  fileName: string;
  /** Caption file name, e.g. `IMG_0001.txt`. */
  captionName: string;
  mode: ExportMode;
}

export interface ExportPlan {
  /** Images that will be written, in dataset order. Images with an `error` problem are not here. */
  items: ExportItem[];
  problems: ExportProblem[];
}

export interface ExportOptions {
  images: ReadonlyArray<ImageEntry>;
  trigger: string;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
}
