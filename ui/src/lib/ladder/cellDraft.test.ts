import { describe, expect, it } from 'vitest';
import { cellValue, draftFromCell, nextEvidenceKind, sameValue, valueOfCell } from './cellDraft';
import { EVIDENCE_KINDS } from './model';

describe('cell drafts', () => {
  const cell = {
    levelKey: 'l',
    domainKey: 'd',
    outcomes: ['Ships small changes', 'Writes tests'],
    evidence: [{ kind: 'code_sample' as const, count: 2, note: 'with tests' }]
  };

  it('round-trip a cell unchanged', () => {
    const d = draftFromCell('l', 'd', cell);
    expect(d.outcomes).toBe('Ships small changes\nWrites tests');
    expect(sameValue(cellValue(d), valueOfCell(cell))).toBe(true);
  });

  it('one outcome per line; blank lines and spaces dropped', () => {
    const d = draftFromCell('l', 'd', undefined);
    d.outcomes = '  first \n\n second\n   \n';
    expect(cellValue(d).outcomes).toEqual(['first', 'second']);
  });

  it('turn odd counts into whole numbers, and empty ones into 0 for the core to reject', () => {
    const d = draftFromCell('l', 'd', cell);
    d.evidence[0].count = 2.7;
    expect(cellValue(d).evidence[0].count).toBe(2);
    d.evidence[0].count = null;
    expect(cellValue(d).evidence[0].count).toBe(0);
  });

  it('offers an unused evidence kind for a new row', () => {
    const d = draftFromCell('l', 'd', cell);
    expect(nextEvidenceKind(d, EVIDENCE_KINDS)).toBe('release_note');
  });
});
