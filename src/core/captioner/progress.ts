import { estimateCostUsd, type ProviderName } from '../../shared/models';
import type { RunProgress } from '../../shared/progress';
import type { Clock } from '../ports';

export type { RunProgress } from '../../shared/progress';

/** The rate is measured over this much recent time, so ETA follows slow-downs (rate limits) within a minute. */
const RATE_WINDOW_MS = 60_000;
/** Below this much elapsed time a rate is noise; the ETA uses the requests-per-minute bound instead. */
const MIN_RATE_SAMPLE_MS = 3_000;

/** Counts, tokens, cost and rate of one run; emits a snapshot after each change. */
export class ProgressTracker {
  private captioned = 0;
  private failed = 0;
  private blocked = 0;
  private inFlight = 0;
  private skipped = 0;
  private inputTokens = 0;
  private outputTokens = 0;
  private costUsd = 0;
  /** False once a model without a known price answered: the cost shown is then a lower bound. */
  private costKnown = true;
  private paused = false;
  private readonly finishedAt: number[] = [];
  private readonly startedAt: number;

  constructor(
    private readonly total: number,
    private readonly rpm: number | null,
    private model: string,
    private readonly clock: Clock,
    private readonly emit: (p: RunProgress) => void = () => {},
    private readonly provider: ProviderName = 'gemini',
  ) {
    this.startedAt = clock.now();
  }

  get counts() {
    return { captioned: this.captioned, failed: this.failed, blocked: this.blocked };
  }

  get tokens() {
    return {
      inputTokens: this.inputTokens,
      outputTokens: this.outputTokens,
      costUsd: this.costUsd,
      costKnown: this.costKnown,
    };
  }

  /** Tokens of every answered request, billed at the model that answered. */
  addUsage(model: string, inputTokens: number, outputTokens: number): void {
    this.inputTokens += inputTokens;
    this.outputTokens += outputTokens;
    const cost = estimateCostUsd(model, inputTokens, outputTokens, { provider: this.provider });
    if (cost === null) this.costKnown = false;
    else this.costUsd += cost;
  }

  /** An image starts being worked on: it stays `captioning` through retries until its outcome. */
  start(id: string): void {
    this.inFlight++;
    this.publish({ id, state: 'captioning' });
  }

  /** An image reached its outcome (already persisted by the caller). */
  finish(id: string, state: 'captioned' | 'failed' | 'blocked'): void {
    this.inFlight--;
    if (state === 'captioned') this.captioned++;
    else if (state === 'failed') this.failed++;
    else this.blocked++;
    this.finishedAt.push(this.clock.now());
    this.publish({ id, state });
  }

  /** An image left the run before it was sent (the user captioned or excluded it meanwhile): it no longer counts. */
  skip(id: string): void {
    this.skipped++;
    this.publish({ id, state: 'skipped' });
  }

  get skippedCount(): number {
    return this.skipped;
  }

  /** An image in flight left without an outcome (cancelled, run stopped): it is back to waiting for a run. */
  abandon(id: string): void {
    this.inFlight--;
    this.publish({ id, state: 'queued' });
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.publish();
  }

  setModel(model: string): void {
    this.model = model;
    this.publish();
  }

  publish(lastImage?: RunProgress['lastImage']): void {
    this.emit(this.snapshot(lastImage));
  }

  snapshot(lastImage?: RunProgress['lastImage']): RunProgress {
    const now = this.clock.now();
    while (this.finishedAt.length > 0 && now - (this.finishedAt[0] ?? now) >= RATE_WINDOW_MS) this.finishedAt.shift();
    const elapsed = Math.min(RATE_WINDOW_MS, now - this.startedAt);
    const ratePerMinute = elapsed >= MIN_RATE_SAMPLE_MS ? (this.finishedAt.length * 60_000) / elapsed : 0;
    const total = this.total - this.skipped;
    const remaining = total - this.captioned - this.failed - this.blocked;
    const bound = this.rpm ?? Number.POSITIVE_INFINITY;
    const perMinute = ratePerMinute > 0 ? Math.min(ratePerMinute, bound) : (this.rpm ?? 0);
    return {
      total,
      done: this.captioned,
      failed: this.failed,
      blocked: this.blocked,
      remaining,
      inFlight: this.inFlight,
      ratePerMinute,
      etaSeconds: remaining === 0 ? 0 : perMinute > 0 ? (remaining * 60) / perMinute : null,
      inputTokens: this.inputTokens,
      outputTokens: this.outputTokens,
      costUsd: this.costUsd,
      costKnown: this.costKnown,
      paused: this.paused,
      model: this.model,
      ...(lastImage ? { lastImage } : {}),
    };
  }
}
