import { captionError } from '../../../shared/caption';
import type { ImageEntry } from '../../../shared/dataset';

/** Run states that exist only while a run is going (never on disk): from runProgress.lastImage events. */
export type TransientState = 'queued' | 'captioning';

/** What a thumbnail's badge shows: the saved status, overridden by a run that is working on the image. */
export type DisplayStatus = 'new' | 'queued' | 'captioning' | 'captioned' | 'edited' | 'failed' | 'blocked';

export function displayStatus(image: Pick<ImageEntry, 'status'>, transient?: TransientState): DisplayStatus {
  return transient ?? image.status;
}

export const STATUS_LABEL: Record<DisplayStatus, string> = {
  new: 'New',
  queued: 'Queued',
  captioning: 'Captioning',
  captioned: 'Captioned',
  edited: 'Edited',
  failed: 'Failed',
  blocked: 'Blocked',
};

/** One line on what the status means, for tooltips and the editor. */
export const STATUS_HINT: Record<DisplayStatus, string> = {
  new: 'No caption yet',
  queued: 'Waiting for its turn in this run',
  captioning: 'The model is writing its caption',
  captioned: 'Captioned by a model (or imported)',
  edited: 'Caption edited by you',
  failed: 'Captioning failed; retry or write it yourself',
  blocked: 'The model refused this image; write the caption yourself',
};

/** An image the export would refuse: included, and its caption breaks the format (or is missing). */
export function needsCaption(image: Pick<ImageEntry, 'caption' | 'excluded'>, trigger: string): boolean {
  return !image.excluded && captionError(image.caption, trigger) !== null;
}

/**
 * Failed or blocked. A recaption that failed but kept an older caption (error set, status unchanged) is not: it
 * still has a usable caption (the run's failed list, lib/failed-list.ts, still shows it with its error).
 */
export function hasProblem(image: Pick<ImageEntry, 'status' | 'error'>): boolean {
  return image.status === 'failed' || image.status === 'blocked';
}
