import { describe, expect, it } from 'vitest';
import type { PayBand } from '$lib/api';
import { appliedMessage, applyConsequence, bandLine, decidedLine, OUTCOME_LABELS, sidewaysLine } from './progression';

const band: PayBand = { roleId: 'r', levelKey: 'designer', min: { minor: 5500, currency: 'EUR' }, maxMinor: 8000, rateUnit: 'hour' };

describe('the progression panel', () => {
  it('names each outcome', () => {
    expect(OUTCOME_LABELS).toEqual({ advance: 'Advance', hold: 'Hold', not_yet: 'Not yet' });
  });

  it('proposes the pay band of the new level only after an advance', () => {
    expect(bandLine({ outcome: 'advance', nextBand: band }, 'Designer', 'en-US')).toBe(
      'Proposed pay band for the next engagement: €55.00–€80.00 / hour (Designer)'
    );
    expect(bandLine({ outcome: 'hold', nextBand: band }, 'Designer', 'en-US')).toBeNull();
    expect(bandLine({ outcome: 'advance', nextBand: null }, 'Designer', 'en-US')).toBeNull();
  });

  it('lists the sideways moves', () => {
    expect(sidewaysLine([])).toBeNull();
    expect(
      sidewaysLine([
        { roleId: 'a', roleName: 'Delivery lead', levelKey: 's', levelName: 'Senior' },
        { roleId: 'b', roleName: 'Backend engineer', levelKey: 'e', levelName: 'Engineer' }
      ])
    ).toBe('Also a fit: Delivery lead · Senior, Backend engineer · Engineer');
  });

  it('says who decided, on which day', () => {
    expect(decidedLine(null)).toBeNull();
    expect(decidedLine({ outcome: 'advance', decidedBy: 'Ines Carvalho', decidedAt: '2026-11-26' }, 'en-US')).toBe('Advance: decided by Ines Carvalho on Nov 26, 2026');
    expect(decidedLine({ outcome: 'advance', decidedBy: 'Ines Carvalho', decidedAt: '2026-11-26T12:00:00Z' }, 'en-US')).toMatch(/^Advance: decided by Ines Carvalho on Nov 2[67], 2026$/);
    expect(decidedLine({ outcome: 'advance', decidedBy: 'Ines', decidedAt: 'someday' }, 'en-US')).toBe('Advance: decided by Ines on someday');
  });

  it('spells out what applying does, and what it did', () => {
    expect(applyConsequence('advance', 'Lena Novak', 'Designer', 'Product designer')).toBe(
      'Lena Novak moves to Designer in Product designer today, and the assessment closes.'
    );
    expect(applyConsequence('hold', 'Lena Novak', 'Designer', 'Product designer')).toMatch(/stays at their current level.*\(Hold\)/);
    expect(appliedMessage('advance', 'Lena Novak', 'Designer')).toBe('Lena Novak is now Designer');
    expect(appliedMessage('not_yet', 'Lena Novak', 'Designer')).toBe('Recorded for Lena Novak: Not yet');
  });
});
