/**
 * Gemini batch jobs for a dataset (half price, results within 24 hours): submit the images a run would send as one
 * job, follow it across restarts of the app or the CLI through the record saved in the dataset, apply its results
 * as a run would, cancel it, and clean up its files whatever way it ends.
 */
import { createGeminiBatchClient } from '../captioner';
import type { DatasetStore } from '../datasets';
import type { Clock } from '../ports';
import type { BatchDeps } from './types';

export { cancelBatch } from './cancel';
export { checkBatch } from './check';
export { BATCH_GEMINI_ONLY, BATCH_UPLOADING_ELSEWHERE, BATCH_WAITING } from './record';
export { submitBatch } from './submit';
export { submissionStopped } from './summary';
export type { BatchDeps, BatchStep } from './types';

/** What the steps need, from a door's store, Gemini access (`geminiAccess`) and clock. */
export function batchDeps(
  store: DatasetStore,
  access: { apiKey: string; baseUrl: string | undefined },
  clock: Clock,
): BatchDeps {
  return { store, clock, client: createGeminiBatchClient({ ...access, clock }) };
}
