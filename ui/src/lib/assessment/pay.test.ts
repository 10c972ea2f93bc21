import { describe, expect, it } from 'vitest';
import type { PayTotal } from '$lib/api';
import { byQuarter, mergePay, payText, peopleText, personPay, quarterLabel, stipendCell, stipendSum } from './pay';

const total = (t: Partial<PayTotal>): PayTotal => ({
  contractorId: 'oona',
  contractorName: 'Oona Virtanen',
  roleName: 'Product designer',
  quarter: '2026-Q4',
  stipends: { minor: 0, currency: '' },
  stipendCount: 0,
  billableCount: 0,
  ...t
});

const eur = (euros: number) => ({ minor: euros * 100, currency: 'EUR' });

describe('assessment pay', () => {
  it('names quarters the way people say them', () => {
    expect(quarterLabel('2026-Q4')).toBe('Q4 2026');
    expect(quarterLabel('2027-Q1')).toBe('Q1 2027');
    expect(quarterLabel('someday')).toBe('someday');
  });

  it("merges one person's stipends and billable assessments per quarter and role", () => {
    const totals = [
      total({ stipends: eur(450), stipendCount: 2 }),
      // The core gives billable assessments their own row, with no currency.
      total({ billableCount: 1 }),
      total({ contractorId: 'elif', contractorName: 'Elif Demir', billableCount: 3 }),
      total({ quarter: '2026-Q3', stipends: eur(200), stipendCount: 1 })
    ];
    const lines = personPay(totals, 'oona');
    expect(lines).toEqual([
      { quarter: '2026-Q4', roleName: 'Product designer', stipends: [eur(450)], stipendCount: 2, billableCount: 1, people: 1 },
      { quarter: '2026-Q3', roleName: 'Product designer', stipends: [eur(200)], stipendCount: 1, billableCount: 0, people: 1 }
    ]);
    expect(payText(lines[0], 'en-US')).toBe('€450.00 in stipends (2) · 1 integrated into billable work');
    expect(payText(lines[1], 'en-US')).toBe('€200.00 in stipends (1)');
    expect(personPay(totals, 'nobody')).toEqual([]);
  });

  it('totals each quarter and role across people, newest quarter first, then by role', () => {
    const lines = mergePay([
      total({ quarter: '2026-Q3', roleName: 'Backend engineer', contractorId: 'a', billableCount: 1 }),
      total({ contractorId: 'a', stipends: eur(250), stipendCount: 1 }),
      total({ contractorId: 'b', stipends: eur(300), stipendCount: 1 }),
      total({ contractorId: 'b', billableCount: 2 }),
      total({ roleName: 'Backend engineer', contractorId: 'c', billableCount: 1 })
    ]);
    expect(lines.map((l) => [l.quarter, l.roleName, l.people, payText(l, 'en-US')])).toEqual([
      ['2026-Q4', 'Backend engineer', 1, '1 integrated into billable work'],
      ['2026-Q4', 'Product designer', 2, '€550.00 in stipends (2) · 2 integrated into billable work'],
      ['2026-Q3', 'Backend engineer', 1, '1 integrated into billable work']
    ]);
    expect(lines.map((l) => stipendCell(l, 'en-US'))).toEqual([null, '€550.00 (2)', null]);
    expect(byQuarter(lines).map((g) => [g.label, g.lines.length])).toEqual([
      ['Q4 2026', 2],
      ['Q3 2026', 1]
    ]);
  });

  it('keeps each currency apart rather than adding euros to dollars', () => {
    const [line] = mergePay([
      total({ stipends: eur(100), stipendCount: 1 }),
      total({ contractorId: 'b', stipends: { minor: 12000, currency: 'USD' }, stipendCount: 1 }),
      total({ contractorId: 'c', stipends: eur(50), stipendCount: 1 })
    ]);
    expect(line.stipends).toEqual([eur(150), { minor: 12000, currency: 'USD' }]);
    expect(stipendSum(line.stipends, 'en-US')).toBe('€150.00 + $120.00');
    expect(payText(line, 'en-US')).toBe('€150.00 + $120.00 in stipends (3)');
  });

  it('says when nothing was paid', () => {
    expect(payText({ stipends: [], stipendCount: 0, billableCount: 0 })).toBe('Nothing paid');
    expect(mergePay([])).toEqual([]);
  });

  it('counts people', () => {
    expect(peopleText(1)).toBe('1 person');
    expect(peopleText(3)).toBe('3 people');
  });
});
