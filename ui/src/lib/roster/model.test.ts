import { describe, expect, it } from 'vitest';
import type { Engagement, PayBand, Profile } from '$lib/api';
import {
  NO_FILTERS,
  bandFor,
  contractorInput,
  currentEngagement,
  engagementFields,
  engagementInput,
  isFiltered,
  noMatchMessage,
  parseTags,
  rosterQuery,
  type EngagementFields
} from './model';

describe('parseTags', () => {
  it('splits on commas, trims, drops blanks and repeats of any case', () => {
    expect(parseTags(' api, Payments,, api ,PAYMENTS; on-call')).toEqual(['api', 'Payments', 'on-call']);
    expect(parseTags('   ')).toEqual([]);
  });

  it('keeps markup as plain text', () => {
    expect(parseTags('<script>x</script>, b')).toEqual(['<script>x</script>', 'b']);
  });
});

describe('rosterQuery', () => {
  it('leaves out empty filters', () => {
    expect(rosterQuery(NO_FILTERS, 0, 200)).toEqual({ includeArchived: false, offset: 0, limit: 200 });
  });

  it('sends every filter set, a level only with its role', () => {
    const f = { text: ' ana ', roleId: 'r1', levelKey: 'l2', status: 'inactive' as const, tag: ' api ', showArchived: true };
    expect(rosterQuery(f, 400, 200)).toEqual({
      text: 'ana',
      roleId: 'r1',
      levelKey: 'l2',
      status: 'inactive',
      tag: 'api',
      includeArchived: true,
      offset: 400,
      limit: 200
    });
    expect(rosterQuery({ ...NO_FILTERS, levelKey: 'l2' }, 0, 200).levelKey).toBeUndefined();
  });

  it('knows when the list is narrowed', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, showArchived: true })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, text: '  ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, tag: 'api' })).toBe(true);
  });
});

describe('noMatchMessage', () => {
  it('says what was looked for', () => {
    expect(noMatchMessage({ ...NO_FILTERS, text: 'zebra' })).toBe("No one matches 'zebra'");
    expect(
      noMatchMessage({ ...NO_FILTERS, text: 'ana', roleId: 'r', levelKey: 'l', status: 'inactive' }, 'Backend engineer', 'Lead')
    ).toBe("No one matches 'ana' with role Backend engineer · Lead, status Inactive");
    expect(noMatchMessage({ ...NO_FILTERS, tag: 'api' })).toBe("No one matches tag 'api'");
  });
});

const engagement = (over: Partial<Engagement>): Engagement => ({
  id: 'e',
  contractorId: 'c',
  roleName: 'Backend engineer',
  renewalOpensOn: null,
  rateCheck: null,
  roleId: 'r1',
  client: 'Harbour Bank',
  project: '',
  startOn: '2026-01-01',
  endOn: null,
  renewalWindowDays: 30,
  rate: { minor: 7500, currency: 'EUR' },
  rateUnit: 'hour',
  hoursPerWeek: 32,
  outcome: 'open',
  ...over
});

describe('currentEngagement', () => {
  it('is the open engagement running today, else the next, else the last started', () => {
    const list = [
      engagement({ id: 'a', startOn: '2026-03-01', outcome: 'ended' }),
      engagement({ id: 'b', startOn: '2025-06-01', endOn: '2025-12-31' }),
      engagement({ id: 'c', startOn: '2026-01-15', endOn: '2026-12-31' }),
      engagement({ id: 'd', startOn: '2026-05-01', outcome: 'renewed' }),
      engagement({ id: 'e', startOn: '2027-01-04', endOn: '2027-06-30' }),
      engagement({ id: 'f', startOn: '2027-03-01', endOn: null })
    ];
    expect(currentEngagement(list, '2026-11-25')?.id).toBe('c');
    // Nothing running: the next to start.
    expect(currentEngagement(list, '2027-01-01')?.id).toBe('e');
    // An open-ended engagement runs on.
    expect(currentEngagement(list, '2028-01-01')?.id).toBe('f');
    // Only past ones: the last started.
    expect(currentEngagement(list.slice(0, 2), '2026-11-25')?.id).toBe('b');
    expect(currentEngagement([engagement({ outcome: 'ended' })])).toBeNull();
    expect(currentEngagement([])).toBeNull();
  });
});

describe('bandFor', () => {
  const band = (levelKey: string, currency = 'EUR', rateUnit: PayBand['rateUnit'] = 'hour'): PayBand => ({
    roleId: 'r1',
    levelKey,
    min: { minor: 6000, currency },
    maxMinor: 9000,
    rateUnit
  });
  const profile = (bands: PayBand[]): Profile => ({
    contractor: {
      id: 'c',
      name: 'Amara Okafor',
      email: '',
      phone: '',
      location: '',
      status: 'active',
      tags: [],
      notes: '',
      createdAt: '',
      updatedAt: '',
      levels: [{ roleId: 'r1', roleName: 'Backend engineer', levelKey: 'eng', levelName: 'Engineer', effectiveOn: '2025-01-01' }]
    },
    levelHistory: [],
    engagements: [],
    bands
  });

  it("is the band of the person's level in the engagement's role, same currency and unit first", () => {
    const p = profile([band('eng', 'USD'), band('eng', 'EUR'), band('lead')]);
    expect(bandFor(p, engagement({}))).toEqual(band('eng', 'EUR'));
    expect(bandFor(p, engagement({ rate: { minor: 1, currency: 'GBP' } }))).toEqual(band('eng', 'USD'));
  });

  it('falls back to the first level without an engagement, and is null without a level or band', () => {
    expect(bandFor(profile([band('eng')]), null)).toEqual(band('eng'));
    expect(bandFor(profile([band('eng')]), engagement({ roleId: 'r2' }))).toBeNull();
    expect(bandFor(profile([]), engagement({}))).toBeNull();
  });
});

describe('contractorInput', () => {
  it('trims the fields and splits the tags', () => {
    expect(
      contractorInput({
        name: ' Amara ',
        email: ' a@b.co ',
        phone: '',
        location: 'Lagos ',
        tags: 'api, payments',
        notes: 'Line 1\nLine 2',
        status: 'inactive'
      })
    ).toEqual({
      name: 'Amara',
      email: 'a@b.co',
      phone: '',
      location: 'Lagos',
      tags: ['api', 'payments'],
      notes: 'Line 1\nLine 2',
      status: 'inactive'
    });
  });
});

describe('engagementInput', () => {
  const fields: EngagementFields = {
    client: ' Harbour Bank ',
    project: 'Card API',
    roleId: 'r1',
    startOn: '2026-01-05',
    endOn: '',
    renewalWindowDays: '30',
    rate: '82.50',
    currency: 'eur',
    rateUnit: 'hour',
    hoursPerWeek: '',
    outcome: 'open'
  };

  it('builds the input the core takes', () => {
    expect(engagementInput(fields)).toEqual({
      input: {
        roleId: 'r1',
        client: 'Harbour Bank',
        project: 'Card API',
        startOn: '2026-01-05',
        endOn: null,
        renewalWindowDays: 30,
        rate: { minor: 8250, currency: 'EUR' },
        rateUnit: 'hour',
        hoursPerWeek: null,
        outcome: 'open'
      }
    });
    const r = engagementInput({ ...fields, roleId: '', endOn: '2026-06-30', hoursPerWeek: '32' });
    expect(r).toMatchObject({ input: { roleId: null, endOn: '2026-06-30', hoursPerWeek: 32 } });
  });

  it('names every field a person must fix', () => {
    const r = engagementInput({
      ...fields,
      client: ' ',
      startOn: '',
      endOn: '2026-02-30',
      rate: '82,505',
      currency: 'E',
      renewalWindowDays: 'soon',
      hoursPerWeek: '3.5'
    });
    expect('errors' in r && Object.keys(r.errors).sort()).toEqual(
      ['client', 'currency', 'endOn', 'hoursPerWeek', 'rate', 'renewalWindowDays', 'startOn'].sort()
    );
    const bad = engagementInput({ ...fields, rate: 'abc' });
    expect('errors' in bad && bad.errors.rate).toBe("'abc' is not an amount: use digits, like 82.50.");
  });

  it('round-trips an engagement through the form', () => {
    const e = engagement({ rate: { minor: 8250, currency: 'EUR' }, endOn: '2026-06-30' });
    const r = engagementInput(engagementFields(e));
    expect('input' in r && r.input.rate).toEqual({ minor: 8250, currency: 'EUR' });
    expect('input' in r && r.input.endOn).toBe('2026-06-30');
  });
});
