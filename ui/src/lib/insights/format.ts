// How the Insights screen says its numbers: a figure with its n and 95% interval, or why it is
// not shown; what a verdict means; the KPI's unit. Pure: tested in format.test.ts.
import type { CostCategory, Figure, KpiDefinition, KpiUnit, Verdict } from '$lib/api';
import { formatCount, userLocale } from '$lib/roster/locale';

/** A value in the KPI's unit: "38 days", "86%", "2.5 per 100 PRs". */
export function valueText(unit: KpiUnit, x: number, locale = userLocale()): string {
  switch (unit) {
    case 'days':
      return `${Math.round(x).toLocaleString(locale)} days`;
    case 'share': {
      const pct = x * 100;
      const digits = pct !== 0 && Math.abs(pct) < 10 ? 1 : 0;
      return `${pct.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })}%`;
    }
    case 'per100':
      return `${x.toLocaleString(locale, { maximumFractionDigits: 1 })} per 100 PRs`;
  }
}

/** The figure's headline, or why there is none. */
export function figureText(unit: KpiUnit, f: Figure, locale = userLocale()): string {
  if (f.hidden) return 'Too few people to show';
  if (f.value === null) return 'No data';
  return valueText(unit, f.value, locale);
}

/** "95%: 31–45 days", or "" when the figure has no interval. */
export function intervalText(unit: KpiUnit, f: Figure, locale = userLocale()): string {
  if (f.hidden || f.low === null || f.high === null) return '';
  const low = valueText(unit, f.low, locale);
  const high = valueText(unit, f.high, locale);
  // "31 days–45 days" reads badly: the unit once, at the end.
  const suffix = unit === 'days' ? ' days' : unit === 'per100' ? ' per 100 PRs' : '';
  const trim = (s: string) => (suffix ? s.slice(0, -suffix.length) : s);
  return `95%: ${trim(low)}–${trim(high)}${suffix}`;
}

/** "n 14 engagements · 12 people". */
export function sampleText(def: KpiDefinition, f: Figure, locale = userLocale()): string {
  const people = `${formatCount(f.people, locale)} ${f.people === 1 ? 'person' : 'people'}`;
  return `n ${formatCount(f.n, locale)} ${def.counts} · ${people}`;
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  improved: 'Improved',
  worse: 'Worse',
  no_clear_change: 'No clear change',
  too_few: 'Too few to say',
  no_interval: 'No interval (hours)'
};

export const VERDICT_HELP: Record<Verdict, string> = {
  improved: 'The 95% intervals leave no doubt the change is for the better.',
  worse: 'The 95% intervals leave no doubt the change is for the worse.',
  no_clear_change: 'The intervals overlap: the data can’t tell a change from chance yet.',
  too_few: 'Too few people or values for an interval: no claim either way.',
  no_interval: 'Hours over hours have no interval here, so no change is claimed either way.'
};

/** Badge tones for verdicts: only a clear change gets a colour. */
export function verdictTone(v: Verdict): 'success' | 'danger' | 'neutral' {
  return v === 'improved' ? 'success' : v === 'worse' ? 'danger' : 'neutral';
}

/** A whole percentage of return: +140%, −12%. */
export function roiText(roi: number | null, locale = userLocale()): string {
  if (roi === null) return '—';
  const pct = Math.round(roi * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct).toLocaleString(locale)}%`;
}

export const CATEGORY_LABELS: Record<CostCategory, string> = {
  learning_content: 'Learning content',
  credentialing: 'Credentialing',
  mentor_hours: 'Mentor hours',
  other: 'Other'
};
