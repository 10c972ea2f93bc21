import { describe, expect, it } from 'vitest';
import { ruleFields, ruleInput, ruleSentence, type RuleFields } from './rule';

const fields = (f: Partial<RuleFields>): RuleFields => ({
  scope: 'all',
  minDomains: '3',
  requireEvidence: true,
  leadDays: '30',
  ...f
});

describe('the progression rule form', () => {
  it('starts from the saved rule', () => {
    expect(ruleFields({ minDomains: null, requireEvidence: true, reviewLeadDays: 30 }, 3)).toEqual({
      scope: 'all',
      minDomains: '3',
      requireEvidence: true,
      leadDays: '30'
    });
    expect(ruleFields({ minDomains: 2, requireEvidence: false, reviewLeadDays: 45 }, 3)).toEqual({
      scope: 'some',
      minDomains: '2',
      requireEvidence: false,
      leadDays: '45'
    });
    // A ladder without domains still offers "at least 1".
    expect(ruleFields({ minDomains: null, requireEvidence: true, reviewLeadDays: 30 }, 0).minDomains).toBe('1');
  });

  it('builds the rule: every domain sends no number, whatever the field holds', () => {
    expect(ruleInput(fields({ minDomains: 'x' }))).toEqual({
      input: { minDomains: null, requireEvidence: true, reviewLeadDays: 30 }
    });
    expect(ruleInput(fields({ scope: 'some', minDomains: ' 2 ', requireEvidence: false, leadDays: '45' }))).toEqual({
      input: { minDomains: 2, requireEvidence: false, reviewLeadDays: 45 }
    });
    // What a bound number input holds.
    expect(ruleInput(fields({ scope: 'some', minDomains: 1, leadDays: null }))).toEqual({
      input: { minDomains: 1, requireEvidence: true, reviewLeadDays: 30 }
    });
    expect(ruleInput(fields({ leadDays: '0' }))).toEqual({
      input: { minDomains: null, requireEvidence: true, reviewLeadDays: 0 }
    });
  });

  it('leaves the range to the core, and an empty lead is the default 30 days', () => {
    // The core knows how many domains the ladder has and says "The rule must ask for 1 to 3 domains…".
    expect(ruleInput(fields({ scope: 'some', minDomains: '0', leadDays: '400' }))).toEqual({
      input: { minDomains: 0, requireEvidence: true, reviewLeadDays: 400 }
    });
    expect(ruleInput(fields({ leadDays: '  ' }))).toEqual({
      input: { minDomains: null, requireEvidence: true, reviewLeadDays: 30 }
    });
  });

  it('says what to fix when a number is not a whole number', () => {
    expect(ruleInput(fields({ scope: 'some', minDomains: '', leadDays: '-5' }))).toEqual({
      errors: {
        minDomains: 'Write how many domains as a whole number, like 2.',
        leadDays: 'Write the days as a whole number from 0 to 365.'
      }
    });
    expect(ruleInput(fields({ scope: 'some', minDomains: '1.5' }))).toEqual({
      errors: { minDomains: 'Write how many domains as a whole number, like 2.' }
    });
    expect(ruleInput(fields({ leadDays: '2 weeks' }))).toEqual({
      errors: { leadDays: 'Write the days as a whole number from 0 to 365.' }
    });
  });
});

describe('what a rule does, in a sentence', () => {
  it('asks for every domain', () => {
    expect(ruleSentence({ minDomains: null, requireEvidence: true, reviewLeadDays: 30 }, 3)).toBe(
      'A signed assessment proposes Advance when every domain of the target level is rated met with its evidence requirements complete.'
    );
    expect(ruleSentence({ minDomains: null, requireEvidence: false, reviewLeadDays: 30 }, 3)).toBe(
      'A signed assessment proposes Advance when every domain of the target level is rated met (evidence requirements are not checked).'
    );
    // As many as the ladder has is every domain.
    expect(ruleSentence({ minDomains: 3, requireEvidence: true, reviewLeadDays: 30 }, 3)).toBe(
      ruleSentence({ minDomains: null, requireEvidence: true, reviewLeadDays: 30 }, 3)
    );
    expect(ruleSentence({ minDomains: null, requireEvidence: true, reviewLeadDays: 30 }, 1)).toBe(
      'A signed assessment proposes Advance when the one domain of the target level is rated met with its evidence requirements complete.'
    );
  });

  it('asks for some of them', () => {
    expect(ruleSentence({ minDomains: 2, requireEvidence: true, reviewLeadDays: 30 }, 3)).toBe(
      'A signed assessment proposes Advance when at least 2 of the 3 domains of the target level are rated met, each with its evidence requirements complete.'
    );
    expect(ruleSentence({ minDomains: 1, requireEvidence: true, reviewLeadDays: 30 }, 3)).toBe(
      'A signed assessment proposes Advance when at least 1 of the 3 domains of the target level is rated met with its evidence requirements complete.'
    );
    expect(ruleSentence({ minDomains: 2, requireEvidence: false, reviewLeadDays: 30 }, 4)).toBe(
      'A signed assessment proposes Advance when at least 2 of the 4 domains of the target level are rated met (evidence requirements are not checked).'
    );
  });
});
