import { describe, expect, it } from 'vitest';
import type { AssessmentRow, Assessor, Engagement, RubricRow } from '$lib/api';
import {
  addDays,
  assessmentInput,
  exportFileName,
  integrityLine,
  isOverdue,
  newFields,
  nextLevel,
  payLine,
  progress,
  rowsFor,
  signBlockers
} from './model';

const row = (r: Partial<RubricRow>): RubricRow => ({
  domainKey: 'd',
  domainName: 'Craft',
  outcomes: [],
  evidenceRequired: [],
  selfRating: null,
  assessorRating: null,
  comment: '',
  evidence: [],
  evidenceProgress: null,
  ...r
});

const listRow = (r: Partial<AssessmentRow>): AssessmentRow => ({
  id: 'a',
  contractorId: 'c',
  contractorName: 'Lena Novak',
  roleId: 'r',
  roleName: 'Product designer',
  levelKey: 'l',
  levelName: 'Designer',
  status: 'planned',
  dueOn: '2026-03-01',
  assessorName: 'Ines Carvalho',
  ...r
});

const ines: Assessor = { id: 's', name: 'Ines Carvalho', email: '', publicKey: 'k', external: false };

describe('progress', () => {
  it('counts the cells the assessor rated', () => {
    const p = progress([row({ assessorRating: 'meets' }), row({ selfRating: 'meets' }), row({ assessorRating: 'not yet' })]);
    expect(p).toEqual({ rated: 2, total: 3, text: '2 of 3 cells rated', ratio: 2 / 3 });
    expect(progress([row({})]).text).toBe('0 of 1 cell rated');
    expect(progress([]).text).toBe('No cells to rate');
  });
});

describe('levels and dates', () => {
  const levels = ['junior', 'designer', 'lead'].map((key) => ({ key, name: key, description: '' }));

  it('aims at the level above the current one', () => {
    expect(nextLevel(levels, 'junior')).toBe('designer');
    expect(nextLevel(levels, 'lead')).toBe('lead');
    expect(nextLevel(levels, null)).toBe('junior');
    expect(nextLevel(levels, 'removed')).toBe('junior');
    expect(nextLevel([], 'junior')).toBe('');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-01-25', 14)).toBe('2026-02-08');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(newFields('2026-02-20')).toMatchObject({ startsOn: '2026-02-20', dueOn: '2026-03-06', currency: 'EUR' });
  });

  it('is overdue only while open', () => {
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'signed', dueOn: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});

describe('the list', () => {
  it("keeps the person's own, open ones first by due date, then done ones latest first", () => {
    const list = [
      listRow({ id: 'other', contractorId: 'x' }),
      listRow({ id: 'signed-old', status: 'signed', dueOn: '2025-01-01' }),
      listRow({ id: 'later', dueOn: '2026-05-01' }),
      listRow({ id: 'closed-new', status: 'closed', dueOn: '2026-01-01' }),
      listRow({ id: 'soon', status: 'submitted', dueOn: '2026-02-01' })
    ];
    expect(rowsFor(list, 'c').map((r) => r.id)).toEqual(['soon', 'later', 'closed-new', 'signed-old']);
  });
});

describe('pay', () => {
  const e = { id: 'e1', client: 'Harbour Bank', project: 'Card payments API' } as Engagement;
  it('says how the assessment is paid', () => {
    expect(payLine({ kind: 'stipend', amount: { minor: 25000, currency: 'EUR' }, paidOn: null }, null, [], 'en-US')).toBe(
      'Stipend €250.00 · not paid yet'
    );
    expect(payLine({ kind: 'stipend', amount: { minor: 25000, currency: 'EUR' }, paidOn: null }, '2026-11-20', [], 'en-US')).toBe(
      'Stipend €250.00 · paid Nov 20, 2026'
    );
    expect(payLine({ kind: 'billable', engagementId: 'e1' }, null, [e])).toBe('Billed to Harbour Bank · Card payments API');
    expect(payLine({ kind: 'billable', engagementId: 'gone' }, null, [e])).toBe('Integrated into billable work');
  });
});

describe('signing', () => {
  const view = (v: { missing?: string[]; canSignHere?: boolean; status?: 'in_progress' | 'signed' }) => ({
    missing: v.missing ?? [],
    canSignHere: v.canSignHere ?? true,
    integrity: { state: v.status === 'signed' ? ('verified' as const) : ('unsigned' as const) },
    assessment: { status: v.status ?? ('in_progress' as const), assessor: ines }
  });

  it('says what is missing and whose key is needed', () => {
    expect(signBlockers(view({}))).toEqual([]);
    expect(signBlockers(view({ missing: ['Impact: no assessor rating'] }))).toEqual(['Missing: Impact: no assessor rating']);
    expect(signBlockers(view({ missing: ['A: x', 'B: y'], canSignHere: false }))).toEqual([
      'Missing: A: x; B: y',
      "Ines Carvalho's key is not on this computer — export it for them to sign"
    ]);
    expect(signBlockers(view({ status: 'signed', canSignHere: false }))).toEqual([]);
  });

  it('words the integrity banner', () => {
    expect(integrityLine({ state: 'unsigned' }, 'Ines Carvalho', '')).toBeNull();
    expect(integrityLine({ state: 'verified' }, 'Ines Carvalho', 'Nov 25, 2026')).toBe(
      'Signed by Ines Carvalho on Nov 25, 2026 · signature verified'
    );
    expect(integrityLine({ state: 'tampered', reason: 'The ratings differ.' }, 'Ines', '')).toBe(
      'This assessment was changed after it was signed: The ratings differ.'
    );
  });

  it('names the exported file after the person and level', () => {
    expect(exportFileName({ contractorName: 'Bjørn Halvorsen', levelName: 'Senior engineer' })).toBe(
      'assessment-bj-rn-halvorsen-senior-engineer.json'
    );
    expect(exportFileName({ contractorName: 'Tomás Ibarra', levelName: 'Lead' })).toBe('assessment-tomas-ibarra-lead.json');
  });
});

describe('the new-assessment form', () => {
  const filled = { ...newFields('2026-03-01', 'r', 'designer'), assessorId: 's', amount: '250' };

  it('builds a stipend in minor units', () => {
    expect(assessmentInput('c', filled)).toEqual({
      input: {
        contractorId: 'c',
        roleId: 'r',
        levelKey: 'designer',
        kind: 'portfolio_review',
        assessorId: 's',
        startsOn: '2026-03-01',
        dueOn: '2026-03-15',
        pay: { kind: 'stipend', amount: { minor: 25000, currency: 'EUR' }, paidOn: null }
      }
    });
    const yen = assessmentInput('c', { ...filled, amount: '30000', currency: 'jpy' });
    expect('input' in yen && yen.input.pay).toEqual({ kind: 'stipend', amount: { minor: 30000, currency: 'JPY' }, paidOn: null });
  });

  it('sends the day the stipend was paid, or none, for the core to check', () => {
    const paid = assessmentInput('c', { ...filled, paidOn: ' 2026-11-20 ' });
    expect('input' in paid && paid.input.pay).toEqual({
      kind: 'stipend',
      amount: { minor: 25000, currency: 'EUR' },
      paidOn: '2026-11-20'
    });
    const blank = assessmentInput('c', { ...filled, paidOn: '   ' });
    expect('input' in blank && blank.input.pay).toMatchObject({ paidOn: null });
    const odd = assessmentInput('c', { ...filled, paidOn: 'last week' });
    expect('input' in odd && odd.input.pay).toMatchObject({ paidOn: 'last week' });
    // Billed work has no stipend to pay.
    const billed = assessmentInput('c', { ...filled, payKind: 'billable', engagementId: 'e1', paidOn: '2026-11-20' });
    expect('input' in billed && billed.input.pay).toEqual({ kind: 'billable', engagementId: 'e1' });
  });

  it('bills to an engagement', () => {
    const r = assessmentInput('c', { ...filled, payKind: 'billable', engagementId: 'e1' });
    expect('input' in r && r.input.pay).toEqual({ kind: 'billable', engagementId: 'e1' });
    expect(assessmentInput('c', { ...filled, payKind: 'billable' })).toEqual({
      errors: { engagementId: 'Choose the engagement the assessment is billed to.' }
    });
  });

  it('says what to fix', () => {
    const r = assessmentInput('c', {
      ...filled,
      assessorId: '',
      levelKey: '',
      dueOn: '2026-02-01',
      amount: '12.345',
      currency: 'euro'
    });
    expect(r).toEqual({
      errors: {
        assessorId: 'Choose who assesses, or add an assessor.',
        levelKey: 'Choose the level to assess against.',
        dueOn: 'The due date is before the start.',
        amount: 'Use at most 2 decimals, like 82.50.',
        currency: 'Use a three-letter currency code, like EUR.'
      }
    });
    expect(assessmentInput('c', { ...filled, startsOn: '2026-02-30' })).toEqual({
      errors: { startsOn: 'Write the start as year-month-day: 2026-01-05.' }
    });
  });
});
