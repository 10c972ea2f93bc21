import { describe, expect, it } from 'vitest';
import {
  clampScale,
  dragRect,
  fitView,
  focusView,
  keepInView,
  MAX_SCALE,
  MIN_SCALE,
  onArtwork,
  percent,
  stepScale,
  toFraction,
  toPane,
  wheelFactor,
  zoomAt
} from './view';

const art = { width: 1600, height: 1000 };
const pane = { width: 848, height: 548 };

describe('clampScale', () => {
  it('keeps zoom between 5 % and 1600 %', () => {
    expect(clampScale(0.01)).toBe(MIN_SCALE);
    expect(clampScale(40)).toBe(MAX_SCALE);
    expect(clampScale(2)).toBe(2);
    expect(clampScale(Number.NaN)).toBe(1);
  });
});

describe('fitView', () => {
  it('fits the whole artwork inside the padding, centred', () => {
    const v = fitView(art, pane, 24);
    expect(v.scale).toBeCloseTo(0.5); // (548 − 48) / 1000 = 0.5 < (848 − 48) / 1600 = 0.5
    expect(v.x).toBeCloseTo((848 - 800) / 2);
    expect(v.y).toBeCloseTo((548 - 500) / 2);
  });

  it('leaves more room at the bottom when asked, centred in the room left', () => {
    const v = fitView(art, { width: 848, height: 584 }, 24, 60);
    expect(v.scale).toBeCloseTo(0.5); // (584 − 24 − 60) / 1000
    expect(v.y).toBeCloseTo(24);
    expect(v.y + 500).toBeCloseTo(584 - 60);
  });

  it('enlarges a small picture to fill the pane', () => {
    expect(fitView({ width: 100, height: 100 }, { width: 648, height: 448 }, 24).scale).toBeCloseTo(4);
  });

  it('is clamped, and harmless before anything is measured', () => {
    expect(fitView({ width: 100_000, height: 100_000 }, pane).scale).toBe(MIN_SCALE);
    expect(fitView({ width: 0, height: 0 }, pane)).toEqual({ scale: 1, x: 0, y: 0 });
    expect(fitView(art, { width: 0, height: 0 })).toEqual({ scale: 1, x: 0, y: 0 });
  });
});

describe('zoomAt', () => {
  it('keeps the artwork point under the cursor where it is', () => {
    const v = { scale: 0.5, x: 24, y: 24 };
    const at = { x: 300, y: 200 };
    const before = toFraction(v, art, at);
    const z = zoomAt(v, 2, at);
    expect(z.scale).toBe(2);
    const after = toFraction(z, art, at);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps and still holds the point', () => {
    const v = { scale: 8, x: -100, y: -50 };
    const z = zoomAt(v, 100, { x: 10, y: 10 });
    expect(z.scale).toBe(MAX_SCALE);
    expect(toFraction(z, art, { x: 10, y: 10 }).x).toBeCloseTo(toFraction(v, art, { x: 10, y: 10 }).x);
    expect(zoomAt(v, 0.0001, { x: 0, y: 0 }).scale).toBe(MIN_SCALE);
  });
});

describe('stepScale', () => {
  it('moves to the next preset step', () => {
    expect(stepScale(1, 1)).toBe(1.25);
    expect(stepScale(1, -1)).toBe(0.75);
    expect(stepScale(0.8, 1)).toBe(1);
    expect(stepScale(0.8, -1)).toBe(0.75);
    expect(stepScale(MAX_SCALE, 1)).toBe(MAX_SCALE);
    expect(stepScale(MIN_SCALE, -1)).toBe(MIN_SCALE);
  });
});

describe('wheelFactor', () => {
  it('zooms in on wheel up, out on wheel down, by about 10 % a notch', () => {
    expect(wheelFactor(-100)).toBeGreaterThan(1);
    expect(wheelFactor(100)).toBeLessThan(1);
    expect(wheelFactor(100)).toBeCloseTo(1 / wheelFactor(-100));
    expect(wheelFactor(-3, 1)).toBeCloseTo(wheelFactor(-48));
    expect(wheelFactor(-100_000)).toBe(wheelFactor(-200)); // a flung wheel doesn't jump to the limit
  });
});

describe('fractions', () => {
  it('round-trips pane points and picture fractions at any zoom', () => {
    for (const v of [{ scale: 0.5, x: 24, y: 24 }, { scale: 7.3, x: -900, y: -420 }]) {
      const f = { x: 0.25, y: 0.75 };
      const p = toPane(v, art, f);
      const back = toFraction(v, art, p);
      expect(back.x).toBeCloseTo(0.25);
      expect(back.y).toBeCloseTo(0.75);
    }
    expect(toPane({ scale: 0.5, x: 24, y: 24 }, art, { x: 1, y: 1 })).toEqual({ x: 824, y: 524 });
  });

  it('knows a point off the picture', () => {
    expect(onArtwork({ x: 0.5, y: 0 })).toBe(true);
    expect(onArtwork({ x: -0.01, y: 0.5 })).toBe(false);
    expect(onArtwork({ x: 0.5, y: 1.2 })).toBe(false);
  });
});

describe('dragRect', () => {
  it('normalises a drag in any direction and clips it to the picture', () => {
    expect(dragRect({ x: 0.6, y: 0.5 }, { x: 0.2, y: 0.1 })).toEqual({ x: 0.2, y: 0.1, w: 0.6 - 0.2, h: 0.5 - 0.1 });
    const r = dragRect({ x: 0.9, y: -0.2 }, { x: 1.3, y: 0.4 });
    expect(r.x).toBeCloseTo(0.9);
    expect(r.y).toBe(0);
    expect(r.w).toBeCloseTo(0.1);
    expect(r.h).toBeCloseTo(0.4);
  });
});

describe('keepInView', () => {
  it('stops the artwork from being dragged out of sight', () => {
    const v = keepInView({ scale: 1, x: 5000, y: -5000 }, art, pane, 80);
    expect(v.x).toBe(848 - 80);
    expect(v.y).toBe(80 - 1000);
    const ok = { scale: 1, x: -100, y: -100 };
    expect(keepInView(ok, art, pane)).toEqual(ok);
  });
});

describe('focusView', () => {
  it('centres a rectangle and zooms so it takes about half the pane', () => {
    const v = focusView({ scale: 0.5, x: 24, y: 24 }, art, pane, { x: 0.5, y: 0.5, w: 0.1, h: 0.1 });
    expect(v.scale).toBeCloseTo(Math.min((848 * 0.5) / 160, (548 * 0.5) / 100));
    const c = toPane(v, art, { x: 0.55, y: 0.55 });
    expect(c.x).toBeCloseTo(424);
    expect(c.y).toBeCloseTo(274);
  });

  it('never zooms out past fit for a big rectangle, nor past 400 % for a tiny one', () => {
    const fit = fitView(art, pane, 24, 60).scale;
    expect(focusView({ scale: 3, x: 0, y: 0 }, art, pane, { x: 0, y: 0, w: 1, h: 1 }).scale).toBeCloseTo(fit);
    expect(focusView({ scale: 1, x: 0, y: 0 }, art, pane, { x: 0.5, y: 0.5, w: 0.001, h: 0.001 }).scale).toBe(4);
  });

  it('keeps the zoom for a pin and puts it in the middle', () => {
    const v = focusView({ scale: 2, x: 0, y: 0 }, art, pane, { x: 0.1, y: 0.9, w: 0, h: 0 });
    expect(v.scale).toBe(2);
    expect(toPane(v, art, { x: 0.1, y: 0.9 })).toEqual({ x: 424, y: 274 });
  });
});

describe('percent', () => {
  it('reads as a whole percent, with a decimal only when small', () => {
    expect(percent(1)).toBe('100 %');
    expect(percent(0.4999)).toBe('50 %');
    expect(percent(16)).toBe('1600 %');
    expect(percent(0.05)).toBe('5 %');
    expect(percent(0.0525)).toBe('5.3 %');
  });
});
