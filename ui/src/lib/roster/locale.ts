// The locale numbers and dates are written in. Pure: tested in locale.test.ts.

let cached: string | undefined | null = null;

/**
 * The user's locale, or undefined for "the engine's default". Without any locale set (LANG=C: CI
 * machines, minimal Linux installs) engines fall back to en-US-u-va-posix, which writes "€ 75.00"
 * and "10000"; plain en-US reads the way people expect there.
 */
export function userLocale(resolved?: string): string | undefined {
  if (resolved !== undefined) return /-u-va-posix\b/i.test(resolved) ? 'en-US' : undefined;
  if (cached === null) cached = userLocale(new Intl.NumberFormat().resolvedOptions().locale);
  return cached;
}

/** 10000 → "10,000" in the user's locale. */
export function formatCount(n: number, locale = userLocale()): string {
  return n.toLocaleString(locale);
}
