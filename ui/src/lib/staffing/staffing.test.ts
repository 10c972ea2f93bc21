import { describe, expect, it } from 'vitest';
import { addDays } from './staffing';

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-12-20', 14)).toBe('2027-01-03');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});
