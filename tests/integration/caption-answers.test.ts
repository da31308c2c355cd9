import { describe, expect, it } from 'vitest';
import { captionError } from '../../src/shared/caption';
import type { Fault } from '../fake-gemini';
import { fastClock, generateJpegs, testSettings } from '../fake-gemini/test-kit';
import { setupFakeGeminiRun } from '../support/fake-gemini-run';

/** Answers that carry no caption: safety blocks, prompt blocks, unreadable images, thinking eating the budget. */

const ctx = setupFakeGeminiRun({
  jobs: (dir) => generateJpegs(dir, 2, 160),
  defaults: () => ({ settings: testSettings({ concurrency: 1 }), clock: fastClock() }),
});

describe('answers without a caption', () => {
  it.each<[Fault, RegExp]>([
    ['safety', /^Blocked by Gemini's safety filter \(SAFETY\): needs a caption$/u],
    ['prompt-block', /^Blocked by Gemini's safety filter \(PROHIBITED_CONTENT\): needs a caption$/u],
  ])('%s -> blocked, never a placeholder caption, never retried', async (fault, message) => {
    await ctx.startFake({ fault: () => fault });
    const { summary, outcomes, generate } = await ctx.captionAll();
    expect(summary).toMatchObject({ status: 'completed', captioned: 0, blocked: 2, failed: 0 });
    for (const o of outcomes) {
      expect(o.status).toBe('blocked');
      expect(o).not.toHaveProperty('caption');
      expect(o.status !== 'captioned' && o.error).toMatch(message);
    }
    expect(generate).toHaveLength(2);
    expect(summary.inputTokens).toBeGreaterThan(0); // a blocked prompt still bills its input
  });

  it('fails an unreadable image at once with a clear reason (no retries)', async () => {
    await ctx.startFake({ fault: (r) => (r.index === 1 ? 'bad-image' : undefined) });
    const { summary, outcomes, generate } = await ctx.captionAll();
    expect(summary).toMatchObject({ captioned: 1, failed: 1 });
    const failed = outcomes.find((o) => o.status === 'failed');
    expect(failed?.status === 'failed' && failed.error).toMatch(
      /could not process this image: Unable to process input image/u,
    );
    expect(generate).toHaveLength(2);
  });

  it('MAX_TOKENS with no text: retried once with twice the cap, then a clear failure', async () => {
    await ctx.startFake({ fault: () => 'max-tokens' });
    const { summary, outcomes, generate } = await ctx.captionAll();
    expect(summary).toMatchObject({ failed: 2, captioned: 0 });
    expect(generate.map((r) => r.maxOutputTokens)).toEqual([400, 800, 400, 800]);
    for (const o of outcomes)
      expect(o.status !== 'captioned' && o.error).toMatch(/whole output budget \(800 tokens\).*MAX_TOKENS/u);
  });

  it('thinking that eats the whole cap (an unlisted 2.5 Flash) recovers with the doubled cap', async () => {
    await ctx.startFake({ thinkingTokens: 3000 });
    const model = 'gemini-2.5-flash-preview-09-2025'; // unknown to models.ts: default thinking, 2048-token cap
    const { summary, outcomes, generate } = await ctx.captionAll({
      settings: testSettings({ model, fallbackModels: [], concurrency: 1 }),
    });
    expect(summary).toMatchObject({ status: 'completed', captioned: 2 });
    expect(generate.map((r) => [r.maxOutputTokens, r.outcome])).toEqual([
      [2048, 'max-tokens'],
      [4096, 'ok'],
      [2048, 'max-tokens'],
      [4096, 'ok'],
    ]);
    for (const o of outcomes) expect(o.status === 'captioned' && captionError(o.caption, 'my_cat')).toBeNull();
    // Thinking is billed as output: 2048 (lost first try) + 3000 + the answer, per image.
    expect(summary.outputTokens).toBeGreaterThan(2 * (2048 + 3000));
  });

  it('2.5 Pro (thinking cannot be turned off) gets a budget and room, so captions are never empty', async () => {
    await ctx.startFake({ thinkingTokens: 300 });
    const { summary, outcomes, generate } = await ctx.captionAll({
      settings: testSettings({ model: 'gemini-2.5-pro', fallbackModels: [], concurrency: 2 }),
    });
    expect(summary).toMatchObject({ status: 'completed', captioned: 2 });
    for (const r of generate) expect([r.thinkingBudget, r.maxOutputTokens, r.outcome]).toEqual([128, 2048, 'ok']);
    for (const o of outcomes) {
      expect(o.status).toBe('captioned');
      if (o.status === 'captioned') expect(o.outputTokens).toBeGreaterThan(128);
    }
    expect(summary.costUsd).toBeGreaterThan(0);
  });
});
