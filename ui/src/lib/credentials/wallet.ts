// A person's credentials and the work areas they clear them for, in words: status words and tones,
// "expires in N days" as of the person's local date, awards grouped into the current one and its
// history per credential, and the work-area form. Pure: tested in wallet.test.ts.
import type { AreaRule, Award, AwardStatus, WorkArea, WorkAreaInput } from '$lib/api';
import type { Tone } from '$lib/ladder/model';
import { formatDay } from '$lib/roster/dates';
import { whenLabel } from '$lib/roster/timeline';
import { userLocale } from '$lib/roster/locale';

export const RULE_LABELS: Record<AreaRule, string> = { all: 'All of', any: 'Any of' };

const DAY_MS = 86_400_000;

/** Whole calendar days from `today` to `day` (both 'YYYY-MM-DD'), negative when past; null for other text. */
export function daysBetween(today: string, day: string): number | null {
  const at = (iso: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
    // UTC arithmetic on calendar days: no daylight-saving hour can round a day away.
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  };
  const a = at(today);
  const b = at(day);
  return a === null || b === null ? null : Math.round((b - a) / DAY_MS);
}

/** "expires in 12 days (Mar 3, 2026)", "expires today (…)", "expired 3 days ago (…)", "no expiry". */
export function expiryWords(expiresOn: string | null, today: string, locale = userLocale()): string {
  if (!expiresOn) return 'no expiry';
  const n = daysBetween(today, expiresOn);
  const date = formatDay(expiresOn, locale);
  if (n === null) return `expires ${date}`;
  if (n === 0) return `expires today (${date})`;
  if (n === 1) return `expires tomorrow (${date})`;
  if (n > 1) return `expires in ${n} days (${date})`;
  if (n === -1) return `expired yesterday (${date})`;
  return `expired ${-n} days ago (${date})`;
}

/** How the award was earned: from a signed assessment, or the reason written when made by hand. */
export function earnedWords(a: Award): string {
  if (a.assessmentId) return 'From assessment';
  return a.reason.trim() ? `By hand: ${a.reason.trim()}` : 'By hand';
}

/** "Revoked on Mar 3, 2026 by Hana Okafor: reason", for a revoked award; empty otherwise. */
export function revokedWords(a: Award, locale = userLocale()): string {
  if (a.status !== 'revoked' && !a.revokedAt) return '';
  const when = a.revokedAt ? ` on ${whenLabel(a.revokedAt, locale)}` : '';
  const by = a.revokedBy ? ` by ${a.revokedBy}` : '';
  const why = a.revokedReason?.trim() ? `: ${a.revokedReason.trim()}` : '';
  return `Revoked${when}${by}${why}`;
}

/**
 * When and by whom it was awarded, and until when: "Awarded Jan 5, 2026 by Hana Okafor · expires
 * Jan 5, 2027" ("· expired …", "· no expiry"; a revoked award's expiry no longer matters).
 */
export function datesWords(a: Award, locale = userLocale()): string {
  const awarded = `Awarded ${formatDay(a.issuedOn, locale)}${a.awardedBy.trim() ? ` by ${a.awardedBy.trim()}` : ''}`;
  if (a.status === 'revoked') return awarded;
  if (!a.expiresOn) return `${awarded} · no expiry`;
  return `${awarded} · ${a.status === 'expired' ? 'expired' : 'expires'} ${formatDay(a.expiresOn, locale)}`;
}

/** Whether the status means the person holds the credential now. */
export function holds(status: AwardStatus): boolean {
  return status === 'active' || status === 'expiring';
}

export interface WalletEntry {
  credentialId: string;
  credentialName: string;
  /** The newest award (the one not renewed, when there is one). */
  current: Award;
  /** The older awards of the same credential (renewed or replaced), newest first. */
  history: Award[];
}

const newestFirst = (a: Award, b: Award) =>
  b.issuedOn.localeCompare(a.issuedOn) || Number(a.renewedById !== null) - Number(b.renewedById !== null);

/**
 * One entry per credential: its current award with the older ones (renewals) as history. Credentials
 * held now come first, then the rest; within each, the newest award first, then by name.
 */
export function walletEntries(awards: readonly Award[]): WalletEntry[] {
  const byCredential = new Map<string, Award[]>();
  for (const a of awards) {
    const list = byCredential.get(a.credentialId);
    if (list) list.push(a);
    else byCredential.set(a.credentialId, [a]);
  }
  const entries: WalletEntry[] = [];
  for (const [credentialId, list] of byCredential) {
    // The award nobody renewed is the current one; among several, the newest.
    const sorted = [...list].sort((a, b) => Number(a.renewedById !== null) - Number(b.renewedById !== null) || newestFirst(a, b));
    const [current, ...rest] = sorted;
    entries.push({
      credentialId,
      credentialName: current.credentialName,
      current,
      history: rest.sort(newestFirst)
    });
  }
  return entries.sort(
    (a, b) =>
      Number(holds(b.current.status)) - Number(holds(a.current.status)) ||
      b.current.issuedOn.localeCompare(a.current.issuedOn) ||
      a.credentialName.localeCompare(b.credentialName)
  );
}

/** "Until Mar 3, 2026", or "No expiry", for someone cleared for a work area. */
export function untilWords(until: string | null, locale = userLocale()): string {
  return until ? formatDay(until, locale) : 'No expiry';
}

/** "All of: A, B" in a sentence, for a work area's rule. */
export function ruleSentence(area: Pick<WorkArea, 'rule' | 'credentials'>): string {
  if (area.credentials.length === 0) return 'No credentials chosen yet: nobody is cleared.';
  if (area.credentials.length === 1) return `Needs ${area.credentials[0].name}.`;
  return area.rule === 'all'
    ? `Needs all of: ${area.credentials.map((c) => c.name).join(', ')}.`
    : `Needs any one of: ${area.credentials.map((c) => c.name).join(', ')}.`;
}

// ---- The work-area form ---------------------------------------------------------------------------

export interface WorkAreaFields {
  name: string;
  description: string;
  rule: AreaRule;
  credentialIds: string[];
}

export function workAreaFields(area: WorkArea | null): WorkAreaFields {
  return area
    ? { name: area.name, description: area.description, rule: area.rule, credentialIds: area.credentials.map((c) => c.id) }
    : { name: '', description: '', rule: 'all', credentialIds: [] };
}

/** What is sent to the core (which checks it): trimmed text, each credential once. */
export function workAreaInput(f: WorkAreaFields): WorkAreaInput {
  return {
    name: f.name.trim(),
    description: f.description.trim(),
    rule: f.rule,
    credentialIds: [...new Set(f.credentialIds)]
  };
}

/** Work areas by name, the way the list shows them. */
export function sortAreas(areas: readonly WorkArea[]): WorkArea[] {
  return [...areas].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}


/** The core's sentences carry days as 'YYYY-MM-DD' ("expired on 2025-02-01"): shown in the user's locale. */
export function localiseDays(text: string, locale = userLocale()): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => formatDay(day, locale));
}
