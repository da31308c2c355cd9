import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

const fixed = (v: number) => () => v;

describe('backoffDelay', () => {
  it.each([
    // failures, random, expected (base 1 s, cap 60 s, full jitter = floor(random * min(cap, base * 2^(n-1))))
    [1, 0.999, 999],
    [2, 0.5, 1000],
    [3, 0.5, 2000],
    [4, 1 - 1e-9, 7999],
    [7, 0.5, 30_000],
    [8, 0.5, 30_000], // 128 s capped to 60 s
    [20, 0.5, 30_000],
    [1, 0, 0],
  ])('failure %i with random %f -> %i ms', (failures, r, want) => {
    expect(backoffDelay(failures, null, fixed(r))).toBe(want);
  });

  it('never goes below a server-given retry delay, and adds at most 10% (max 1 s) spread', () => {
    for (const r of [0, 0.3, 0.999]) {
      const d = backoffDelay(1, 2000, fixed(r));
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThan(2200);
    }
    expect(backoffDelay(1, 48_000, fixed(0.999))).toBeLessThan(49_000);
  });

  it('honours a retry delay above the cap', () => {
    expect(backoffDelay(1, 90_000, fixed(0))).toBe(90_000);
  });

  it('stays within [0, cap] for any random value', () => {
    for (let n = 1; n < 30; n++) {
      for (const r of [0, 0.25, 0.5, 0.75, 0.9999]) {
        const d = backoffDelay(n, null, fixed(r));
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(DEFAULT_BACKOFF.capMs);
      }
    }
  });

  it('uses a custom policy', () => {
    expect(backoffDelay(3, null, fixed(0.5), { baseMs: 10, capMs: 25 })).toBe(12);
  });
});
