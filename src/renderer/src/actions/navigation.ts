import { type Move, moveIndex } from '../lib/grid';
import type { SelectMode } from '../lib/selection';
import { visibleIds } from '../stores/visible';
import { useWorkspace } from '../stores/workspace';
import { saveDraft } from './captions';

/** Selects an image; the caption typed for the image being left is saved on the way out (autosave on navigation). */
export function goTo(id: string, mode: SelectMode = 'replace'): void {
  const before = useWorkspace.getState().currentId;
  useWorkspace.getState().select(id, mode);
  if (before !== null && before !== useWorkspace.getState().currentId) void saveDraft(before);
}

/** Moves the editor to a neighbouring image; `extend` (Shift) selects the range from the selection's start. */
/**
 * Selects exactly these images (the first in the editor), from a list outside the gallery (the check's findings):
 * the filters and search are cleared first when they hide any of them. The caption being left is saved.
 */
export function reveal(ids: ReadonlyArray<string>): void {
  const before = useWorkspace.getState().currentId;
  useWorkspace.getState().selectIds(ids);
  if (before !== null && before !== useWorkspace.getState().currentId) void saveDraft(before);
}

export function move(m: Move, extend = false): void {
  const s = useWorkspace.getState();
  const ids = visibleIds(s);
  const from = s.currentId === null ? -1 : ids.indexOf(s.currentId);
  const to = from < 0 ? 0 : moveIndex(from, m, ids.length, s.columns);
  const id = ids[to];
  if (id !== undefined && id !== s.currentId) goTo(id, extend ? 'range' : 'replace');
}

/** Ctrl/Cmd+Enter: save this caption and go to the next image (stays put, but saves, at the end of the list). */
export function saveAndNext(): void {
  const s = useWorkspace.getState();
  if (s.currentId === null) return;
  const ids = visibleIds(s);
  const next = ids[ids.indexOf(s.currentId) + 1];
  if (next !== undefined) goTo(next);
  else void saveDraft(s.currentId);
}
