import { describe, expect, it } from 'vitest';
import type { RunOptions } from '../../src/core/captioner';
import type { FakeGeminiOptions } from '../fake-gemini';
import { fastClock, generateJpegs, testSettings } from '../fake-gemini/test-kit';
import { setupFakeGeminiRun } from '../support/fake-gemini-run';

/** Fallback models: a failing model is left for the next one; daily quotas move on, then stop the run. */

const ctx = setupFakeGeminiRun({
  jobs: (dir) => generateJpegs(dir, 8, 120),
  defaults: () => ({ settings: testSettings({ concurrency: 1 }), clock: fastClock() }),
});

async function captionAll(fakeOpts: FakeGeminiOptions, extra: Partial<RunOptions> = {}) {
  await ctx.startFake(fakeOpts);
  return ctx.captionAll(extra);
}

describe('fallback models', () => {
  it('moves to the next model after 5 failures in a row, and the image does not lose its attempts', async () => {
    const { summary, outcomes, events, generate } = await captionAll(
      { fault: (r) => (r.model === 'gemini-2.5-flash' ? '503' : undefined) },
      { settings: testSettings({ concurrency: 2 }) },
    );
    expect(summary).toMatchObject({ status: 'completed', captioned: 8, failed: 0 });
    expect(outcomes.every((o) => o.model === 'gemini-2.5-flash-lite')).toBe(true);
    // The breaker opens after 5 failures; a request already in flight on the other worker may add one.
    const onFlash = generate.filter((r) => r.model === 'gemini-2.5-flash');
    expect(onFlash.length).toBeGreaterThanOrEqual(5);
    expect(onFlash.length).toBeLessThanOrEqual(6);
    expect(events.at(-1)?.model).toBe('gemini-2.5-flash-lite');
    expect(summary.models).toEqual([
      { model: 'gemini-2.5-flash', captioned: 0, left: 'failing' },
      { model: 'gemini-2.5-flash-lite', captioned: 8, left: null },
    ]);
  });

  it('moves on when a model runs out of daily quota, then stops with quota-exhausted and leaves the rest alone', async () => {
    const { summary, outcomes, generate } = await captionAll({
      dailyQuota: { 'gemini-2.5-flash': 3, 'gemini-2.5-flash-lite': 2 },
    });
    expect(summary).toMatchObject({ status: 'quota-exhausted', captioned: 5, failed: 0, blocked: 0, notAttempted: 3 });
    expect(summary.message).toMatch(/daily quota is used up for gemini-2\.5-flash and gemini-2\.5-flash-lite/u);
    // The quotas come back at midnight Pacific time: the summary says when, as a time and in the message.
    expect(summary.message).toMatch(/resets at midnight Pacific time/u);
    const resets = Date.parse(summary.quotaResetsAt ?? '');
    expect(resets - Date.now()).toBeGreaterThan(0);
    expect(resets - Date.now()).toBeLessThanOrEqual(25 * 3600_000);
    expect(new Date(resets).getUTCHours()).toBeOneOf([7, 8]); // 00:00 PDT or PST
    expect(outcomes).toHaveLength(5); // the 3 others get no outcome: they stay as they were for the next run
    expect(outcomes.filter((o) => o.model === 'gemini-2.5-flash')).toHaveLength(3);
    // After the last model ran dry nothing else was sent.
    const lastDaily = generate.findLast((r) => r.outcome === 'daily-quota');
    expect(generate.at(-1)).toBe(lastDaily);
    // The summary's account of the chain: who wrote what, and why each model was left.
    expect(summary.models).toEqual([
      { model: 'gemini-2.5-flash', captioned: 3, left: 'quota' },
      { model: 'gemini-2.5-flash-lite', captioned: 2, left: 'quota' },
    ]);
  });

  it('skips a fallback model the API does not know and carries on with the next', async () => {
    const { summary, outcomes } = await captionAll(
      { dailyQuota: { 'gemini-2.5-flash': 2 } },
      { settings: testSettings({ concurrency: 1, fallbackModels: ['gemini-0-missing', 'gemini-2.5-flash-lite'] }) },
    );
    expect(summary).toMatchObject({ status: 'completed', captioned: 8 });
    expect(outcomes.filter((o) => o.model === 'gemini-2.5-flash-lite')).toHaveLength(6);
    expect(ctx.fake.requests.filter((r) => r.model === 'gemini-0-missing').map((r) => r.outcome)).toEqual([
      'not-found',
    ]);
    expect(summary.models).toEqual([
      { model: 'gemini-2.5-flash', captioned: 2, left: 'quota' },
      { model: 'gemini-0-missing', captioned: 0, left: 'missing' },
      { model: 'gemini-2.5-flash-lite', captioned: 6, left: null },
    ]);
  });

  it("the default chain hands a free key's daily quota over to Gemma, asked without thinking settings", async () => {
    const { summary, outcomes, generate } = await captionAll(
      { dailyQuota: { 'gemini-2.5-flash': 2, 'gemini-2.5-flash-lite': 2 } },
      {
        settings: testSettings({
          concurrency: 1,
          model: 'gemini-2.5-flash',
          fallbackModels: ['gemini-2.5-flash-lite', 'gemma-3-27b-it'],
        }),
      },
    );
    expect(summary).toMatchObject({ status: 'completed', captioned: 8, failed: 0 });
    expect(outcomes.map((o) => o.model)).toEqual([
      ...['gemini-2.5-flash', 'gemini-2.5-flash'],
      ...['gemini-2.5-flash-lite', 'gemini-2.5-flash-lite'],
      ...Array(4).fill('gemma-3-27b-it'),
    ]);
    for (const r of generate.filter((x) => x.model === 'gemma-3-27b-it')) {
      expect(r).toMatchObject({ outcome: 'ok', thinkingBudget: null, thinkingLevel: null });
    }
  });

  it('Gemini 3 is asked with a thinking level, not a budget', async () => {
    const { summary, generate } = await captionAll({}, { settings: testSettings({ model: 'gemini-3-flash-preview' }) });
    expect(summary).toMatchObject({ status: 'completed', captioned: 8 });
    for (const r of generate) expect(r).toMatchObject({ thinkingLevel: 'MINIMAL', thinkingBudget: null });
  });

  it('without fallbacks a daily quota stops the run at once', async () => {
    const { summary, outcomes } = await captionAll(
      { dailyQuota: 1 },
      { settings: testSettings({ fallbackModels: [] }) },
    );
    expect(summary).toMatchObject({ status: 'quota-exhausted', captioned: 1, notAttempted: 7 });
    expect(outcomes).toHaveLength(1);
  });
});
