import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '$lib/api';
import { groupByMonth, whenLabel } from './timeline';

const event = (at: string, title: string): TimelineEvent => ({
  at,
  kind: 'level',
  title,
  detail: '',
  target: null
});

describe('timeline', () => {
  it('groups consecutive events by month, newest first as given', () => {
    const groups = groupByMonth(
      [
        event('2026-11-26T09:00:00Z', 'Signed'),
        event('2026-11-03', 'Started'),
        event('2026-10-31', 'Poster v2'),
        event('2026-01-05', 'Joined')
      ],
      'en-US'
    );
    expect(groups.map((g) => [g.label, g.events.length])).toEqual([
      ['November 2026', 2],
      ['October 2026', 1],
      ['January 2026', 1]
    ]);
  });

  it('shows days as stored and moments on the local day', () => {
    expect(whenLabel('2026-02-28', 'en-US')).toBe('Feb 28, 2026');
    expect(whenLabel('2026-11-26T12:00:00Z', 'en-US')).toMatch(/^Nov 2[67], 2026$/);
    expect(whenLabel('someday', 'en-US')).toBe('someday');
    expect(groupByMonth([event('nonsense', 'x')], 'en-US')[0].label).toBe('Undated');
  });
});
