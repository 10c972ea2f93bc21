import { describe, expect, it } from 'vitest';
import { eventTitle } from './events';

const base = { kind: 'pr_merged', hours: null, stage: null, outcome: null, workAreaName: null } as const;

describe('event titles', () => {
  it('names the kind and what goes with it', () => {
    expect(eventTitle(base)).toBe('Pull request merged');
    expect(eventTitle({ ...base, kind: 'defect', stage: 'after_release' })).toBe('Defect · after release');
    expect(eventTitle({ ...base, kind: 'rework_hours', hours: 3.5 })).toBe('Rework · 3.5 h');
    expect(eventTitle({ ...base, kind: 'milestone', outcome: 'on_time' })).toBe('Milestone · on time');
    expect(eventTitle({ ...base, kind: 'incident', workAreaName: 'Payments integration' })).toBe(
      'Incident · Payments integration'
    );
  });
});
