import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImage } from '../../src/core/captioner';
import { captionError } from '../../src/shared/caption';
import type { ImageFormat } from '../../src/shared/dataset';
import { describeImage } from '../fake-gemini';
import { copyFixtures, FIXTURES, fastClock, sha256, testSettings } from '../fake-gemini/test-kit';
import { setupFakeGeminiRun } from '../support/fake-gemini-run';

const TRIGGER = 'ide_main_hall';
const FIXTURE_FILES: ReadonlyArray<[string, ImageFormat]> = [
  ['studio/rotated-exif6.jpg', 'jpeg'],
  ['studio/iphone.heic', 'heic'],
  ['studio/alpha.png', 'png'],
  ['studio/cmyk.jpg', 'jpeg'],
  ['studio/gray16.png', 'png'],
];

const ctx = setupFakeGeminiRun({
  jobs: async (dir) => {
    const paths = await copyFixtures(
      dir,
      FIXTURE_FILES.map(([p]) => p),
    );
    return paths.map((source, i) => ({ id: `fx-${i}`, source, format: FIXTURE_FILES[i]?.[1] ?? 'jpeg' }));
  },
  defaults: () => ({ trigger: TRIGGER }),
});

describe('caption run against the fake Gemini (real @google/genai client)', () => {
  it('captions real photos: upright JPEGs within the downscale reach the server, captions are normalised', async () => {
    const fake = await ctx.startFake({ latencyMs: 20 });
    const { jobs } = ctx;
    const { run, outcomes, events } = ctx.start({ settings: testSettings({ downscale: 512 }), clock: fastClock() });
    const summary = await run.done;

    expect(summary).toMatchObject({
      status: 'completed',
      captioned: jobs.length,
      failed: 0,
      blocked: 0,
      notAttempted: 0,
    });
    expect(outcomes.map((o) => o.id).sort()).toEqual(jobs.map((j) => j.id).sort());

    const generate = fake.requests.filter((r) => r.kind === 'generateContent');
    expect(generate).toHaveLength(jobs.length);
    expect(fake.requests[0]?.kind).toBe('models.get'); // the key check comes first, and spends no tokens
    for (const r of generate) {
      expect(r.image?.mimeType).toBe('image/jpeg');
      expect(Math.max(r.image?.width ?? 0, r.image?.height ?? 0)).toBeLessThanOrEqual(512);
      expect(r.image?.orientation).toBe(1);
      expect(r.thinkingBudget).toBe(0); // 2.5 Flash: thinking off
    }

    // Each caption is exactly the fake's description of the bytes we sent, prefixed in code.
    for (const job of jobs) {
      const sent = await prepareImage(job.source, job.format, 512);
      const outcome = outcomes.find((o) => o.id === job.id);
      expect(outcome?.status).toBe('captioned');
      if (outcome?.status !== 'captioned') continue;
      expect(outcome.caption).toBe(`photo of ${TRIGGER} ${describeImage(sha256(sent.data))}`);
      expect(captionError(outcome.caption, TRIGGER)).toBeNull();
      expect(outcome.model).toBe('gemini-2.5-flash');
    }

    // The EXIF-6 photo arrives upright: stored 400x600 with orientation 6 is 600x400 upright, so 512x341.
    const meta = await sharp(`${FIXTURES}/studio/rotated-exif6.jpg`).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([400, 600, 6]);
    const rotated = await prepareImage(jobs[0]?.source ?? '', 'jpeg', 512);
    const req = generate.find((r) => r.imageKey === sha256(rotated.data));
    expect(req?.image).toMatchObject({ width: 512, height: 341 });

    const last = events.at(-1);
    expect(last).toMatchObject({ total: jobs.length, done: jobs.length, remaining: 0, inFlight: 0 });
    expect(summary.inputTokens).toBeGreaterThan(258 * jobs.length);
    expect(summary.costUsd).toBeGreaterThan(0);
  });

  it('reports a bad key once, before any image request', async () => {
    const fake = await ctx.startFake();
    const { run, outcomes } = ctx.start({ apiKey: 'AIzaSy-not-a-real-key-123' });
    const summary = await run.done;
    expect(summary.status).toBe('invalid-key');
    expect(summary.message).toMatch(/not valid/u);
    expect(summary.message).not.toContain('AIzaSy-not-a-real-key-123');
    expect(summary.notAttempted).toBe(ctx.jobs.length);
    expect(outcomes).toEqual([]);
    expect(fake.requests.map((r) => r.kind)).toEqual(['models.get']);
  });

  it('reports a missing key without calling the API, and an unknown model as model-not-found', async () => {
    const fake = await ctx.startFake();
    const noKey = await ctx.start({ apiKey: '  ' }).run.done;
    expect(noKey.status).toBe('invalid-key');
    expect(fake.requests).toHaveLength(0);
    const unknown = await ctx.start({ settings: testSettings({ model: 'gemini-9-ultra' }) }).run.done;
    expect(unknown.status).toBe('model-not-found');
    expect(unknown.message).toContain('gemini-9-ultra');
    expect(fake.requests.filter((r) => r.kind === 'generateContent')).toHaveLength(0);
  });
});
