import { describe, expect, it } from 'vitest';
import { moveRow, pagesFor, revealRow, visibleWindow } from './windowing';

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
