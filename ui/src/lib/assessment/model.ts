// Pure helpers for assessments: the words and tones of statuses and kinds, progress through the
// rubric, the form of a new assessment, and why Sign can't be pressed yet. No Svelte, no IPC:
// tested in model.test.ts.
import type {
  Assessment,
  AssessmentKind,
  AssessmentRow,
  AssessmentStatus,
  AssessmentView,
  Engagement,
  Integrity,
  Level,
  NewAssessment,
  Pay,
  RubricRow
} from '$lib/api';
import type { Tone } from '$lib/ladder/model';
import { formatDay, isIsoDay } from '$lib/roster/dates';
import { cleanCurrency, formatMoney, parseAmount } from '$lib/roster/money';

export const STATUS_LABELS: Record<AssessmentStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  submitted: 'Submitted',
  signed: 'Signed',
  closed: 'Closed'
};

export const STATUS_TONES: Record<AssessmentStatus, Tone> = {
  planned: 'neutral',
  in_progress: 'info',
  submitted: 'warning',
  signed: 'success',
  closed: 'neutral'
};

export const KIND_LABELS: Record<AssessmentKind, string> = {
  portfolio_review: 'Portfolio review',
  paid_task: 'Paid task',
  live_critique: 'Live critique',
  shadowing_checkpoint: 'Shadowing checkpoint'
};

export const KINDS = Object.keys(KIND_LABELS) as AssessmentKind[];

/** Signed and closed assessments can't be changed (the database refuses too). */
export function isLocked(status: AssessmentStatus): boolean {
  return status === 'signed' || status === 'closed';
}

/** Still open and past its due day: shown as "Overdue" beside the status. */
export function isOverdue(a: { status: AssessmentStatus; dueOn: string }, today: string): boolean {
  return !isLocked(a.status) && a.dueOn < today;
}

/** One person's assessments from the whole list: open ones first (soonest due), then the done ones, latest first. */
export function rowsFor(rows: readonly AssessmentRow[], contractorId: string): AssessmentRow[] {
  const mine = rows.filter((r) => r.contractorId === contractorId);
  const open = mine.filter((r) => !isLocked(r.status)).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const done = mine.filter((r) => isLocked(r.status)).sort((a, b) => b.dueOn.localeCompare(a.dueOn));
  return [...open, ...done];
}

export interface Progress {
  rated: number;
  total: number;
  /** "2 of 3 cells rated" (by the assessor, whose ratings signing needs). */
  text: string;
  /** 0–1, for the meter. */
  ratio: number;
}

export function progress(rubric: readonly RubricRow[]): Progress {
  const total = rubric.length;
  const rated = rubric.filter((r) => r.assessorRating !== null).length;
  const text = total === 0 ? 'No cells to rate' : `${rated} of ${total} ${total === 1 ? 'cell' : 'cells'} rated`;
  return { rated, total, text, ratio: total ? rated / total : 0 };
}

/** The level to aim for: the one above `currentKey`; the first with none; the top one stays. */
export function nextLevel(levels: readonly Level[], currentKey: string | null | undefined): string {
  if (levels.length === 0) return '';
  const i = currentKey ? levels.findIndex((l) => l.key === currentKey) : -1;
  if (i < 0) return levels[0].key;
  return levels[Math.min(i + 1, levels.length - 1)].key;
}

/** A calendar day plus some days: '2026-01-25' + 14 → '2026-02-08'. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(y, m - 1, d + days);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(t.getFullYear(), 4)}-${p(t.getMonth() + 1)}-${p(t.getDate())}`;
}

/** "Harbour Bank · Card payments API". */
export function engagementLabel(e: Pick<Engagement, 'client' | 'project'>): string {
  return e.project ? `${e.client} · ${e.project}` : e.client;
}

/** "Stipend €250.00 · paid Nov 20, 2026", "Stipend €250.00 · not paid yet", "Billed to Harbour Bank · Card payments API". */
export function payLine(
  pay: Pay,
  paidOn: string | null,
  engagements: readonly Engagement[],
  locale?: string
): string {
  if (pay.kind === 'stipend') {
    const amount = formatMoney(pay.amount.minor, pay.amount.currency, locale);
    return `Stipend ${amount} · ${paidOn ? `paid ${formatDay(paidOn, locale)}` : 'not paid yet'}`;
  }
  const e = engagements.find((x) => x.id === pay.engagementId);
  return e ? `Billed to ${engagementLabel(e)}` : 'Integrated into billable work';
}

/** Why Sign can't be pressed, one reason a line; empty when it can. */
export function signBlockers(view: Pick<AssessmentView, 'missing' | 'canSignHere' | 'integrity'> & {
  assessment: Pick<Assessment, 'status' | 'assessor'>;
}): string[] {
  if (isLocked(view.assessment.status) || view.integrity.state !== 'unsigned') return [];
  const out: string[] = [];
  if (view.missing.length) out.push(`Missing: ${view.missing.join('; ')}`);
  if (!view.canSignHere) {
    out.push(`${view.assessment.assessor.name}'s key is not on this computer — export it for them to sign`);
  }
  return out;
}

/** The integrity banner's words, or null for an unsigned assessment (no banner). */
export function integrityLine(integrity: Integrity, assessor: string, signedOn: string): string | null {
  if (integrity.state === 'verified') return `Signed by ${assessor} on ${signedOn} · signature verified`;
  if (integrity.state === 'tampered') return `This assessment was changed after it was signed: ${integrity.reason}`;
  return null;
}

/** A file name for the export: "assessment-lena-novak-designer.json". */
export function exportFileName(a: Pick<Assessment, 'contractorName' | 'levelName'>): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `assessment-${[slug(a.contractorName), slug(a.levelName)].filter(Boolean).join('-')}.json`;
}

// ---- The new-assessment form -----------------------------------------------------------------

export type PayKind = Pay['kind'];

export interface AssessmentFields {
  roleId: string;
  levelKey: string;
  kind: AssessmentKind;
  assessorId: string;
  startsOn: string;
  dueOn: string;
  payKind: PayKind;
  amount: string;
  currency: string;
  /** When the stipend was paid; empty: not yet. */
  paidOn: string;
  engagementId: string;
}

export type AssessmentErrors = Partial<Record<keyof AssessmentFields, string>>;

export function newFields(today: string, roleId = '', levelKey = ''): AssessmentFields {
  return {
    roleId,
    levelKey,
    kind: 'portfolio_review',
    assessorId: '',
    startsOn: today,
    dueOn: addDays(today, 14),
    payKind: 'stipend',
    amount: '',
    currency: 'EUR',
    paidOn: '',
    engagementId: ''
  };
}

/** Checks what was typed and builds the input for the core, or says what to fix. */
export function assessmentInput(
  contractorId: string,
  f: AssessmentFields
): { input: NewAssessment } | { errors: AssessmentErrors } {
  const errors: AssessmentErrors = {};
  if (!f.roleId) errors.roleId = 'Choose the role to assess.';
  if (!f.levelKey) errors.levelKey = 'Choose the level to assess against.';
  if (!f.assessorId) errors.assessorId = 'Choose who assesses, or add an assessor.';
  const start = f.startsOn.trim();
  const due = f.dueOn.trim();
  if (!isIsoDay(start)) errors.startsOn = 'Write the start as year-month-day: 2026-01-05.';
  if (!isIsoDay(due)) errors.dueOn = 'Write the due date as year-month-day: 2026-01-19.';
  else if (isIsoDay(start) && due < start) errors.dueOn = 'The due date is before the start.';
  let pay: Pay | null = null;
  if (f.payKind === 'stipend') {
    const currency = cleanCurrency(f.currency);
    if (!currency) errors.currency = 'Use a three-letter currency code, like EUR.';
    const amount = parseAmount(f.amount, currency ?? 'EUR');
    // The date is the core's to check (it names the field in its message).
    const paidOn = f.paidOn.trim() || null;
    if (!amount.ok) errors.amount = amount.error;
    else if (currency) pay = { kind: 'stipend', amount: { minor: amount.minor, currency }, paidOn };
  } else if (!f.engagementId) {
    errors.engagementId = 'Choose the engagement the assessment is billed to.';
  } else {
    pay = { kind: 'billable', engagementId: f.engagementId };
  }
  if (Object.keys(errors).length || !pay) return { errors };
  return {
    input: {
      contractorId,
      roleId: f.roleId,
      levelKey: f.levelKey,
      kind: f.kind,
      assessorId: f.assessorId,
      startsOn: start,
      dueOn: due,
      pay
    }
  };
}
