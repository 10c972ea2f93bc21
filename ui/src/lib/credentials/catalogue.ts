// Pure helpers for the credential catalogue and a credential's page: holder counts and award
// statuses in words (with their tones), validity, the criteria sentence the core generates, and the
// forms of a credential, an award and a revocation turned into what the core takes (or into
// messages for the fields). No Svelte, no IPC: tested in catalogue.test.ts.
import type {
  AssessmentRow,
  Award,
  AwardStatus,
  BadgeDesign,
  BadgeImage,
  BadgeShape,
  Credential,
  CredentialInput,
  CredentialRef,
  Criteria,
  HolderCounts,
  NewAward
} from '$lib/api';
import type { Tone } from '$lib/ladder/model';
import { formatDay, isIsoDay } from '$lib/roster/dates';

export const AWARD_STATUSES: readonly AwardStatus[] = ['active', 'expiring', 'expired', 'revoked'];

export const STATUS_WORDS: Record<AwardStatus, string> = {
  active: 'Active',
  expiring: 'Expiring',
  expired: 'Expired',
  revoked: 'Revoked'
};

export const STATUS_TONES: Record<AwardStatus, Tone> = {
  active: 'success',
  expiring: 'warning',
  expired: 'neutral',
  revoked: 'danger'
};

export interface HolderPart {
  status: AwardStatus;
  count: number;
  /** "4 active" */
  text: string;
  tone: Tone;
}

/** The statuses someone holds the credential in, in order, leaving out the ones nobody is in. */
export function holderParts(counts: HolderCounts): HolderPart[] {
  return AWARD_STATUSES.filter((s) => counts[s] > 0).map((s) => ({
    status: s,
    count: counts[s],
    text: `${counts[s]} ${s}`,
    tone: STATUS_TONES[s]
  }));
}

/** "4 active · 1 expiring · 1 expired · 1 revoked", or "No holders yet". */
export function holderWords(counts: HolderCounts): string {
  const parts = holderParts(counts);
  return parts.length ? parts.map((p) => p.text).join(' · ') : 'No holders yet';
}

/** "Valid 12 months", "Valid 1 month", "Never expires". */
export function validityWords(months: number | null): string {
  if (months === null) return 'Never expires';
  return `Valid ${months} ${months === 1 ? 'month' : 'months'}`;
}

/** A built-in design's SVG text as an image address (the CSP allows data: images; never markup). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** "a", "a and b", "a, b and c" (as the core writes lists). */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What the criteria ask, in the words the core generates when no narrative is written. */
export function criteriaSentence(
  criteria: Pick<Criteria, 'roleName' | 'levelName' | 'versionNumber' | 'requireEvidence'> & { domainNames: string[] } | null,
  prerequisiteNames: readonly string[]
): string {
  const parts: string[] = [];
  if (criteria) {
    parts.push(
      `A signed assessment rates ${listWords(criteria.domainNames)} as meeting the ${criteria.levelName} level of the ${criteria.roleName} ladder (version ${criteria.versionNumber})${criteria.requireEvidence ? ', each with the evidence its cell asks for' : ''}.`
    );
  }
  if (prerequisiteNames.length) parts.push(`Holds ${listWords(prerequisiteNames)}.`);
  return parts.join(' ');
}

/** "Backend engineer · Lead · v3" */
export function criteriaHeading(c: Criteria): string {
  return `${c.roleName} · ${c.levelName} · v${c.versionNumber}`;
}

/** How the award was made: "From assessment", or the reason written for an award by hand. */
export function howWords(a: Award): string {
  if (a.assessmentId) return 'From assessment';
  return a.reason ? `By hand: ${a.reason}` : 'By hand';
}

/** "Revoked on Nov 26, 2026 by Ana Ruiz: the reason" */
export function revokedWords(a: Award, locale?: string): string {
  if (a.status !== 'revoked') return '';
  const on = a.revokedAt ? ` on ${formatMoment(a.revokedAt, locale)}` : '';
  const by = a.revokedBy ? ` by ${a.revokedBy}` : '';
  return `Revoked${on}${by}: ${a.revokedReason ?? ''}`.replace(/: $/, '');
}

/** A day or an RFC 3339 moment as the local day it fell on. */
export function formatMoment(at: string, locale?: string): string {
  if (isIsoDay(at)) return formatDay(at, locale);
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleDateString(locale, { dateStyle: 'medium' });
}

/** The core's gaps are sentence fragments ("does not hold 'X'"): shown one a line, capitalised. */
export function gapLine(gap: string): string {
  return gap.charAt(0).toUpperCase() + gap.slice(1);
}

/** Newest first (by the day it is valid from), then by name; the core's order, kept if it changes. */
export function sortHolders(awards: readonly Award[]): Award[] {
  return [...awards].sort(
    (a, b) => b.issuedOn.localeCompare(a.issuedOn) || a.contractorName.localeCompare(b.contractorName)
  );
}

/** A person's assessments that can earn a credential: signed or closed, latest first. */
export function signedAssessmentsOf(
  rows: readonly AssessmentRow[],
  contractorId: string,
  criteria: { roleId: string; levelKey: string } | null = null
): AssessmentRow[] {
  return rows
    .filter((r) => r.contractorId === contractorId && (r.status === 'signed' || r.status === 'closed'))
    .filter((r) => !criteria || (r.roleId === criteria.roleId && r.levelKey === criteria.levelKey))
    .sort((a, b) => b.dueOn.localeCompare(a.dueOn));
}

/** `YYYY-MM-DD` plus whole calendar months; a day past the month's end becomes its last day (as the core does). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(year, month, 0).getDate();
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(year, 4)}-${p(month)}-${p(Math.min(d, last))}`;
}

/** "Expires Nov 26, 2027" / "Never expires" for an award valid from `from`. */
export function expiryWords(from: string, months: number | null, locale?: string): string {
  if (months === null) return 'Never expires';
  if (!isIsoDay(from)) return '';
  return `Expires ${formatDay(addMonths(from.trim(), months), locale)}`;
}

// ---- The credential form -------------------------------------------------------------------

export const SHAPES: readonly { value: BadgeShape; label: string }[] = [
  { value: 'circle', label: 'Circle' },
  { value: 'hexagon', label: 'Hexagon' },
  { value: 'shield', label: 'Shield' }
];

export interface CredentialFields {
  name: string;
  description: string;
  badge: 'design' | 'upload';
  shape: BadgeShape;
  background: string;
  foreground: string;
  initials: string;
  /** The uploaded image, once the core took it into the vault. */
  upload: { sha256: string; mediaType: string } | null;
  /** '' for a credential made only of other credentials. */
  roleId: string;
  levelKey: string;
  domainKeys: string[];
  requireEvidence: boolean;
  prerequisites: string[];
  validity: 'months' | 'never';
  months: string | number | null;
  narrative: string;
}

export type CredentialErrors = Partial<
  Record<'name' | 'initials' | 'colours' | 'upload' | 'criteria' | 'levelKey' | 'domains' | 'months', string>
>;

/** "Accessibility reviewer" → "AR"; "Payments path reviewer" → "PPR". */
export function initialsFrom(name: string): string {
  return name
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 3)
    .map((w) => w[0].toUpperCase())
    .join('');
}

export const DEFAULT_DESIGN: BadgeDesign = { shape: 'circle', background: '#0d6b6b', foreground: '#ffffff', initials: '' };

/** The form for a new credential, or filled from a saved one. */
export function credentialFields(c: Credential | null): CredentialFields {
  const design = c?.image.kind === 'design' ? c.image : null;
  const upload = c?.image.kind === 'upload' ? { sha256: c.image.sha256, mediaType: c.image.mediaType } : null;
  return {
    name: c?.name ?? '',
    description: c?.description ?? '',
    badge: upload ? 'upload' : 'design',
    shape: design?.shape ?? DEFAULT_DESIGN.shape,
    background: design?.background ?? DEFAULT_DESIGN.background,
    foreground: design?.foreground ?? DEFAULT_DESIGN.foreground,
    initials: design?.initials ?? '',
    upload,
    roleId: c?.criteria?.roleId ?? '',
    levelKey: c?.criteria?.levelKey ?? '',
    domainKeys: c?.criteria?.domains.map(([k]) => k) ?? [],
    requireEvidence: c?.criteria?.requireEvidence ?? true,
    prerequisites: c?.prerequisites.map((p) => p.id) ?? [],
    validity: c && c.validityMonths === null ? 'never' : 'months',
    months: c?.validityMonths ?? 12,
    narrative: c?.narrative ?? ''
  };
}

const COLOUR = /^#[0-9a-f]{6}$/i;
const INITIALS = /^[\p{L}\p{N}]{1,3}$/u;

/** The design as the form holds it, or null when it can't be drawn yet. */
export function designOf(f: Pick<CredentialFields, 'shape' | 'background' | 'foreground' | 'initials'>): BadgeDesign | null {
  const initials = f.initials.trim();
  if (!INITIALS.test(initials) || !COLOUR.test(f.background) || !COLOUR.test(f.foreground)) return null;
  return { shape: f.shape, background: f.background.toLowerCase(), foreground: f.foreground.toLowerCase(), initials };
}

/** Whole months 1–120, from what a number field holds. */
function parseMonths(v: string | number | null): number | null {
  const s = String(v ?? '').trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 120 ? n : null;
}

/** The form as the core takes it, or what to fix, field by field. */
export function credentialInput(f: CredentialFields): { input: CredentialInput } | { errors: CredentialErrors } {
  const errors: CredentialErrors = {};
  const name = f.name.trim();
  if (!name) errors.name = 'Give the credential a name.';

  let image: BadgeImage | null = null;
  if (f.badge === 'upload') {
    if (f.upload) image = { kind: 'upload', ...f.upload };
    else errors.upload = 'Upload a PNG or SVG image, or make a design.';
  } else {
    if (!INITIALS.test(f.initials.trim())) errors.initials = 'One to three letters or digits.';
    else if (!COLOUR.test(f.background) || !COLOUR.test(f.foreground)) errors.colours = 'Choose both colours.';
    const d = designOf(f);
    if (d) image = { kind: 'design', ...d };
  }

  const fromLadder = f.roleId !== '';
  if (fromLadder && !f.levelKey) errors.levelKey = 'Choose the level the credential asks for.';
  if (fromLadder && f.domainKeys.length === 0) errors.domains = 'Tick at least one domain.';
  if (!fromLadder && f.prerequisites.length === 0)
    errors.criteria = 'Choose a role and level, or the credentials it stacks on (or both).';

  let validityMonths: number | null = null;
  if (f.validity === 'months') {
    validityMonths = parseMonths(f.months);
    if (validityMonths === null) errors.months = 'Write a whole number of months from 1 to 120, or choose “Never expires”.';
  }

  if (Object.keys(errors).length || !image) return { errors };
  return {
    input: {
      name,
      description: f.description.trim(),
      image,
      roleId: fromLadder ? f.roleId : null,
      levelKey: fromLadder ? f.levelKey : null,
      domainKeys: fromLadder ? [...f.domainKeys] : [],
      requireEvidence: fromLadder && f.requireEvidence,
      narrative: f.narrative.trim(),
      validityMonths,
      prerequisites: [...f.prerequisites]
    }
  };
}

/** The credentials this one may stack on: every other one (the core refuses loops and says which). */
export function prerequisiteChoices(all: readonly Credential[], selfId: string | null, chosen: readonly string[]): CredentialRef[] {
  return all
    .filter((c) => c.id !== selfId && (!c.archived || chosen.includes(c.id)))
    .map((c) => ({ id: c.id, name: c.name }));
}

// ---- Awards -----------------------------------------------------------------------------------

export interface AwardFields {
  contractorId: string;
  how: 'assessment' | 'hand';
  assessmentId: string;
  reason: string;
  awardedBy: string;
  validFrom: string;
}

export type AwardErrors = Partial<Record<'contractorId' | 'assessmentId' | 'reason' | 'awardedBy' | 'validFrom', string>>;

/**
 * The award as the core takes it, or what to fix. `gaps` are the chosen assessment's (null while
 * they are being checked): an assessment that falls short can't award the credential.
 */
export function awardInput(
  credentialId: string,
  f: AwardFields,
  gaps: readonly string[] | null,
  renewsId: string | null = null
): { input: NewAward } | { errors: AwardErrors } {
  const errors: AwardErrors = {};
  if (!f.contractorId) errors.contractorId = 'Choose who receives it.';
  if (f.how === 'assessment') {
    if (!f.assessmentId) errors.assessmentId = 'Choose a signed assessment, or award it by hand with a reason.';
    else if (gaps === null) errors.assessmentId = 'Still checking the assessment against the criteria.';
    else if (gaps.length) errors.assessmentId = 'This assessment does not meet the criteria.';
  } else if (!f.reason.trim()) errors.reason = 'Say why it is awarded without an assessment; the reason is kept with the award.';
  if (!f.awardedBy.trim()) errors.awardedBy = 'Write who awards it.';
  const from = f.validFrom.trim();
  if (from && !isIsoDay(from)) errors.validFrom = 'Write it as year-month-day: 2026-01-05, or leave it empty for today.';
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      credentialId,
      contractorId: f.contractorId,
      assessmentId: f.how === 'assessment' ? f.assessmentId : null,
      reason: f.how === 'hand' ? f.reason.trim() : '',
      awardedBy: f.awardedBy.trim(),
      issuedOn: from || null,
      renewsId
    }
  };
}

export type RevokeErrors = Partial<Record<'reason' | 'by', string>>;

export function revokeInput(reason: string, by: string): { input: { reason: string; by: string } } | { errors: RevokeErrors } {
  const errors: RevokeErrors = {};
  if (!reason.trim()) errors.reason = 'Say why it is revoked; the reason is kept with the award.';
  if (!by.trim()) errors.by = 'Write who revokes it.';
  if (Object.keys(errors).length) return { errors };
  return { input: { reason: reason.trim(), by: by.trim() } };
}
