// A role's progression rule as the "Progression rule" dialog edits it: the form's fields from the
// saved rule, the rule back from what was typed, and one sentence saying what a rule does.
// No Svelte, no IPC: tested in rule.test.ts.
import type { AdvancementRule } from '$lib/api';

/** Every domain of the target level, or at least some number of them. */
export type RuleScope = 'all' | 'some';

/** A number field as typed: its text, or what a bound number input holds (null when empty). */
export type Typed = string | number | null;

export interface RuleFields {
  scope: RuleScope;
  /** How many domains "some" is. */
  minDomains: Typed;
  requireEvidence: boolean;
  /** Days before an engagement ends that its renewal review is due. */
  leadDays: Typed;
}

export type RuleErrors = Partial<Record<'minDomains' | 'leadDays', string>>;

export const DEFAULT_LEAD_DAYS = 30;

/** The form for a saved rule; "at least N" starts at every domain of the ladder (`domainCount`). */
export function ruleFields(rule: AdvancementRule, domainCount: number): RuleFields {
  return {
    scope: rule.minDomains === null ? 'all' : 'some',
    minDomains: String(rule.minDomains ?? Math.max(domainCount, 1)),
    requireEvidence: rule.requireEvidence,
    leadDays: String(rule.reviewLeadDays)
  };
}

/** "12" → 12; anything but a whole number of zero or more → null. */
function wholeNumber(text: Typed | undefined): number | null {
  const s = String(text ?? '').trim();
  return /^\d{1,6}$/.test(s) ? Number(s) : null;
}

/**
 * The rule for the core from what was typed, or what to fix. Only the form is checked here: whether
 * the ladder has that many domains, and the longest lead, are the core's to say.
 */
export function ruleInput(f: RuleFields): { input: AdvancementRule } | { errors: RuleErrors } {
  const errors: RuleErrors = {};
  let minDomains: number | null = null;
  if (f.scope === 'some') {
    minDomains = wholeNumber(f.minDomains);
    if (minDomains === null) errors.minDomains = 'Write how many domains as a whole number, like 2.';
  }
  const lead = String(f.leadDays ?? '').trim() === '' ? DEFAULT_LEAD_DAYS : wholeNumber(f.leadDays);
  if (lead === null) errors.leadDays = 'Write the days as a whole number from 0 to 365.';
  if (Object.keys(errors).length || lead === null) return { errors };
  return { input: { minDomains, requireEvidence: f.requireEvidence, reviewLeadDays: lead } };
}

/**
 * What the rule does, in one sentence: "A signed assessment proposes Advance when at least 2 of the
 * 3 domains of the target level are rated met, each with its evidence requirements complete."
 * Asking for as many domains as the ladder has (or more) is asking for every domain.
 */
export function ruleSentence(rule: AdvancementRule, domainCount: number): string {
  const n = rule.minDomains;
  const every = n === null || n >= domainCount;
  const which = every
    ? domainCount === 1
      ? 'the one domain of the target level is'
      : 'every domain of the target level is'
    : `at least ${n} of the ${domainCount} domains of the target level ${n === 1 ? 'is' : 'are'}`;
  const evidence = rule.requireEvidence
    ? !every && n > 1
      ? ', each with its evidence requirements complete'
      : ' with its evidence requirements complete'
    : ' (evidence requirements are not checked)';
  return `A signed assessment proposes Advance when ${which} rated met${evidence}.`;
}
