import {
  BATCH_UPLOADING_ELSEWHERE,
  type BatchDeps,
  type BatchStep,
  batchDeps,
  checkBatch,
  submitBatch,
} from '../core/batch';
import { systemClock } from '../core/clock';
import { createOsKeychain } from '../core/secrets';
import { geminiAccess, selectJobs } from '../core/workflow';
import { batchStatusOf } from '../shared/batch-status';
import type { BatchState } from '../shared/dataset';
import { isAppError } from '../shared/errors';
import type { BatchStatus } from '../shared/progress';
import type { CaptionStepResult, StepContext } from './caption-steps';

/**
 * `caption --batch`: submits the images that need a caption as one Gemini batch job, or picks up the job the
 * dataset already has (a rerun of the same command), then checks it every `pollSeconds` until it ends and its
 * results are in the dataset. With `wait: false` it returns after submitting or after one check. Ctrl+C stops the
 * waiting, never the job: it keeps running at Gemini and the same command collects it later.
 */

export interface BatchStepResult extends CaptionStepResult {
  /** The job as last seen: `--json` prints it; null when nothing was submitted. */
  batch: { name: string | null; state: BatchState } | null;
  /** The job has not ended (exit 4), with what the summary says of it. */
  pending: BatchStatus | null;
}

const nothing: BatchStepResult = { run: null, error: null, fatal: false, batch: null, pending: null };

export async function batchStep(c: StepContext, opts: BatchOptions): Promise<BatchStepResult> {
  const access = await geminiAccess(createOsKeychain(), process.env);
  if (!access) {
    const error = 'No Gemini API key: set GEMINI_API_KEY, or store one with `npm run cli -- key set`.';
    return { ...nothing, error, fatal: true };
  }
  const deps = batchDeps(c.store, access, systemClock);
  const { batch } = await c.store.load(c.datasetId);
  let status = batch ? batchStatusOf(batch) : null;
  if (batch && batch.name === null) {
    // An upload cut short (the command was killed): settled first, its files deleted, then submitted afresh;
    // unless its job was created after all, which is then followed.
    c.progress.line('Cleaning up after a batch upload that was cut short…');
    const step = await look(deps, c);
    if ('error' in step) return { ...nothing, error: step.error, fatal: true };
    if (step.finished?.state === 'succeeded') return finishedResult(step.finished, null);
    if (step.status?.name === null) return { ...nothing, error: BATCH_UPLOADING_ELSEWHERE, fatal: true };
    status = step.status;
  }
  if (status) {
    c.progress.line(`Resuming the batch job ${status.name}.`);
    return follow(deps, c, opts, status, true);
  }
  const submitted = await submit(deps, c, opts);
  return 'state' in submitted ? follow(deps, c, opts, submitted, false) : submitted;
}

interface BatchOptions {
  recaption: boolean;
  wait: boolean;
  pollSeconds: number;
}

/** A new job for the images that need a caption; its status, or what to report when there is none. */
async function submit(deps: BatchDeps, c: StepContext, opts: BatchOptions): Promise<BatchStatus | BatchStepResult> {
  const manifest = await c.store.load(c.datasetId);
  if (selectJobs(manifest.images, { recaption: opts.recaption }).length === 0) return nothing;
  c.progress.line('Preparing a batch job (half price, results within 24 hours)…');
  try {
    const status = await submitBatch(deps, c.datasetId, {
      ...{ recaption: opts.recaption, signal: c.signal },
      onStatus: (s) => c.progress.batch(s),
    });
    c.progress.stop();
    if (!status) return nothing;
    c.progress.line(`Submitted ${status.name}: ${status.images} image(s) to ${status.model}.`);
    return status;
  } catch (e) {
    c.progress.stop();
    if (!isAppError(e)) throw e;
    return { ...nothing, error: e.message, fatal: e.kind !== 'cancelled' };
  }
}

/** Checks the job every interval until it ends (or once, without waiting); a new job is first checked after one. */
async function follow(
  deps: BatchDeps,
  c: StepContext,
  opts: BatchOptions,
  known: BatchStatus,
  checkFirst: boolean,
): Promise<BatchStepResult> {
  let status = known;
  const stillRunning = () => ({ ...nothing, batch: { name: status.name, state: status.state }, pending: status });
  for (let check = checkFirst; ; check = true) {
    if (check) {
      const step = await look(deps, c);
      if ('error' in step) return { ...stillRunning(), error: step.error, fatal: true, pending: null };
      if (step.finished) return finishedResult(step.finished, status.name);
      if (!step.status) return nothing;
      status = step.status;
      c.progress.batch(status);
    }
    if (!opts.wait || c.signal.aborted) return stillRunning();
    try {
      await systemClock.sleep(opts.pollSeconds * 1000, c.signal);
    } catch {
      return stillRunning(); // Ctrl+C: the job goes on at Gemini
    }
  }
}

function finishedResult(finished: NonNullable<BatchStep['finished']>, name: string | null): BatchStepResult {
  const { summary, state } = finished;
  const error = summary.status === 'completed' ? null : summary.message;
  return { run: summary, error, fatal: false, batch: { name, state }, pending: null };
}

/** One check; a check that cannot get through ends the command with what it knows (a rerun checks again). */
async function look(deps: BatchDeps, c: StepContext): Promise<BatchStep | { error: string }> {
  try {
    return await checkBatch(deps, c.datasetId);
  } catch (e) {
    if (isAppError(e)) throw e;
    const why = deps.client.classify(e).message;
    return { error: `Could not check the batch job: ${why} It keeps running; run the same command again later.` };
  }
}
