import { nextPacificMidnight } from '../../shared/quota-reset';
import { backoffDelay } from './backoff';
import { type ModelLane, NotSent } from './lane';
import { type PreparedImage, prepareImage, smallerSide } from './prepare-image';
import type { CaptionFailure, CaptionResult } from './provider';
import type { CaptionJob, CaptionOutcome, RunContext } from './run-context';

/**
 * One image from start to outcome: downscale once, then ask the active model until there is an answer, a
 * permanent failure, or the run stops. Returns null when the image ends without an outcome (cancelled, run
 * stopped): it stays as it was and the next run picks it up.
 */
export async function captionImage(ctx: RunContext, job: CaptionJob): Promise<CaptionOutcome | null> {
  let image: PreparedImage;
  try {
    image = await prepareImage(job.source, job.format, ctx.settings.downscale);
  } catch (err) {
    if (ctx.stopSignal.aborted) return null;
    const why = (err as Error).message ?? String(err);
    return failed(job, null, `Could not read the image to send it to ${ctx.provider.label}: ${why}`);
  }
  let smaller: Promise<PreparedImage> | null = null;
  const smallerImage = () => {
    smaller ??= prepareImage(job.source, job.format, smallerSide(ctx.settings.downscale));
    return smaller;
  };
  // Attempt budgets are per model: an image that moves to a fallback model starts afresh there.
  let model: string | null = null;
  let failures = 0;
  let rateLimitWaits = 0;
  for (;;) {
    const lane = ctx.chain.active;
    if (!lane || ctx.stopSignal.aborted) return null;
    if (lane.model !== model) {
      model = lane.model;
      failures = 0;
      rateLimitWaits = 0;
    }
    let result: CaptionResult;
    try {
      result = await ctx.provider.caption(
        {
          ...{ model: lane.model, image, smaller: smallerImage },
          ...{ prompt: ctx.prompt, trigger: ctx.trigger, signal: ctx.cancelSignal },
        },
        lane.schedule,
      );
    } catch (err) {
      // Never sent (lane retired, run stopping) or cancelled in flight: nothing to count, the loop re-checks.
      if (err instanceof NotSent || ctx.cancelSignal.aborted) continue;
      const f = ctx.provider.classify(err);
      if (f.kind === 'rate-limit' && ++rateLimitWaits <= ctx.retry.maxRateLimitWaits) {
        // The whole model waits, not just this image: the other requests would hit the same quota.
        lane.coolDown(backoffDelay(rateLimitWaits, f.retryAfterMs, ctx.random, ctx.retry.backoff));
        continue;
      }
      const verdict = onFailure(ctx, lane, f);
      if (verdict === 'give-up') return null;
      if (verdict === 'fail') return failed(job, lane.model, f.message);
      // The run moved to another model (fallback): try it at once.
      if (verdict === 'retry-now' || ctx.chain.active !== lane) continue;
      if (++failures >= ctx.retry.maxAttempts) {
        return failed(job, lane.model, `${f.message} Gave up after ${failures} attempts; run again later to retry.`);
      }
      try {
        await ctx.clock.sleep(backoffDelay(failures, null, ctx.random, ctx.retry.backoff), ctx.stopSignal);
      } catch {
        return null; // stopped while waiting
      }
      continue;
    }
    onAnswer(ctx, lane, result);
    if (result.kind === 'captioned') {
      const { caption, inputTokens, outputTokens } = result;
      return { id: job.id, status: 'captioned', caption, model: lane.model, inputTokens, outputTokens };
    }
    return result.kind === 'blocked' ? blocked(job, lane.model, result.reason) : failed(job, lane.model, result.reason);
  }
}

function failed(job: CaptionJob, model: string | null, error: string): CaptionOutcome {
  return { id: job.id, status: 'failed', error, model };
}

function blocked(job: CaptionJob, model: string, error: string): CaptionOutcome {
  return { id: job.id, status: 'blocked', error, model };
}

function onAnswer(ctx: RunContext, lane: ModelLane, result: CaptionResult): void {
  lane.consecutiveFailures = 0;
  ctx.networkStreak = 0;
  ctx.progress.addUsage(lane.model, result.inputTokens, result.outputTokens);
}

type Verdict = 'retry-now' | 'retry-later' | 'fail' | 'give-up';

/** What a failure means for the model and the run, and what this image does next. */
function onFailure(ctx: RunContext, lane: ModelLane, f: CaptionFailure): Verdict {
  switch (f.kind) {
    case 'daily-quota':
      return leaveModel(ctx, lane, 'quota', f.message);
    case 'model-not-found':
      return leaveModel(ctx, lane, 'missing', f.message);
    case 'invalid-key':
      ctx.stop({ status: 'invalid-key', message: f.message });
      return 'give-up';
    case 'no-vision':
      // Every image would fail the same way: say it once and stop, instead of N identical failures.
      ctx.stop({ status: 'no-vision', message: f.message });
      return 'give-up';
    case 'bad-input':
    case 'other':
      return 'fail';
    default:
      // rate-limit (waited too often), overloaded, server, network: transient, retried after a backoff.
      if (f.kind === 'network' && ++ctx.networkStreak >= ctx.retry.networkStopThreshold) {
        ctx.stop({
          status: 'network',
          message: `Lost the connection to ${ctx.provider.label}. Captions so far are saved; run again to continue.`,
        });
        return 'give-up';
      }
      if (++lane.consecutiveFailures >= ctx.retry.breakerThreshold && ctx.chain.hasFallbackAfter(lane)) {
        const next = ctx.chain.retire(lane, 'failing');
        if (next) ctx.progress.setModel(next.model);
      }
      return 'retry-later';
  }
}

/** Leaves a model for good (quota used up, model missing); stops the run when no model is left. */
function leaveModel(ctx: RunContext, lane: ModelLane, why: 'quota' | 'missing', message: string): Verdict {
  const next = ctx.chain.retire(lane, why);
  if (next) {
    ctx.progress.setModel(next.model);
    return 'retry-now';
  }
  const outOfQuota = ctx.chain.retiredFor('quota');
  if (outOfQuota.length === 0) {
    ctx.stop({ status: 'model-not-found', message });
    return 'give-up';
  }
  const resetsAt = nextPacificMidnight(ctx.clock.now());
  ctx.stop({
    status: 'quota-exhausted',
    message:
      `${ctx.provider.label}'s daily quota is used up for ${listed(outOfQuota)}. It resets at midnight Pacific time ` +
      `(${new Date(resetsAt).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' })} your time). ` +
      'Images not captioned yet are kept: run again then, add a model with quota to the chain, or raise the quota in ' +
      'Google AI Studio.',
    quotaResetsAt: new Date(resetsAt).toISOString(),
  });
  return 'give-up';
}

/** "a", "a and b", "a, b and c". */
function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
