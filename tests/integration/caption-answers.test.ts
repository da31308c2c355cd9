import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CaptionOutcome, type RunOptions, startCaptionRun } from '../../src/main/services/captioner';
import { captionError } from '../../src/shared/caption';
import { FAKE_API_KEY, type FakeGemini, type Fault, startFakeGemini } from '../fake-gemini';
import { fastClock, generateJpegs, tempDir, testSettings } from '../fake-gemini/test-kit';

/** Answers that carry no caption: safety blocks, prompt blocks, unreadable images, thinking eating the budget. */

let fake: FakeGemini;
let tmp: { dir: string; cleanup: () => Promise<void> };
let jobs: RunOptions['jobs'];

beforeAll(async () => {
  tmp = await tempDir();
  jobs = await generateJpegs(tmp.dir, 2, 160);
});
afterAll(() => tmp.cleanup());
afterEach(() => fake?.close());

async function captionAll(extra: Partial<RunOptions> = {}) {
  const outcomes: CaptionOutcome[] = [];
  const summary = await startCaptionRun({
    apiKey: FAKE_API_KEY,
    trigger: 'my_cat',
    settings: testSettings({ concurrency: 1 }),
    jobs,
    baseUrl: fake.url,
    clock: fastClock(),
    onOutcome: (o) => {
      outcomes.push(o);
    },
    ...extra,
  }).done;
  return { summary, outcomes, generate: fake.requests.filter((r) => r.kind === 'generateContent') };
}

describe('answers without a caption', () => {
  it.each<[Fault, RegExp]>([
    ['safety', /^Blocked by Gemini's safety filter \(SAFETY\): needs a caption$/u],
    ['prompt-block', /^Blocked by Gemini's safety filter \(PROHIBITED_CONTENT\): needs a caption$/u],
  ])('%s -> blocked, never a placeholder caption, never retried', async (fault, message) => {
    fake = await startFakeGemini({ fault: () => fault });
    const { summary, outcomes, generate } = await captionAll();
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
    fake = await startFakeGemini({ fault: (r) => (r.index === 1 ? 'bad-image' : undefined) });
    const { summary, outcomes, generate } = await captionAll();
    expect(summary).toMatchObject({ captioned: 1, failed: 1 });
    const failed = outcomes.find((o) => o.status === 'failed');
    expect(failed?.status === 'failed' && failed.error).toMatch(
      /could not process this image: Unable to process input image/u,
    );
    expect(generate).toHaveLength(2);
  });

  it('MAX_TOKENS with no text: retried once with twice the cap, then a clear failure', async () => {
    fake = await startFakeGemini({ fault: () => 'max-tokens' });
    const { summary, outcomes, generate } = await captionAll();
    expect(summary).toMatchObject({ failed: 2, captioned: 0 });
    expect(generate.map((r) => r.maxOutputTokens)).toEqual([400, 800, 400, 800]);
    for (const o of outcomes)
      expect(o.status !== 'captioned' && o.error).toMatch(/whole output budget \(800 tokens\).*MAX_TOKENS/u);
  });

  it('thinking that eats the whole cap (an unlisted 2.5 Flash) recovers with the doubled cap', async () => {
    fake = await startFakeGemini({ thinkingTokens: 3000 });
    const model = 'gemini-2.5-flash-preview-09-2025'; // unknown to models.ts: default thinking, 2048-token cap
    const { summary, outcomes, generate } = await captionAll({
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
    fake = await startFakeGemini({ thinkingTokens: 300 });
    const { summary, outcomes, generate } = await captionAll({
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
