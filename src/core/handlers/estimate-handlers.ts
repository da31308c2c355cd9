import { estimateCostUsd, TYPICAL_INPUT_TOKENS, TYPICAL_OUTPUT_TOKENS } from '../../shared/models';
import { selectJobs } from '../workflow';
import type { BackendContext } from './context';
import type { Handlers } from './types';

/** A typical Gemini 2.5 Flash caption request, upload included, on an ordinary connection. */
const TYPICAL_SECONDS_PER_CAPTION = 3;

/**
 * A lower bound on a run's duration. The limiter lets up to `rpm` requests start in any minute (bursts allowed,
 * `concurrency` at once), so the run takes at least as long as its requests one after another per worker, and at
 * least as many whole minutes as it needs windows beyond the first, plus the last request itself.
 */
export function estimateSeconds(
  images: number,
  rpm: number,
  concurrency: number,
  perCaption = TYPICAL_SECONDS_PER_CAPTION,
): number {
  if (images <= 0) return 0;
  const byWorkers = Math.ceil(images / Math.max(1, concurrency)) * perCaption;
  const byRate = Math.floor((images - 1) / Math.max(1, rpm)) * 60 + perCaption;
  return Math.max(byWorkers, byRate);
}

export function estimateHandlers(ctx: BackendContext): Pick<Handlers, 'estimateRun'> {
  return {
    async estimateRun(datasetId, request) {
      const { images, settings } = await ctx.deps.store.load(datasetId);
      const count = selectJobs(images, request).length;
      return {
        images: count,
        model: settings.model,
        costUsd: estimateCostUsd(settings.model, count * TYPICAL_INPUT_TOKENS, count * TYPICAL_OUTPUT_TOKENS),
        seconds: estimateSeconds(count, settings.rpm, settings.concurrency),
      };
    },
  };
}
