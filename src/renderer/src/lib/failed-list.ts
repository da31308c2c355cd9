import { captionError } from '../../../shared/caption';
import type { ImageEntry } from '../../../shared/dataset';
import { STATUS_HINT } from './status';

/** One row of the "Not captioned in this run" list, from the image as it is now (not as the run left it). */
export interface FailureRow {
  id: string;
  relPath: string;
  blocked: boolean;
  /** Gemini's reason from the image's `error`; a plain next step when the image carries none. */
  reason: string;
}

/**
 * The run's failed and blocked images that still need the user, in the order they failed. The run only tells
 * which images failed; whether they still need attention is read from the images themselves, so the list
 * shrinks as captions are written by hand or a retry goes through. An image leaves it once it has a valid
 * caption and no error (a recaption that failed keeps its older caption but also its error, so it stays), or
 * once it is excluded from the export.
 */
export function openFailures(
  failedIds: ReadonlyArray<string>,
  lookup: (id: string) => ImageEntry | undefined,
  trigger: string,
): FailureRow[] {
  const rows: FailureRow[] = [];
  for (const id of failedIds) {
    const img = lookup(id);
    if (!img || img.excluded) continue;
    const invalid = captionError(img.caption, trigger);
    if (invalid === null && img.error === null) continue;
    const blocked = img.status === 'blocked';
    const reason = img.error ?? invalid ?? STATUS_HINT[blocked ? 'blocked' : 'failed'];
    rows.push({ id, relPath: img.relPath, blocked, reason });
  }
  return rows;
}

/** The open failures of the run in `run`, when that run belongs to the dataset open in `ws` (else none). */
export function runFailures(
  run: { datasetId: string | null; failedIds: ReadonlyArray<string> },
  ws: {
    dataset: { id: string; trigger: string } | null;
    images: ReadonlyArray<ImageEntry>;
    index: Map<string, number>;
  },
): FailureRow[] {
  const dataset = ws.dataset;
  if (!dataset || run.datasetId !== dataset.id) return [];
  const lookup = (id: string) => {
    const at = ws.index.get(id);
    return at === undefined ? undefined : ws.images[at];
  };
  return openFailures(run.failedIds, lookup, dataset.trigger);
}
