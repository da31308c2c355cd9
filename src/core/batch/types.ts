import type { BatchState, ImageEntry } from '../../shared/dataset';
import type { BatchStatus, RunSummary } from '../../shared/progress';
import type { GeminiBatchClient } from '../captioner';
import type { DatasetStore } from '../datasets';
import type { Clock } from '../ports';

/** What every step of a batch job works with. */
export interface BatchDeps {
  store: DatasetStore;
  client: GeminiBatchClient;
  clock: Clock;
}

/** What a step (a check, a cancel) came to. */
export interface BatchStep {
  /** The job as it is now; null when the dataset has none left. */
  status: BatchStatus | null;
  /** The job ended in this step: how, its summary, and every image its results changed. */
  finished: { state: BatchState; summary: RunSummary; images: ImageEntry[] } | null;
}
