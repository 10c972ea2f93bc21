// Pure helpers about the roster: the words and tones for statuses and outcomes, the query the list
// sends, and small questions about a profile. No Svelte, no IPC: tested in model.test.ts.
import type {
  ContractorInput,
  ContractorStatus,
  Engagement,
  EngagementInput,
  EngagementOutcome,
  PayBand,
  Profile,
  RateUnit,
  RosterQuery
} from '$lib/api';
import type { Tone } from '$lib/ladder/model';
import { isIsoDay, todayIso } from './dates';
import { formatCount } from './locale';
import { amountText, cleanCurrency, parseAmount } from './money';

export const STATUS_LABELS: Record<ContractorStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  archived: 'Archived'
};

export const STATUS_TONES: Record<ContractorStatus, Tone> = {
  active: 'success',
  inactive: 'warning',
  archived: 'neutral'
};

export const STATUSES = Object.keys(STATUS_LABELS) as ContractorStatus[];

export const OUTCOME_LABELS: Record<EngagementOutcome, string> = {
  open: 'Open',
  renewed: 'Renewed',
  ended: 'Ended'
};

export const OUTCOME_TONES: Record<EngagementOutcome, Tone> = {
  open: 'info',
  renewed: 'success',
  ended: 'neutral'
};

export const OUTCOMES = Object.keys(OUTCOME_LABELS) as EngagementOutcome[];

/** "api, Payments,, api" → ["api", "Payments"]: trimmed, blanks and repeats (any case) dropped. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[,;]/)) {
    const tag = raw.trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

export function countLabel(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

// ---- the list's query ---------------------------------------------------------------------------

export interface RosterFilters {
  text: string;
  roleId: string;
  levelKey: string;
  status: ContractorStatus | '';
  tag: string;
  showArchived: boolean;
}

export const NO_FILTERS: RosterFilters = {
  text: '',
  roleId: '',
  levelKey: '',
  status: '',
  tag: '',
  showArchived: false
};

/** The core's query for one page; empty filters are left out. */
export function rosterQuery(f: RosterFilters, offset: number, limit: number): RosterQuery {
  const q: RosterQuery = { includeArchived: f.showArchived, offset, limit };
  if (f.text.trim()) q.text = f.text.trim();
  if (f.roleId) {
    q.roleId = f.roleId;
    if (f.levelKey) q.levelKey = f.levelKey;
  }
  if (f.status) q.status = f.status;
  if (f.tag.trim()) q.tag = f.tag.trim();
  return q;
}

/** Whether anything narrows the list ("Show archived" widens it, so it doesn't count). */
export function isFiltered(f: RosterFilters): boolean {
  return !!(f.text.trim() || f.roleId || f.status || f.tag.trim());
}

/** "No one matches 'ana' (role Backend engineer · Lead, status Inactive, tag api)". */
export function noMatchMessage(f: RosterFilters, roleName = '', levelName = ''): string {
  const parts: string[] = [];
  if (f.roleId) parts.push(`role ${roleName || 'chosen'}${f.levelKey && levelName ? ` · ${levelName}` : ''}`);
  if (f.status) parts.push(`status ${STATUS_LABELS[f.status]}`);
  if (f.tag.trim()) parts.push(`tag '${f.tag.trim()}'`);
  const text = f.text.trim();
  if (text && parts.length) return `No one matches '${text}' with ${parts.join(', ')}`;
  if (text) return `No one matches '${text}'`;
  return `No one matches ${parts.length ? parts.join(', ') : 'these filters'}`;
}

// ---- a profile ---------------------------------------------------------------------------------

/**
 * The engagement the header shows: of the open ones, the one running today (the latest started if
 * several), else the next to start, else the one that started last.
 */
export function currentEngagement(list: readonly Engagement[], today = todayIso()): Engagement | null {
  const open = list.filter((e) => e.outcome === 'open');
  const latestStart = (a: Engagement, b: Engagement) => (a.startOn > b.startOn ? a : b);
  const running = open.filter((e) => e.startOn <= today && (!e.endOn || e.endOn >= today));
  if (running.length) return running.reduce(latestStart);
  const upcoming = open.filter((e) => e.startOn > today);
  if (upcoming.length) return upcoming.reduce((a, b) => (a.startOn < b.startOn ? a : b));
  return open.length ? open.reduce(latestStart) : null;
}

/**
 * The pay band that applies to an engagement: the band of the person's current level in the
 * engagement's role, in the engagement's currency and unit when there is one like that.
 */
export function bandFor(profile: Profile, e: Engagement | null): PayBand | null {
  const levels = profile.contractor.levels;
  const level = e?.roleId ? levels.find((l) => l.roleId === e.roleId) : levels[0];
  if (!level) return null;
  const bands = profile.bands.filter((b) => b.roleId === level.roleId && b.levelKey === level.levelKey);
  if (e) {
    const same = bands.find((b) => b.min.currency === e.rate.currency && b.rateUnit === e.rateUnit);
    if (same) return same;
  }
  return bands[0] ?? null;
}

// ---- forms -------------------------------------------------------------------------------------

export interface ContractorFields {
  name: string;
  email: string;
  phone: string;
  location: string;
  tags: string;
  notes: string;
  status: ContractorStatus;
}

export function contractorInput(f: ContractorFields): ContractorInput {
  return {
    name: f.name.trim(),
    email: f.email.trim(),
    phone: f.phone.trim(),
    location: f.location.trim(),
    status: f.status,
    tags: parseTags(f.tags),
    notes: f.notes
  };
}

export interface EngagementFields {
  client: string;
  project: string;
  roleId: string;
  startOn: string;
  endOn: string;
  renewalWindowDays: string;
  rate: string;
  currency: string;
  rateUnit: RateUnit;
  hoursPerWeek: string;
  outcome: EngagementOutcome;
}

export type FieldErrors = Partial<Record<keyof EngagementFields, string>>;

function wholeNumber(raw: string): number | null {
  const t = raw.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

/**
 * Checks what the engagement form holds. Returns the input for the core, or the problems a person
 * can fix right there (the core checks the rest, like an end before the start).
 */
export function engagementInput(f: EngagementFields): { input: EngagementInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!f.client.trim()) errors.client = 'Enter the client.';
  if (!isIsoDay(f.startOn)) errors.startOn = 'Enter the start date.';
  if (f.endOn.trim() && !isIsoDay(f.endOn)) errors.endOn = 'Enter a whole date, or leave it empty.';
  const currency = cleanCurrency(f.currency);
  if (!currency) errors.currency = 'Three letters, like EUR.';
  const rate = parseAmount(f.rate, currency ?? 'EUR');
  if (!rate.ok) errors.rate = rate.error;
  const windowDays = wholeNumber(f.renewalWindowDays || '0');
  if (windowDays === null) errors.renewalWindowDays = 'A whole number of days.';
  const hours = f.hoursPerWeek.trim() ? wholeNumber(f.hoursPerWeek) : null;
  if (f.hoursPerWeek.trim() && hours === null) errors.hoursPerWeek = 'A whole number of hours, or leave it empty.';
  if (Object.keys(errors).length || !rate.ok || !currency) return { errors };
  return {
    input: {
      roleId: f.roleId || null,
      client: f.client.trim(),
      project: f.project.trim(),
      startOn: f.startOn.trim(),
      endOn: f.endOn.trim() || null,
      renewalWindowDays: windowDays ?? 0,
      rate: { minor: rate.minor, currency },
      rateUnit: f.rateUnit,
      hoursPerWeek: hours,
      outcome: f.outcome
    }
  };
}

/** An engagement as the form shows it (for Edit). */
export function engagementFields(e: EngagementInput): EngagementFields {
  return {
    client: e.client,
    project: e.project,
    roleId: e.roleId ?? '',
    startOn: e.startOn,
    endOn: e.endOn ?? '',
    renewalWindowDays: String(e.renewalWindowDays),
    rate: amountText(e.rate.minor, e.rate.currency),
    currency: e.rate.currency,
    rateUnit: e.rateUnit,
    hoursPerWeek: e.hoursPerWeek == null ? '' : String(e.hoursPerWeek),
    outcome: e.outcome
  };
}

/** The part of an engagement that `updateEngagement` takes, to put an edit back (Undo). */
export function inputOf(e: Engagement): EngagementInput {
  return {
    roleId: e.roleId,
    client: e.client,
    project: e.project,
    startOn: e.startOn,
    endOn: e.endOn,
    renewalWindowDays: e.renewalWindowDays,
    rate: e.rate,
    rateUnit: e.rateUnit,
    hoursPerWeek: e.hoursPerWeek,
    outcome: e.outcome
  };
}
