// The gallery's windowing: tiles of one size flow into as many columns as the width holds, so a
// row has a fixed height and the rows on screen are plain arithmetic. Only those rows (and a few
// more) are in the page, so thousands of tiles scroll smoothly. Pure: tested in grid.test.ts.

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

export interface RowWindow {
  /** First row rendered (inclusive). */
  start: number;
  /** After the last row rendered (exclusive). */
  end: number;
  /** Where the first rendered row sits, px from the top. */
  offset: number;
  /** The height of all rows, px, so the scrollbar is true. */
  total: number;
}

/** The rows in view (plus `overscan` above and below) of `count` tiles in `columns` columns. */
export function visibleRows(
  { scrollTop, height, pitch, count, columns, overscan = 2 }:
  { scrollTop: number; height: number; pitch: number; count: number; columns: number; overscan?: number }
): RowWindow {
  const rows = rowCount(count, columns);
  const total = rows * pitch;
  if (rows === 0 || pitch <= 0) return { start: 0, end: 0, offset: 0, total };
  // A list that shrank (a narrower filter) may still be scrolled past its new end.
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, total - height));
  const first = Math.floor(top / pitch);
  const last = Math.ceil((top + Math.max(0, height)) / pitch); // exclusive
  const start = Math.max(0, first - overscan);
  const end = Math.min(rows, Math.max(last, first + 1) + overscan);
  return { start, end, offset: start * pitch, total };
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
  const top = Math.floor(index / Math.max(1, columns)) * pitch - margin;
  const bottom = top + margin + pitch - gap + margin;
  if (top < scrollTop) return Math.max(0, top);
  if (bottom > scrollTop + height) return Math.max(0, bottom - height);
  return scrollTop;
}

/** Where a key moves the active tile in a grid; null for keys the gallery doesn't use. */
export function moveTile(index: number, key: string, columns: number, count: number, pageRows: number): number | null {
  if (count <= 0) return null;
  const cols = Math.max(1, columns);
  const to = (n: number) => Math.min(count - 1, Math.max(0, n));
  const page = Math.max(1, pageRows) * cols;
  switch (key) {
    case 'ArrowRight':
      return to(index + 1);
    case 'ArrowLeft':
      return to(index - 1);
    case 'ArrowDown':
      return index + cols < count ? index + cols : to(index);
    case 'ArrowUp':
      return index - cols >= 0 ? index - cols : to(index);
    case 'PageDown':
      return to(index + page);
    case 'PageUp':
      return to(index - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
