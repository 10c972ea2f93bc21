import { describe, expect, it } from 'vitest';
import { formatDay, formatSpan, isIsoDay, todayIso } from './dates';

describe('calendar days', () => {
  it('knows a real day from text that only looks like one', () => {
    expect(isIsoDay('2026-01-05')).toBe(true);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-13-01')).toBe(false);
    expect(isIsoDay('2026-1-5')).toBe(false);
    expect(isIsoDay('')).toBe(false);
    expect(isIsoDay('05/01/2026')).toBe(false);
  });

  it("gives today's local day", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(todayIso(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });

  it('shows a day in the locale without shifting it', () => {
    expect(formatDay('2026-01-05', 'en-US')).toBe('Jan 5, 2026');
    expect(formatDay('2026-12-31', 'en-GB')).toBe('31 Dec 2026');
    expect(formatDay(null)).toBe('');
    expect(formatDay('soon')).toBe('soon');
  });

  it('shows a span, open-ended when there is no end', () => {
    expect(formatSpan('2026-01-05', '2026-03-31', 'en-US')).toBe('Jan 5, 2026 → Mar 31, 2026');
    expect(formatSpan('2026-01-05', null, 'en-US')).toBe('Jan 5, 2026 → open-ended');
  });
});
