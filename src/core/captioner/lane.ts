import PQueue from 'p-queue';
import type { ModelUse } from '../../shared/progress';
import type { Clock } from '../ports';

/** Thrown by ModelLane.schedule when a request was never sent (its lane retired or the run stopped first). */
export class NotSent extends Error {
  override name = 'NotSent';
}

/** Daily quota used up, model unknown to the API, or failing again and again (circuit breaker). */
export type RetireReason = 'quota' | 'missing' | 'failing' | 'run-ended';

export interface LaneLimits {
  concurrency: number;
  /** Requests per minute allowed for this model; null: no limit (a local server). */
  rpm: number | null;
}

/**
 * The limiter's window: a minute plus a safety margin. The server counts a request when it arrives, we count it
 * when we send it; a request that takes longer in transit than the one sent a minute later would otherwise let
 * the server see rpm + 1 in its minute (the benchmark showed exactly that at 120 RPM). One second costs under 2%
 * of throughput when the limit binds.
 */
const WINDOW_MS = 61_000;

/**
 * Everything sent to one model goes through its lane: a p-queue that caps concurrent requests and requests per
 * minute, and can be paused (user pause) or cooled down (after a 429 the whole model waits, not just the image
 * that hit it, so the other in-flight work does not keep hammering the quota).
 *
 * Rate limit choice: a strict sliding window of a minute (plus a margin, see WINDOW_MS) holding at most `rpm`
 * request starts. Gemini counts requests per minute per model, and the RetryInfo delays it returns (up to
 * ~60 s) show a minute window. A sliding window is never looser than the server's, however the server aligns
 * its minutes: any 60 s period sees at most `rpm` starts. A fixed window (p-queue's default) could start `rpm`
 * requests at 0:59 and `rpm` more at 1:00, twice the limit within two seconds. Bursts are otherwise allowed (up
 * to `concurrency` at once), so a run smaller than `rpm` is bound only by latency. Retries and the
 * doubled-budget second request count like any other request.
 */
export class ModelLane {
  private readonly queue: PQueue;
  private readonly retiredController = new AbortController();
  private readonly waitSignal: AbortSignal;
  private userPaused = false;
  private coolingUntil = 0;
  private coolGeneration = 0;
  /** Transient failures (5xx, network) in a row on this model; a success resets it. */
  consecutiveFailures = 0;
  /** Why the run left this model, once it has. */
  retiredFor: RetireReason | null = null;

  constructor(
    readonly model: string,
    limits: LaneLimits,
    private readonly clock: Clock,
    /** Aborts when the run stops starting new requests (cancel, quota exhausted, invalid key). */
    private readonly stopSignal: AbortSignal,
  ) {
    this.queue = new PQueue({
      concurrency: limits.concurrency,
      ...(limits.rpm === null ? {} : { interval: WINDOW_MS, intervalCap: limits.rpm, strict: true }),
    });
    this.waitSignal = AbortSignal.any([this.retiredController.signal, stopSignal]);
  }

  get retired(): boolean {
    return this.retiredController.signal.aborted;
  }

  /** No new requests on this model: waiting ones are released with NotSent, in-flight ones finish. */
  retire(reason: RetireReason): void {
    this.retiredFor ??= reason;
    this.retiredController.abort(new NotSent(`${this.model} retired`));
  }

  /**
   * Runs `send` when the limiter allows. Throws NotSent if the lane retires or the run stops while waiting. Once
   * started, the result is always delivered, even if the lane retires meanwhile: a caption already paid for is
   * never thrown away (and so never requested twice).
   */
  schedule = <T>(send: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let started = false;
      this.queue
        .add(
          async () => {
            started = true;
            await send().then(resolve, reject);
          },
          { signal: this.waitSignal },
        )
        .catch(() => {
          if (!started) reject(new NotSent(`request on ${this.model} not sent`));
        });
    });

  /** Holds back every new request on this model for `ms` (extending, never shortening, a current cool-down). */
  coolDown(ms: number): void {
    const until = this.clock.now() + ms;
    if (until <= this.coolingUntil) return;
    this.coolingUntil = until;
    const generation = ++this.coolGeneration;
    this.refresh();
    const finish = () => {
      // Only the latest cool-down ends it; an earlier, shorter one finishing first must not.
      if (generation !== this.coolGeneration) return;
      this.coolingUntil = 0;
      this.refresh();
    };
    this.clock.sleep(ms, this.stopSignal).then(finish, finish);
  }

  get coolingDown(): boolean {
    return this.coolingUntil !== 0;
  }

  setPaused(paused: boolean): void {
    this.userPaused = paused;
    this.refresh();
  }

  private refresh(): void {
    if (this.userPaused || this.coolingUntil !== 0) this.queue.pause();
    else this.queue.start();
  }

  /** Releases waiting work and timers at the end of a run. */
  dispose(): void {
    this.retire('run-ended');
    this.queue.clear();
  }
}

/**
 * The run's models in order (settings.model, then settings.fallbackModels): one lane each, and which one new
 * work goes to. Moving off a model retires its lane, so its waiting requests move to the next model at once
 * instead of trickling through a rate limit that no longer matters.
 */
export class ModelChain {
  private readonly lanes: ModelLane[];
  private index = 0;

  constructor(models: readonly string[], limits: LaneLimits, clock: Clock, stopSignal: AbortSignal) {
    const unique = [...new Set(models)];
    this.lanes = unique.map((m) => new ModelLane(m, limits, clock, stopSignal));
  }

  get active(): ModelLane | null {
    return this.lanes[this.index] ?? null;
  }

  get models(): string[] {
    return this.lanes.map((l) => l.model);
  }

  hasFallbackAfter(lane: ModelLane): boolean {
    return this.lanes.indexOf(lane) < this.lanes.length - 1;
  }

  /** Retires `lane`; if it was the active one, the next model becomes active. Returns the active lane or null. */
  retire(lane: ModelLane, reason: RetireReason): ModelLane | null {
    lane.retire(reason);
    while (this.active?.retired) this.index++;
    return this.active;
  }

  /** Each model that wrote a caption or was left (and why), in chain order; `captioned` counts per model. */
  uses(captioned: ReadonlyMap<string, number>): ModelUse[] {
    return this.lanes
      .map((l) => ({
        model: l.model,
        captioned: captioned.get(l.model) ?? 0,
        left: l.retiredFor === 'run-ended' ? null : l.retiredFor,
      }))
      .filter((u) => u.captioned > 0 || u.left !== null);
  }

  /** Models the run left for `reason`, in order. */
  retiredFor(reason: RetireReason): string[] {
    return this.lanes.filter((l) => l.retiredFor === reason).map((l) => l.model);
  }

  setPaused(paused: boolean): void {
    for (const l of this.lanes) l.setPaused(paused);
  }

  dispose(): void {
    for (const l of this.lanes) l.dispose();
  }
}
