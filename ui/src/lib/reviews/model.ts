// Pure helpers for the renewal review queue and the Home screen: the queue's groups, the words
// for how soon a review is due, the filters, today's counts, and the assessor remembered on this
// computer. No Svelte, no IPC: tested in model.test.ts.
import type { Assessor, AssessmentRow, ReviewBucket, ReviewFilter, ReviewItem } from '$lib/api';
import type { Tone } from '$lib/ladder/model';

/** The queue's groups, most urgent first. */
export const BUCKETS: readonly ReviewBucket[] = ['overdue', 'this_week', 'this_month', 'later', 'done'];

export const BUCKET_LABELS: Record<ReviewBucket, string> = {
  overdue: 'Overdue',
  this_week: 'Due this week',
  this_month: 'Due this month',
  later: 'Later',
  done: 'Done'
};

export interface ReviewGroup {
  bucket: ReviewBucket;
  label: string;
  items: ReviewItem[];
}

/** The reviews under their headings, in the order of BUCKETS; empty groups are left out. */
export function groupReviews(items: readonly ReviewItem[]): ReviewGroup[] {
  const by = new Map<ReviewBucket, ReviewItem[]>();
  for (const item of items) {
    const list = by.get(item.bucket);
    if (list) list.push(item);
    else by.set(item.bucket, [item]);
  }
  return BUCKETS.filter((b) => by.has(b)).map((b) => ({
    bucket: b,
    label: BUCKET_LABELS[b],
    items: [...by.get(b)!].sort(byUrgency)
  }));
}

/** Soonest due first, then by name: the order the core sends, kept when lists are merged. */
export function byUrgency(a: ReviewItem, b: ReviewItem): number {
  return a.dueOn.localeCompare(b.dueOn) || a.contractorName.localeCompare(b.contractorName);
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** How soon a review is due, in words, with the tone that goes with them (never the tone alone). */
export function dueWords(item: Pick<ReviewItem, 'daysLeft' | 'bucket'>): { text: string; tone: Tone } {
  if (item.bucket === 'done') return { text: 'Done', tone: 'success' };
  const n = item.daysLeft;
  if (n < 0) return { text: `${days(-n)} overdue`, tone: 'danger' };
  if (n === 0) return { text: 'Due today', tone: 'warning' };
  if (n === 1) return { text: 'Due tomorrow', tone: 'warning' };
  return { text: `in ${days(n)}`, tone: n <= 7 ? 'warning' : 'neutral' };
}

/** The row's action: a review whose assessment exists opens it. */
export function actionLabel(item: Pick<ReviewItem, 'assessmentId'>): string {
  return item.assessmentId ? 'Open assessment' : 'Start review';
}

// ---- filters ----------------------------------------------------------------------------------

/** "Due within": a number of days, or '' for any time. Overdue reviews always show. */
export type Within = '' | '7' | '30' | '90';

export const WITHIN_OPTIONS: readonly { value: Within; label: string }[] = [
  { value: '7', label: 'Due within 7 days' },
  { value: '30', label: 'Due within 30 days' },
  { value: '90', label: 'Due within 90 days' },
  { value: '', label: 'Due any time' }
];

export interface QueueFilters {
  roleId: string;
  assessorId: string;
  within: Within;
  showDone: boolean;
}

export const NO_QUEUE_FILTERS: QueueFilters = { roleId: '', assessorId: '', within: '', showDone: false };

/** The screen's filters as the core reads them. */
export function reviewFilter(f: QueueFilters): ReviewFilter {
  return {
    roleId: f.roleId || null,
    assessorId: f.assessorId || null,
    withinDays: f.within ? Number(f.within) : null,
    includeDone: f.showDone
  };
}

export function isQueueFiltered(f: QueueFilters): boolean {
  return !!(f.roleId || f.assessorId || f.within);
}

/** How many reviews are shown, in words: "17 reviews", "1 review". */
export function reviewCount(n: number): string {
  return `${n} ${n === 1 ? 'review' : 'reviews'}`;
}

// ---- Home -------------------------------------------------------------------------------------

/** The reviews that need someone now: overdue and due this week, most urgent first, at most `limit`. */
export function urgentReviews(items: readonly ReviewItem[], limit = 8): ReviewItem[] {
  return items
    .filter((i) => i.bucket === 'overdue' || i.bucket === 'this_week')
    .sort((a, b) => BUCKETS.indexOf(a.bucket) - BUCKETS.indexOf(b.bucket) || byUrgency(a, b))
    .slice(0, limit);
}

/** Assessments submitted and waiting for a lead's signature, the one due first on top. */
export function waitingForSignature(rows: readonly AssessmentRow[]): AssessmentRow[] {
  return rows
    .filter((r) => r.status === 'submitted')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.contractorName.localeCompare(b.contractorName));
}

export interface TodayCounts {
  overdue: number;
  thisWeek: number;
  waiting: number;
}

export function todayCounts(items: readonly ReviewItem[], rows: readonly AssessmentRow[]): TodayCounts {
  return {
    overdue: items.filter((i) => i.bucket === 'overdue').length,
    thisWeek: items.filter((i) => i.bucket === 'this_week').length,
    waiting: rows.filter((r) => r.status === 'submitted').length
  };
}

export function isAllClear(c: TodayCounts): boolean {
  return c.overdue + c.thisWeek + c.waiting === 0;
}

/** The counts that aren't zero, each with its tone: "3 overdue", "5 due this week", "2 waiting for signature". */
export function countParts(c: TodayCounts): { text: string; tone: Tone }[] {
  return [
    { n: c.overdue, text: `${c.overdue} overdue`, tone: 'danger' as Tone },
    { n: c.thisWeek, text: `${c.thisWeek} due this week`, tone: 'warning' as Tone },
    { n: c.waiting, text: `${c.waiting} waiting for signature`, tone: 'neutral' as Tone }
  ]
    .filter((p) => p.n > 0)
    .map(({ text, tone }) => ({ text, tone }));
}

/** "3 overdue · 5 due this week · 2 waiting for signature"; the parts that are zero are left out. */
export function countsLine(c: TodayCounts): string {
  const parts = countParts(c);
  return parts.length ? parts.map((p) => p.text).join(' · ') : 'All clear';
}

// ---- the assessor remembered on this computer -------------------------------------------------

export const ASSESSOR_KEY = 'guildbook.assessor';

export function loadAssessor(store: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string {
  try {
    return store?.getItem(ASSESSOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveAssessor(id: string, store: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  if (!id) return;
  try {
    store?.setItem(ASSESSOR_KEY, id);
  } catch {
    // Private mode or a full disk: the choice is only a convenience.
  }
}

/**
 * The assessor to propose: the one chosen last if they are still listed, else the only one whose
 * signing key is on this computer, else nobody ('').
 */
export function proposedAssessor(list: readonly (readonly [Assessor, boolean])[], remembered: string): string {
  if (remembered && list.some(([a]) => a.id === remembered)) return remembered;
  const here = list.filter(([, local]) => local);
  return here.length === 1 ? here[0][0].id : '';
}
