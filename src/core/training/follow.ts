import { type AppError, isAppError } from '../../shared/errors';
import { isTrainingActive, type TrainingRecord } from '../../shared/training';
import { checkTraining } from './check';
import { toReplicateError } from './failure';
import type { TrainingDeps } from './types';

export interface FollowOptions {
  /** Between looks (a training takes many minutes; each look is free). */
  intervalMs: number;
  signal?: AbortSignal;
  /** Every look's record. */
  onUpdate?: (record: TrainingRecord | null) => void;
  /**
   * A look that failed (no connection, a token removed...). Absent: following stops with that error (the CLI
   * exits); given: it is told and following goes on (the app shows it and keeps looking).
   */
  onProblem?: (error: AppError) => void;
}

/** Looks at the dataset's latest training until it ends (or `signal` aborts); returns its last record. */
export async function followTraining(
  deps: TrainingDeps,
  datasetId: string,
  opts: FollowOptions,
): Promise<TrainingRecord | null> {
  for (;;) {
    let record: TrainingRecord | null | undefined;
    try {
      record = await checkTraining(deps, datasetId);
      opts.onUpdate?.(record);
    } catch (e) {
      const error = isAppError(e) ? e : toReplicateError(e, 'check the training');
      if (!opts.onProblem || error.kind === 'not-found') throw error;
      opts.onProblem(error);
    }
    if (record !== undefined && (!record || !isTrainingActive(record.status))) return record;
    await deps.clock.sleep(opts.intervalMs, opts.signal);
  }
}
