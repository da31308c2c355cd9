import { describe, expect, it } from 'vitest';
import { filterCounts, matchesFilter, visibleImages } from './filters';
import { makeImage } from './test-fixtures';

const T = 'TOK';
const images = [
  makeImage('a'),
  makeImage('b', { status: 'new', caption: null, captionSource: null }),
  makeImage('c', { status: 'failed', caption: null, error: 'timeout' }),
  makeImage('d', { status: 'edited', captionSource: 'user' }),
  makeImage('e', { status: 'blocked', caption: null, error: 'SAFETY' }),
  makeImage('f', { status: 'new', caption: null, excluded: true }),
  makeImage('g', { status: 'edited', caption: 'photo of TOK a cat.' }),
];

describe('gallery filters', () => {
  it('counts every filter in one pass', () => {
    expect(filterCounts(images, T)).toEqual({ all: 7, needs: 4, failed: 2, edited: 2 });
  });

  it('"needs caption" is what the export would refuse: missing or invalid captions, excluded ones left out', () => {
    const needs = images.filter((i) => matchesFilter(i, 'needs', T)).map((i) => i.id);
    expect(needs).toEqual(['b', 'c', 'e', 'g']);
  });

  it('"failed" holds failed and blocked images', () => {
    expect(images.filter((i) => matchesFilter(i, 'failed', T)).map((i) => i.id)).toEqual(['c', 'e']);
  });

  it('keeps the image being edited visible after it stops matching', () => {
    const fixed = images.map((i) =>
      i.id === 'b' ? { ...i, caption: 'photo of TOK a dog', status: 'edited' as const } : i,
    );
    expect(visibleImages(fixed, 'needs', T, 'b').map((i) => i.id)).toEqual(['b', 'c', 'e', 'g']);
    expect(visibleImages(fixed, 'needs', T, 'c').map((i) => i.id)).toEqual(['c', 'e', 'g']);
  });

  it('returns the same array for "all" (no copy of 5,000 entries on every render)', () => {
    expect(visibleImages(images, 'all', T, null)).toBe(images);
  });
});
