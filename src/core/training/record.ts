import type { DatasetManifest } from '../../shared/dataset';
import { AppError } from '../../shared/errors';
import { isTrainingActive, MAX_TRAININGS_KEPT, type TrainingRecord } from '../../shared/training';
import type { DatasetStore } from '../datasets';

/**
 * Every write of a dataset's training records goes through `store.modify` (inside the dataset's queue and write
 * lock, so the app and the CLI cannot both start a training for one dataset). A record is known by its upload's
 * file id, which is unique to one training and set before the training exists.
 */

export const TRAINING_RUNNING =
  'A training of this dataset is still running on Replicate. Wait for it or cancel it first.';

export const latestTraining = (m: Pick<DatasetManifest, 'trainings'>): TrainingRecord | null =>
  m.trainings.at(-1) ?? null;

/** Saves a new training's record (refused while the latest one has not ended); the oldest records drop off. */
export async function claimTraining(store: DatasetStore, datasetId: string, record: TrainingRecord): Promise<void> {
  await store.modify(datasetId, (m) => {
    const latest = latestTraining(m);
    if (latest && isTrainingActive(latest.status)) throw new AppError('validation', TRAINING_RUNNING);
    return { ...m, trainings: [...m.trainings, record].slice(-MAX_TRAININGS_KEPT) };
  });
}

/** Changes the record of the training that uploaded `fileId` (null when it is gone); returns it as saved. */
export async function changeTraining(
  store: DatasetStore,
  datasetId: string,
  fileId: string,
  change: (r: TrainingRecord) => TrainingRecord,
): Promise<TrainingRecord | null> {
  let saved = null as TrainingRecord | null;
  await store.modify(datasetId, (m) => {
    const at = m.trainings.findIndex((r) => r.upload.fileId === fileId);
    const found = m.trainings[at];
    if (!found) return m;
    saved = change(found);
    return { ...m, trainings: m.trainings.with(at, saved) };
  });
  return saved;
}

/** Takes the record of a training that never started out of the dataset (nothing is left to follow). */
export async function dropTraining(store: DatasetStore, datasetId: string, fileId: string): Promise<void> {
  await store.modify(datasetId, (m) => ({ ...m, trainings: m.trainings.filter((r) => r.upload.fileId !== fileId) }));
}
