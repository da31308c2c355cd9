import { describe, expect, it } from 'vitest';
import { nextPacificMidnight } from '../../../shared/quota-reset';
import { chainText, costEstimate, freePlanText } from './estimate-text';
import { resetText } from './run-text';

const share = (model: string, images: number, freeRequestsPerDay: number | null) => ({
  model,
  images,
  freeRequestsPerDay,
});

describe('the Caption dialog’s estimate in words', () => {
  it('Gemini: the paid-key price, and $0 on a free key', () => {
    expect(costEstimate({ provider: 'gemini', costUsd: 0.162 }, false)).toEqual({
      value: '$0.16',
      note: 'paid key · $0 on a free key',
    });
  });

  it('a server: its price when known; free on this computer; otherwise not known', () => {
    expect(costEstimate({ provider: 'openai', costUsd: 0.02 }, false)).toEqual({ value: '$0.02', note: null });
    expect(costEstimate({ provider: 'openai', costUsd: null }, true)).toEqual({
      value: '$0.00',
      note: 'runs on this computer',
    });
    expect(costEstimate({ provider: 'openai', costUsd: null }, false)).toEqual({
      value: 'not known',
      note: 'no price for this model',
    });
  });

  it('names the chain by the catalogue’s labels, a server’s models by their ids', () => {
    expect(chainText({ provider: 'gemini', chain: ['gemini-2.5-flash', 'gemma-3-27b-it'] })).toBe(
      'Gemini 2.5 Flash, then Gemma 3 27B',
    );
    expect(chainText({ provider: 'openai', chain: ['qwen2.5vl:7b'] })).toBe('qwen2.5vl:7b');
  });

  it('spreads a free key’s run over the chain: "about 20 on …, 20 on …, the rest (N) on …"', () => {
    const plan = {
      shares: [
        share('gemini-2.5-flash', 20, 20),
        share('gemini-2.5-flash-lite', 20, 20),
        share('gemma-3-27b-it', 1200, 14_400),
      ],
      waiting: 0,
    };
    expect(freePlanText(plan, Date.now())).toBe(
      'On a free key, about 20 on Gemini 2.5 Flash, 20 on Gemini 2.5 Flash-Lite, the rest (1,200) on Gemma 3 27B.',
    );
  });

  it('says how many images would wait for the reset, and when that is in the user’s clock', () => {
    const now = Date.UTC(2026, 5, 10, 12);
    const plan = { shares: [share('gemini-2.5-flash', 20, 20), share('gemini-2.5-flash-lite', 20, 20)], waiting: 3 };
    const reset = resetText(new Date(nextPacificMidnight(now)).toISOString(), now);
    expect(freePlanText(plan, now)).toBe(
      `On a free key, about 20 on Gemini 2.5 Flash, 20 on Gemini 2.5 Flash-Lite. 3 images would wait for the quotas to reset (${reset}): run again then.`,
    );
  });

  it('says nothing when one model takes every image, or for a server (no plan)', () => {
    expect(freePlanText({ shares: [share('gemini-2.5-flash', 12, 20)], waiting: 0 }, Date.now())).toBeNull();
    expect(freePlanText(null, Date.now())).toBeNull();
  });
});
