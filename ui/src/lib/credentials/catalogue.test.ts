import { describe, expect, it } from 'vitest';
import type { AssessmentRow, Award, Credential } from '$lib/api';
import {
  addMonths,
  awardInput,
  credentialFields,
  credentialInput,
  criteriaHeading,
  criteriaSentence,
  designOf,
  expiryWords,
  gapLine,
  holderParts,
  holderWords,
  howWords,
  initialsFrom,
  listWords,
  prerequisiteChoices,
  revokeInput,
  revokedWords,
  signedAssessmentsOf,
  sortHolders,
  svgDataUrl,
  validityWords,
  type AwardFields,
  type CredentialFields
} from './catalogue';
import { award } from '$lib/testing/fixtures';

const credential = (c: Partial<Credential>): Credential => ({
  id: 'c1',
  name: 'Backend engineer — Lead',
  description: 'Leads backend work',
  image: { kind: 'design', shape: 'hexagon', background: '#123456', foreground: '#ffffff', initials: 'BL' },
  badgeSvg: '<svg/>',
  criteria: {
    roleId: 'r1',
    roleName: 'Backend engineer',
    versionId: 'v1',
    versionNumber: 3,
    levelKey: 'lead',
    levelName: 'Lead',
    domains: [
      ['craft', 'Craft'],
      ['impact', 'Impact']
    ],
    requireEvidence: true
  },
  narrative: '',
  criteriaText: 'A signed assessment …',
  validityMonths: 12,
  prerequisites: [{ id: 'c0', name: 'Payments path reviewer' }],
  holders: { active: 0, expiring: 0, expired: 0, revoked: 0 },
  archived: false,
  updatedAt: '2026-01-05T10:00:00Z',
  ...c
});

const fields = (f: Partial<CredentialFields>): CredentialFields => ({
  ...credentialFields(null),
  name: 'Accessibility reviewer',
  initials: 'AR',
  roleId: 'r2',
  levelKey: 'designer',
  domainKeys: ['craft', 'impact'],
  ...f
});

describe('holders in words', () => {
  it('names each status with its count, leaving out the empty ones', () => {
    const counts = { active: 4, expiring: 1, expired: 1, revoked: 1 };
    expect(holderWords(counts)).toBe('4 active · 1 expiring · 1 expired · 1 revoked');
    expect(holderWords({ active: 2, expiring: 0, expired: 0, revoked: 1 })).toBe('2 active · 1 revoked');
    expect(holderWords({ active: 0, expiring: 0, expired: 0, revoked: 0 })).toBe('No holders yet');
    expect(holderParts(counts).map((p) => p.tone)).toEqual(['success', 'warning', 'neutral', 'danger']);
  });

  it('says how long a credential lasts', () => {
    expect(validityWords(12)).toBe('Valid 12 months');
    expect(validityWords(1)).toBe('Valid 1 month');
    expect(validityWords(null)).toBe('Never expires');
  });

  it('makes an image address of SVG text, escaped', () => {
    expect(svgDataUrl('<svg a="#1"/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%22%231%22%2F%3E');
  });
});

describe('criteria in words', () => {
  it('writes lists as the core does', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b'])).toBe('a and b');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('generates the sentence the core uses when no narrative is written', () => {
    const c = { roleName: 'Product designer', levelName: 'Designer', versionNumber: 2, requireEvidence: true, domainNames: ['Craft', 'Impact'] };
    expect(criteriaSentence(c, [])).toBe(
      'A signed assessment rates Craft and Impact as meeting the Designer level of the Product designer ladder (version 2), each with the evidence its cell asks for.'
    );
    expect(criteriaSentence({ ...c, requireEvidence: false }, ['X', 'Y'])).toBe(
      'A signed assessment rates Craft and Impact as meeting the Designer level of the Product designer ladder (version 2). Holds X and Y.'
    );
    expect(criteriaSentence(null, ['X'])).toBe('Holds X.');
    expect(criteriaHeading(credential({}).criteria!)).toBe('Backend engineer · Lead · v3');
  });
});

describe('awards in words', () => {
  it('says how an award was made', () => {
    expect(howWords(award({ assessmentId: 'x' }))).toBe('From assessment');
    expect(howWords(award({ reason: 'Led the migration' }))).toBe('By hand: Led the migration');
  });

  it('says who revoked an award and why', () => {
    const a = award({ status: 'revoked', revokedAt: '2026-03-02', revokedBy: 'Ana Ruiz', revokedReason: 'Left the project' });
    expect(revokedWords(a, 'en-US')).toBe('Revoked on Mar 2, 2026 by Ana Ruiz: Left the project');
    expect(revokedWords(award({}), 'en-US')).toBe('');
  });

  it('lists holders newest first, then by name', () => {
    const list = [
      award({ id: '1', issuedOn: '2025-01-01', contractorName: 'B' }),
      award({ id: '2', issuedOn: '2026-01-01', contractorName: 'Z' }),
      award({ id: '3', issuedOn: '2026-01-01', contractorName: 'A' })
    ];
    expect(sortHolders(list).map((a) => a.id)).toEqual(['3', '2', '1']);
  });

  it('capitalises the core’s gaps', () => {
    expect(gapLine("does not hold 'X'")).toBe("Does not hold 'X'");
  });

  it('adds calendar months as the core does, clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-12-01', 120)).toBe('2036-12-01');
    expect(expiryWords('2026-01-05', 12, 'en-US')).toBe('Expires Jan 5, 2027');
    expect(expiryWords('2026-01-05', null)).toBe('Never expires');
    expect(expiryWords('soon', 12)).toBe('');
  });

  it('offers only the person’s signed and closed assessments, latest first', () => {
    const row = (id: string, contractorId: string, status: AssessmentRow['status'], dueOn: string, levelKey = 'l2'): AssessmentRow => ({
      id, contractorId, status, dueOn, contractorName: '', roleId: 'r', roleName: '', levelKey, levelName: '', assessorName: ''
    });
    const rows = [
      row('1', 'p1', 'signed', '2026-01-01'),
      row('2', 'p1', 'in_progress', '2026-02-01'),
      row('3', 'p2', 'signed', '2026-03-01'),
      row('4', 'p1', 'closed', '2026-04-01')
    ];
    expect(signedAssessmentsOf(rows, 'p1').map((r) => r.id)).toEqual(['4', '1']);
    // With criteria, only assessments of that role and level.
    const other = [...rows, row('5', 'p1', 'signed', '2026-05-01', 'l3')];
    expect(signedAssessmentsOf(other, 'p1', { roleId: 'r', levelKey: 'l2' }).map((r) => r.id)).toEqual(['4', '1']);
  });
});

describe('the credential form', () => {
  it('starts a new credential with a design, a year of validity and evidence required', () => {
    const f = credentialFields(null);
    expect(f).toMatchObject({ badge: 'design', shape: 'circle', validity: 'months', months: 12, requireEvidence: true, roleId: '' });
  });

  it('fills from a saved credential', () => {
    const f = credentialFields(credential({ validityMonths: null }));
    expect(f).toMatchObject({
      name: 'Backend engineer — Lead',
      shape: 'hexagon',
      background: '#123456',
      initials: 'BL',
      roleId: 'r1',
      levelKey: 'lead',
      domainKeys: ['craft', 'impact'],
      prerequisites: ['c0'],
      validity: 'never'
    });
    const up = credentialFields(credential({ image: { kind: 'upload', sha256: 'abc', mediaType: 'image/png' } }));
    expect(up.badge).toBe('upload');
    expect(up.upload).toEqual({ sha256: 'abc', mediaType: 'image/png' });
  });

  it('builds the input the core takes', () => {
    expect(credentialInput(fields({ name: '  Accessibility reviewer ', shape: 'hexagon', months: '24' }))).toEqual({
      input: {
        name: 'Accessibility reviewer',
        description: '',
        image: { kind: 'design', shape: 'hexagon', background: '#0d6b6b', foreground: '#ffffff', initials: 'AR' },
        roleId: 'r2',
        levelKey: 'designer',
        domainKeys: ['craft', 'impact'],
        requireEvidence: true,
        narrative: '',
        validityMonths: 24,
        prerequisites: []
      }
    });
    const never = credentialInput(fields({ validity: 'never', months: 'x' }));
    expect('input' in never && never.input.validityMonths).toBe(null);
    const stacked = credentialInput(fields({ roleId: '', levelKey: 'x', prerequisites: ['c0'] }));
    expect('input' in stacked && stacked.input).toMatchObject({ roleId: null, levelKey: null, domainKeys: [], requireEvidence: false });
    const up = credentialInput(fields({ badge: 'upload', upload: { sha256: 'abc', mediaType: 'image/svg+xml' }, initials: '' }));
    expect('input' in up && up.input.image).toEqual({ kind: 'upload', sha256: 'abc', mediaType: 'image/svg+xml' });
  });

  it('says what to fix, field by field', () => {
    expect(credentialInput(fields({ name: ' ', initials: 'ABCD', months: '0', domainKeys: [] }))).toEqual({
      errors: {
        name: 'Give the credential a name.',
        initials: 'One to three letters or digits.',
        domains: 'Tick at least one domain.',
        months: 'Write a whole number of months from 1 to 120, or choose “Never expires”.'
      }
    });
    expect(credentialInput(fields({ roleId: '', prerequisites: [] }))).toEqual({
      errors: { criteria: 'Choose a role and level, or the credentials it stacks on (or both).' }
    });
    expect(credentialInput(fields({ levelKey: '' }))).toEqual({ errors: { levelKey: 'Choose the level the credential asks for.' } });
    expect(credentialInput(fields({ badge: 'upload' }))).toEqual({ errors: { upload: 'Upload a PNG or SVG image, or make a design.' } });
  });

  it('draws a design only when it can be drawn', () => {
    expect(designOf({ shape: 'shield', background: '#ABCDEF', foreground: '#000000', initials: ' a1 ' })).toEqual({
      shape: 'shield', background: '#abcdef', foreground: '#000000', initials: 'a1'
    });
    expect(designOf({ shape: 'shield', background: '#ABCDEF', foreground: '#000000', initials: '' })).toBeNull();
  });

  it('proposes initials from the name', () => {
    expect(initialsFrom('Accessibility reviewer')).toBe('AR');
    expect(initialsFrom('Backend engineer — Lead')).toBe('BEL');
    expect(initialsFrom('Payments path reviewer for cards')).toBe('PPR');
    expect(initialsFrom('  ')).toBe('');
  });

  it('offers every other credential to stack on, archived ones only when already chosen', () => {
    const all = [credential({ id: 'a', name: 'A' }), credential({ id: 'b', name: 'B', archived: true }), credential({ id: 'c', name: 'C' })];
    expect(prerequisiteChoices(all, 'a', []).map((c) => c.id)).toEqual(['c']);
    expect(prerequisiteChoices(all, null, ['b']).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('the award form', () => {
  const f = (x: Partial<AwardFields>): AwardFields => ({
    contractorId: 'p1',
    how: 'hand',
    assessmentId: '',
    reason: 'Ran the audit',
    awardedBy: 'Ana Ruiz',
    validFrom: '2026-01-05',
    ...x
  });

  it('awards by hand with a reason', () => {
    expect(awardInput('c1', f({ reason: ' Ran the audit ', awardedBy: ' Ana Ruiz ' }), null)).toEqual({
      input: { credentialId: 'c1', contractorId: 'p1', assessmentId: null, reason: 'Ran the audit', awardedBy: 'Ana Ruiz', issuedOn: '2026-01-05', renewsId: null }
    });
    expect(awardInput('c1', f({ reason: '', awardedBy: '', contractorId: '', validFrom: '5 Jan' }), null)).toEqual({
      errors: {
        contractorId: 'Choose who receives it.',
        reason: 'Say why it is awarded without an assessment; the reason is kept with the award.',
        awardedBy: 'Write who awards it.',
        validFrom: 'Write it as year-month-day: 2026-01-05, or leave it empty for today.'
      }
    });
  });

  it('awards from an assessment only when it meets the criteria', () => {
    const from = f({ how: 'assessment', assessmentId: 'x', reason: 'ignored', validFrom: '' });
    expect(awardInput('c1', from, [])).toEqual({
      input: { credentialId: 'c1', contractorId: 'p1', assessmentId: 'x', reason: '', awardedBy: 'Ana Ruiz', issuedOn: null, renewsId: null }
    });
    expect(awardInput('c1', from, ['Craft: not yet'])).toEqual({ errors: { assessmentId: 'This assessment does not meet the criteria.' } });
    expect('errors' in awardInput('c1', from, null)).toBe(true);
    expect(awardInput('c1', f({ how: 'assessment' }), [])).toEqual({
      errors: { assessmentId: 'Choose a signed assessment, or award it by hand with a reason.' }
    });
  });

  it('revokes with a reason and a name', () => {
    expect(revokeInput(' Left ', ' Ana ')).toEqual({ input: { reason: 'Left', by: 'Ana' } });
    expect(revokeInput('', '')).toEqual({
      errors: { reason: 'Say why it is revoked; the reason is kept with the award.', by: 'Write who revokes it.' }
    });
  });
});
