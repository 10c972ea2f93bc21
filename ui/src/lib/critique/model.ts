// Pure helpers for critique sessions: attendees as typed, upcoming and past sessions, the form's
// check and the artifacts a session can discuss. No Svelte, no IPC: tested in model.test.ts.
import type { CritiqueInput, CritiqueSession, Evidence } from '$lib/api';
import { newestVersions } from '$lib/evidence/model';
import { isIsoDay } from '$lib/roster/dates';

/** "Ana Silva, Bo Chen" or one name a line → the names, each once (whatever the case). */
export function parseAttendees(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name && !out.some((n) => n.toLowerCase() === name.toLowerCase())) out.push(name);
  }
  return out;
}

/** The names back in the form, to edit. */
export function attendeesText(names: readonly string[]): string {
  return names.join(', ');
}

/** "With Ana Silva, Bo Chen and Dee Okafor". */
export function attendeesLine(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `With ${names[0]}`;
  return `With ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A session is upcoming while its day is still ahead. */
export function isUpcoming(s: Pick<CritiqueSession, 'heldOn'>, today: string): boolean {
  return s.heldOn > today;
}

/** Upcoming sessions, the soonest first; then past ones (today's too), the latest first. */
export function splitSessions(
  list: readonly CritiqueSession[],
  today: string
): { upcoming: CritiqueSession[]; past: CritiqueSession[] } {
  const byDay = (a: CritiqueSession, b: CritiqueSession) =>
    a.heldOn.localeCompare(b.heldOn) || a.createdAt.localeCompare(b.createdAt);
  const upcoming = list.filter((s) => isUpcoming(s, today)).sort(byDay);
  const past = list.filter((s) => !isUpcoming(s, today)).sort((a, b) => byDay(b, a));
  return { upcoming, past };
}

/** What the session dialog holds, as typed. */
export interface CritiqueFields {
  heldOn: string;
  attendees: string;
  notes: string;
  outcome: string;
}

export function critiqueFields(s: CritiqueSession | null, today: string): CritiqueFields {
  return s
    ? { heldOn: s.heldOn, attendees: attendeesText(s.attendees), notes: s.notes, outcome: s.outcome }
    : { heldOn: today, attendees: '', notes: '', outcome: '' };
}

export type CritiqueErrors = Partial<Record<'heldOn', string>>;

/**
 * Builds the input for the core, or says what to fix here. Only the date's form is checked here;
 * the core checks the rest (at least one attendee…) and its words show in the form.
 */
export function critiqueInput(
  f: CritiqueFields,
  artifactIds: readonly string[]
): { input: CritiqueInput } | { errors: CritiqueErrors } {
  const heldOn = f.heldOn.trim();
  if (!isIsoDay(heldOn)) return { errors: { heldOn: 'Write the date as year-month-day, like 2026-01-05.' } };
  return {
    input: {
      heldOn,
      attendees: parseAttendees(f.attendees),
      notes: f.notes.trim(),
      outcome: f.outcome.trim(),
      artifactIds: [...artifactIds]
    }
  };
}

/** The artifacts a session can discuss: the newest version of each one with a file. */
export function discussable(evidence: readonly Evidence[]): Evidence[] {
  return newestVersions(evidence).filter((e) => e.file !== null);
}

/** "2 artifacts discussed". */
export function artifactsLine(n: number): string {
  return n === 1 ? '1 artifact discussed' : `${n} artifacts discussed`;
}
