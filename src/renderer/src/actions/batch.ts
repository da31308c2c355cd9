import { batchStatusOf } from '../../../shared/batch-status';
import { api, unwrap } from '../api';
import { toUiError } from '../lib/errors';
import { useBatch } from '../stores/batch';
import { toast } from '../stores/toasts';

/**
 * Shows the job as uploading the moment it is asked for (events take over from there): the same figures main will
 * report, built from the images the job will carry.
 */
export function showBatchStarting(datasetId: string, model: string, imageIds: readonly string[]): void {
  const record = {
    ...{ name: null, displayName: 'starting', model, state: 'uploading' as const, input: 'inline' as const },
    ...{ imageIds: [...imageIds], uploadedFiles: [], typedCaptions: {} },
    ...{ submittedAt: new Date().toISOString(), checkedAt: null, settledAt: null },
  };
  useBatch.getState().set(datasetId, batchStatusOf(record));
}

export async function cancelBatch(datasetId: string): Promise<void> {
  try {
    await unwrap(api.cancelBatch(datasetId));
  } catch (e) {
    toast('error', `Could not cancel the batch job: ${toUiError(e).message}`);
  }
}
