// Printed documents in the UI: paper sizes, the names files are saved under, the words of a batch
// and of a certificate check, the accent colour's text. No Svelte, no IPC: tested in documents.test.ts.
import type { Award, BadgeCheck, CertificateVerification, Paper } from '$lib/api';
import { VERDICT, type Fact, type Tone } from '$lib/credentials/badgeFiles';
import { formatDay } from '$lib/roster/dates';
import { formatCount, userLocale } from '$lib/roster/locale';

export const PAPERS: readonly { value: Paper; label: string }[] = [
  { value: 'a4', label: 'A4' },
  { value: 'letter', label: 'US Letter' }
];

// Where Letter is the paper in the printer (the Americas, the Philippines); A4 everywhere else.
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PR', 'GT', 'SV', 'CR', 'PA', 'DO', 'CO', 'VE', 'CL', 'PH']);

/** The paper people print on where `locale` points: "en-US" → Letter, "de-DE" → A4. */
export function defaultPaper(locale: string | undefined = globalThis.navigator?.language): Paper {
  if (!locale) return 'a4';
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4';
  } catch {
    return 'a4';
  }
}

export const PAPER_KEY = 'guildbook.paper';

/** The paper chosen last on this computer, else the locale's. */
export function loadPaper(store: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Paper {
  try {
    const saved = store?.getItem(PAPER_KEY);
    if (saved === 'a4' || saved === 'letter') return saved;
  } catch {
    // Storage refused (private mode): fall through to the locale.
  }
  return defaultPaper();
}

export function savePaper(paper: Paper, store: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    store?.setItem(PAPER_KEY, paper);
  } catch {
    // The choice is only a convenience.
  }
}

/**
 * A name any file system takes: without / \ : * ? " < > | or control characters, without leading
 * or trailing dots (no hidden files, no ".."), not too long; `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'document'): string {
  const clean = name
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120)
    .trim();
  return clean || fallback;
}

/** "Priya Nair – Design critique certificate.pdf" */
export function certificateFileName(award: Pick<Award, 'contractorName' | 'credentialName'>): string {
  return `${safeFileName(`${award.contractorName} – ${award.credentialName} certificate`, 'certificate')}.pdf`;
}

/** "Backend engineer career-path guide.pdf" */
export function guideFileName(role: string): string {
  return `${safeFileName(`${role} career-path guide`, 'career-path guide')}.pdf`;
}

/** The folder a batch makes: "Design critique certificates". */
export function batchFolderName(credential: string): string {
  return safeFileName(`${credential} certificates`, 'certificates');
}

export function batchZipName(credential: string): string {
  return `${batchFolderName(credential)}.zip`;
}

/**
 * The awards a batch prints: one per holder, their current award — revoked ones have no
 * certificate, and an award that was renewed is superseded by the renewal (printed instead).
 */
export function printableAwards(holders: readonly Award[]): string[] {
  return holders.filter((a) => a.status !== 'revoked' && !a.renewedById).map((a) => a.id);
}

/** "1 certificate", "1,000 certificates". */
export function certificatesWord(n: number, locale = userLocale()): string {
  return `${formatCount(n, locale)} ${n === 1 ? 'certificate' : 'certificates'}`;
}

/** What Start will print, before it starts. */
export function batchSummary(count: number, locale = userLocale()): string {
  if (count === 0) return 'No certificates to print: no one holds a current, unrevoked award.';
  return `${certificatesWord(count, locale)}; revoked awards are left out.`;
}

/** "Exporting certificates: 412 of 1,000" */
export function progressText(done: number, total: number, locale = userLocale()): string {
  return `Exporting certificates: ${formatCount(done, locale)} of ${formatCount(total, locale)}`;
}

/** How far, 0…1 (nothing to do counts as not started). */
export function progressRatio(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(1, Math.max(0, done / total));
}

/** "41%": rounded down, so 100% means every certificate is written. */
export function progressPercent(done: number, total: number): string {
  return `${Math.floor(progressRatio(done, total) * 100)}%`;
}

/** The words of a printed certificate's verdict: Valid, Not valid, Can't tell. */
export const CERTIFICATE_VERDICT: Record<string, { word: string; tone: Tone }> = {
  valid: { word: 'Valid', tone: VERDICT.valid.tone },
  invalid: { word: 'Not valid', tone: VERDICT.invalid.tone },
  undetermined: { word: "Can't tell", tone: VERDICT.undetermined.tone }
};

export function certificateVerdict(verdict: string): { word: string; tone: Tone } {
  return CERTIFICATE_VERDICT[verdict] ?? CERTIFICATE_VERDICT.undetermined;
}

const details = (checks: readonly BadgeCheck[], outcome: string) =>
  checks.filter((c) => c.outcome === outcome && c.detail).map((c) => c.detail);

/** One sentence on what the check found, with the reason when it is not valid. */
export function verificationSentence(v: CertificateVerification): string {
  const whose = v.holder && v.credential ? `${v.holder}'s “${v.credential}” certificate` : 'this certificate';
  if (v.verdict === 'valid') {
    const how = v.kind === 'code' ? 'the issuer’s records hold it and it is in force' : 'genuine and in force';
    return `${capitalise(whose)}: ${how}.`;
  }
  if (v.verdict === 'invalid') {
    const why = details(v.checks, 'failed');
    return `Do not rely on ${whose}${why.length ? `: ${why.join('; ')}` : ''}.`;
  }
  const open = details(v.checks, 'not_checked');
  return `Nothing failed, but not everything could be checked here${open.length ? `: ${open.join('; ')}` : ''}.`;
}

/** The facts a certificate states, in reading order; only those it has. */
export function certificateFacts(v: CertificateVerification, locale = userLocale()): Fact[] {
  const day = (iso: string | null) => (iso ? formatDay(iso.slice(0, 10), locale) : null);
  const facts: [string, string | null, string][] = [
    ['Holder', v.holder, 'certificate-holder'],
    ['Credential', v.credential, 'certificate-credential'],
    ['Issuer', v.issuer, 'certificate-issuer'],
    ['Issued', day(v.issuedOn), 'certificate-issued'],
    ['Expires', day(v.expiresOn), 'certificate-expires'],
    ['Code', v.code, 'certificate-code']
  ];
  return facts.filter((f): f is [string, string, string] => !!f[1]).map(([label, value, testid]) => ({ label, value, testid }));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Guildbook's own blue, used on documents when the issuer sets no accent. */
export const DEFAULT_ACCENT = '#2f5d8c';

/**
 * An accent colour as typed → "#rrggbb" (lower case; "#abc" and "abc" are accepted), "" for none
 * (the default), or null when it isn't a colour.
 */
export function normaliseAccent(text: string): string | null {
  const t = text.trim().replace(/^#/, '').toLowerCase();
  if (!t) return '';
  if (/^[0-9a-f]{3}$/.test(t)) return `#${[...t].map((c) => c + c).join('')}`;
  if (/^[0-9a-f]{6}$/.test(t)) return `#${t}`;
  return null;
}
