// Money as the core keeps it: an integer amount of minor units (cents) and an ISO 4217 currency.
// Parsing what a person types and formatting for their locale. Pure: tested in money.test.ts.
import type { Money, PayBand, RateUnit } from '$lib/api';
import { userLocale } from './locale';

/** The largest amount a field accepts, in minor units: far above any rate, far below float trouble. */
export const MAX_MINOR = 1_000_000_000_000;

export const UNIT_WORDS: Record<RateUnit, string> = {
  hour: 'hour',
  day: 'day',
  month: 'month',
  fixed: 'fixed'
};

export const RATE_UNITS = Object.keys(UNIT_WORDS) as RateUnit[];

/** "EUR", "usd " → "USD"; null when it isn't three letters. */
export function cleanCurrency(raw: string): string | null {
  const c = raw.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(c) ? c : null;
}

/** How many digits a currency has after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD. */
export function fractionDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** "1,234,567" → "1234567"; "x" when the groups aren't thousands ("1,2,3"), so it fails as text. */
function ungroup(s: string): string {
  return /^\d{1,3}([.,]\d{3})*$/.test(s) ? s.replace(/[.,]/g, '') : 'x';
}

export type Parsed = { ok: true; minor: number } | { ok: false; error: string };

/**
 * A decimal amount as typed → minor units: "82.50" and "82,50" → 8250, "1,234.50" and
 * "1.234,50" and "1 234,50" → 123450. With both separators the last one is the decimal point; a
 * lone separator is the decimal point; the same one repeated groups thousands.
 */
export function parseAmount(raw: string, currency = 'EUR'): Parsed {
  const digits = fractionDigits(currency);
  const text = raw.trim().replace(/[\s\u00a0\u202f_']/g, '');
  if (!text) return { ok: false, error: 'Enter an amount, like 82.50.' };
  if (text.startsWith('-')) return { ok: false, error: "An amount can't be negative." };
  if (!/^\+?[\d.,]+$/.test(text) || !/\d/.test(text)) {
    return { ok: false, error: `'${raw.trim()}' is not an amount: use digits, like 82.50.` };
  }
  const body = text.replace(/^\+/, '');
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let whole = body;
  let fraction = '';
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots && commas) {
    const sep = lastDot > lastComma ? '.' : ',';
    if ((sep === '.' ? dots : commas) > 1) return { ok: false, error: `'${raw.trim()}' has two decimal points.` };
    [whole, fraction] = body.split(sep);
    whole = ungroup(whole);
  } else if (dots + commas === 1) {
    [whole, fraction] = body.split(dots ? '.' : ',');
  } else if (dots + commas > 1) {
    whole = ungroup(body); // "1,234,567": thousands only
  }
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || (!whole && !fraction)) {
    return { ok: false, error: `'${raw.trim()}' is not an amount: use digits, like 82.50.` };
  }
  if (fraction.length > digits) {
    return {
      ok: false,
      error: digits === 0 ? `${currency} amounts have no decimals.` : `Use at most ${digits} decimals, like 82.50.`
    };
  }
  const minor = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) return { ok: false, error: 'That amount is too large.' };
  return { ok: true, minor };
}

/** Minor units as a plain decimal for an input field: 8250 → "82.50" (no grouping, a dot). */
export function amountText(minor: number, currency = 'EUR'): string {
  const digits = fractionDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

/** 7500 EUR → "€75.00" in the user's locale (or the one given). */
export function formatMoney(minor: number, currency: string, locale = userLocale()): string {
  const digits = fractionDigits(currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits
    }).format(minor / 10 ** digits);
  } catch {
    return `${amountText(minor, currency)} ${currency}`;
  }
}

function perUnit(unit: RateUnit): string {
  return unit === 'fixed' ? ' fixed' : ` / ${UNIT_WORDS[unit]}`;
}

/** "€75.00 / hour", "€12,000.00 fixed". */
export function formatRate(rate: Money, unit: RateUnit, locale?: string): string {
  return formatMoney(rate.minor, rate.currency, locale) + perUnit(unit);
}

/** "€60.00–€90.00 / hour". */
export function formatBand(band: PayBand, locale?: string): string {
  const c = band.min.currency;
  return `${formatMoney(band.min.minor, c, locale)}–${formatMoney(band.maxMinor, c, locale)}${perUnit(band.rateUnit)}`;
}
