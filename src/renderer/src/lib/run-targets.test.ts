import { describe, expect, it } from 'vitest';
import { makeImage } from '../../../../tests/support/image-entry';
import type { ImageRunState } from '../../../shared/progress';
import { requestFor, runTargets, transientOnReopen } from './run-targets';

const images = [
  makeImage('ok'),
  makeImage('new', { status: 'new', caption: null }),
  makeImage('failed', { status: 'failed', caption: null }),
  makeImage('blocked', { status: 'blocked', caption: null }),
  makeImage('edited', { status: 'edited' }),
  makeImage('out', { status: 'new', caption: null, excluded: true }),
];

describe('which images a run sends', () => {
  it('by default: new and failed ones (blocked need a human, captions are kept)', () => {
    expect(runTargets(images, requestFor('needs', []))).toEqual(['new', 'failed']);
  });

  it('recaption: every included image', () => {
    expect(runTargets(images, requestFor('all', []))).toEqual(['ok', 'new', 'failed', 'blocked', 'edited']);
  });

  it('selected: exactly those, minus excluded ones', () => {
    expect(runTargets(images, requestFor('selected', ['edited', 'out', 'blocked']))).toEqual(['blocked', 'edited']);
  });
});

describe('marks shown again when a dataset is reopened mid-run', () => {
  it('queued or captioning for images without an outcome; nothing for finished or skipped ones', () => {
    const states = new Map<string, ImageRunState>([
      ['a', 'captioned'],
      ['b', 'captioning'],
      ['c', 'failed'],
      ['d', 'skipped'],
      ['e', 'queued'],
      ['f', 'blocked'],
    ]);
    expect(transientOnReopen(['a', 'b', 'c', 'd', 'e', 'f', 'g'], states)).toEqual({
      b: 'captioning',
      e: 'queued',
      g: 'queued',
    });
  });
});
