import { describe, expect, it } from 'vitest';
import { geminiCatalogue } from '../../../shared/model-list';
import { addableModels, moveFallback, withoutFirst } from './chain-edit';

describe('editing the fallback chain', () => {
  it('moves a model one place, and leaves the ends alone', () => {
    expect(moveFallback(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveFallback(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveFallback(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveFallback(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('offers only models not in the chain yet, and never the first model as its own fallback', () => {
    const ids = addableModels(geminiCatalogue(), 'gemini-2.5-flash', ['gemma-3-27b-it']).map((m) => m.id);
    expect(ids).not.toContain('gemini-2.5-flash');
    expect(ids).not.toContain('gemma-3-27b-it');
    expect(ids).toContain('gemini-2.5-flash-lite');
    expect(withoutFirst(['gemma-3-27b-it', 'gemini-2.5-flash-lite'], 'gemma-3-27b-it')).toEqual([
      'gemini-2.5-flash-lite',
    ]);
  });
});
