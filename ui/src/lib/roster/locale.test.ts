import { describe, expect, it } from 'vitest';
import { formatCount, userLocale } from './locale';

describe('userLocale', () => {
  it("keeps the engine's default for real locales", () => {
    expect(userLocale('de-DE')).toBeUndefined();
    expect(userLocale('en-GB')).toBeUndefined();
  });

  it('reads a POSIX "C" environment as en-US', () => {
    expect(userLocale('en-US-u-va-posix')).toBe('en-US');
  });
});

describe('formatCount', () => {
  it('groups thousands the way the locale does', () => {
    expect(formatCount(10000, 'en-US')).toBe('10,000');
    expect(formatCount(10000, 'de-DE')).toBe('10.000');
    expect(formatCount(7, 'en-US')).toBe('7');
  });
});
