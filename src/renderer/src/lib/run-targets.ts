import type { RunRequest } from '../../../shared/contract';
import type { ImageEntry } from '../../../shared/dataset';
import type { ImageRunState } from '../../../shared/progress';
import { selectRunImages } from '../../../shared/run-selection';
import type { TransientState } from './status';

/**
 * The images a run will send, so the gallery can mark them "queued" the moment the run starts (the run only
 * reports an image when it starts or finishes it). Same rule as the run engine.
 */
export function runTargets(images: ReadonlyArray<ImageEntry>, request: RunRequest): string[] {
  return selectRunImages(images, request).map((img) => img.id);
}

/**
 * The marks a dataset reopened mid-run shows again: every image the run was sent to do that has no outcome yet is
 * queued (or captioning, if it was when last heard of); finished and skipped ones keep their saved status.
 */
export function transientOnReopen(
  targets: readonly string[],
  states: ReadonlyMap<string, ImageRunState>,
): Record<string, TransientState> {
  const marks: Record<string, TransientState> = {};
  for (const id of targets) {
    const state = states.get(id) ?? 'queued';
    if (state === 'queued' || state === 'captioning') marks[id] = state;
  }
  return marks;
}

export type RunScope = 'needs' | 'selected' | 'all';

/** What each choice in the "Caption…" dialog asks the run for. */
export function requestFor(scope: RunScope, selectedIds: ReadonlyArray<string>): RunRequest {
  if (scope === 'selected') return { recaption: true, only: [...selectedIds] };
  if (scope === 'all') return { recaption: true };
  return { recaption: false };
}
