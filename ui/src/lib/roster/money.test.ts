import { describe, expect, it } from 'vitest';
import { amountText, cleanCurrency, formatBand, formatMoney, formatRate, fractionDigits, parseAmount } from './money';

const minor = (raw: string, currency?: string) => {
  const r = parseAmount(raw, currency);
  return r.ok ? r.minor : r.error;
};

describe('parseAmount', () => {
  it('reads decimals with a dot or a comma', () => {
    expect(minor('82.50')).toBe(8250);
    expect(minor('82,50')).toBe(8250);
    expect(minor('82.5')).toBe(8250);
    expect(minor('82')).toBe(8200);
    expect(minor(' 0.05 ')).toBe(5);
    expect(minor('.5')).toBe(50);
    expect(minor('+12')).toBe(1200);
  });

  it('reads thousands grouped either way round', () => {
    expect(minor('1,234.50')).toBe(123450);
    expect(minor('1.234,50')).toBe(123450);
    expect(minor('1 234,50')).toBe(123450);
    expect(minor('1\u202f234,50')).toBe(123450);
    expect(minor('1,234,567')).toBe(123456700);
    expect(minor("1'234.50")).toBe(123450);
  });

  it('follows the currency for the number of decimals', () => {
    expect(minor('1500', 'JPY')).toBe(1500);
    expect(minor('1500.5', 'JPY')).toBe('JPY amounts have no decimals.');
    expect(minor('1.250', 'KWD')).toBe(1250);
  });

  it('refuses what is not an amount, and says why', () => {
    expect(minor('')).toBe('Enter an amount, like 82.50.');
    expect(minor('   ')).toBe('Enter an amount, like 82.50.');
    expect(minor('-5')).toBe("An amount can't be negative.");
    expect(minor('12abc')).toMatch(/is not an amount/);
    expect(minor('€82')).toMatch(/is not an amount/);
    expect(minor('1e5')).toMatch(/is not an amount/);
    expect(minor('.')).toMatch(/is not an amount/);
    expect(minor('82.505')).toBe('Use at most 2 decimals, like 82.50.');
    expect(minor('1,234')).toBe('Use at most 2 decimals, like 82.50.');
    expect(minor('1.2.3,4')).toMatch(/is not an amount/);
    expect(minor('12,34,567')).toMatch(/is not an amount/);
    expect(minor('1,2,3.4.5')).toBe("'1,2,3.4.5' has two decimal points.");
    expect(minor('99999999999999999')).toBe('That amount is too large.');
  });
});

describe('amounts for fields', () => {
  it('writes minor units back as a plain decimal', () => {
    expect(amountText(8250)).toBe('82.50');
    expect(amountText(5)).toBe('0.05');
    expect(amountText(123450)).toBe('1234.50');
    expect(amountText(1500, 'JPY')).toBe('1500');
    expect(amountText(1250, 'KWD')).toBe('1.250');
  });

  it('round-trips through parseAmount', () => {
    for (const n of [0, 1, 99, 100, 8250, 123456789]) expect(minor(amountText(n))).toBe(n);
  });
});

describe('currencies', () => {
  it('cleans three-letter codes', () => {
    expect(cleanCurrency(' usd ')).toBe('USD');
    expect(cleanCurrency('EU')).toBeNull();
    expect(cleanCurrency('EURO')).toBeNull();
    expect(cleanCurrency('€')).toBeNull();
  });

  it('knows how many decimals a currency has', () => {
    expect(fractionDigits('EUR')).toBe(2);
    expect(fractionDigits('JPY')).toBe(0);
    expect(fractionDigits('not a code')).toBe(2);
  });
});

describe('formatting', () => {
  it('shows money with its currency in the locale', () => {
    expect(formatMoney(7500, 'EUR', 'en-US')).toBe('€75.00');
    expect(formatMoney(123450, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
  });

  it('shows a rate with its unit', () => {
    expect(formatRate({ minor: 7500, currency: 'EUR' }, 'hour', 'en-US')).toBe('€75.00 / hour');
    expect(formatRate({ minor: 60000, currency: 'USD' }, 'day', 'en-US')).toBe('$600.00 / day');
    expect(formatRate({ minor: 1200000, currency: 'EUR' }, 'fixed', 'en-US')).toBe('€12,000.00 fixed');
  });

  it('shows a band as a range', () => {
    const band = { roleId: 'r', levelKey: 'l', min: { minor: 6000, currency: 'EUR' }, maxMinor: 9000, rateUnit: 'hour' as const };
    expect(formatBand(band, 'en-US')).toBe('€60.00–€90.00 / hour');
  });
});
