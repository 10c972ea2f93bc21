// Badge files in the UI: the name an exported badge is saved under, and the words and tones of a
// verification. No Svelte, no IPC: tested in badgeFiles.test.ts.
import type { Award, BadgeCheck, BadgeFormat, BadgeVerification } from '$lib/api';
import { formatDay } from '$lib/roster/dates';
import { userLocale } from '$lib/roster/locale';

export const FORMATS: { format: BadgeFormat; label: string; hint: string }[] = [
  { format: 'png', label: 'Badge image (PNG)', hint: 'The badge with the signed credential inside' },
  { format: 'svg', label: 'Badge image (SVG)', hint: 'The badge with the signed credential inside' },
  { format: 'json', label: 'Credential (JSON)', hint: 'Signed with eddsa-rdfc-2022' },
  { format: 'jwt', label: 'Credential (VC-JWT)', hint: 'Signed with ES256' }
];

/** "lena-novak-product-designer-designer.png": the person and the credential, file-name safe. */
export function badgeFileName(award: Pick<Award, 'contractorName' | 'credentialName'>, format: BadgeFormat): string {
  const slug = `${award.contractorName} ${award.credentialName}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'badge'}.${format}`;
}

export type Tone = 'success' | 'danger' | 'warning' | 'neutral';

export const VERDICT: Record<string, { word: string; tone: Tone; sentence: string }> = {
  valid: { word: 'Valid', tone: 'success', sentence: 'Genuine and in force.' },
  invalid: { word: 'Not valid', tone: 'danger', sentence: 'Do not rely on this badge.' },
  undetermined: {
    word: 'Could not be fully checked',
    tone: 'warning',
    sentence: 'Nothing failed, but something could not be checked from here.'
  }
};

export const OUTCOME: Record<string, { word: string; tone: Tone }> = {
  passed: { word: 'Passed', tone: 'success' },
  failed: { word: 'Failed', tone: 'danger' },
  not_checked: { word: 'Not checked', tone: 'neutral' }
};

const CHECK_NAMES: Record<string, string> = {
  format: 'File',
  proof: 'Signature',
  key: 'Signing key',
  schema: 'Open Badges schema',
  dates: 'Dates',
  revocation: 'Revocation',
  record: "Issuer's records"
};

/** "Signature" for "proof"; unknown names as they come, capitalised. */
export function checkLabel(name: string): string {
  return CHECK_NAMES[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
}

/** The verdict's headline, with the issuer when the key is this workspace's own. */
export function verdictHeadline(v: Pick<BadgeVerification, 'verdict' | 'keyTrusted'>): string {
  const word = VERDICT[v.verdict]?.word ?? v.verdict;
  if (v.verdict === 'valid' && !v.keyTrusted) return `${word} — signed by a key the badge carries, not one of ours`;
  if (v.verdict === 'valid') return `${word} — issued and signed by this organisation`;
  return word;
}

/** Failed checks first, then those not checked, then the passed ones; each group in its order. */
export function orderedChecks(checks: readonly BadgeCheck[]): BadgeCheck[] {
  const rank = (c: BadgeCheck) => (c.outcome === 'failed' ? 0 : c.outcome === 'not_checked' ? 1 : 2);
  return checks.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

/** One line of what a verified badge or certificate states ("Holder: Priya Nair"). */
export interface Fact {
  label: string;
  value: string;
  testid?: string;
}

/** What a badge states: the credential, its holder and issuer, and when it is valid. */
export function badgeFacts(v: BadgeVerification, locale = userLocale()): Fact[] {
  const day = (iso: string) => formatDay(iso.slice(0, 10), locale);
  const facts: Fact[] = [];
  if (v.name) facts.push({ label: 'Credential', value: v.name, testid: 'verify-name' });
  if (v.holderName) facts.push({ label: 'Holder', value: v.holderName, testid: 'verify-holder' });
  if (v.issuerName) facts.push({ label: 'Issuer', value: v.issuerName });
  if (v.validFrom) {
    const until = v.validUntil ? ` until ${day(v.validUntil)}` : '';
    facts.push({ label: 'Valid', value: `from ${day(v.validFrom)}${until}` });
  }
  return facts;
}
