import { describe, expect, it } from 'vitest';
import { clampIndex, moveRow, pageKeyMove, pagesFor, revealRow, revealSpan, visibleWindow } from './windowing';

const view = (scrollTop: number, count = 10_000, overscan = 0) =>
  visibleWindow({ scrollTop, height: 400, rowHeight: 40, count, overscan });

describe('visibleWindow', () => {
  it('renders only the rows on screen', () => {
    expect(view(0)).toEqual({ start: 0, end: 10, offset: 0, total: 400_000 });
    expect(view(4000)).toEqual({ start: 100, end: 110, offset: 4000, total: 400_000 });
  });

  it('counts a row cut by the bottom edge', () => {
    expect(view(20)).toMatchObject({ start: 0, end: 11 });
  });

  it('adds the overscan on both sides, within the list', () => {
    expect(view(4000, 10_000, 5)).toMatchObject({ start: 95, end: 115, offset: 3800 });
    expect(view(0, 10_000, 5)).toMatchObject({ start: 0, end: 15 });
    expect(view(399_600, 10_000, 5)).toMatchObject({ start: 9985, end: 10_000 });
  });

  it('copes with a short list, an empty one, and a list that shrank under the scroll', () => {
    expect(view(0, 3)).toEqual({ start: 0, end: 3, offset: 0, total: 120 });
    expect(view(0, 0)).toEqual({ start: 0, end: 0, offset: 0, total: 0 });
    expect(view(50_000, 25)).toMatchObject({ start: 15, end: 25 });
    expect(view(-30)).toMatchObject({ start: 0, end: 10 });
  });

  it('renders at least one row before the container has a height', () => {
    expect(visibleWindow({ scrollTop: 0, height: 0, rowHeight: 40, count: 50, overscan: 0 })).toMatchObject({
      start: 0,
      end: 1
    });
  });

  it('keeps 10,000 rows down to a screenful', () => {
    const w = visibleWindow({ scrollTop: 123_456, height: 900, rowHeight: 52, count: 10_000 });
    expect(w.end - w.start).toBeLessThan(40);
    expect(w.offset).toBe(w.start * 52);
  });
});

describe('pagesFor', () => {
  it('lists the pages that hold a range of rows', () => {
    expect(pagesFor(0, 10, 200)).toEqual([0]);
    expect(pagesFor(195, 215, 200)).toEqual([0, 1]);
    expect(pagesFor(200, 400, 200)).toEqual([1]);
    expect(pagesFor(399, 401, 200)).toEqual([1, 2]);
    expect(pagesFor(10, 10, 200)).toEqual([]);
  });
});

describe('revealRow', () => {
  it('scrolls only as far as needed', () => {
    expect(revealRow(5, 0, 400, 40)).toBe(0);
    expect(revealRow(10, 0, 400, 40)).toBe(40);
    expect(revealRow(2, 200, 400, 40)).toBe(80);
    expect(revealRow(0, 200, 400, 40)).toBe(0);
  });
});

describe('revealSpan', () => {
  it('scrolls only as far as brings a span into view, never above the top', () => {
    expect(revealSpan(100, 140, 0, 400)).toBe(0);
    expect(revealSpan(390, 430, 0, 400)).toBe(30);
    expect(revealSpan(50, 90, 200, 400)).toBe(50);
    expect(revealSpan(-6, 30, 200, 400)).toBe(0);
  });
});

describe('clampIndex', () => {
  it('keeps an index inside the list', () => {
    expect(clampIndex(-3, 10)).toBe(0);
    expect(clampIndex(4, 10)).toBe(4);
    expect(clampIndex(12, 10)).toBe(9);
  });
});

describe('pageKeyMove', () => {
  // From index, key → where it lands in a list of 100, paging by 12; the arrows are the caller's.
  it.each<[number, string, number | null]>([
    [0, 'PageDown', 12],
    [95, 'PageDown', 99],
    [20, 'PageUp', 8],
    [5, 'PageUp', 0],
    [50, 'Home', 0],
    [5, 'End', 99],
    [3, 'ArrowDown', null],
    [3, 'a', null]
  ])('from %i, %s goes to %s', (from, key, to) => {
    expect(pageKeyMove(from, key, 100, 12)).toBe(to);
  });

  it('does nothing in an empty list', () => {
    expect(pageKeyMove(0, 'End', 0, 12)).toBeNull();
  });
});

describe('moveRow', () => {
  it('moves with arrows, pages, Home and End, within the list', () => {
    expect(moveRow(3, 'ArrowDown', 10, 5)).toBe(4);
    expect(moveRow(9, 'ArrowDown', 10, 5)).toBe(9);
    expect(moveRow(0, 'ArrowUp', 10, 5)).toBe(0);
    expect(moveRow(0, 'PageDown', 10, 5)).toBe(4);
    expect(moveRow(8, 'PageDown', 10, 5)).toBe(9);
    expect(moveRow(5, 'PageUp', 10, 5)).toBe(1);
    expect(moveRow(5, 'Home', 10, 5)).toBe(0);
    expect(moveRow(5, 'End', 10, 5)).toBe(9);
  });

  it('ignores other keys and empty lists', () => {
    expect(moveRow(3, 'a', 10, 5)).toBeNull();
    expect(moveRow(0, 'ArrowDown', 0, 5)).toBeNull();
  });
});
