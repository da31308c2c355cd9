import { describe, expect, it } from 'vitest';
import type { Clock } from '../ports';
import { ProgressTracker, type RunProgress } from './progress';

function manualClock(): Clock & { advance(ms: number): void } {
  let t = 1_000_000;
  return { now: () => t, sleep: async () => {}, advance: (ms) => (t += ms) };
}

describe('ProgressTracker', () => {
  it('counts outcomes, tokens and cost, and reports the last image', () => {
    const clock = manualClock();
    const events: RunProgress[] = [];
    const p = new ProgressTracker(4, 60, 'gemini-2.5-flash', clock, (e) => events.push(e));
    p.start('a');
    expect(events.at(-1)).toMatchObject({ inFlight: 1, remaining: 4, lastImage: { id: 'a', state: 'captioning' } });
    p.addUsage('gemini-2.5-flash', 1_000_000, 0);
    p.finish('a', 'captioned');
    p.start('b');
    p.finish('b', 'blocked');
    p.start('c');
    p.abandon('c');
    expect(events.at(-1)).toMatchObject({
      done: 1,
      blocked: 1,
      remaining: 2,
      inFlight: 0,
      lastImage: { id: 'c', state: 'queued' },
    });
    expect(p.tokens.costUsd).toBeCloseTo(0.3);
  });

  it('uses the RPM bound for the ETA before a rate can be measured, then the measured rate', () => {
    const clock = manualClock();
    const p = new ProgressTracker(100, 10, 'gemini-2.5-flash', clock);
    expect(p.snapshot().etaSeconds).toBe(600); // 100 images at 10 per minute
    for (let i = 0; i < 20; i++) {
      p.start(`i${i}`);
      clock.advance(1500);
      p.finish(`i${i}`, 'captioned');
    }
    const s = p.snapshot();
    expect(s.ratePerMinute).toBeCloseTo(40, 0); // 20 outcomes in the last 30 s
    expect(s.etaSeconds).toBeCloseTo((80 * 60) / 10, 0); // never faster than the RPM limit allows
  });

  it('measures the rate over the last minute only', () => {
    const clock = manualClock();
    const p = new ProgressTracker(1000, 1000, 'm', clock);
    for (let i = 0; i < 60; i++) {
      p.start(`x${i}`);
      clock.advance(1000);
      p.finish(`x${i}`, 'failed');
    }
    clock.advance(30_000); // a 30 s stall: only the last 30 outcomes are inside the window
    expect(p.snapshot().ratePerMinute).toBeCloseTo(30, 0);
    expect(p.snapshot().etaSeconds).toBeCloseTo((940 * 60) / 30, 0);
  });
});
