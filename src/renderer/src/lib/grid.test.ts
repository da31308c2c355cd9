import { describe, expect, it } from 'vitest';
import { gridLayout, moveIndex, rowCount, TILE_LABEL_HEIGHT } from './grid';

describe('grid layout', () => {
  it('fits as many minimum-size tiles as the width allows and spreads the rest', () => {
    const g = gridLayout(900, 148, 12);
    expect(g.columns).toBe(5);
    expect(g.tile * 5 + 12 * 4).toBeLessThanOrEqual(900);
    expect(g.tile).toBeGreaterThanOrEqual(148);
    expect(g.rowHeight).toBe(g.tile + TILE_LABEL_HEIGHT + 12);
  });

  it('always has at least one column, even before the width is known', () => {
    expect(gridLayout(0, 148, 12).columns).toBe(1);
  });

  it('counts rows, rounding up', () => {
    expect(rowCount(11, 5)).toBe(3);
    expect(rowCount(0, 5)).toBe(0);
  });
});

describe('keyboard moves in the grid', () => {
  it('moves left/right by one and clamps at the ends', () => {
    expect(moveIndex(3, 'right', 10, 4)).toBe(4);
    expect(moveIndex(9, 'right', 10, 4)).toBe(9);
    expect(moveIndex(0, 'left', 10, 4)).toBe(0);
  });

  it('moves up/down by a row and stays put when there is no row there', () => {
    expect(moveIndex(5, 'down', 10, 4)).toBe(9);
    expect(moveIndex(7, 'down', 10, 4)).toBe(7);
    expect(moveIndex(5, 'up', 10, 4)).toBe(1);
    expect(moveIndex(2, 'up', 10, 4)).toBe(2);
  });

  it('jumps to the ends and by pages', () => {
    expect(moveIndex(5, 'first', 10, 4)).toBe(0);
    expect(moveIndex(5, 'last', 10, 4)).toBe(9);
    expect(moveIndex(0, 'page-down', 100, 4, 3)).toBe(12);
    expect(moveIndex(5, 'page-up', 100, 4, 3)).toBe(0);
  });

  it('has nowhere to go in an empty list', () => {
    expect(moveIndex(0, 'right', 0, 4)).toBe(-1);
  });
});
