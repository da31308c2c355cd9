import { describe, expect, it } from 'vitest';
import type { Fault } from '../fake-gemini';
import { fastClock, generateJpegs, groupBy, testSettings } from '../fake-gemini/test-kit';
import { setupFakeGeminiRun } from '../support/fake-gemini-run';

/** Retries against the fake server: RetryInfo honoured (real clock), backoff on 5xx and dropped connections. */

const ctx = setupFakeGeminiRun({
  jobs: (dir) => generateJpegs(dir, 3, 200),
  defaults: () => ({ settings: testSettings({ concurrency: 1 }) }),
});

function run(extra: Parameters<typeof ctx.start>[0] = {}) {
  const { run: handle, outcomes } = ctx.start(extra);
  return { outcomes, done: handle.done };
}

describe('retries', () => {
  it('waits out a 429 RetryInfo delay before retrying, and holds back the whole model meanwhile', async () => {
    // The first request of the run gets a per-minute 429 with retryDelay "1s"; everything else passes.
    // 429s come back at once while answers take 200 ms, so the other worker's next image starts mid cool-down.
    await ctx.startFake({
      latencyMs: 200,
      faultRetryDelaySeconds: 1,
      fault: (r) => (r.index === 1 ? '429' : undefined),
    });
    const { outcomes, done } = run({ settings: testSettings({ concurrency: 2 }) }); // real clock
    const summary = await done;
    expect(summary).toMatchObject({ status: 'completed', captioned: 3 });
    expect(outcomes).toHaveLength(3);

    const log = ctx.generations();
    const limited = log.find((r) => r.outcome === 'rate-limit');
    expect(limited).toBeDefined();
    const retry = log.find((r) => r.imageKey === limited?.imageKey && r.index > (limited?.index ?? 0));
    expect(retry?.outcome).toBe('ok');
    const t429 = limited?.respondedAt ?? 0;
    expect(retry?.time).toBeGreaterThanOrEqual(t429 + 1000);
    // The whole model held back: a request may already have been on the wire when the 429 was sent, but none
    // started during the cool-down, and the later ones (the retry, the third image) came after it.
    const during = log.filter((r) => r.time > t429 + 100 && r.time < t429 + 1000);
    expect(during).toEqual([]);
    expect(log.filter((r) => r.time >= t429 + 1000).length).toBeGreaterThanOrEqual(2);
  });

  it.each<Fault>(['503', '500', 'drop'])('backs off with jitter after %s and then succeeds', async (kind) => {
    await ctx.startFake({ fault: (r) => (r.attempt <= 2 ? kind : undefined) });
    const clock = fastClock();
    const { outcomes, done } = run({ clock, random: () => 0.5 });
    expect(await done).toMatchObject({ status: 'completed', captioned: 3, failed: 0 });
    expect(outcomes.every((o) => o.status === 'captioned')).toBe(true);
    // Two failures per image, retried after full-jitter delays 0.5 * 1 s and 0.5 * 2 s.
    expect(clock.sleeps).toEqual([500, 1000, 500, 1000, 500, 1000]);
    const byImage = groupBy(ctx.generations(), (r) => r.imageKey);
    for (const reqs of byImage.values())
      expect(reqs.map((r) => r.outcome)).toEqual([expect.any(String), expect.any(String), 'ok']);
  });

  it('gives an image up after the attempt budget with a clear reason, and carries on with the others', async () => {
    const doomed = new Set<string>();
    await ctx.startFake({
      fault: (r) => {
        if (doomed.size === 0 && r.imageKey) doomed.add(r.imageKey);
        return r.imageKey && doomed.has(r.imageKey) ? '503' : undefined;
      },
    });
    const { outcomes, done } = run({
      clock: fastClock(),
      settings: testSettings({ concurrency: 1, fallbackModels: [] }),
    });
    expect(await done).toMatchObject({ status: 'completed', captioned: 2, failed: 1 });
    const failed = outcomes.find((o) => o.status === 'failed');
    expect(failed?.status === 'failed' && failed.error).toMatch(/overloaded.*Gave up after 5 attempts/u);
    expect(ctx.generations().filter((r) => doomed.has(r.imageKey ?? ''))).toHaveLength(5);
  });
});

describe('connection loss', () => {
  it('an unreachable server rejects done with a network AppError before anything is attempted', async () => {
    const fake = await ctx.startFake();
    const url = fake.url;
    await fake.close();
    const { outcomes, done } = run({ baseUrl: url });
    await expect(done).rejects.toMatchObject({ kind: 'network' });
    expect(outcomes).toEqual([]);
  });

  it('a connection that keeps dropping stops the run without marking images failed', async () => {
    await ctx.startFake({ fault: () => 'drop' });
    const { outcomes, done } = run({ clock: fastClock(), settings: testSettings({ concurrency: 2 }) });
    await expect(done).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/Lost the connection/u),
    });
    expect(outcomes).toEqual([]);
    expect(ctx.generations().length).toBeGreaterThanOrEqual(5);
  });
});
