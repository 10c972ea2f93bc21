// Calendar days ('YYYY-MM-DD', as the core stores contract dates and level changes). A day is not
// an instant: it is read and shown as a local date, never through UTC, so it can't shift by one.
// Pure: tested in dates.test.ts.
import { userLocale } from './locale';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string): [number, number, number] | null {
  const m = ISO_DAY.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  // 2026-02-30 would roll over to March: not a day.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return [y, mo, d];
}

export function isIsoDay(s: string): boolean {
  return parts(s) !== null;
}

/** Today (or the given moment) as the local calendar day. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(now.getFullYear(), 4)}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** '2026-01-05' → "Jan 5, 2026" in the user's locale (or the one given); other text as it is. */
export function formatDay(iso: string | null | undefined, locale = userLocale()): string {
  if (!iso) return '';
  const p = parts(iso);
  if (!p) return iso;
  return new Date(p[0], p[1] - 1, p[2]).toLocaleDateString(locale, { dateStyle: 'medium' });
}

/** "Jan 5, 2026 → Mar 31, 2026", or "Jan 5, 2026 → open-ended". */
export function formatSpan(start: string, end: string | null, locale = userLocale()): string {
  return `${formatDay(start, locale)} → ${end ? formatDay(end, locale) : 'open-ended'}`;
}
