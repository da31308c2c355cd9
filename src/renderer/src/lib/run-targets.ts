import type { RunRequest } from '../../../shared/contract';
import { selectRunImages } from '../../../shared/run-selection';
import type { ImageEntry } from '../../../shared/session';

/**
 * The images a run will send, so the gallery can mark them "queued" the moment the run starts (the run only
 * reports an image when it starts or finishes it). Same rule as the run engine.
 */
export function runTargets(images: ReadonlyArray<ImageEntry>, request: RunRequest): string[] {
  return selectRunImages(images, request).map((img) => img.id);
}

export type RunScope = 'needs' | 'selected' | 'all';

/** What each choice in the "Caption…" dialog asks the run for. */
export function requestFor(scope: RunScope, selectedIds: ReadonlyArray<string>): RunRequest {
  if (scope === 'selected') return { recaption: true, only: [...selectedIds] };
  if (scope === 'all') return { recaption: true };
  return { recaption: false };
}
