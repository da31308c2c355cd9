import { describe, expect, it } from 'vitest';
import { nextUpdatedAt } from './dataset-state';

describe('nextUpdatedAt', () => {
  const t = Date.UTC(2026, 0, 1);
  it('is now when now is later than every previous time', () => {
    expect(nextUpdatedAt(t, '2025-01-01T00:00:00.000Z', null)).toBe(new Date(t).toISOString());
  });

  it('is strictly after the previous base even when the clock stands still or goes back', () => {
    const base = new Date(t).toISOString();
    expect(nextUpdatedAt(t, base)).toBe(new Date(t + 1).toISOString());
    expect(nextUpdatedAt(t - 60_000, base, new Date(t + 5).toISOString())).toBe(new Date(t + 6).toISOString());
  });

  it('ignores unparseable previous values', () => {
    expect(nextUpdatedAt(t, 'garbage', null)).toBe(new Date(t).toISOString());
  });
});
