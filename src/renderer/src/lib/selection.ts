/**
 * Gallery selection, pure. `currentId` is the image in the editor; `selected` the set multi-image actions
 * (caption selected, exclude) work on, which always contains the current image; `anchorId` is where a
 * shift-click range starts.
 */
export interface Selection {
  currentId: string | null;
  selected: ReadonlySet<string>;
  anchorId: string | null;
}

export type SelectMode = 'replace' | 'toggle' | 'range';

export const EMPTY_SELECTION: Selection = { currentId: null, selected: new Set(), anchorId: null };

export function selectImage(
  sel: Selection,
  id: string,
  mode: SelectMode,
  orderedIds: ReadonlyArray<string>,
): Selection {
  if (mode === 'toggle') {
    const selected = new Set(sel.selected);
    if (selected.has(id) && selected.size > 1) {
      selected.delete(id);
      // The editor follows the selection: if the current image was removed, show the last one left.
      const currentId = id === sel.currentId ? ([...selected].at(-1) ?? null) : sel.currentId;
      return { currentId, selected, anchorId: id };
    }
    selected.add(id);
    return { currentId: id, selected, anchorId: id };
  }
  if (mode === 'range' && sel.anchorId !== null) {
    const a = orderedIds.indexOf(sel.anchorId);
    const b = orderedIds.indexOf(id);
    if (a >= 0 && b >= 0) {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return { currentId: id, selected: new Set(orderedIds.slice(lo, hi + 1)), anchorId: sel.anchorId };
    }
  }
  return { currentId: id, selected: new Set([id]), anchorId: id };
}

/** After images disappear (or the filter hides them), drops them from the selection. */
export function pruneSelection(sel: Selection, exists: (id: string) => boolean): Selection {
  const selected = new Set([...sel.selected].filter(exists));
  const currentId = sel.currentId !== null && exists(sel.currentId) ? sel.currentId : null;
  if (currentId !== null) selected.add(currentId);
  if (selected.size === sel.selected.size && currentId === sel.currentId) return sel;
  return { currentId, selected, anchorId: sel.anchorId !== null && exists(sel.anchorId) ? sel.anchorId : currentId };
}

/**
 * What a bulk action applies to: the selected images when several are (in gallery order), otherwise every image
 * shown. One selected image is only the one in the editor, not a choice.
 */
export function bulkTargetIds(selected: ReadonlySet<string>, shown: ReadonlyArray<string>): ReadonlyArray<string> {
  return selected.size > 1 ? shown.filter((id) => selected.has(id)) : shown;
}
