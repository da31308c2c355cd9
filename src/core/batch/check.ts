import { batchStatusOf } from '../../shared/batch-status';
import type { BatchJobRecord, DatasetManifest } from '../../shared/dataset';
import type { BatchJobView } from '../captioner';
import { applyResults } from './apply';
import { patchRecord, uploaderAlive } from './record';
import { deleteFilesAndClear, settleWithoutResults } from './settle';
import { batchSummary, endedWithoutResults } from './summary';
import type { BatchDeps, BatchStep } from './types';

const NONE: BatchStep = { status: null, finished: null };

/**
 * One look at the dataset's batch job: its state read from Gemini (and saved when it changed), its results applied
 * once it succeeded, the dataset freed once it ended without results. A record left `uploading` by a process that
 * stopped mid-upload (never call this while this process uploads it) is settled: the job created just before the
 * stop, found by its display name, is followed; if there is none, the files are deleted and nothing was submitted.
 * Throws what Gemini said when it could not be asked (the caller tries again later).
 */
export async function checkBatch(deps: BatchDeps, datasetId: string): Promise<BatchStep> {
  const manifest = await deps.store.load(datasetId);
  const record = manifest.batch;
  if (!record) return NONE;
  if (record.settledAt !== null) {
    await deleteFilesAndClear(deps, datasetId, record);
    return NONE;
  }
  if (uploaderAlive(record)) return { status: batchStatusOf(record), finished: null };
  const job = await currentJob(deps, record);
  const now = deps.clock.now();
  if (job === 'lost') {
    const message =
      'Gemini no longer has this batch job (it was deleted), so no results came back. Images without a caption ' +
      'are kept for the next run.';
    const summary = batchSummary(record, now, {
      status: 'batch-failed',
      message,
      notAttempted: record.imageIds.length,
    });
    return settleWithoutResults(deps, datasetId, record, 'failed', summary);
  }
  if (job === null) {
    return settleWithoutResults(deps, datasetId, record, 'cancelled', endedWithoutResults(record, 'uploading', now));
  }
  return follow(deps, manifest, record, job);
}

/** The job now: null when it was never created (an upload cut short), 'lost' when Gemini no longer has it. */
export async function currentJob(deps: BatchDeps, record: BatchJobRecord): Promise<BatchJobView | null | 'lost'> {
  if (record.name === null) return deps.client.findByDisplayName(record.displayName);
  try {
    return await deps.client.get(record.name);
  } catch (e) {
    if (deps.client.classify(e).kind === 'model-not-found') return 'lost';
    throw e;
  }
}

/** Acts on what Gemini says of the job: results in, the dataset freed, or the new state saved. */
export async function follow(
  deps: BatchDeps,
  manifest: DatasetManifest,
  record: BatchJobRecord,
  job: BatchJobView,
): Promise<BatchStep> {
  const now = deps.clock.now();
  if (job.state === 'succeeded') return applyResults(deps, manifest, record, job);
  if (job.state === 'failed' || job.state === 'expired' || job.state === 'cancelled') {
    return settleWithoutResults(deps, manifest.id, record, job.state, endedWithoutResults(record, job.state, now));
  }
  const checkedAt = new Date(now).toISOString();
  // Written only when something changed: a poll every minute for a day must not rewrite the manifest each time.
  if (record.name === job.name && record.state === job.state) {
    return { status: batchStatusOf({ ...record, checkedAt }), finished: null };
  }
  const written = await patchRecord(deps.store, manifest.id, record.displayName, {
    ...{ name: job.name, state: job.state, checkedAt },
  });
  return { status: written?.batch ? batchStatusOf(written.batch) : null, finished: null };
}
