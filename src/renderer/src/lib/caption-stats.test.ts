import { describe, expect, it } from 'vitest';
import { captionStarter, captionStats, isRealEdit } from './caption-stats';

describe('caption field feedback', () => {
  it('reports the format problem, words and characters', () => {
    expect(captionStats('photo of TOK a red bike', 'TOK')).toEqual({ error: null, words: 6, chars: 23, left: 1477 });
    expect(captionStats('photo of TOK a red bike.', 'TOK').error).toMatch(/punctuation/u);
    expect(captionStats('a red bike', 'TOK').error).toMatch(/photo of TOK/u);
  });

  it('starts an empty caption with the fixed prefix', () => {
    expect(captionStarter('TOK')).toBe('photo of TOK ');
  });

  it('treats a visited-but-untouched empty caption as no edit', () => {
    expect(isRealEdit('photo of TOK ', null, 'TOK')).toBe(false);
    expect(isRealEdit('   ', null, 'TOK')).toBe(false);
    expect(isRealEdit('photo of TOK a dog', null, 'TOK')).toBe(true);
  });

  it('saves any change to an existing caption, including clearing it', () => {
    expect(isRealEdit('photo of TOK a dog', 'photo of TOK a dog', 'TOK')).toBe(false);
    expect(isRealEdit('', 'photo of TOK a dog', 'TOK')).toBe(true);
    expect(isRealEdit('photo of TOK a cat', 'photo of TOK a dog', 'TOK')).toBe(true);
  });

  it('judges text as it will be saved: a space before the next word is neither an error nor a change', () => {
    expect(captionStats('photo of TOK a red ', 'TOK').error).toBeNull();
    expect(captionStats('photo of TOK a red ', 'TOK').chars).toBe(19);
    expect(isRealEdit('photo of TOK a man ', 'photo of TOK a man', 'TOK')).toBe(false);
    expect(isRealEdit('photo of TOK a man\n', 'photo of TOK a man', 'TOK')).toBe(false);
    expect(isRealEdit('photo of TOK a man w', 'photo of TOK a man', 'TOK')).toBe(true);
  });
});
