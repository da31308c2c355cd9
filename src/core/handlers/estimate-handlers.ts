import { planFreeChain } from '../../shared/chain-plan';
import type { RunEstimate } from '../../shared/contract';
import type { DatasetSettings } from '../../shared/dataset';
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
  rpm: number | null,
  concurrency: number,
  perCaption = TYPICAL_SECONDS_PER_CAPTION,
): number {
  if (images <= 0) return 0;
  const byWorkers = Math.ceil(images / Math.max(1, concurrency)) * perCaption;
  const byRate = rpm === null ? 0 : Math.floor((images - 1) / Math.max(1, rpm)) * 60 + perCaption;
  return Math.max(byWorkers, byRate);
}

/** What a run of `count` images will cost and take with these settings, chain and known limits included. */
function estimateRun(count: number, settings: DatasetSettings): RunEstimate {
  const { provider, model } = settings;
  const chain = [...new Set([model, ...settings.fallbackModels])];
  const tokens = [count * TYPICAL_INPUT_TOKENS, count * TYPICAL_OUTPUT_TOKENS] as const;
  const gemini = provider === 'gemini';
  return {
    ...{ images: count, provider, model, chain },
    costUsd: estimateCostUsd(model, ...tokens, { provider }),
    batchCostUsd: gemini ? estimateCostUsd(model, ...tokens, { provider, batch: true }) : null,
    seconds: estimateSeconds(count, settings.rpm, settings.concurrency),
    freeKeyPlan: gemini ? planFreeChain(count, chain) : null,
  };
}

export function estimateHandlers(ctx: BackendContext): Pick<Handlers, 'estimateRun'> {
  return {
    async estimateRun(datasetId, request) {
      const { images, settings } = await ctx.deps.store.load(datasetId);
      return estimateRun(selectJobs(images, request).length, settings);
    },
  };
}
