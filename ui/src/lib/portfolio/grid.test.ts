import { describe, expect, it } from 'vitest';
import { gridLayout, moveTile, revealTile, rowCount, tilesIn, visibleRows } from './grid';

describe('gridLayout', () => {
  it('fits as many columns as the width holds, tiles sharing the rest', () => {
    const g = gridLayout(1000, { minTile: 220, gap: 16, aspect: 0.75, meta: 64 });
    expect(g.columns).toBe(4); // 4 × 220 + 3 × 16 = 928 ≤ 1000 < 5 × 220 + 4 × 16
    expect(g.tile).toBe((1000 - 3 * 16) / 4);
    expect(g.media).toBe(Math.round(238 * 0.75));
    expect(g.pitch).toBe(g.media + 64 + 16);
  });

  it('keeps one column however narrow', () => {
    expect(gridLayout(100).columns).toBe(1);
    expect(gridLayout(0)).toMatchObject({ columns: 1, tile: 0 });
    expect(gridLayout(-5).columns).toBe(1);
  });

  it('adds a column exactly when it fits', () => {
    expect(gridLayout(220 * 3 + 16 * 2, { minTile: 220, gap: 16 }).columns).toBe(3);
    expect(gridLayout(220 * 3 + 16 * 2 - 1, { minTile: 220, gap: 16 }).columns).toBe(2);
  });
});

describe('visibleRows', () => {
  const win = (scrollTop: number, count = 5000, overscan = 0) =>
    visibleRows({ scrollTop, height: 600, pitch: 200, count, columns: 5, overscan });

  it('renders only the rows on screen', () => {
    expect(win(0)).toEqual({ start: 0, end: 3, offset: 0, total: 1000 * 200 });
    expect(win(10_000)).toEqual({ start: 50, end: 53, offset: 10_000, total: 200_000 });
  });

  it('counts a row cut by the bottom edge, and adds the overscan inside the list', () => {
    expect(win(50)).toMatchObject({ start: 0, end: 4 });
    expect(win(10_000, 5000, 2)).toMatchObject({ start: 48, end: 55, offset: 9600 });
    expect(win(0, 5000, 2)).toMatchObject({ start: 0, end: 5 });
  });

  it('stays inside a list scrolled past its end (a narrower filter)', () => {
    expect(win(1_000_000, 12)).toEqual({ start: 0, end: 3, offset: 0, total: 600 });
    expect(win(1_000_000, 5000)).toMatchObject({ start: 997, end: 1000 });
  });

  it('is empty for no tiles', () => {
    expect(win(0, 0)).toEqual({ start: 0, end: 0, offset: 0, total: 0 });
  });

  it('shows at least one row in a pane not measured yet', () => {
    expect(visibleRows({ scrollTop: 0, height: 0, pitch: 200, count: 10, columns: 3, overscan: 0 })).toMatchObject({ start: 0, end: 1 });
  });
});

describe('rowCount and tilesIn', () => {
  it('counts a partly filled last row', () => {
    expect(rowCount(5000, 5)).toBe(1000);
    expect(rowCount(5001, 5)).toBe(1001);
    expect(rowCount(0, 5)).toBe(0);
  });

  it('maps rows to tile indices, short at the end', () => {
    expect(tilesIn(2, 4, 5, 5000)).toEqual({ from: 10, to: 20 });
    expect(tilesIn(999, 1001, 5, 5001)).toEqual({ from: 4995, to: 5001 });
    expect(tilesIn(3, 5, 5, 7)).toEqual({ from: 7, to: 7 });
  });
});

describe('revealTile', () => {
  it('scrolls as little as brings the row into view', () => {
    expect(revealTile(12, 4, 200, 16, 0, 600)).toBe(184); // row 3 at 600..784: below by 184
    expect(revealTile(13, 4, 200, 16, 0, 500)).toBe(784 - 500);
    expect(revealTile(0, 4, 200, 16, 300, 500)).toBe(0);
    expect(revealTile(5, 4, 200, 16, 100, 500)).toBe(100);
  });

  it('keeps a margin for the focus ring', () => {
    expect(revealTile(12, 4, 200, 16, 0, 600, 6)).toBe(190);
    expect(revealTile(4, 4, 200, 16, 250, 600, 6)).toBe(194);
    expect(revealTile(0, 4, 200, 16, 50, 600, 6)).toBe(0);
  });
});

describe('moveTile', () => {
  it('moves across and down the grid, staying inside it', () => {
    expect(moveTile(0, 'ArrowRight', 4, 10, 3)).toBe(1);
    expect(moveTile(0, 'ArrowLeft', 4, 10, 3)).toBe(0);
    expect(moveTile(1, 'ArrowDown', 4, 10, 3)).toBe(5);
    expect(moveTile(7, 'ArrowDown', 4, 10, 3)).toBe(7); // no tile below in the short last row
    expect(moveTile(5, 'ArrowUp', 4, 10, 3)).toBe(1);
    expect(moveTile(1, 'ArrowUp', 4, 10, 3)).toBe(1);
    expect(moveTile(0, 'PageDown', 4, 100, 3)).toBe(12);
    expect(moveTile(20, 'PageUp', 4, 100, 3)).toBe(8);
    expect(moveTile(97, 'PageDown', 4, 100, 3)).toBe(99);
    expect(moveTile(50, 'Home', 4, 100, 3)).toBe(0);
    expect(moveTile(5, 'End', 4, 100, 3)).toBe(99);
    expect(moveTile(5, 'x', 4, 100, 3)).toBeNull();
    expect(moveTile(0, 'ArrowDown', 4, 0, 3)).toBeNull();
  });
});
