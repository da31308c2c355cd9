import { describe, expect, it } from 'vitest';
import { parseMediaPath } from './app-urls';
import { calls } from './contract';
import { isValidId } from './ids';

/** One id rule for every door: the contract, the media URLs and the store (which uses isValidId) agree. */
describe('ids', () => {
  it.each([
    ['20261204-224509-drcn97', true],
    ['ea50a16ef9ff8882', true],
    ['A_b-9', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['', false],
    ['..', false],
    ['a/b', false],
    ['a\\b', false],
    ['a.b', false],
    ['a b', false],
    ['ä', false],
    ['a\n', false],
  ])('%j is %s everywhere', (id, valid) => {
    expect(isValidId(id)).toBe(valid);
    expect(calls.openDataset.args.safeParse([id]).success).toBe(valid);
    expect(parseMediaPath(`/thumb/${id}/img1`) !== null).toBe(valid);
    expect(parseMediaPath(`/thumb/ds1/${id}`) !== null).toBe(valid);
  });

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 42, ['a'], { id: 'a' }]) expect(isValidId(value)).toBe(false);
  });
});
