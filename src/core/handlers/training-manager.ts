import type { z } from 'zod';
import { AppError, isAppError } from '../../shared/errors';
import {
  isTrainingActive,
  type TrainingRecord,
  type TrainingRequest,
  type TrainingUpdate,
} from '../../shared/training';
import { cancelTraining, followTraining, latestTraining, startTraining, type TrainingDeps } from '../training';
import type { BackendContext } from './context';

type Request = z.output<typeof TrainingRequest>;

/**
 * How often an open app looks at a running training. A FLUX LoRA takes 20 minutes or more and a look is free; the
 * log tail shown is that fresh. CAPTION_STUDIO_TRAINING_POLL_SECONDS sets another interval (development, tests).
 */
const POLL_MS = 10_000;

/**
 * The app's side of trainings: the start (export and upload, which cancel can stop), then following the training
 * while the app is open, reported as `trainingUpdated` events. Following starts after a start and whenever a
 * dataset with a running training opens; it stops on shutdown (the training goes on at Replicate and is followed
 * again the next time its dataset opens).
 */
export class TrainingManager {
  private readonly starting = new Map<string, AbortController>();
  private readonly following = new Map<string, { stop: AbortController; done: Promise<void> }>();

  constructor(private readonly ctx: BackendContext) {}

  get deps(): TrainingDeps {
    const { store, keychain } = this.ctx.deps;
    return { store, keychain, env: this.ctx.env, clock: this.ctx.clock };
  }

  /** The user's click on Train: resolves with the training's record once it exists on Replicate. */
  async start(datasetId: string, request: Request): Promise<TrainingRecord> {
    if (this.starting.has(datasetId))
      throw new AppError('validation', 'A training of this dataset is being started already.');
    const cancel = new AbortController();
    this.starting.set(datasetId, cancel);
    try {
      const record = await this.ctx.tasks.run((closing) =>
        startTraining(this.deps, datasetId, request, {
          signal: AbortSignal.any([closing, cancel.signal]),
          onExport: (p) => this.emit(datasetId, { step: 'exporting', exported: { done: p.done, total: p.total } }),
          onUpload: (bytes) => this.emit(datasetId, { step: 'uploading', zipBytes: bytes }),
        }),
      );
      this.starting.delete(datasetId); // before watching: a start in progress is not watched
      this.emit(datasetId, { record });
      this.watch(datasetId);
      return record;
    } catch (e) {
      this.starting.delete(datasetId);
      // Back to what the dataset says (its previous training, or none); the call's rejection carries the reason.
      const record = latestTraining(await this.ctx.deps.store.load(datasetId).catch(() => ({ trainings: [] })));
      this.emit(datasetId, { record });
      if (record && isTrainingActive(record.status)) this.watch(datasetId);
      throw e;
    }
  }

  /** A start is exporting or uploading (quitting would stop it before the training exists). */
  hasStarts(): boolean {
    return this.starting.size > 0;
  }

  /** Follows the dataset's latest training while it runs, if nothing here does yet (a dataset opened). */
  watch(datasetId: string): void {
    if (this.ctx.tasks.closing || this.following.has(datasetId) || this.starting.has(datasetId)) return;
    const stop = new AbortController();
    const done = followTraining(this.deps, datasetId, {
      intervalMs: pollMs(this.ctx.env),
      signal: stop.signal,
      onUpdate: (record) => this.emit(datasetId, { record }),
      onProblem: (e) => this.emit(datasetId, { problem: e.message }),
    })
      .then(
        () => {},
        (e: unknown) => {
          if (stop.signal.aborted) return;
          if (isAppError(e)) this.emit(datasetId, { problem: e.message });
          else this.ctx.log.error('Following a training failed', e);
        },
      )
      .finally(() => {
        if (this.following.get(datasetId)?.stop === stop) this.following.delete(datasetId);
      });
    this.following.set(datasetId, { stop, done });
  }

  /** Cancels: a start still exporting or uploading stops (nothing starts); a running training is cancelled. */
  async cancel(datasetId: string): Promise<TrainingRecord | null> {
    const start = this.starting.get(datasetId);
    if (start) {
      start.abort();
      return null;
    }
    await this.stopFollowing(datasetId);
    try {
      const record = await cancelTraining(this.deps, datasetId);
      this.emit(datasetId, { record });
      return record;
    } finally {
      this.watch(datasetId); // still running (the cancel did not get through): followed again
    }
  }

  /** Shutdown: starts are stopped (nothing is left half-made: see startTraining), following stops. */
  async stopAll(): Promise<void> {
    for (const start of this.starting.values()) start.abort();
    await Promise.all([...this.following.keys()].map((id) => this.stopFollowing(id)));
  }

  async stopFollowing(datasetId: string): Promise<void> {
    const f = this.following.get(datasetId);
    if (!f) return;
    f.stop.abort();
    await f.done;
  }

  /** The last record sent per dataset: an update without one (a step, a problem) carries it on. */
  private readonly last = new Map<string, TrainingRecord | null>();

  private emit(datasetId: string, update: Partial<TrainingUpdate>): void {
    if ('record' in update) this.last.set(datasetId, update.record ?? null);
    const training: TrainingUpdate = {
      record: this.last.get(datasetId) ?? null,
      step: update.step ?? null,
      exported: update.exported ?? null,
      zipBytes: update.zipBytes ?? null,
      problem: update.problem ?? null,
    };
    this.ctx.deps.emit('trainingUpdated', { datasetId, training });
  }
}

function pollMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.CAPTION_STUDIO_TRAINING_POLL_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : POLL_MS;
}
