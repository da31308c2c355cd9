import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaptionOutcome,
  type RunOptions,
  type RunProgress,
  startCaptionRun,
} from '../../src/main/services/captioner';
import { FAKE_API_KEY, type FakeGemini, type FakeGeminiOptions, startFakeGemini } from '../fake-gemini';
import { fastClock, generateJpegs, tempDir, testSettings } from '../fake-gemini/test-kit';

/** Fallback models: a failing model is left for the next one; daily quotas move on, then stop the run. */

let fake: FakeGemini;
let tmp: { dir: string; cleanup: () => Promise<void> };
let jobs: RunOptions['jobs'];

beforeAll(async () => {
  tmp = await tempDir();
  jobs = await generateJpegs(tmp.dir, 8, 120);
});
afterAll(() => tmp.cleanup());
afterEach(() => fake?.close());

async function captionAll(fakeOpts: FakeGeminiOptions, extra: Partial<RunOptions> = {}) {
  fake = await startFakeGemini(fakeOpts);
  const outcomes: CaptionOutcome[] = [];
  const events: RunProgress[] = [];
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
    onProgress: (p) => events.push(p),
    ...extra,
  }).done;
  const generate = fake.requests.filter((r) => r.kind === 'generateContent');
  return { summary, outcomes, events, generate };
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
  });

  it('moves on when a model runs out of daily quota, then stops with quota-exhausted and leaves the rest alone', async () => {
    const { summary, outcomes, generate } = await captionAll({
      dailyQuota: { 'gemini-2.5-flash': 3, 'gemini-2.5-flash-lite': 2 },
    });
    expect(summary).toMatchObject({ status: 'quota-exhausted', captioned: 5, failed: 0, blocked: 0, notAttempted: 3 });
    expect(summary.message).toMatch(/daily quota is used up for gemini-2\.5-flash and gemini-2\.5-flash-lite/u);
    expect(outcomes).toHaveLength(5); // the 3 others get no outcome: they stay as they were for the next run
    expect(outcomes.filter((o) => o.model === 'gemini-2.5-flash')).toHaveLength(3);
    // After the last model ran dry nothing else was sent.
    const lastDaily = generate.findLast((r) => r.outcome === 'daily-quota');
    expect(generate.at(-1)).toBe(lastDaily);
  });

  it('skips a fallback model the API does not know and carries on with the next', async () => {
    const { summary, outcomes } = await captionAll(
      { dailyQuota: { 'gemini-2.5-flash': 2 } },
      { settings: testSettings({ concurrency: 1, fallbackModels: ['gemini-0-missing', 'gemini-2.5-flash-lite'] }) },
    );
    expect(summary).toMatchObject({ status: 'completed', captioned: 8 });
    expect(outcomes.filter((o) => o.model === 'gemini-2.5-flash-lite')).toHaveLength(6);
    expect(fake.requests.filter((r) => r.model === 'gemini-0-missing').map((r) => r.outcome)).toEqual(['not-found']);
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
