import { beforeEach, describe, expect, it } from 'vitest';
import { pendingDraftIds, useDrafts } from './drafts';

const d = () => useDrafts.getState();

describe('drafts store', () => {
  beforeEach(() => d().reset());

  it('keeps what was typed until exactly that text is confirmed saved', () => {
    d().setDraft('a', 'photo of TOK a dog');
    d().setDraft('a', 'photo of TOK a dog on grass');
    d().settle('a', 'photo of TOK a dog');
    expect(d().drafts.a).toBe('photo of TOK a dog on grass');
    d().settle('a', 'photo of TOK a dog on grass');
    expect(d().drafts.a).toBeUndefined();
  });

  it('tracks saving and the last save error per image, and a successful save clears the error', () => {
    d().setDraft('a', 'x');
    d().setSaving('a', true);
    expect(d().saving.a).toBe(true);
    d().setSaving('a', false);
    d().setError('a', 'disk full');
    expect(d().errors.a).toBe('disk full');
    expect(pendingDraftIds(d())).toEqual(['a']);
    d().settle('a', 'x');
    expect(d().errors.a).toBeUndefined();
    expect(pendingDraftIds(d())).toEqual([]);
  });
});
