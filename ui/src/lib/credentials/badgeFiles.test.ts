import { describe, expect, it } from 'vitest';
import type { BadgeCheck, BadgeVerification } from '$lib/api';
import { badgeFacts, badgeFileName, checkLabel, orderedChecks, verdictHeadline } from './badgeFiles';

describe('badge files', () => {
  it('names an export after the person and the credential, safely', () => {
    expect(badgeFileName({ contractorName: 'Lena Novak', credentialName: 'Product designer — Designer' }, 'png')).toBe(
      'lena-novak-product-designer-designer.png'
    );
    expect(badgeFileName({ contractorName: 'Bjørn Ærø', credentialName: '../../etc' }, 'json')).toBe('bj-rn-r-etc.json');
    expect(badgeFileName({ contractorName: 'Δήμητρα', credentialName: '' }, 'jwt')).toBe('badge.jwt');
  });

  it('says what a verdict means, and whose key signed a valid badge', () => {
    expect(verdictHeadline({ verdict: 'valid', keyTrusted: true })).toBe('Valid — issued and signed by this organisation');
    expect(verdictHeadline({ verdict: 'valid', keyTrusted: false })).toContain('not one of ours');
    expect(verdictHeadline({ verdict: 'invalid', keyTrusted: true })).toBe('Not valid');
    expect(verdictHeadline({ verdict: 'undetermined', keyTrusted: false })).toBe('Could not be fully checked');
  });

  it('puts what failed first and labels checks in words', () => {
    const c = (name: string, outcome: string): BadgeCheck => ({ name, outcome, detail: '' });
    const ordered = orderedChecks([c('format', 'passed'), c('revocation', 'not_checked'), c('dates', 'failed'), c('proof', 'passed')]);
    expect(ordered.map((x) => x.name)).toEqual(['dates', 'revocation', 'format', 'proof']);
    expect(checkLabel('proof')).toBe('Signature');
    expect(checkLabel('endorsements')).toBe('Endorsements');
  });

  it('lists what a badge states, only what it has', () => {
    const v: BadgeVerification = {
      verdict: 'valid', format: 'png', checks: [], keyTrusted: true, name: 'Design critique', issuerName: 'Northwind',
      holderName: null, validFrom: '2026-03-02T00:00:00Z', validUntil: '2028-03-02T00:00:00Z'
    };
    expect(badgeFacts(v, 'en-US')).toEqual([
      { label: 'Credential', value: 'Design critique', testid: 'verify-name' },
      { label: 'Issuer', value: 'Northwind' },
      { label: 'Valid', value: 'from Mar 2, 2026 until Mar 2, 2028' }
    ]);
    expect(checkLabel('record')).toBe("Issuer's records");
  });
});
