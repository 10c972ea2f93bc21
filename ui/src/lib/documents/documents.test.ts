import { describe, expect, it } from 'vitest';
import type { BadgeCheck, CertificateVerification } from '$lib/api';
import { award } from '$lib/testing/fixtures';
import {
  PAPER_KEY,
  batchFolderName,
  batchSummary,
  batchZipName,
  certificateFacts,
  certificateFileName,
  certificateVerdict,
  defaultPaper,
  guideFileName,
  loadPaper,
  normaliseAccent,
  printableAwards,
  progressPercent,
  progressRatio,
  progressText,
  safeFileName,
  savePaper,
  verificationSentence
} from './documents';

const check = (name: string, outcome: string, detail = ''): BadgeCheck => ({ name, outcome, detail });

const verification = (v: Partial<CertificateVerification> = {}): CertificateVerification => ({
  verdict: 'valid',
  kind: 'qr',
  checks: [check('format', 'passed'), check('proof', 'passed'), check('dates', 'passed'), check('revocation', 'passed')],
  code: 'K7QH-2MXD-9RTA',
  holder: 'Priya Nair',
  credential: 'Design critique',
  issuer: 'Northwind Studio',
  issuedOn: '2026-03-02',
  expiresOn: null,
  awardId: 'a1',
  ...v
});

describe('file names', () => {
  it('names a certificate after the holder and the credential', () => {
    expect(certificateFileName({ contractorName: 'Priya Nair', credentialName: 'Design critique' })).toBe(
      'Priya Nair – Design critique certificate.pdf'
    );
  });

  it('leaves out what file systems refuse', () => {
    expect(certificateFileName({ contractorName: 'A/B', credentialName: 'Lead: "QA" <*?|> \\ x' })).toBe(
      'A B – Lead QA x certificate.pdf'
    );
    expect(safeFileName('../../etc/passwd')).toBe('etc passwd');
    expect(safeFileName('  ...  ')).toBe('document');
    expect(safeFileName('tab\there\nnew')).toBe('tab here new');
    expect(safeFileName('x'.repeat(300))).toHaveLength(120);
  });

  it('names guides, batch folders and ZIP files', () => {
    expect(guideFileName('Backend engineer')).toBe('Backend engineer career-path guide.pdf');
    expect(guideFileName('CI/CD')).toBe('CI CD career-path guide.pdf');
    expect(batchFolderName('Design critique')).toBe('Design critique certificates');
    expect(batchZipName('Payments: review')).toBe('Payments review certificates.zip');
  });
});

describe('paper', () => {
  it('follows the locale: Letter in the Americas, A4 elsewhere', () => {
    expect(defaultPaper('en-US')).toBe('letter');
    expect(defaultPaper('en')).toBe('letter'); // "en" is most likely the US
    expect(defaultPaper('fr-CA')).toBe('letter');
    expect(defaultPaper('en-GB')).toBe('a4');
    expect(defaultPaper('de')).toBe('a4');
    expect(defaultPaper('not a locale!')).toBe('a4');
    expect(defaultPaper('')).toBe('a4');
  });

  it('remembers the last choice', () => {
    const data = new Map<string, string>();
    const store = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    savePaper('letter', store);
    expect(data.get(PAPER_KEY)).toBe('letter');
    expect(loadPaper(store)).toBe('letter');
    data.set(PAPER_KEY, 'a3');
    expect(['a4', 'letter']).toContain(loadPaper(store));
    const broken = { getItem: () => { throw new Error('denied'); } };
    expect(['a4', 'letter']).toContain(loadPaper(broken));
  });
});

describe('batches', () => {
  it('prints the current, unrevoked award of each holder', () => {
    const holders = [
      award({ id: 'a', status: 'active' }),
      award({ id: 'b', status: 'revoked' }),
      award({ id: 'c', status: 'expired', renewedById: 'd' }),
      award({ id: 'd', status: 'expiring', renewsId: 'c' }),
      award({ id: 'e', status: 'expired' })
    ];
    expect(printableAwards(holders)).toEqual(['a', 'd', 'e']);
  });

  it('says what Start will print', () => {
    expect(batchSummary(12, 'en-US')).toBe('12 certificates; revoked awards are left out.');
    expect(batchSummary(1, 'en-US')).toBe('1 certificate; revoked awards are left out.');
    expect(batchSummary(0, 'en-US')).toMatch(/^No certificates to print/);
  });

  it('counts progress in words and percent', () => {
    expect(progressText(412, 1000, 'en-US')).toBe('Exporting certificates: 412 of 1,000');
    expect(progressPercent(412, 1000)).toBe('41%');
    expect(progressPercent(999, 1000)).toBe('99%');
    expect(progressPercent(1000, 1000)).toBe('100%');
    expect(progressPercent(0, 0)).toBe('0%');
    expect(progressRatio(5, 4)).toBe(1);
    expect(progressRatio(-1, 4)).toBe(0);
  });
});

describe('certificate checks', () => {
  it('words the verdict: Valid, Not valid, Can’t tell', () => {
    expect(certificateVerdict('valid')).toEqual({ word: 'Valid', tone: 'success' });
    expect(certificateVerdict('invalid').word).toBe('Not valid');
    expect(certificateVerdict('undetermined').word).toBe("Can't tell");
    expect(certificateVerdict('something new').word).toBe("Can't tell");
  });

  it('sums up a valid certificate, by QR and by code', () => {
    expect(verificationSentence(verification())).toBe('Priya Nair\'s “Design critique” certificate: genuine and in force.');
    expect(verificationSentence(verification({ kind: 'code' }))).toContain('the issuer’s records hold it');
  });

  it('gives the failed checks as the reason a certificate is not valid', () => {
    const v = verification({
      verdict: 'invalid',
      checks: [check('proof', 'passed', 'signed'), check('revocation', 'failed', 'revoked on 4 May 2026: left the team')]
    });
    expect(verificationSentence(v)).toBe(
      'Do not rely on Priya Nair\'s “Design critique” certificate: revoked on 4 May 2026: left the team.'
    );
    const unknown = verification({ verdict: 'invalid', holder: null, credential: null, checks: [check('record', 'failed', 'no such code')] });
    expect(verificationSentence(unknown)).toBe('Do not rely on this certificate: no such code.');
  });

  it('says what could not be checked when it can’t tell', () => {
    const v = verification({
      verdict: 'undetermined',
      checks: [check('proof', 'passed'), check('revocation', 'not_checked', 'ask its issuer')]
    });
    expect(verificationSentence(v)).toBe('Nothing failed, but not everything could be checked here: ask its issuer.');
  });

  it('lists the facts it states, dates in the locale', () => {
    const facts = certificateFacts(verification({ expiresOn: '2028-03-02' }), 'en-US');
    expect(facts.map((f) => [f.label, f.value])).toEqual([
      ['Holder', 'Priya Nair'],
      ['Credential', 'Design critique'],
      ['Issuer', 'Northwind Studio'],
      ['Issued', 'Mar 2, 2026'],
      ['Expires', 'Mar 2, 2028'],
      ['Code', 'K7QH-2MXD-9RTA']
    ]);
    expect(certificateFacts(verification({ holder: null, credential: null, issuer: null, issuedOn: null, code: null }))).toEqual([]);
  });
});

describe('accent colour', () => {
  it('accepts #rrggbb, #rgb and bare hex; empty is the default', () => {
    expect(normaliseAccent('#2F5D8C')).toBe('#2f5d8c');
    expect(normaliseAccent(' 2f5d8c ')).toBe('#2f5d8c');
    expect(normaliseAccent('#abc')).toBe('#aabbcc');
    expect(normaliseAccent('')).toBe('');
    expect(normaliseAccent('  ')).toBe('');
  });

  it('refuses what is not a colour', () => {
    expect(normaliseAccent('blue')).toBeNull();
    expect(normaliseAccent('#12345')).toBeNull();
    expect(normaliseAccent('#1234567')).toBeNull();
  });
});
