import { describe, expect, it } from 'vitest';
import { makeImage } from '../../../../tests/support/image-entry';
import { filterCounts, matchesFilter } from './filters';

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
});
