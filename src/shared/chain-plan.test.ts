import { describe, expect, it } from 'vitest';
import { planFreeChain } from './chain-plan';

describe('planFreeChain', () => {
  it('spreads a student dataset over the default chain by the free daily quotas', () => {
    const plan = planFreeChain(40, ['gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemma-3-27b-it']);
    expect(plan.shares.map((s) => [s.model, s.images])).toEqual([
      ['gemini-2.5-flash', 20],
      ['gemini-2.5-flash-lite', 20],
    ]);
    expect(plan.waiting).toBe(0);
  });

  it('sends what the first models cannot take to the model with the large quota', () => {
    const plan = planFreeChain(2000, ['gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemma-3-27b-it']);
    expect(plan.shares.map((s) => s.images)).toEqual([20, 20, 1960]);
    expect(plan.waiting).toBe(0);
  });

  it('says how many wait for tomorrow when the chain runs out', () => {
    expect(planFreeChain(50, ['gemini-2.5-flash']).waiting).toBe(30);
  });

  it('lets a model with no known quota take the rest, and ignores repeats', () => {
    const plan = planFreeChain(500, ['gemini-2.5-flash', 'gemini-2.5-flash', 'gemini-2.5-pro', 'gemma-3-27b-it']);
    expect(plan.shares.map((s) => [s.model, s.images])).toEqual([
      ['gemini-2.5-flash', 20],
      ['gemini-2.5-pro', 480],
    ]);
  });
});
