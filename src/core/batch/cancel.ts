import { isBatchPending } from '../../shared/batch-status';
import { AppError } from '../../shared/errors';
import { currentJob, follow } from './check';
import { BATCH_UPLOADING_ELSEWHERE, uploaderAlive } from './record';
import { deleteFilesAndClear, settleWithoutResults } from './settle';
import { endedWithoutResults } from './summary';
import type { BatchDeps, BatchStep } from './types';

/**
 * Cancels the dataset's batch job on Gemini, records it and deletes its files; its images stay as they were, for the
 * next run. A job that ended before the cancel reached it is followed instead (results that came are applied).
 * Not for a record this process is still uploading: the submission's own signal cancels that.
 */
export async function cancelBatch(deps: BatchDeps, datasetId: string): Promise<BatchStep> {
  const manifest = await deps.store.load(datasetId);
  const record = manifest.batch;
  if (!record) return { status: null, finished: null };
  if (record.settledAt !== null) {
    await deleteFilesAndClear(deps, datasetId, record);
    return { status: null, finished: null };
  }
  if (uploaderAlive(record)) throw new AppError('validation', `${BATCH_UPLOADING_ELSEWHERE} Cancel it there.`);
  const job = await currentJob(deps, record);
  if (job !== null && job !== 'lost') {
    if (!isBatchPending(job.state)) return follow(deps, manifest, record, job);
    try {
      await deps.client.cancel(job.name);
    } catch (e) {
      // It ended between the look and the cancel (400 FAILED_PRECONDITION): what it ended as decides.
      const now = await deps.client.get(job.name);
      if (isBatchPending(now.state)) throw e;
      return follow(deps, manifest, record, now);
    }
  }
  const summary = endedWithoutResults(record, 'cancelled', deps.clock.now());
  return settleWithoutResults(deps, datasetId, record, 'cancelled', summary);
}
