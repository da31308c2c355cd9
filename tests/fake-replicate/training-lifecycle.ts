import type { FakeReplicateOptions } from './options';
import { isTerminal, type StoredTraining, type TerminalStatus, type TrainingStatus } from './records';
import { type FakeReplicateState, isoTime, versionId } from './state';
import { trainedVersionSchema } from './trainer-schema';
import { renderLogs } from './training-logs';

/**
 * How a training moves: starting -> processing (a few snapshots, logs growing) -> succeeded or failed, or
 * canceled at any point before it ends. When it succeeds, the destination model gets a new version, as on the
 * real service, and `output` names it (`owner/name:<64 hex>`) with the weights' URL.
 */

export interface Lifecycle {
  readonly state: FakeReplicateState;
  options(): FakeReplicateOptions;
}

/** PyTorch's out-of-memory error, the usual reason a FLUX LoRA training fails, shortened. */
const DEFAULT_TRAINING_ERROR =
  'CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 79.19 GiB total capacity; 77.12 GiB already allocated)';

const stagesOf = (lc: Lifecycle) => Math.max(1, lc.options().progressSteps ?? 2);

/** Why the trainer cannot start on what it was given (it checks before training), or null. */
function dataProblem(t: StoredTraining): string | null {
  if (t.data === null) return 'input_images must be provided';
  if (t.data.kind === 'not-zip') return 'input_images must be a zip file';
  if (t.data.kind === 'unreachable') return `Failed to download input_images from ${t.data.url}`;
  return null;
}

function succeed(t: StoredTraining, lc: Lifecycle): void {
  const id = versionId(`trained ${t.id}`);
  t.output = {
    version: `${t.destination}:${id}`,
    weights: `https://replicate.delivery/xezq/${versionId(`weights ${t.id}`).slice(0, 40)}/trained_model.tar`,
  };
  lc.state.model(t.destination)?.versions.push({
    id,
    createdAt: isoTime(),
    cogVersion: '0.14.2',
    openapiSchema: trainedVersionSchema(),
  });
}

/** Ends a training now in `status`; a failure carries `error` (default: the option's, else a CUDA OOM). */
export function settleTraining(t: StoredTraining, status: TerminalStatus, lc: Lifecycle, error?: string): void {
  if (isTerminal(t.status)) throw new Error(`training ${t.id} has already ended (${t.status})`);
  t.startedAt ??= isoTime();
  if (status === 'succeeded') {
    t.stage = stagesOf(lc);
    succeed(t, lc);
  } else if (status === 'failed') {
    t.stage = Math.max(t.stage, 1);
    t.error = error ?? dataProblem(t) ?? lc.options().trainingError ?? DEFAULT_TRAINING_ERROR;
  }
  t.status = status;
  t.completedAt = isoTime();
  t.logs = renderLogs(t, stagesOf(lc));
}

/** One step: starting -> processing -> (more snapshots) -> the configured end. An ended training stays. */
export function advanceTraining(t: StoredTraining, lc: Lifecycle): TrainingStatus {
  if (isTerminal(t.status)) return t.status;
  if (t.status === 'starting') {
    t.startedAt = isoTime();
    t.stage = 1;
    const problem = dataProblem(t);
    if (problem) {
      settleTraining(t, 'failed', lc, problem);
      return t.status;
    }
    t.status = 'processing';
  } else if (t.stage < stagesOf(lc)) {
    t.stage++;
  } else {
    settleTraining(t, lc.options().trainingEndState ?? 'succeeded', lc);
    return t.status;
  }
  t.logs = renderLogs(t, stagesOf(lc));
  return t.status;
}
