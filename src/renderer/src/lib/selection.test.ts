import { describe, expect, it } from 'vitest';
import { bulkTargetIds, EMPTY_SELECTION, pruneSelection, selectImage } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];

describe('gallery selection', () => {
  it('a plain click selects one image and makes it current', () => {
    const s = selectImage(EMPTY_SELECTION, 'b', 'replace', order);
    expect(s).toEqual({ currentId: 'b', selected: new Set(['b']), anchorId: 'b' });
  });

  it('Ctrl/Cmd-click adds and removes, never leaving the selection empty', () => {
    let s = selectImage(EMPTY_SELECTION, 'b', 'replace', order);
    s = selectImage(s, 'd', 'toggle', order);
    expect([...s.selected]).toEqual(['b', 'd']);
    expect(s.currentId).toBe('d');
    s = selectImage(s, 'd', 'toggle', order);
    expect([...s.selected]).toEqual(['b']);
    expect(s.currentId).toBe('b');
    s = selectImage(s, 'b', 'toggle', order);
    expect([...s.selected]).toEqual(['b']);
  });

  it('Shift-click selects the range from the anchor, in either direction', () => {
    let s = selectImage(EMPTY_SELECTION, 'b', 'replace', order);
    s = selectImage(s, 'd', 'range', order);
    expect([...s.selected]).toEqual(['b', 'c', 'd']);
    s = selectImage(s, 'a', 'range', order);
    expect([...s.selected]).toEqual(['a', 'b']);
    expect(s.anchorId).toBe('b');
  });

  it('drops images that no longer exist and keeps the current one selected', () => {
    let s = selectImage(EMPTY_SELECTION, 'b', 'replace', order);
    s = selectImage(s, 'c', 'toggle', order);
    const pruned = pruneSelection(s, (id) => id !== 'b');
    expect(pruned.currentId).toBe('c');
    expect([...pruned.selected]).toEqual(['c']);
    expect(pruneSelection(pruned, () => true)).toBe(pruned);
  });

  it('a bulk action applies to several selected images in gallery order, or with one or none to all shown', () => {
    expect(bulkTargetIds(new Set(['d', 'b']), order)).toEqual(['b', 'd']);
    expect(bulkTargetIds(new Set(['b']), order)).toBe(order);
    expect(bulkTargetIds(new Set(), order)).toBe(order);
  });
});
