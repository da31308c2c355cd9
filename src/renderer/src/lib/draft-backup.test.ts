import { describe, expect, it } from 'vitest';
import { backupDrafts, type DraftStorage, restorableDrafts } from './draft-backup';
import { makeImage } from './test-fixtures';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('draft backup', () => {
  const images = [
    makeImage('a', { caption: 'photo of TOK a dog' }),
    makeImage('b', { caption: null, status: 'new' }),
    makeImage('c', { caption: 'photo of TOK a cat' }),
  ];

  it('offers back only drafts that still change an image of the dataset', () => {
    const store = memoryStorage();
    backupDrafts(
      's1',
      {
        a: 'photo of TOK a dog on grass', // a real edit
        b: 'photo of TOK ', // only the starter: nothing typed
        c: 'photo of TOK a cat', // already what is saved
        gone: 'photo of TOK removed image',
      },
      store,
    );
    expect(restorableDrafts('s1', images, 'TOK', store)).toEqual({ a: 'photo of TOK a dog on grass' });
    expect(restorableDrafts('other', images, 'TOK', store)).toEqual({});
  });

  it('forgets a dataset once it has no drafts, and survives damaged or missing storage', () => {
    const store = memoryStorage();
    backupDrafts('s1', { a: 'photo of TOK x' }, store);
    backupDrafts('s1', {}, store);
    expect(store.data.size).toBe(0);
    store.data.set('caption-studio:drafts:s1', '{not json');
    expect(restorableDrafts('s1', images, 'TOK', store)).toEqual({});
    expect(restorableDrafts('s1', images, 'TOK', null)).toEqual({});
    expect(() => backupDrafts('s1', { a: 'x' }, null)).not.toThrow();
  });
});
