import { AppError } from '../../shared/errors';
import { isTrainingActive, type TrainingRecord } from '../../shared/training';
import { checkTraining } from './check';
import { changeTraining, latestTraining } from './record';
import type { TrainingDeps } from './types';

/**
 * Cancels the dataset's running training. The wish is saved first (so a cancel that cannot get through now is
 * sent on the next look, and a training still being created is cancelled as soon as it is found), then sent.
 * Returns the record as saved; null when the dataset has no training.
 */
export async function cancelTraining(deps: TrainingDeps, datasetId: string): Promise<TrainingRecord | null> {
  const record = latestTraining(await deps.store.load(datasetId));
  if (!record) return null;
  if (!isTrainingActive(record.status)) {
    throw new AppError('validation', 'This training has ended already; there is nothing to cancel.');
  }
  await changeTraining(deps.store, datasetId, record.upload.fileId, (r) => ({ ...r, cancelRequested: true }));
  return checkTraining(deps, datasetId);
}
