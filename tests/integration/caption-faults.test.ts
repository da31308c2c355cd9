import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaptionOutcome } from '../../src/core/captioner';
import { prepareImage } from '../../src/core/captioner';
import { describeImage, type Fault, type FaultRequest } from '../fake-gemini';
import { fastClock, generateJpegs, groupBy, sha256, testSettings } from '../fake-gemini/test-kit';
import { setupFakeGeminiRun } from '../support/fake-gemini-run';

/**
 * Fault injection: ~30% of requests fail with a mix of 429 (with RetryInfo), 503, 500 and dropped connections.
 * Every image must still end captioned, each outcome reported exactly once, and no request wasted on an image
 * that already has its caption.
 */

const IMAGES = 40;
const FAIL_RATE = 0.3;
const KINDS: readonly Fault[] = ['429', '503', '500', 'drop'];

/**
 * Decides from the image and the attempt number alone (not arrival order), so the same requests fail on every
 * run whatever the concurrency interleaving. An image fails at most 3 times in a row: with 5 attempts allowed,
 * every image must get through.
 */
function deterministicFaults(req: FaultRequest): Fault | undefined {
  if (!req.imageKey || req.attempt > 3) return undefined;
  const roll =
    Number.parseInt(createHash('sha256').update(`${req.imageKey}:${req.attempt}`).digest('hex').slice(0, 8), 16) /
    2 ** 32;
  return roll < FAIL_RATE ? KINDS[Math.floor((roll / FAIL_RATE) * KINDS.length)] : undefined;
}

const ctx = setupFakeGeminiRun({
  jobs: (dir) => generateJpegs(dir, IMAGES, 96),
  sharedFake: { latencyMs: 15, jitterMs: 10, fault: deterministicFaults, faultRetryDelaySeconds: 1 },
});

describe('fault injection', () => {
  it('captions every image exactly once through 429s, 503s, 500s and dropped connections', async () => {
    const calls = new Map<string, number>();
    const outcomes: CaptionOutcome[] = [];
    const clock = fastClock();
    const summary = await ctx.start({
      settings: testSettings({ concurrency: 6, downscale: 256 }),
      clock,
      onOutcome: async (o) => {
        calls.set(o.id, (calls.get(o.id) ?? 0) + 1);
        outcomes.push(o);
      },
    }).run.done;

    expect(summary).toMatchObject({ status: 'completed', captioned: IMAGES, failed: 0, blocked: 0, notAttempted: 0 });
    expect(calls.size).toBe(IMAGES);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);

    const generate = ctx.generations();
    const failedShare = generate.filter((r) => r.outcome !== 'ok').length / generate.length;
    // The injection really happened at about the intended rate, with every kind represented.
    expect(failedShare).toBeGreaterThan(0.15);
    expect(new Set(generate.map((r) => r.outcome))).toEqual(
      new Set(['ok', 'rate-limit', 'overloaded', 'internal', 'drop']),
    );

    // Per image: exactly one success, and it is the last request the server ever saw for that image.
    const byImage = groupBy(generate, (r) => r.imageKey ?? '');
    expect(byImage.size).toBe(IMAGES);
    for (const reqs of byImage.values()) {
      const ok = reqs.filter((r) => r.outcome === 'ok');
      expect(ok).toHaveLength(1);
      expect(reqs.every((r) => r.time <= (ok[0]?.time ?? 0))).toBe(true);
    }

    // Rate-limited requests waited at least the server's RetryInfo delay (1 s) on the injected clock.
    expect(clock.sleeps.filter((ms) => ms >= 1000).length).toBeGreaterThan(0);

    // And the captions are right for the bytes sent.
    for (const job of ctx.jobs) {
      const sent = await prepareImage(job.source, job.format, 256);
      const o = outcomes.find((x) => x.id === job.id);
      expect(o?.status === 'captioned' && o.caption).toBe(`photo of my_cat ${describeImage(sha256(sent.data))}`);
    }
  });
});
