import { modelInfo } from './models';

interface ChainShare {
  model: string;
  images: number;
  /** This model's approximate free daily quota, when known (the share is capped by it). */
  freeRequestsPerDay: number | null;
}

export interface ChainPlan {
  shares: ChainShare[];
  /** Images no model of the chain has free quota left for today: they wait for the reset (midnight Pacific). */
  waiting: number;
}

/**
 * How a run of `images` would spread over a Gemini fallback chain on a free key: each model takes what its known
 * daily quota allows, in order, and a model whose quota is not known (or not limited) takes the rest. An estimate
 * for the Caption dialog, never a limit: the real quotas are per project and the API says when one runs out.
 */
export function planFreeChain(images: number, models: readonly string[]): ChainPlan {
  const shares: ChainShare[] = [];
  let left = images;
  for (const model of new Set(models)) {
    if (left <= 0) break;
    const quota = modelInfo(model).freeRequestsPerDay;
    const take = quota === null ? left : Math.min(left, quota);
    shares.push({ model, images: take, freeRequestsPerDay: quota });
    left -= take;
  }
  return { shares, waiting: left };
}
