import type { DatasetSettings } from '../../shared/dataset';
import { AppError, isAppError } from '../../shared/errors';
import type { RunSummary } from '../../shared/progress';
import { systemClock } from '../clock';
import type { Clock } from '../ports';
import { captionImage } from './caption-image';
import { ModelChain } from './lane';
import { ProgressTracker, type RunProgress } from './progress';
import { renderPrompt } from './prompt';
import type { CaptionProvider } from './provider';
import {
  type CaptionJob,
  type CaptionOutcome,
  DEFAULT_RETRY,
  type RetryPolicy,
  type RunContext,
  type RunStatus,
  type StopReason,
} from './run-context';

export type { RunSummary } from '../../shared/progress';

export interface RunOptions {
  provider: CaptionProvider;
  trigger: string;
  settings: DatasetSettings;
  jobs: CaptionJob[];
  /** Removed from every message the run reports (the key itself, should an SDK ever echo it). */
  secret?: string;
  clock?: Clock;
  random?: () => number;
  signal?: AbortSignal;
  /** Awaited before an image counts as done: the caller persists the caption here, so a crash loses nothing. */
  onOutcome: (o: CaptionOutcome) => Promise<void> | void;
  onProgress?: (p: RunProgress) => void;
  /**
   * Asked just before an image is sent: true leaves it out (the user captioned or excluded it after the run
   * started), so no request is paid for an answer that would be thrown away.
   */
  skip?: (id: string) => boolean;
  /** Retry limits (defaults: DEFAULT_RETRY). */
  retry?: Partial<RetryPolicy>;
}

export interface CaptionRun {
  pause(): void;
  resume(): void;
  cancel(): void;
  readonly paused: boolean;
  /**
   * Resolves with the summary. Rejects with AppError 'network' when the model cannot be reached (before the run, or
   * after the connection stays down), and with the error `onOutcome` threw (the run stops: nothing more is
   * requested that could not be saved).
   */
  readonly done: Promise<RunSummary>;
}

/** Holds workers back while the run is paused. */
class PauseGate {
  private waiters: Array<() => void> = [];
  paused = false;

  set(paused: boolean): void {
    this.paused = paused;
    if (!paused) for (const wake of this.waiters.splice(0)) wake();
  }

  wait(signal: AbortSignal): Promise<void> {
    if (!this.paused || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.push(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

/**
 * Captions `jobs` with the provider's models: checks the key and server once, then runs `settings.concurrency` images at a time under the
 * per-model rate limit, retrying transient failures, falling back to `settings.fallbackModels`, and reporting
 * each outcome through `onOutcome` exactly once per image that gets one.
 */
export function startCaptionRun(opts: RunOptions): CaptionRun {
  const clock = opts.clock ?? systemClock;
  const started = clock.now();
  const cancelController = new AbortController();
  const stopController = new AbortController();
  const stopSignal = AbortSignal.any([cancelController.signal, stopController.signal]);
  let stopReason: StopReason | null = null;
  const gate = new PauseGate();
  const jobs = uniqueById(opts.jobs);
  const { settings } = opts;
  const chain = new ModelChain([settings.model, ...settings.fallbackModels], settings, clock, stopSignal);
  const { provider } = opts;
  const progress = new ProgressTracker(
    ...([jobs.length, settings.rpm, settings.model, clock, opts.onProgress, provider.name] as const),
  );
  const secret = opts.secret ?? '';
  const redact = (m: string) => (secret.length >= 4 ? m.replaceAll(secret, '[API key]') : m);

  const ctx: RunContext = {
    provider,
    trigger: opts.trigger,
    prompt: renderPrompt(settings.prompt, opts.trigger),
    settings,
    clock,
    random: opts.random ?? Math.random,
    retry: { ...DEFAULT_RETRY, ...opts.retry },
    chain,
    progress,
    cancelSignal: cancelController.signal,
    stopSignal,
    networkStreak: 0,
    stop(reason) {
      stopReason ??= { ...reason, message: redact(reason.message) };
      stopController.abort();
    },
  };

  const cancel = () => {
    cancelController.abort();
    gate.set(false);
  };
  if (opts.signal?.aborted) cancel();
  else opts.signal?.addEventListener('abort', cancel, { once: true });

  let persistError: unknown = null;
  let next = 0;
  /** Captions written per model, for the summary's account of the chain. */
  const captionedBy = new Map<string, number>();
  const worker = async () => {
    for (;;) {
      await gate.wait(stopSignal);
      const job = jobs[next];
      if (stopSignal.aborted || !job) return;
      next++;
      if (opts.skip?.(job.id)) {
        progress.skip(job.id);
        continue;
      }
      progress.start(job.id);
      const outcome = await captionImage(ctx, job).catch(
        (err: unknown): CaptionOutcome => ({
          id: job.id,
          status: 'failed',
          error: `Internal error: ${String(err)}`,
          model: null,
        }),
      );
      if (!outcome) {
        progress.abandon(job.id);
        continue;
      }
      const safe = outcome.status === 'captioned' ? outcome : { ...outcome, error: redact(outcome.error) };
      try {
        await opts.onOutcome(safe);
      } catch (err) {
        // Nothing more is requested once a caption could not be saved: it would be paid for and lost.
        persistError ??= err;
        progress.abandon(job.id);
        stopController.abort();
        return;
      }
      if (safe.status === 'captioned') captionedBy.set(safe.model, (captionedBy.get(safe.model) ?? 0) + 1);
      progress.finish(job.id, safe.status);
    }
  };

  const summary = (status: RunStatus, message: string | null): RunSummary => {
    const { captioned, failed, blocked } = progress.counts;
    return {
      status,
      message,
      captioned,
      failed,
      blocked,
      notAttempted: jobs.length - progress.skippedCount - captioned - failed - blocked,
      ...progress.tokens,
      elapsedMs: clock.now() - started,
      ...quotaReset(stopReason as StopReason | null),
      models: chain.uses(captionedBy),
    };
  };

  const run = async (): Promise<RunSummary> => {
    if (jobs.length === 0) return summary('completed', null);
    try {
      await provider.check(settings.model, cancelController.signal);
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (err.kind === 'invalid-key') return summary('invalid-key', redact(err.message));
      if (err.kind === 'not-found') return summary('model-not-found', err.message);
      // The server says the model takes no images (OpenRouter's model list does): the run cannot start.
      if (err.kind === 'validation') return summary('no-vision', err.message);
      if (err.kind === 'cancelled') return summary('cancelled', null);
      throw err;
    }
    progress.publish();
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, jobs.length) }, worker));
    if (persistError !== null) throw persistError;
    if (cancelController.signal.aborted) return summary('cancelled', null);
    const reason = stopReason as StopReason | null;
    if (reason?.status === 'network') throw new AppError('network', reason.message);
    return reason ? summary(reason.status, reason.message) : summary('completed', null);
  };

  const done = run().finally(() => {
    chain.dispose();
    opts.signal?.removeEventListener('abort', cancel);
  });

  return {
    pause() {
      if (gate.paused || stopSignal.aborted) return;
      gate.set(true);
      chain.setPaused(true);
      progress.setPaused(true);
    },
    resume() {
      if (!gate.paused) return;
      gate.set(false);
      chain.setPaused(false);
      progress.setPaused(false);
    },
    cancel,
    get paused() {
      return gate.paused;
    },
    done,
  };
}

function uniqueById(jobs: readonly CaptionJob[]): CaptionJob[] {
  const seen = new Set<string>();
  return jobs.filter((j) => !seen.has(j.id) && seen.add(j.id) !== undefined);
}

function quotaReset(reason: StopReason | null): { quotaResetsAt?: string } {
  return reason?.quotaResetsAt ? { quotaResetsAt: reason.quotaResetsAt } : {};
}
