import { describe, expect, it } from 'vitest';
import type { Assessor, AssessmentRow, ReviewItem } from '$lib/api';
import {
  actionLabel,
  countParts,
  countsLine,
  dueWords,
  groupReviews,
  isAllClear,
  isQueueFiltered,
  loadAssessor,
  NO_QUEUE_FILTERS,
  proposedAssessor,
  reviewCount,
  reviewFilter,
  saveAssessor,
  todayCounts,
  urgentReviews,
  waitingForSignature
} from './model';

const item = (p: Partial<ReviewItem> = {}): ReviewItem => ({
  engagementId: p.engagementId ?? `e-${p.contractorName ?? 'x'}-${p.dueOn ?? ''}`,
  contractorId: 'c1',
  contractorName: 'Lena Novak',
  roleId: 'r1',
  roleName: 'Product designer',
  client: 'Bluebell Energy',
  project: 'App',
  endOn: '2026-12-31',
  dueOn: '2026-12-01',
  daysLeft: 5,
  bucket: 'this_week',
  assessmentId: null,
  assessmentStatus: null,
  assessorName: null,
  ...p
});

const row = (p: Partial<AssessmentRow> = {}): AssessmentRow => ({
  id: 'a1',
  contractorId: 'c1',
  contractorName: 'Rosa Mendes',
  roleId: 'r',
  roleName: 'Product designer',
  levelKey: 'l',
  levelName: 'Designer',
  status: 'submitted',
  dueOn: '2026-12-01',
  assessorName: 'Ines Carvalho',
  ...p
});

const assessor = (id: string): Assessor => ({ id, name: id, email: '', publicKey: '', external: false });

describe('the review queue', () => {
  it('groups reviews under their headings, most urgent first, leaving empty groups out', () => {
    const groups = groupReviews([
      item({ contractorName: 'B', bucket: 'later', dueOn: '2027-02-01', daysLeft: 60 }),
      item({ contractorName: 'C', bucket: 'overdue', dueOn: '2026-11-20', daysLeft: -6 }),
      item({ contractorName: 'A', bucket: 'overdue', dueOn: '2026-10-22', daysLeft: -35 }),
      item({ contractorName: 'D', bucket: 'done', dueOn: '2026-10-01', daysLeft: -56 })
    ]);
    expect(groups.map((g) => g.label)).toEqual(['Overdue', 'Later', 'Done']);
    expect(groups[0].items.map((i) => i.contractorName)).toEqual(['A', 'C']);
    expect(groupReviews([])).toEqual([]);
  });

  it('says how soon a review is due, with a tone that is never alone', () => {
    expect(dueWords({ daysLeft: -5, bucket: 'overdue' })).toEqual({ text: '5 days overdue', tone: 'danger' });
    expect(dueWords({ daysLeft: -1, bucket: 'overdue' })).toEqual({ text: '1 day overdue', tone: 'danger' });
    expect(dueWords({ daysLeft: 0, bucket: 'this_week' }).text).toBe('Due today');
    expect(dueWords({ daysLeft: 1, bucket: 'this_week' }).text).toBe('Due tomorrow');
    expect(dueWords({ daysLeft: 3, bucket: 'this_week' })).toEqual({ text: 'in 3 days', tone: 'warning' });
    expect(dueWords({ daysLeft: 45, bucket: 'later' })).toEqual({ text: 'in 45 days', tone: 'neutral' });
    expect(dueWords({ daysLeft: -20, bucket: 'done' })).toEqual({ text: 'Done', tone: 'success' });
  });

  it('starts a review, or opens the one started', () => {
    expect(actionLabel({ assessmentId: null })).toBe('Start review');
    expect(actionLabel({ assessmentId: 'a1' })).toBe('Open assessment');
  });

  it('turns the filters into the core query', () => {
    expect(reviewFilter(NO_QUEUE_FILTERS)).toEqual({ roleId: null, assessorId: null, withinDays: null, includeDone: false });
    expect(reviewFilter({ roleId: 'r1', assessorId: 's1', within: '30', showDone: true })).toEqual({
      roleId: 'r1',
      assessorId: 's1',
      withinDays: 30,
      includeDone: true
    });
    expect(isQueueFiltered(NO_QUEUE_FILTERS)).toBe(false);
    expect(isQueueFiltered({ ...NO_QUEUE_FILTERS, showDone: true })).toBe(false);
    expect(isQueueFiltered({ ...NO_QUEUE_FILTERS, within: '7' })).toBe(true);
    expect(reviewCount(1)).toBe('1 review');
    expect(reviewCount(17)).toBe('17 reviews');
  });
});

describe('today on Home', () => {
  const reviews = [
    item({ contractorName: 'Week', bucket: 'this_week', dueOn: '2026-11-28', daysLeft: 2 }),
    item({ contractorName: 'Month', bucket: 'this_month', dueOn: '2026-12-06', daysLeft: 10 }),
    ...Array.from({ length: 9 }, (_, i) =>
      item({ contractorName: `Late ${i}`, bucket: 'overdue', dueOn: `2026-11-0${i + 1}`, daysLeft: -25 + i })
    )
  ];

  it('lists the overdue reviews, then this week, at most eight', () => {
    const top = urgentReviews(reviews);
    expect(top).toHaveLength(8);
    expect(top[0].contractorName).toBe('Late 0');
    expect(top.every((r) => r.bucket === 'overdue')).toBe(true);
    expect(urgentReviews(reviews, 20).at(-1)?.contractorName).toBe('Week');
  });

  it('lists the assessments waiting for a signature, the one due first on top', () => {
    const rows = [
      row({ id: 'x', status: 'in_progress' }),
      row({ id: 'b', dueOn: '2026-12-09' }),
      row({ id: 'a', dueOn: '2026-11-30' }),
      row({ id: 's', status: 'signed' })
    ];
    expect(waitingForSignature(rows).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('counts the work in one line, leaving out what is zero', () => {
    const c = todayCounts(reviews, [row(), row({ id: 'b' }), row({ id: 'c', status: 'planned' })]);
    expect(c).toEqual({ overdue: 9, thisWeek: 1, waiting: 2 });
    expect(countsLine(c)).toBe('9 overdue · 1 due this week · 2 waiting for signature');
    expect(countsLine({ overdue: 3, thisWeek: 0, waiting: 1 })).toBe('3 overdue · 1 waiting for signature');
    expect(countParts({ overdue: 3, thisWeek: 2, waiting: 0 })).toEqual([
      { text: '3 overdue', tone: 'danger' },
      { text: '2 due this week', tone: 'warning' }
    ]);
    const none = todayCounts([item({ bucket: 'later', daysLeft: 60 })], [row({ status: 'signed' })]);
    expect(isAllClear(none)).toBe(true);
    expect(countsLine(none)).toBe('All clear');
    expect(isAllClear(c)).toBe(false);
  });
});

describe('the assessor remembered', () => {
  it('keeps the last choice on this computer', () => {
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(loadAssessor(store)).toBe('');
    saveAssessor('s1', store);
    saveAssessor('', store);
    expect(loadAssessor(store)).toBe('s1');
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      }
    };
    expect(loadAssessor(broken)).toBe('');
    expect(() => saveAssessor('s1', broken)).not.toThrow();
  });

  it('proposes the last choice while listed, else the only one who signs here', () => {
    const list = [
      [assessor('ines'), true],
      [assessor('ext'), false]
    ] as const;
    expect(proposedAssessor(list, 'ext')).toBe('ext');
    expect(proposedAssessor(list, 'gone')).toBe('ines');
    expect(proposedAssessor([...list, [assessor('ana'), true]], '')).toBe('');
    expect(proposedAssessor([], 'ines')).toBe('');
  });
});
