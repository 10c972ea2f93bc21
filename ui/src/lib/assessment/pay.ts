// What assessments cost, from the core's pay totals (one row per person, role, quarter and
// currency): one person's pay per quarter and role, the totals per quarter and role across people,
// and the words for them. No Svelte, no IPC: tested in pay.test.ts.
import type { Money, PayTotal } from '$lib/api';
import { formatMoney } from '$lib/roster/money';

/** Assessment pay for one quarter and role: the stipends (one sum per currency) and the billable ones. */
export interface PayLine {
  /** "2026-Q4". */
  quarter: string;
  roleName: string;
  /** One sum per currency, by currency code; empty when none was a stipend. */
  stipends: Money[];
  stipendCount: number;
  billableCount: number;
  /** How many people were assessed. */
  people: number;
}

/** "2026-Q4" → "Q4 2026"; anything else as given. */
export function quarterLabel(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? `Q${m[2]} ${m[1]}` : quarter;
}

/**
 * The rows merged per quarter and role (the core splits them by currency, and by person):
 * newest quarter first, then by role.
 */
export function mergePay(totals: readonly PayTotal[]): PayLine[] {
  const lines = new Map<string, PayLine & { who: Set<string>; sums: Map<string, number> }>();
  for (const t of totals) {
    const key = `${t.quarter}\u0000${t.roleName}`;
    let line = lines.get(key);
    if (!line) {
      line = {
        quarter: t.quarter,
        roleName: t.roleName,
        stipends: [],
        stipendCount: 0,
        billableCount: 0,
        people: 0,
        who: new Set(),
        sums: new Map()
      };
      lines.set(key, line);
    }
    line.who.add(t.contractorId);
    line.stipendCount += t.stipendCount;
    line.billableCount += t.billableCount;
    if (t.stipendCount > 0 && t.stipends.currency) {
      const c = t.stipends.currency;
      line.sums.set(c, (line.sums.get(c) ?? 0) + t.stipends.minor);
    }
  }
  return [...lines.values()]
    .map(({ who, sums, ...line }) => ({
      ...line,
      people: who.size,
      stipends: [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ minor, currency }))
    }))
    .sort((a, b) => b.quarter.localeCompare(a.quarter) || a.roleName.localeCompare(b.roleName));
}

/** One person's assessment pay per quarter and role. */
export function personPay(totals: readonly PayTotal[], contractorId: string): PayLine[] {
  return mergePay(totals.filter((t) => t.contractorId === contractorId));
}

/** "€450.00", "€450.00 + $120.00"; '' when there are none. */
export function stipendSum(stipends: readonly Money[], locale?: string): string {
  return stipends.map((m) => formatMoney(m.minor, m.currency, locale)).join(' + ');
}

/** "€450.00 in stipends (2)"; null without stipends. */
export function stipendText(line: Pick<PayLine, 'stipends' | 'stipendCount'>, locale?: string): string | null {
  if (line.stipendCount === 0) return null;
  return `${stipendSum(line.stipends, locale) || 'Nothing'} in stipends (${line.stipendCount})`;
}

/** A table cell: "€450.00 (2)"; null without stipends. */
export function stipendCell(line: Pick<PayLine, 'stipends' | 'stipendCount'>, locale?: string): string | null {
  if (line.stipendCount === 0) return null;
  return `${stipendSum(line.stipends, locale) || 'Nothing'} (${line.stipendCount})`;
}

/** "1 integrated into billable work"; null when none was. */
export function billableText(line: Pick<PayLine, 'billableCount'>): string | null {
  return line.billableCount === 0 ? null : `${line.billableCount} integrated into billable work`;
}

/** "€450.00 in stipends (2) · 1 integrated into billable work". */
export function payText(line: Pick<PayLine, 'stipends' | 'stipendCount' | 'billableCount'>, locale?: string): string {
  const parts = [stipendText(line, locale), billableText(line)].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : 'Nothing paid';
}

/** "3 people", "1 person". */
export function peopleText(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}

/** The lines under one heading per quarter, in the order given (newest first). */
export function byQuarter(lines: readonly PayLine[]): { quarter: string; label: string; lines: PayLine[] }[] {
  const groups: { quarter: string; label: string; lines: PayLine[] }[] = [];
  for (const line of lines) {
    const last = groups[groups.length - 1];
    if (last && last.quarter === line.quarter) last.lines.push(line);
    else groups.push({ quarter: line.quarter, label: quarterLabel(line.quarter), lines: [line] });
  }
  return groups;
}
