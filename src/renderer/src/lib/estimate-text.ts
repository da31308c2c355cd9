import type { ChainPlan } from '../../../shared/chain-plan';
import type { RunEstimate } from '../../../shared/contract';
import { nextPacificMidnight } from '../../../shared/quota-reset';
import { formatCost, plural } from './format';
import { modelLabel } from './model-text';
import { resetText } from './run-text';

/** The Caption dialog's cost figure and the line under it that says what it assumes. */
export function costEstimate(
  e: Pick<RunEstimate, 'provider' | 'costUsd'>,
  local: boolean,
): { value: string; note: string | null } {
  if (e.provider === 'gemini') {
    // A free key is not billed; a paid key pays for every request on the first model.
    return { value: e.costUsd === null ? 'not known' : formatCost(e.costUsd), note: 'paid key · $0 on a free key' };
  }
  if (e.costUsd !== null) return { value: formatCost(e.costUsd), note: null };
  return local
    ? { value: '$0.00', note: 'runs on this computer' }
    : { value: 'not known', note: 'no price for this model' };
}

/** The chain in words: "Gemini 2.5 Flash, then Gemini 2.5 Flash-Lite, then Gemma 3 27B". */
export function chainText(e: Pick<RunEstimate, 'chain' | 'provider'>): string {
  return e.chain.map((m) => modelLabel(m, e.provider)).join(', then ');
}

/**
 * Where a free Gemini key's daily quotas would send the images: "about 20 on Gemini 2.5 Flash, 20 on Gemini 2.5
 * Flash-Lite, the rest (60) on Gemma 3 27B", and how many would wait for the reset. Null when one model takes
 * everything (nothing worth saying).
 */
export function freePlanText(plan: ChainPlan | null, now: number): string | null {
  if (!plan || (plan.shares.length <= 1 && plan.waiting === 0)) return null;
  const parts = plan.shares.map((share, i) => {
    const label = modelLabel(share.model);
    const last = i === plan.shares.length - 1 && i > 0 && plan.waiting === 0;
    const n = share.images.toLocaleString('en-US');
    return last ? `the rest (${n}) on ${label}` : `${n} on ${label}`;
  });
  const spread = `On a free key, about ${parts.join(', ')}.`;
  if (plan.waiting === 0) return spread;
  const reset = resetText(new Date(nextPacificMidnight(now)).toISOString(), now);
  const wait = `${plural(plan.waiting, 'image')} would wait for the quotas to reset (${reset}): run again then.`;
  return `${spread} ${wait}`;
}
