import type { BatchJobRecord } from './dataset';
import { estimateCostUsd, TYPICAL_INPUT_TOKENS, TYPICAL_OUTPUT_TOKENS } from './models';
import type { BatchStatus } from './progress';

/**
 * What the run bar and the CLI say about a batch job, from the record saved in the dataset: the core reports it
 * while it uploads and polls, and the page builds the same from the manifest when a dataset with a job opens.
 */
export function batchStatusOf(
  record: BatchJobRecord,
  live: { uploaded?: number; problem?: string | null } = {},
): BatchStatus {
  const images = record.imageIds.length;
  const typical = [images * TYPICAL_INPUT_TOKENS, images * TYPICAL_OUTPUT_TOKENS] as const;
  const normal = estimateCostUsd(record.model, ...typical);
  const batch = estimateCostUsd(record.model, ...typical, { batch: true });
  return {
    ...{ state: record.state, name: record.name, model: record.model, images },
    uploaded: live.uploaded ?? (record.state === 'uploading' ? 0 : images),
    costUsd: batch,
    savingUsd: normal === null || batch === null ? null : normal - batch,
    ...{ submittedAt: record.submittedAt, checkedAt: record.checkedAt, problem: live.problem ?? null },
  };
}

/** The job has not ended yet (results may still come): the states the run bar shows with a spinner. */
export function isBatchPending(state: BatchStatus['state']): boolean {
  return state === 'uploading' || state === 'queued' || state === 'running';
}
