import { describe, expect, it } from 'vitest';
import { captionDiff } from './caption-diff';

describe('captionDiff', () => {
  it('marks a replaced word and keeps the rest', () => {
    expect(captionDiff('photo of x a big hall, oak floor', 'photo of x a big room, oak floor')).toEqual([
      { kind: 'same', text: 'photo of x a big ' },
      { kind: 'removed', text: 'hall' },
      { kind: 'added', text: 'room' },
      { kind: 'same', text: ', oak floor' },
    ]);
  });

  it('marks several changes in one caption', () => {
    const segs = captionDiff('a cat and a cat', 'a dog and a dog');
    expect(segs.filter((s) => s.kind !== 'same').map((s) => `${s.kind}:${s.text}`)).toEqual([
      'removed:cat',
      'added:dog',
      'removed:cat',
      'added:dog',
    ]);
  });

  it('rebuilds both texts from its segments', () => {
    const before = 'photo of x a hall, wooden floor, tall windows';
    const after = 'photo of x wide shot, a hall, tall windows at night';
    const segs = captionDiff(before, after);
    expect(
      segs
        .filter((s) => s.kind !== 'added')
        .map((s) => s.text)
        .join(''),
    ).toBe(before);
    expect(
      segs
        .filter((s) => s.kind !== 'removed')
        .map((s) => s.text)
        .join(''),
    ).toBe(after);
  });

  it('says nothing changed for equal texts', () => {
    expect(captionDiff('a b', 'a b')).toEqual([{ kind: 'same', text: 'a b' }]);
  });
});
