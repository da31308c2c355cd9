/** Geometry of the thumbnail grid, pure so the virtualiser and keyboard navigation agree on it. */

export interface GridLayout {
  columns: number;
  /** Width (and height) of a square thumbnail. */
  tile: number;
  /** Height of one virtual row: thumbnail, label and gap. */
  rowHeight: number;
  gap: number;
}

export const TILE_LABEL_HEIGHT = 26;

export function gridLayout(width: number, minTile: number, gap: number): GridLayout {
  const usable = Math.max(width, minTile);
  const columns = Math.max(1, Math.floor((usable + gap) / (minTile + gap)));
  const tile = Math.floor((usable - gap * (columns - 1)) / columns);
  return { columns, tile, rowHeight: tile + TILE_LABEL_HEIGHT + gap, gap };
}

export function rowCount(items: number, columns: number): number {
  return Math.ceil(items / Math.max(1, columns));
}

export type Move = 'left' | 'right' | 'up' | 'down' | 'first' | 'last' | 'page-up' | 'page-down';

/** Where a move lands from `index` in a grid of `count` items; clamped, never wraps past either end. */
export function moveIndex(index: number, move: Move, count: number, columns: number, pageRows = 3): number {
  if (count === 0) return -1;
  const last = count - 1;
  const from = Math.min(Math.max(index, 0), last);
  const clamp = (i: number) => Math.min(Math.max(i, 0), last);
  switch (move) {
    case 'left':
      return clamp(from - 1);
    case 'right':
      return clamp(from + 1);
    case 'up':
      return from - columns >= 0 ? from - columns : from;
    case 'down':
      return from + columns <= last ? from + columns : from;
    case 'first':
      return 0;
    case 'last':
      return last;
    case 'page-up':
      return clamp(from - columns * pageRows);
    case 'page-down':
      return clamp(from + columns * pageRows);
  }
}
