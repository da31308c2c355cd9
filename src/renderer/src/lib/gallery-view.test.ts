import { describe, expect, it } from 'vitest';
import { makeImage } from '../../../../tests/support/image-entry';
import type { ImageEntry } from '../../../shared/dataset';
import { DEFAULT_SORT, type GallerySort, sortImages } from './gallery-sort';
import { DEFAULT_VIEW, type GalleryView, keepVisible, matchingImages } from './gallery-view';
import { parseSearch } from './search-query';

const T = 'TOK';
const words = (caption: string) => caption.split(' ').length;
const ids = (list: ReadonlyArray<ImageEntry>) => list.map((i) => i.id);

const images = [
  makeImage('img10', {
    caption: 'photo of TOK a long caption about a dog on a red sofa',
    takenAt: '2024-05-01T14:03:22',
  }),
  makeImage('img2', { caption: null, captionSource: null, status: 'new' }),
  makeImage('img1', { caption: 'photo of TOK a dog', status: 'edited', captionSource: 'user' }),
  makeImage('IMG3', { caption: null, status: 'failed', error: 'timeout', takenAt: '2023-12-31T23:59:59' }),
  makeImage('img4', { caption: 'photo of TOK a cat', status: 'blocked', takenAt: '2024-05-01T09:00:00' }),
];

function shown(view: Partial<GalleryView>, keepId: string | null = null): string[] {
  const v = { ...DEFAULT_VIEW, ...view };
  const sorted = sortImages(images, v.sort);
  const matching = matchingImages(sorted, v, T, words);
  return ids(
    keepVisible(
      sorted,
      matching,
      images.find((i) => i.id === keepId),
    ),
  );
}

describe('the gallery view', () => {
  it('sorts by name naturally (img2 before img10, any case), date taken (undated last both ways), caption length or status, ties in the order added', () => {
    const by = (sort: Partial<GallerySort>) => ids(sortImages(images, { ...DEFAULT_SORT, ...sort }));
    expect(by({ key: 'name' })).toEqual(['img1', 'img2', 'IMG3', 'img4', 'img10']);
    expect(by({ key: 'name', descending: true })).toEqual(['img10', 'img4', 'IMG3', 'img2', 'img1']);
    expect(by({ key: 'taken' })).toEqual(['IMG3', 'img4', 'img10', 'img2', 'img1']);
    expect(by({ key: 'taken', descending: true })).toEqual(['img10', 'img4', 'IMG3', 'img2', 'img1']);
    expect(by({ key: 'length' })).toEqual(['img2', 'IMG3', 'img1', 'img4', 'img10']);
    expect(by({ key: 'length', descending: true })).toEqual(['img10', 'img1', 'img4', 'img2', 'IMG3']);
    expect(by({ key: 'status' })).toEqual(['img4', 'IMG3', 'img2', 'img1', 'img10']);
    expect(by({ key: 'added', descending: true })).toEqual(['img4', 'IMG3', 'img1', 'img2', 'img10']);
  });

  it('returns the images themselves when nothing narrows or reorders (no copy of 5,000 entries)', () => {
    expect(sortImages(images, DEFAULT_SORT)).toBe(images);
    expect(matchingImages(images, DEFAULT_VIEW, T, words)).toBe(images);
    expect(keepVisible(images, images, images[0])).toBe(images);
  });

  it('applies the status filter, the author and the search together, in the chosen order', () => {
    const search = parseSearch('dog');
    expect(shown({ search })).toEqual(['img10', 'img1']);
    expect(shown({ search, sort: { key: 'name', descending: false } })).toEqual(['img1', 'img10']);
    expect(shown({ search, writtenBy: 'you' })).toEqual(['img1']);
    expect(shown({ search: parseSearch('-dog'), filter: 'needs' })).toEqual(['img2', 'IMG3']);
  });

  it('keeps the image being edited, in its place, after it stops matching', () => {
    const search = parseSearch('status:failed');
    expect(shown({ search }, 'img1')).toEqual(['img1', 'IMG3']);
    expect(shown({ search, sort: { key: 'name', descending: true } }, 'img10')).toEqual(['img10', 'IMG3']);
    expect(shown({ search }, 'IMG3')).toEqual(['IMG3']);
    expect(shown({ search }, null)).toEqual(['IMG3']);
  });
});
