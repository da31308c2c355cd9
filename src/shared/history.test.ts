import { describe, expect, it } from 'vitest';
import { stepAuthorLabel, UNDOABLE_ACTIONS } from './history';

describe('stepAuthorLabel', () => {
  it('names who wrote a version', () => {
    expect(stepAuthorLabel('typed', null)).toBe('you');
    expect(stepAuthorLabel('model', 'gemini-2.5-flash')).toBe('gemini-2.5-flash');
    expect(stepAuthorLabel('bulk-replace', null)).toBe('bulk replace');
    expect(stepAuthorLabel('bulk-fix-trigger', null)).toBe('trigger fix');
    expect(stepAuthorLabel(null, null)).toBe('original');
  });

  it('keeps runs off the undo stack', () => {
    expect(UNDOABLE_ACTIONS.has('model')).toBe(false);
    expect(UNDOABLE_ACTIONS.has('bulk-remove')).toBe(true);
  });
});
