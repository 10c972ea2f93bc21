import { describe, expect, it } from 'vitest';
import type { Award } from '$lib/api';
import { award as awardFixture } from '$lib/testing/fixtures';
import {
  datesWords,
  daysBetween,
  earnedWords,
  expiryWords,
  localiseDays,
  revokedWords,
  ruleSentence,
  sortAreas,
  untilWords,
  walletEntries,
  workAreaFields,
  workAreaInput
} from './wallet';

/** The wallet tests' award: Carmen's backend credential, a year from 2025-03-01. */
const award = (patch: Partial<Award>): Award =>
  awardFixture({
    credentialName: 'Backend engineer — Engineer',
    contractorName: 'Carmen Ruiz',
    awardedBy: 'Hana Okafor',
    issuedOn: '2025-03-01',
    expiresOn: '2026-03-01',
    ...patch
  });


describe('days and expiry words', () => {
  it('counts calendar days, across a daylight-saving change and a leap day', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-01-10', '2026-01-05')).toBe(-5);
    expect(daysBetween('2026-01-10', 'soon')).toBeNull();
  });

  it('says when an award expires, as of the local day', () => {
    expect(expiryWords('2026-03-13', '2026-03-01', 'en-US')).toBe('expires in 12 days (Mar 13, 2026)');
    expect(expiryWords('2026-03-02', '2026-03-01', 'en-US')).toBe('expires tomorrow (Mar 2, 2026)');
    expect(expiryWords('2026-03-01', '2026-03-01', 'en-US')).toBe('expires today (Mar 1, 2026)');
    expect(expiryWords('2026-02-28', '2026-03-01', 'en-US')).toBe('expired yesterday (Feb 28, 2026)');
    expect(expiryWords('2026-02-01', '2026-03-01', 'en-US')).toBe('expired 28 days ago (Feb 1, 2026)');
    expect(expiryWords(null, '2026-03-01', 'en-US')).toBe('no expiry');
  });

  it('writes when, by whom and until when an award holds', () => {
    expect(datesWords(award({}), 'en-US')).toBe('Awarded Mar 1, 2025 by Hana Okafor · expires Mar 1, 2026');
    expect(datesWords(award({ status: 'expired' }), 'en-US')).toBe('Awarded Mar 1, 2025 by Hana Okafor · expired Mar 1, 2026');
    expect(datesWords(award({ expiresOn: null, awardedBy: '' }), 'en-US')).toBe('Awarded Mar 1, 2025 · no expiry');
    expect(datesWords(award({ status: 'revoked' }), 'en-US')).toBe('Awarded Mar 1, 2025 by Hana Okafor');
  });

  it('shows until when someone is cleared', () => {
    expect(untilWords('2026-04-02', 'en-GB')).toBe('2 Apr 2026');
    expect(untilWords(null)).toBe('No expiry');
  });
});

describe('how an award was earned or lost', () => {
  it('says it came from an assessment, or gives the reason written by hand', () => {
    expect(earnedWords(award({ assessmentId: 'as1' }))).toBe('From assessment');
    expect(earnedWords(award({ reason: '  Paired on two releases. ' }))).toBe('By hand: Paired on two releases.');
    expect(earnedWords(award({}))).toBe('By hand');
  });

  it('says when, by whom and why an award was revoked', () => {
    const a = award({
      status: 'revoked',
      revokedAt: '2026-02-03',
      revokedBy: 'Hana Okafor',
      revokedReason: 'Copied samples.'
    });
    expect(revokedWords(a, 'en-US')).toBe('Revoked on Feb 3, 2026 by Hana Okafor: Copied samples.');
    expect(revokedWords(award({}), 'en-US')).toBe('');
  });
});

describe('the wallet', () => {
  it('keeps one entry per credential, the renewal current and the renewed award as history', () => {
    const first = award({ id: 'old', issuedOn: '2024-03-01', expiresOn: '2025-03-01', status: 'expired', renewedById: 'new' });
    const renewal = award({ id: 'new', issuedOn: '2025-02-20', renewsId: 'old' });
    const older = award({ id: 'oldest', issuedOn: '2023-03-01', status: 'expired', renewedById: 'old' });
    const [entry, ...rest] = walletEntries([older, first, renewal]);
    expect(rest).toEqual([]);
    expect(entry.current.id).toBe('new');
    expect(entry.history.map((a) => a.id)).toEqual(['old', 'oldest']);
  });

  it('lists credentials held now first, then the newest', () => {
    const list = walletEntries([
      award({ id: 'x', credentialId: 'expired', credentialName: 'Expired one', issuedOn: '2026-01-01', status: 'expired' }),
      award({ id: 'y', credentialId: 'older', credentialName: 'Older', issuedOn: '2024-01-01', status: 'expiring' }),
      award({ id: 'z', credentialId: 'newer', credentialName: 'Newer', issuedOn: '2025-06-01' }),
      award({ id: 'r', credentialId: 'revoked', credentialName: 'Revoked one', issuedOn: '2025-01-01', status: 'revoked' })
    ]);
    expect(list.map((e) => e.credentialId)).toEqual(['newer', 'older', 'expired', 'revoked']);
  });

  it('is empty for no awards', () => {
    expect(walletEntries([])).toEqual([]);
  });
});

describe('work areas', () => {
  const area = {
    id: 'w1',
    name: 'Payments integration',
    description: 'Money paths.',
    rule: 'all' as const,
    credentials: [
      { id: 'c1', name: 'Backend engineer' },
      { id: 'c2', name: 'Payments path reviewer' }
    ]
  };

  it('says what the rule needs', () => {
    expect(ruleSentence(area)).toBe('Needs all of: Backend engineer, Payments path reviewer.');
    expect(ruleSentence({ ...area, rule: 'any' })).toBe('Needs any one of: Backend engineer, Payments path reviewer.');
    expect(ruleSentence({ ...area, credentials: [area.credentials[0]] })).toBe('Needs Backend engineer.');
    expect(ruleSentence({ ...area, credentials: [] })).toMatch(/nobody is cleared/);
  });

  it('fills the form from an area, or empty for a new one, and sends it trimmed', () => {
    expect(workAreaFields(null)).toEqual({ name: '', description: '', rule: 'all', credentialIds: [] });
    const f = workAreaFields(area);
    expect(f).toEqual({ name: 'Payments integration', description: 'Money paths.', rule: 'all', credentialIds: ['c1', 'c2'] });
    expect(workAreaInput({ name: ' Design ', description: ' x ', rule: 'any', credentialIds: ['c1', 'c1', 'c2'] })).toEqual({
      name: 'Design',
      description: 'x',
      rule: 'any',
      credentialIds: ['c1', 'c2']
    });
  });

  it('sorts areas by name and makes initials for a badge without a picture', () => {
    expect(sortAreas([{ ...area, name: 'payments' }, { ...area, name: 'Design' }]).map((a) => a.name)).toEqual(['Design', 'payments']);
  });
});

describe("the core's sentences", () => {
  it('shows their days in the user\'s locale', () => {
    expect(localiseDays('expired on 2025-02-01', 'en-US')).toBe('expired on Feb 1, 2025');
    expect(localiseDays('revoked on 2026-01-05: copied, see 2026-13-40', 'en-GB')).toBe(
      'revoked on 5 Jan 2026: copied, see 2026-13-40'
    );
    expect(localiseDays('not held')).toBe('not held');
  });
});
