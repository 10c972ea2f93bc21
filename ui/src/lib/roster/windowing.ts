// The roster list's windowing: with a fixed row height, which rows are on screen (plus a margin),
// which pages of the query hold them, where to scroll to show a row, and how keys move through
// rows. The portfolio gallery (portfolio/grid.ts) builds its rows of tiles on the same pieces.
// Pure: tested in windowing.test.ts.

export interface Viewport {
  /** The scroll container's scrollTop, px. */
  scrollTop: number;
  /** Its visible height, px. */
  height: number;
  rowHeight: number;
  /** How many rows the list has in all. */
  count: number;
  /** Rows rendered above and below the visible ones, so a fast scroll doesn't show blanks. */
  overscan?: number;
}

export interface Window {
  /** First row rendered (inclusive). */
  start: number;
  /** After the last row rendered (exclusive). */
  end: number;
  /** Where the first rendered row sits, px from the top of the list. */
  offset: number;
  /** The height of the whole list, px, so the scrollbar is true. */
  total: number;
}

export function visibleWindow({ scrollTop, height, rowHeight, count, overscan = 8 }: Viewport): Window {
  const total = Math.max(0, count) * rowHeight;
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, total };
  // A list that shrank (a narrower filter) may still be scrolled past its new end.
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, total - height));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, height)) / rowHeight); // exclusive
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, Math.max(last, first + 1) + overscan);
  return { start, end, offset: start * rowHeight, total };
}

/** The pages (of `pageSize` rows) that hold rows [start, end). */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end <= start || pageSize <= 0) return [];
  const pages: number[] = [];
  for (let p = Math.floor(start / pageSize); p <= Math.floor((end - 1) / pageSize); p++) pages.push(p);
  return pages;
}

/** The scrollTop that brings the span [top, bottom) px fully into view, moving as little as possible. */
export function revealSpan(top: number, bottom: number, scrollTop: number, height: number): number {
  if (top < scrollTop) return Math.max(0, top);
  if (bottom > scrollTop + height) return Math.max(0, bottom - height);
  return scrollTop;
}

/** The scrollTop that brings row `index` fully into view, moving as little as possible. */
export function revealRow(index: number, scrollTop: number, height: number, rowHeight: number): number {
  return revealSpan(index * rowHeight, (index + 1) * rowHeight, scrollTop, height);
}

/** `n` kept to the indices of a list of `count` items (count > 0). */
export function clampIndex(n: number, count: number): number {
  return Math.min(count - 1, Math.max(0, n));
}

/**
 * Where PageUp and PageDown (by `page` items), Home and End move the active item of `count`;
 * null for other keys and an empty list. The arrows are each list's own.
 */
export function pageKeyMove(index: number, key: string, count: number, page: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'PageDown':
      return clampIndex(index + page, count);
    case 'PageUp':
      return clampIndex(index - page, count);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Where a key moves the active row; null for keys the list doesn't use. */
export function moveRow(index: number, key: string, count: number, pageRows: number): number | null {
  if (count <= 0) return null;
  if (key === 'ArrowDown') return clampIndex(index + 1, count);
  if (key === 'ArrowUp') return clampIndex(index - 1, count);
  return pageKeyMove(index, key, count, Math.max(1, pageRows - 1));
}
