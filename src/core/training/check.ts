import type { Training } from 'replicate';
import { isTrainingActive, type TrainingRecord } from '../../shared/training';
import { toReplicateError } from './failure';
import { deleteUpload, findTrainingOf } from './find';
import { changeTraining, latestTraining } from './record';
import { fromTraining } from './snapshot';
import { clientFor, type TrainingDeps } from './types';

const NOT_STARTED =
  'The training was not started: the connection was lost while it was being created, and Replicate has no training of this upload. Start it again.';

/**
 * One look at the dataset's latest training, saved in the dataset: its status, logs and outcome. A record still
 * `creating` (the answer to the create was lost, or the app closed then) is settled: the training of its upload
 * is adopted when Replicate has one, else the record says it never started. A cancel asked for earlier that did
 * not get through is sent again. When the training has ended, its upload is deleted from Replicate.
 * Returns the record as saved (null when the dataset has none).
 */
export async function checkTraining(deps: TrainingDeps, datasetId: string): Promise<TrainingRecord | null> {
  const record = latestTraining(await deps.store.load(datasetId));
  if (!record || !isTrainingActive(record.status)) return record;
  const replicate = await clientFor(deps);
  const now = () => new Date(deps.clock.now()).toISOString();
  const { fileId } = record.upload;
  let training: Training | null;
  try {
    training =
      record.id === null
        ? await findTrainingOf(replicate, record.upload.url)
        : await replicate.trainings.get(record.id);
    if (training && record.cancelRequested && isActive(training))
      training = await replicate.trainings.cancel(training.id);
  } catch (e) {
    throw toReplicateError(e, 'check the training');
  }
  const saved = await changeTraining(deps.store, datasetId, fileId, (r) =>
    training
      ? { ...r, ...fromTraining(training, now()) }
      : { ...r, status: 'failed', error: NOT_STARTED, completedAt: now(), checkedAt: now() },
  );
  if (saved && !isTrainingActive(saved.status)) await deleteUpload(replicate, fileId);
  return saved;
}

const isActive = (t: Training) => t.status === 'starting' || t.status === 'processing';
