// Pure helpers for the progression panel of a signed assessment: the outcome in words, the pay
// band proposed after an advance, the sideways moves, and who decided when. Tested in
// progression.test.ts.
import type { Outcome, Proposal, SidewaysMove } from '$lib/api';
import type { Tone } from '$lib/ladder/model';
import { formatDay, isIsoDay } from '$lib/roster/dates';
import { userLocale } from '$lib/roster/locale';
import { formatBand } from '$lib/roster/money';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  advance: 'Advance',
  hold: 'Hold',
  not_yet: 'Not yet'
};

export const OUTCOME_TONES: Record<Outcome, Tone> = {
  advance: 'success',
  hold: 'warning',
  not_yet: 'danger'
};

/** "Proposed pay band for the next engagement: €55.00–€80.00 / hour (Designer)"; null unless advancing with a band. */
export function bandLine(p: Pick<Proposal, 'outcome' | 'nextBand'>, levelName: string, locale?: string): string | null {
  if (p.outcome !== 'advance' || !p.nextBand) return null;
  return `Proposed pay band for the next engagement: ${formatBand(p.nextBand, locale)} (${levelName})`;
}

/** "Also a fit: Delivery lead · Senior, Backend engineer · Engineer"; null when there are none. */
export function sidewaysLine(moves: readonly SidewaysMove[]): string | null {
  if (!moves.length) return null;
  return `Also a fit: ${moves.map((m) => `${m.roleName} · ${m.levelName}`).join(', ')}`;
}

/** "Advance: decided by Ines Carvalho on Nov 26, 2026"; null while undecided. `at` is a day or an RFC 3339 time. */
export function decidedLine(decided: Proposal['decided'], locale?: string): string | null {
  if (!decided) return null;
  const { decidedBy: by, decidedAt: at } = decided;
  const day = isIsoDay(at) ? formatDay(at, locale ?? userLocale()) : dayOf(at, locale ?? userLocale());
  return `${OUTCOME_LABELS[decided.outcome]}: decided by ${by} on ${day}`;
}

/** The local day of a moment stored in UTC. */
function dayOf(at: string, locale: string | undefined): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleDateString(locale, { dateStyle: 'medium' });
}

/** What applying the decision does, spelled out before it is done. */
export function applyConsequence(outcome: Outcome, who: string, levelName: string, roleName: string): string {
  if (outcome === 'advance') {
    return `${who} moves to ${levelName} in ${roleName} today, and the assessment closes.`;
  }
  const word = OUTCOME_LABELS[outcome];
  return `${who} stays at their current level. The decision (${word}) is recorded and the assessment closes.`;
}

/** The toast after applying: "Lena Novak is now Designer", or the decision recorded. */
export function appliedMessage(outcome: Outcome, who: string, levelName: string): string {
  return outcome === 'advance' ? `${who} is now ${levelName}` : `Recorded for ${who}: ${OUTCOME_LABELS[outcome]}`;
}
