// The timeline's words: what each kind of event is called, the month headings, and the date of
// an event (a calendar day as stored, or a recorded moment shown on the person's local day).
import type { TimelineEvent, TimelineKind } from '$lib/api';
import { formatDay, isIsoDay } from './dates';
import { userLocale } from './locale';

export const KIND_LABELS: Record<TimelineKind, string> = {
  level: 'Level',
  assessment: 'Assessment',
  signed: 'Signed',
  evidence: 'Evidence',
  review: 'Review',
  decision: 'Decision',
  delivery: 'Delivery'
};

function asDate(at: string): Date | null {
  const d = isIsoDay(at) ? new Date(`${at}T12:00:00`) : new Date(at);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "Nov 26, 2026" for either a day or a moment. */
export function whenLabel(at: string, locale: string | undefined = userLocale()): string {
  if (isIsoDay(at)) return formatDay(at, locale);
  const d = asDate(at);
  return d ? d.toLocaleDateString(locale, { dateStyle: 'medium' }) : at;
}

/** Consecutive events under "November 2026" headings, in the order given (newest first). */
export function groupByMonth(
  events: readonly TimelineEvent[],
  locale: string | undefined = userLocale()
): { label: string; events: TimelineEvent[] }[] {
  const groups: { label: string; events: TimelineEvent[] }[] = [];
  for (const e of events) {
    const d = asDate(e.at);
    const label = d ? d.toLocaleDateString(locale, { month: 'long', year: 'numeric' }) : 'Undated';
    const last = groups[groups.length - 1];
    if (last && last.label === label) last.events.push(e);
    else groups.push({ label, events: [e] });
  }
  return groups;
}
