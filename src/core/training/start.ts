import type Replicate from 'replicate';
import type { Training } from 'replicate';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { ExportProgress } from '../../shared/progress';
import {
  estimateTraining,
  isTrainingActive,
  type TrainingParams,
  type TrainingRecord,
  type TrainingRequest,
} from '../../shared/training';
import { planOrRefuse } from '../exporter';
import { LOST_CONNECTION_STATUS } from './client';
import { ensureDestination } from './destination';
import { replicateFailure, toReplicateError } from './failure';
import { deleteUpload, findTrainingOf } from './find';
import { changeTraining, claimTraining, dropTraining, latestTraining, TRAINING_RUNNING } from './record';
import { fromTraining } from './snapshot';
import { latestTrainer, type Trainer } from './trainer';
import { clientFor, type TrainingDeps } from './types';
import { exportAndUpload, type Uploaded } from './upload';

type Request = z.output<typeof TrainingRequest>;

export interface StartOptions {
  signal?: AbortSignal;
  /** Before the training exists: the ZIP being written, then uploaded. */
  onExport?: (p: ExportProgress) => void;
  onUpload?: (bytes: number) => void;
}

/**
 * The user's click on Train, in order: nothing leaves the computer until the captions pass the export's rules and
 * the token works; then the trainer's latest version is looked up, the destination created if missing, the ZIP
 * exported and uploaded, the record saved (status `creating`), the training started with `autocaption` off and the
 * dataset's own trigger, and its id saved at once. A dataset whose latest training has not ended gets that one back
 * (never a second), and so does one with an ended training unless `startNew`.
 */
export async function startTraining(
  deps: TrainingDeps,
  datasetId: string,
  request: Request,
  opts: StartOptions = {},
): Promise<TrainingRecord> {
  const manifest = await deps.store.load(datasetId);
  const latest = latestTraining(manifest);
  if (latest && isTrainingActive(latest.status)) {
    if (request.startNew) throw new AppError('validation', TRAINING_RUNNING);
    return latest;
  }
  if (latest && !request.startNew) return latest;
  await planOrRefuse(manifest.images, manifest.trigger);

  const replicate = await clientFor(deps);
  await replicate.accounts.current().catch((e: unknown) => {
    throw toReplicateError(e, 'check the API token');
  });
  const trainer = await latestTrainer(replicate);
  const params = paramsFor(request, trainer);
  await ensureDestination(replicate, request.destination, manifest.trigger);
  const upload = await exportAndUpload(replicate, manifest, { resizeLongSide: request.resizeLongSide, ...opts });
  if (opts.signal?.aborted) {
    // Cancelled while the upload finished: the training is not started, and the upload goes.
    await deleteUpload(replicate, upload.fileId);
    throw new AppError('cancelled', 'Stopped before the training started; nothing was started on Replicate.');
  }

  const now = new Date(deps.clock.now()).toISOString();
  const record = newRecord(trainer, request.destination, manifest.trigger, params, upload, now);
  await claimTraining(deps.store, datasetId, record).catch(async (e: unknown) => {
    await deleteUpload(replicate, upload.fileId);
    throw e;
  });
  const training = await createGuarded(replicate, trainer, record, async () => {
    // Nothing started: the record and the upload go, and the user sees Replicate's reason.
    await dropTraining(deps.store, datasetId, upload.fileId);
    await deleteUpload(replicate, upload.fileId);
  });
  const checkedAt = new Date(deps.clock.now()).toISOString();
  const saved = await changeTraining(deps.store, datasetId, upload.fileId, (r) => ({
    ...r,
    ...fromTraining(training, checkedAt),
  }));
  return saved ?? { ...record, ...fromTraining(training, checkedAt) };
}

/** The trainer's defaults with what the user changed, checked against the ranges of its latest version. */
function paramsFor(request: Request, trainer: Trainer): TrainingParams {
  const params: TrainingParams = {
    steps: request.steps ?? trainer.defaults.steps,
    loraRank: request.loraRank ?? trainer.defaults.loraRank,
    learningRate: request.learningRate ?? trainer.defaults.learningRate,
  };
  for (const key of ['steps', 'loraRank', 'learningRate'] as const) {
    const { min, max } = trainer.limits[key];
    if (params[key] < min || params[key] > max) {
      throw new AppError('validation', `The trainer takes ${key} from ${min} to ${max}; ${params[key]} is outside.`);
    }
  }
  return params;
}

function newRecord(
  trainer: Trainer,
  destination: string,
  trigger: string,
  params: TrainingParams,
  upload: Uploaded,
  now: string,
): TrainingRecord {
  return {
    ...{ id: null, trainer: trainer.ref, destination, trigger, params, upload, status: 'creating', createdAt: now },
    ...{ startedAt: null, completedAt: null, checkedAt: null, logsTail: '', progress: null, output: null },
    ...{ error: null, cancelRequested: false, estimate: estimateTraining(params.steps) },
  };
}

/**
 * Creates the training, never twice: the client resends a request whose connection failed, and for a create
 * that would start a second training, so a lost connection comes back as LOST_CONNECTION_STATUS (client.ts) and
 * is handled here: the account's trainings are searched for one on this upload, which is adopted if found, and
 * the create is sent once more only when none is. A connection lost again leaves the record `creating`: the next
 * look (checkTraining) searches again. Any other refusal calls `abandon` and throws Replicate's reason.
 */
async function createGuarded(
  replicate: Replicate,
  trainer: Trainer,
  record: TrainingRecord,
  abandon: () => Promise<void>,
): Promise<Training> {
  const [owner = '', name = ''] = trainer.ref.split(':')[0]?.split('/') ?? [];
  const input = {
    input_images: record.upload.url,
    trigger_word: record.trigger,
    autocaption: false,
    steps: record.params.steps,
    lora_rank: record.params.loraRank,
    learning_rate: record.params.learningRate,
  };
  const create = () =>
    replicate.trainings.create(owner, name, trainer.version, {
      destination: record.destination as `${string}/${string}`,
      input,
    });
  const lost = (e: unknown) => replicateFailure(e)?.status === LOST_CONNECTION_STATUS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await create();
    } catch (e) {
      if (!lost(e)) {
        await abandon();
        throw toReplicateError(e, 'start the training');
      }
      // Unless the search itself gets through, resending could start a second training: stop here instead.
      const found = await findTrainingOf(replicate, record.upload.url).catch(() => {
        throw toReplicateError(e, 'start the training');
      });
      if (found) return found;
      if (attempt >= 1) throw toReplicateError(e, 'start the training');
    }
  }
}
