// The gallery's windowing: tiles of one size flow into as many columns as the width holds, so a
// row has a fixed height and the rows on screen are plain arithmetic. Only those rows (and a few
// more) are in the page, so thousands of tiles scroll smoothly. The windowing, scrolling and paging
// arithmetic is the roster list's (roster/windowing.ts); the grid adds columns. Pure: tested in
// grid.test.ts.

import { clampIndex, pageKeyMove, revealSpan, visibleWindow, type Window as ListWindow } from '$lib/roster/windowing';

export interface GridOptions {
  /** The narrowest a tile may be, px. */
  minTile?: number;
  /** Space between tiles, across and down, px. */
  gap?: number;
  /** The picture's height as a share of the tile's width. */
  aspect?: number;
  /** The height of the words under the picture, px. */
  meta?: number;
}

export interface GridLayout {
  columns: number;
  /** A tile's width, px. */
  tile: number;
  /** A tile's picture height, px. */
  media: number;
  /** From one row's top to the next one's, px (the tile and the gap under it). */
  pitch: number;
  gap: number;
}

export function gridLayout(width: number, { minTile = 220, gap = 16, aspect = 0.75, meta = 64 }: GridOptions = {}): GridLayout {
  const w = Math.max(0, width);
  const columns = Math.max(1, Math.floor((w + gap) / (minTile + gap)));
  const tile = Math.max(0, (w - gap * (columns - 1)) / columns);
  const media = Math.round(tile * aspect);
  return { columns, tile, media, pitch: media + meta + gap, gap };
}

/** The rows rendered: [start, end), the first one's offset and the height of all rows, px. */
export type RowWindow = ListWindow;

/** The rows in view (plus `overscan` above and below) of `count` tiles in `columns` columns. */
export function visibleRows(
  { scrollTop, height, pitch, count, columns, overscan = 2 }:
  { scrollTop: number; height: number; pitch: number; count: number; columns: number; overscan?: number }
): RowWindow {
  // Every row has the same pitch, so the rows window like the roster's list.
  return visibleWindow({ scrollTop, height, rowHeight: pitch, count: rowCount(count, columns), overscan });
}

export function rowCount(count: number, columns: number): number {
  return count > 0 && columns > 0 ? Math.ceil(count / columns) : 0;
}

/** The tiles of rows [start, end): indices [from, to). */
export function tilesIn(start: number, end: number, columns: number, count: number): { from: number; to: number } {
  const from = Math.min(count, Math.max(0, start * columns));
  return { from, to: Math.min(count, Math.max(from, end * columns)) };
}

/**
 * The scrollTop that brings tile `index`'s row fully into view, with `margin` px to spare (the
 * focus ring), moving as little as possible.
 */
export function revealTile(
  index: number,
  columns: number,
  pitch: number,
  gap: number,
  scrollTop: number,
  height: number,
  margin = 0
): number {
  const top = Math.floor(index / Math.max(1, columns)) * pitch;
  return revealSpan(top - margin, top + pitch - gap + margin, scrollTop, height);
}

/** Where a key moves the active tile in a grid; null for keys the gallery doesn't use. */
export function moveTile(index: number, key: string, columns: number, count: number, pageRows: number): number | null {
  if (count <= 0) return null;
  const cols = Math.max(1, columns);
  switch (key) {
    case 'ArrowRight':
      return clampIndex(index + 1, count);
    case 'ArrowLeft':
      return clampIndex(index - 1, count);
    case 'ArrowDown':
      return index + cols < count ? index + cols : clampIndex(index, count);
    case 'ArrowUp':
      return index - cols >= 0 ? index - cols : clampIndex(index, count);
    default:
      return pageKeyMove(index, key, count, Math.max(1, pageRows) * cols);
  }
}
