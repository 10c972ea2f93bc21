import { describe, expect, it } from 'vitest';
import { renderScale } from './pdf';

describe('renderScale', () => {
  const a4 = { width: 794, height: 1123 };

  it('draws at screen resolution, in √2 steps', () => {
    expect(renderScale(1, 1, a4)).toBeCloseTo(1);
    expect(renderScale(1, 2, a4)).toBeCloseTo(2);
    expect(renderScale(1.1, 1, a4)).toBeCloseTo(Math.SQRT2);
    expect(renderScale(1.3, 1, a4)).toBeCloseTo(Math.SQRT2);
    expect(renderScale(0.5, 1, a4)).toBeCloseTo(0.5);
  });

  it('never makes a canvas bigger than the limit', () => {
    const s = renderScale(16, 2, a4);
    expect(a4.width * s * a4.height * s).toBeLessThanOrEqual(12_000_000 + 1);
  });

  it('keeps a floor when zoomed far out', () => {
    expect(renderScale(0.05, 1, a4)).toBeCloseTo(0.25);
  });
});
