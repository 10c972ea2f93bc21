import { describe, expect, it } from 'vitest';
import type { CritiqueSession } from '$lib/api';
import { evidence } from '$lib/testing/fixtures';
import {
  artifactsLine,
  attendeesLine,
  attendeesText,
  critiqueFields,
  critiqueInput,
  discussable,
  isUpcoming,
  parseAttendees,
  splitSessions
} from './model';

const session = (s: Partial<CritiqueSession>): CritiqueSession => ({
  id: 's',
  contractorId: 'c',
  heldOn: '2026-03-10',
  attendees: ['Ana'],
  notes: '',
  outcome: '',
  artifacts: [],
  createdAt: '2026-03-01T10:00:00Z',
  ...s
});

describe('attendees', () => {
  it('reads names separated by commas or lines, each once', () => {
    expect(parseAttendees('Ana Silva, Bo Chen\nDee  Okafor;\n\n ana silva ,')).toEqual(['Ana Silva', 'Bo Chen', 'Dee Okafor']);
    expect(parseAttendees('  ')).toEqual([]);
  });

  it('writes them back and in a sentence', () => {
    expect(attendeesText(['Ana', 'Bo'])).toBe('Ana, Bo');
    expect(attendeesLine([])).toBe('');
    expect(attendeesLine(['Ana'])).toBe('With Ana');
    expect(attendeesLine(['Ana', 'Bo', 'Dee'])).toBe('With Ana, Bo and Dee');
  });
});

describe('sessions', () => {
  it('puts upcoming sessions first, soonest first, then the past, latest first', () => {
    const list = [
      session({ id: 'past-old', heldOn: '2026-01-02' }),
      session({ id: 'later', heldOn: '2026-05-01' }),
      session({ id: 'today', heldOn: '2026-03-10' }),
      session({ id: 'soon', heldOn: '2026-03-11' }),
      session({ id: 'past', heldOn: '2026-02-20' })
    ];
    const { upcoming, past } = splitSessions(list, '2026-03-10');
    expect(upcoming.map((s) => s.id)).toEqual(['soon', 'later']);
    expect(past.map((s) => s.id)).toEqual(['today', 'past', 'past-old']);
    expect(isUpcoming({ heldOn: '2026-03-11' }, '2026-03-10')).toBe(true);
    expect(isUpcoming({ heldOn: '2026-03-10' }, '2026-03-10')).toBe(false);
  });

  it('fills the form for a new session or one to edit', () => {
    expect(critiqueFields(null, '2026-03-10')).toEqual({ heldOn: '2026-03-10', attendees: '', notes: '', outcome: '' });
    const s = session({ attendees: ['Ana', 'Bo'], notes: 'N', outcome: 'O' });
    expect(critiqueFields(s, '2026-04-01')).toEqual({ heldOn: '2026-03-10', attendees: 'Ana, Bo', notes: 'N', outcome: 'O' });
  });

  it('checks the date and leaves the rest to the core', () => {
    const f = { heldOn: ' 2026-03-10 ', attendees: 'Ana\nBo', notes: ' n ', outcome: '' };
    expect(critiqueInput(f, ['a1'])).toEqual({
      input: { heldOn: '2026-03-10', attendees: ['Ana', 'Bo'], notes: 'n', outcome: '', artifactIds: ['a1'] }
    });
    expect(critiqueInput({ ...f, heldOn: '10/03/2026' }, [])).toEqual({
      errors: { heldOn: 'Write the date as year-month-day, like 2026-01-05.' }
    });
    expect(critiqueInput({ ...f, heldOn: '2026-02-30' }, [])).toHaveProperty('errors');
    // No attendee: the core says so, in its words.
    expect(critiqueInput({ ...f, attendees: ' ' }, [])).toHaveProperty('input.attendees', []);
  });

  it('offers the newest version of each artifact with a file', () => {
    const list = [
      evidence({ id: 'a1', artifactId: 'a', revision: 1 }),
      evidence({ id: 'a2', artifactId: 'a', revision: 2, createdAt: '2026-02-01T00:00:00Z' }),
      evidence({ id: 'link', artifactId: 'l', kind: 'link', file: null, url: 'https://x.test' })
    ];
    expect(discussable(list).map((e) => e.id)).toEqual(['a2']);
    expect(artifactsLine(1)).toBe('1 artifact discussed');
    expect(artifactsLine(3)).toBe('3 artifacts discussed');
  });
});
