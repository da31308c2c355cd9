import { describe, expect, it } from 'vitest';
import { estimateSeconds } from './estimate-handlers';

describe('estimateSeconds', () => {
  it('is zero for nothing to do', () => {
    expect(estimateSeconds(0, 10, 4, 3)).toBe(0);
  });

  it('is bound by the workers when the rate limit is far away', () => {
    // 8 images, 4 at a time, 3 s each: two rounds.
    expect(estimateSeconds(8, 1000, 4, 3)).toBe(6);
  });

  it('is bound by whole minutes of the rate limit beyond the first', () => {
    // 25 images at 10 per minute: the 21st starts after two minutes, then takes 3 s.
    expect(estimateSeconds(25, 10, 4, 3)).toBe(123);
    expect(estimateSeconds(10, 10, 4, 3)).toBe(9);
  });
});
