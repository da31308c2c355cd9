import { hostname } from 'node:os';
import type { BatchJobRecord, DatasetManifest } from '../../shared/dataset';
import { AppError } from '../../shared/errors';
import type { DatasetStore } from '../datasets';

/**
 * Every write of a dataset's batch record goes through `store.modify` (inside the dataset's queue and write lock,
 * so the app and the CLI cannot both claim a dataset, and no journal line is lost between the read and the write).
 */

export const BATCH_GEMINI_ONLY = 'The Batch API is for Gemini only: choose Gemini in the settings to use it.';

export const BATCH_UPLOADING_ELSEWHERE =
  'Another Caption Studio (the app or the command line) is still uploading a batch job for this dataset.';

export const BATCH_WAITING = 'A batch job is already captioning this dataset. Wait for its results or cancel it first.';

/** This process, as an upload's record names it. */
export const thisUploader = () => ({ host: hostname(), pid: process.pid });

/**
 * Whether the process uploading a job (its name not saved yet) is still at it: another process on this machine
 * that is alive. This process's own record, another machine's (a data folder shared over a network) or a process
 * that is gone all count as stopped, and the record is settled by whoever looks next.
 */
export function uploaderAlive(record: Pick<BatchJobRecord, 'name' | 'uploader'>): boolean {
  const u = record.uploader;
  if (record.name !== null || !u || u.host !== hostname() || u.pid === process.pid) return false;
  try {
    process.kill(u.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, only not ours to signal
  }
}

/** Saves a new submission's record; refused while the dataset has one (never two jobs for the same images). */
export function claimRecord(store: DatasetStore, datasetId: string, record: BatchJobRecord): Promise<DatasetManifest> {
  return store.modify(datasetId, (m) => {
    if (m.batch) throw new AppError('validation', BATCH_WAITING);
    return { ...m, batch: record };
  });
}

/**
 * Changes the record while it is still this submission's (same display name); `change` may also touch the images
 * (the results going in with the record, in one write). Returns null when the record is gone or another one's.
 */
export async function changeRecord(
  store: DatasetStore,
  datasetId: string,
  displayName: string,
  change: (m: DatasetManifest & { batch: BatchJobRecord }) => DatasetManifest,
): Promise<DatasetManifest | null> {
  let mine = true;
  const manifest = await store.modify(datasetId, (m) => {
    if (m.batch?.displayName !== displayName) {
      mine = false;
      return m;
    }
    return change(m as DatasetManifest & { batch: BatchJobRecord });
  });
  return mine ? manifest : null;
}

/** The record with some fields changed (a shorthand for the common `changeRecord`). */
export function patchRecord(
  store: DatasetStore,
  datasetId: string,
  displayName: string,
  patch: Partial<BatchJobRecord>,
): Promise<DatasetManifest | null> {
  return changeRecord(store, datasetId, displayName, (m) => ({ ...m, batch: { ...m.batch, ...patch } }));
}
