import { batchStatusOf } from '../../../shared/batch-status';
import { api, unwrap } from '../api';
import { toUiError } from '../lib/errors';
import { useBatch } from '../stores/batch';
import { toast } from '../stores/toasts';
import { useWorkspace } from '../stores/workspace';

/**
 * Shows the job as uploading the moment it is asked for (events take over from there): the same figures main will
 * report, built from the images the job will carry.
 */
export function showBatchStarting(datasetId: string, model: string, imageIds: readonly string[]): void {
  const record = {
    ...{ name: null, displayName: 'starting', model, state: 'uploading' as const, input: 'inline' as const },
    ...{ imageIds: [...imageIds], uploadedFiles: [], typedCaptions: {} },
    ...{ submittedAt: new Date().toISOString(), uploader: null, checkedAt: null, settledAt: null },
  };
  useBatch.getState().set(datasetId, batchStatusOf(record));
}

/**
 * Images the user captioned by hand or excluded while a batch job waits keep the user's work when its results come
 * (main drops the job's answer for them): they stop showing "queued".
 */
export function releaseFromBatch(datasetId: string, imageIds: readonly string[]): void {
  const ws = useWorkspace.getState();
  if (!useBatch.getState().byDataset[datasetId] || ws.dataset?.id !== datasetId) return;
  for (const id of imageIds) ws.setTransient(id, null);
}

export async function cancelBatch(datasetId: string): Promise<void> {
  try {
    await unwrap(api.cancelBatch(datasetId));
  } catch (e) {
    toast('error', `Could not cancel the batch job: ${toUiError(e).message}`);
  }
}
