import type { BatchJobRecord } from '../../shared/dataset';
import type { RunSummary } from '../../shared/progress';
import { forEachLimit } from './limit';
import { changeRecord, patchRecord } from './record';
import type { BatchDeps, BatchStep } from './types';

/** Deletes at once: a file batch has one file per image. */
const DELETE_CONCURRENCY = 8;

/**
 * Deletes the job's files and clears its record. Files that could not be deleted (no connection) stay listed in
 * the settled record and are tried again on the next check; the dataset has no batch as far as anyone can see.
 */
export async function deleteFilesAndClear(deps: BatchDeps, datasetId: string, record: BatchJobRecord): Promise<void> {
  const left: string[] = [];
  await forEachLimit(record.uploadedFiles, DELETE_CONCURRENCY, async (name) => {
    await deps.client.deleteFile(name).catch(() => left.push(name));
  });
  await changeRecord(deps.store, datasetId, record.displayName, (m) => ({
    ...m,
    batch: left.length > 0 ? { ...m.batch, uploadedFiles: left } : null,
  }));
}

/** Records that a job ended without results (one write, so it is reported once), then cleans up after it. */
export async function settleWithoutResults(
  deps: BatchDeps,
  datasetId: string,
  record: BatchJobRecord,
  state: BatchJobRecord['state'],
  summary: RunSummary,
): Promise<BatchStep> {
  const at = new Date(deps.clock.now()).toISOString();
  const written = await patchRecord(deps.store, datasetId, record.displayName, { state, settledAt: at });
  const settled = written?.batch ?? null;
  if (settled) await deleteFilesAndClear(deps, datasetId, settled);
  return { status: null, finished: settled ? { state, summary, images: [] } : null };
}
