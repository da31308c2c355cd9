import { describe, expect, it } from 'vitest';
import { makeImage } from '../../../../tests/support/image-entry';
import type { ImageEntry } from '../../../shared/dataset';
import { backupDrafts, type DraftStorage, forgetDraftBackup, takeRestorableDrafts } from './draft-backup';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const byId = (images: ImageEntry[]) => new Map(images.map((i) => [i.id, i]));

describe('draft backup', () => {
  const images = [
    makeImage('a', { caption: 'photo of TOK a dog' }),
    makeImage('b', { caption: null, status: 'new' }),
    makeImage('c', { caption: 'photo of TOK a cat' }),
  ];

  it('keeps only real edits, and brings them back once, while their caption is unchanged', () => {
    const store = memoryStorage();
    const drafts = {
      a: 'photo of TOK a dog on grass', // a real edit
      b: 'photo of TOK ', // only the starter: nothing typed
      c: 'photo of TOK a cat ', // the saved caption plus a space: nothing new
      gone: 'photo of TOK removed image',
    };
    backupDrafts('s1', drafts, byId(images), 'TOK', store);
    expect(JSON.parse(store.data.get('caption-studio:drafts:s1') ?? '')).toEqual({
      a: { text: 'photo of TOK a dog on grass', base: 'photo of TOK a dog' },
    });
    expect(takeRestorableDrafts('other', images, 'TOK', store)).toEqual({});
    expect(takeRestorableDrafts('s1', images, 'TOK', store)).toEqual({ a: 'photo of TOK a dog on grass' });
    // Consumed: a second open does not bring it back again.
    expect(takeRestorableDrafts('s1', images, 'TOK', store)).toEqual({});
  });

  it('never brings typing back over a caption that changed since (a run or the CLI wrote a newer one)', () => {
    const store = memoryStorage();
    backupDrafts('s1', { a: 'photo of TOK a dog on grass' }, byId(images), 'TOK', store);
    const recaptioned = [makeImage('a', { caption: 'photo of TOK a brown dog by a fence' })];
    expect(takeRestorableDrafts('s1', recaptioned, 'TOK', store)).toEqual({});
  });

  it('forgets a dataset once it has no real drafts, and survives damaged or missing storage', () => {
    const store = memoryStorage();
    backupDrafts('s1', { a: 'photo of TOK x' }, byId(images), 'TOK', store);
    backupDrafts('s1', {}, byId(images), 'TOK', store);
    expect(store.data.size).toBe(0);
    store.data.set('caption-studio:drafts:s1', '{not json');
    expect(takeRestorableDrafts('s1', images, 'TOK', store)).toEqual({});
    store.data.set('caption-studio:drafts:s1', JSON.stringify({ a: 'old format' }));
    expect(takeRestorableDrafts('s1', images, 'TOK', store)).toEqual({});
    expect(takeRestorableDrafts('s1', images, 'TOK', null)).toEqual({});
    expect(() => backupDrafts('s1', { a: 'x' }, byId(images), 'TOK', null)).not.toThrow();
    backupDrafts('s1', { a: 'photo of TOK x' }, byId(images), 'TOK', store);
    forgetDraftBackup('s1', store);
    expect(store.data.size).toBe(0);
  });
});
