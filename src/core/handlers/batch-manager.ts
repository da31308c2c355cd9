import type { z } from 'zod';
import { batchStatusOf } from '../../shared/batch-status';
import type { RunRequest } from '../../shared/contract';
import { AppError, isAppError } from '../../shared/errors';
import type { BatchStatus, RunSummary } from '../../shared/progress';
import {
  BATCH_GEMINI_ONLY,
  BATCH_WAITING,
  type BatchDeps,
  type BatchStep,
  batchDeps,
  cancelBatch,
  checkBatch,
  submissionStopped,
  submitBatch,
} from '../batch';
import { geminiAccess } from '../workflow';
import { type BackendContext, MISSING_KEY_MESSAGE } from './context';
import type { RunManager } from './run-manager';
import { closingError } from './tasks';

type Request = z.output<typeof RunRequest>;

/**
 * How often an open app asks Gemini about a job: soon after it changed, then less and less often while it does not
 * (a job takes minutes to hours; a look is free but need not be constant). CAPTION_STUDIO_BATCH_POLL_SECONDS sets a
 * fixed interval instead (development, tests).
 */
const POLL_FIRST_MS = 15_000;
const POLL_MAX_MS = 120_000;

interface Work {
  kind: 'upload' | 'poll';
  /** Cancels an upload (its files are deleted); a poll has nothing to cancel. */
  cancel: AbortController;
  /** Stops the work as it is (shutdown): a job keeps running on Gemini and is followed again on the next open. */
  stop: AbortController;
  done: Promise<void>;
}

/**
 * The app's side of batch jobs: one piece of work per dataset at a time (uploading a job, or following one),
 * reported as `batchUpdated` events and, when a job ends, `runFinished` with its summary, like a run. Following
 * starts after a submission and whenever a dataset with a job opens; it stops on shutdown, and the job is followed
 * again the next time its dataset opens.
 */
export class BatchManager {
  private readonly work = new Map<string, Work>();
  /** Submissions between the click and the start of their upload: two quick clicks never make two jobs. */
  private readonly starting = new Set<string>();
  /** The last status sent per dataset, so a check that fails can say so without losing what is known. */
  private readonly last = new Map<string, BatchStatus | null>();

  constructor(
    private readonly ctx: BackendContext,
    private readonly runs: RunManager,
  ) {}

  /** A job is being uploaded here (its record must not be touched as if its uploader had stopped). */
  isUploading(datasetId: string): boolean {
    return this.work.get(datasetId)?.kind === 'upload';
  }

  /** Some job is being uploaded (quitting would stop it: the next open cleans up and nothing is submitted). */
  hasUploads(): boolean {
    return [...this.work.values()].some((w) => w.kind === 'upload');
  }

  /** Starts uploading a job; resolves once it is under way (progress and the end come as events). */
  async submit(datasetId: string, request: Request): Promise<void> {
    if (this.ctx.tasks.closing) throw closingError();
    if (this.work.has(datasetId) || this.starting.has(datasetId) || this.runs.isActive(datasetId)) {
      throw new AppError('validation', 'This dataset is being captioned already. Wait for it or cancel it first.');
    }
    this.starting.add(datasetId); // claimed before the first await
    let deps: BatchDeps;
    try {
      const { batch, settings } = await this.ctx.deps.store.load(datasetId);
      if (settings.provider !== 'gemini') throw new AppError('validation', BATCH_GEMINI_ONLY);
      if (batch) throw new AppError('validation', BATCH_WAITING);
      deps = await this.deps();
    } finally {
      this.starting.delete(datasetId);
    }
    this.begin(datasetId, 'upload', async (w) => {
      let status: BatchStatus | null;
      try {
        status = await submitBatch(deps, datasetId, {
          ...{ recaption: request.recaption, signal: w.cancel.signal, abandon: w.stop.signal },
          ...(request.only ? { only: request.only } : {}),
          onStatus: (s) => this.emitStatus(datasetId, s),
        });
      } catch (e) {
        if (w.stop.signal.aborted) return; // quitting: the next open finds the record and settles it
        if ((await this.ctx.deps.store.load(datasetId)).batch) {
          // The connection dropped while the job was created: it may exist, and is looked for until it is found
          // (and followed) or known never to have been made.
          await this.emitProblem(datasetId, e);
          return this.follow(datasetId, deps, w, true);
        }
        if (!isAppError(e)) this.ctx.log.error('A batch job could not be submitted', e);
        this.emitStatus(datasetId, null);
        return this.finish(datasetId, submissionStopped(e));
      }
      this.emitStatus(datasetId, status); // null: no image needed a caption, nothing was submitted
      if (status) await this.follow(datasetId, deps, w, true);
    });
  }

  /** Follows the dataset's job, if it has one and nothing here works on it yet (a dataset opened). */
  watch(datasetId: string): void {
    if (this.ctx.tasks.closing || this.work.has(datasetId)) return;
    this.begin(datasetId, 'poll', async (w) => {
      let deps: BatchDeps;
      try {
        deps = await this.deps();
      } catch (e) {
        // No key any more: the job goes on at Gemini, and is followed once the dataset opens with a key again.
        await this.emitProblem(datasetId, e);
        return;
      }
      await this.follow(datasetId, deps, w, false);
    });
  }

  /** Cancels the dataset's job: an upload stops and cleans up; a submitted job is cancelled on Gemini. */
  async cancel(datasetId: string): Promise<void> {
    const w = this.work.get(datasetId);
    if (w?.kind === 'upload') {
      w.cancel.abort();
      await w.done;
      return;
    }
    await this.stopWork(datasetId);
    try {
      this.report(datasetId, await cancelBatch(await this.deps(), datasetId));
    } catch (e) {
      this.watch(datasetId); // not cancelled (offline...): the job is still followed
      throw e;
    }
  }

  /** Before a dataset is deleted: its job is cancelled and its files deleted (best effort: it may be offline). */
  async discard(datasetId: string): Promise<void> {
    const { batch } = await this.ctx.deps.store.load(datasetId);
    if (!batch && !this.work.has(datasetId)) return;
    await this.cancel(datasetId).catch((e: unknown) => this.ctx.log.warn('Could not cancel a batch job', e));
    await this.stopWork(datasetId);
  }

  /** Shutdown: uploads and polls stop where they are; jobs go on at Gemini and are followed on the next open. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.work.keys()].map((id) => this.stopWork(id)));
  }

  private async stopWork(datasetId: string): Promise<void> {
    const w = this.work.get(datasetId);
    if (!w) return;
    w.stop.abort();
    await w.done;
  }

  private begin(datasetId: string, kind: Work['kind'], body: (w: Work) => Promise<void>): void {
    const w: Work = { kind, cancel: new AbortController(), stop: new AbortController(), done: Promise.resolve() };
    this.work.set(datasetId, w);
    w.done = body(w)
      .catch((e: unknown) => this.ctx.log.error('A batch job could not be followed', e))
      .finally(() => {
        if (this.work.get(datasetId) === w) this.work.delete(datasetId);
      });
  }

  /** Checks the job until it ends (or shutdown); a check that cannot get through says so and tries again later. */
  private async follow(datasetId: string, deps: BatchDeps, w: Work, waitFirst: boolean): Promise<void> {
    w.kind = 'poll';
    const { first, max } = this.pollIntervals();
    let delay = first;
    let lastState: string | null = null;
    for (let wait = waitFirst; ; wait = true) {
      if (wait) {
        try {
          await this.ctx.clock.sleep(delay, w.stop.signal);
        } catch {
          return; // shutdown
        }
      }
      let step: BatchStep;
      try {
        step = await checkBatch(deps, datasetId);
      } catch (e) {
        if (w.stop.signal.aborted) return;
        await this.emitProblem(datasetId, e);
        delay = Math.min(max, delay * 2);
        continue;
      }
      this.report(datasetId, step);
      if (!step.status) return;
      delay = step.status.state === lastState ? Math.min(max, delay * 2) : first;
      lastState = step.status.state;
    }
  }

  private report(datasetId: string, step: BatchStep): void {
    if (step.finished) {
      this.ctx.deps.emit('batchUpdated', { datasetId, batch: null, images: step.finished.images });
      this.finish(datasetId, step.finished.summary);
    } else this.emitStatus(datasetId, step.status);
  }

  private emitStatus(datasetId: string, batch: BatchStatus | null): void {
    this.last.set(datasetId, batch);
    this.ctx.deps.emit('batchUpdated', { datasetId, batch });
  }

  /** The last known status (else the saved record's), with why this check did not get through. */
  private async emitProblem(datasetId: string, e: unknown): Promise<void> {
    this.ctx.log.warn('Could not check a batch job', e);
    const record = this.last.get(datasetId) ? null : (await this.ctx.deps.store.load(datasetId)).batch;
    const known = this.last.get(datasetId) ?? (record ? batchStatusOf(record) : null);
    if (!known) return;
    const problem = isAppError(e) ? e.message : 'Cannot reach Gemini to check on the batch job; trying again shortly.';
    this.emitStatus(datasetId, { ...known, problem });
  }

  private finish(datasetId: string, summary: RunSummary): void {
    this.last.delete(datasetId);
    this.ctx.deps.emit('runFinished', { datasetId, summary });
  }

  private async deps(): Promise<BatchDeps> {
    const access = await geminiAccess(this.ctx.deps.keychain, this.ctx.env);
    if (!access) throw new AppError('invalid-key', MISSING_KEY_MESSAGE);
    return batchDeps(this.ctx.deps.store, access, this.ctx.clock);
  }

  private pollIntervals(): { first: number; max: number } {
    const fixed = Number(this.ctx.env.CAPTION_STUDIO_BATCH_POLL_SECONDS);
    if (Number.isFinite(fixed) && fixed > 0) return { first: fixed * 1000, max: fixed * 1000 };
    return { first: POLL_FIRST_MS, max: POLL_MAX_MS };
  }
}
