import { describe, expect, it } from 'vitest';
import { makeImage } from '../../../../tests/support/image-entry';
import type { ImageEntry } from '../../../shared/dataset';
import { openFailures } from './failed-list';

const TRIGGER = 'TOK';

function lookupOf(images: ImageEntry[]) {
  const byId = new Map(images.map((i) => [i.id, i]));
  return (id: string) => byId.get(id);
}

const failed = makeImage('a', { caption: null, status: 'failed', error: 'Gemini could not process this image.' });
const blocked = makeImage('b', { caption: null, status: 'blocked', error: 'Blocked by the safety filter.' });

describe('openFailures', () => {
  it('lists failed and blocked images with the reason from their error, in run order', () => {
    const rows = openFailures(['b', 'a'], lookupOf([failed, blocked]), TRIGGER);
    expect(rows).toEqual([
      { id: 'b', relPath: 'b.jpg', blocked: true, reason: 'Blocked by the safety filter.' },
      { id: 'a', relPath: 'a.jpg', blocked: false, reason: 'Gemini could not process this image.' },
    ]);
  });

  it('drops an image once a valid caption was written for it (by hand or by a retry)', () => {
    const written = makeImage('b', {
      caption: 'photo of TOK a red motorcycle',
      captionSource: 'user',
      status: 'edited',
      error: null,
    });
    const retried = makeImage('a', { status: 'captioned', error: null });
    expect(openFailures(['b', 'a'], lookupOf([written, retried]), TRIGGER)).toEqual([]);
  });

  it('keeps an image whose caption is still invalid, and says why instead of "no reason"', () => {
    const typedBadly = makeImage('b', { caption: 'a red motorcycle', status: 'edited', error: null });
    const [row] = openFailures(['b'], lookupOf([typedBadly]), TRIGGER);
    expect(row?.reason).toMatch(/must start with/u);
    const bare = makeImage('c', { caption: null, status: 'blocked', error: null });
    const [blockedRow] = openFailures(['c'], lookupOf([bare]), TRIGGER);
    expect(blockedRow).toMatchObject({ blocked: true });
    expect(blockedRow?.reason).not.toMatch(/no reason/iu);
  });

  it('keeps a failed recaption that kept its older caption (the error says what went wrong)', () => {
    const kept = makeImage('a', { status: 'captioned', error: 'Gemini timed out.' });
    expect(openFailures(['a'], lookupOf([kept]), TRIGGER)).toHaveLength(1);
  });

  it('drops excluded images and ids no longer in the dataset', () => {
    expect(openFailures(['a', 'gone'], lookupOf([{ ...failed, excluded: true }]), TRIGGER)).toEqual([]);
  });
});
