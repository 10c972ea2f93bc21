import { describe, expect, it } from 'vitest';
import { fitView, toPane } from './view';
import { ViewState } from './viewState.svelte';

const art = { width: 1600, height: 1000 };
const pane = { width: 900, height: 640 };

describe('ViewState', () => {
  it('fits new artwork, and keeps fitting while the pane resizes', () => {
    const vs = new ViewState();
    vs.setPane(pane);
    vs.setArt(art);
    expect(vs.fitted).toBe(true);
    expect(vs.view).toEqual(fitView(art, pane, 24, 60));
    vs.setPane({ width: 1400, height: 800 });
    expect(vs.view).toEqual(fitView(art, { width: 1400, height: 800 }, 24, 60));
  });

  it('stops following the pane once zoomed, keeping the middle in the middle', () => {
    const vs = new ViewState();
    vs.setPane(pane);
    vs.setArt(art);
    vs.zoomTo(1);
    expect(vs.fitted).toBe(false);
    expect(vs.view.scale).toBe(1);
    const middle = { x: 0.5, y: 0.5 };
    const before = toPane(vs.view, art, middle);
    vs.setPane({ width: 1100, height: 840 });
    const after = toPane(vs.view, art, middle);
    expect(after.x - before.x).toBeCloseTo(100);
    expect(after.y - before.y).toBeCloseTo(100);
  });

  it('steps and fits again', () => {
    const vs = new ViewState();
    vs.setPane(pane);
    vs.setArt(art);
    vs.zoomTo(1);
    vs.step(1);
    expect(vs.view.scale).toBe(1.25);
    vs.step(-1);
    vs.step(-1);
    expect(vs.view.scale).toBe(0.75);
    vs.fit();
    expect(vs.fitted).toBe(true);
  });

  it('shows a region waiting for its page once the page has its size', () => {
    const vs = new ViewState();
    vs.setPane(pane);
    vs.setArt(art);
    const region = { x: 0.8, y: 0.1, w: 0.1, h: 0.1 };
    vs.focus(region, true);
    expect(vs.fitted).toBe(true); // nothing moves before the page is there
    vs.setArt(art); // the next page, the same size
    const c = toPane(vs.view, art, { x: 0.85, y: 0.15 });
    expect(c.x).toBeCloseTo(450);
    expect(c.y).toBeCloseTo(320);
    expect(vs.fitted).toBe(false);
  });

  it('ignores zooming before anything is measured', () => {
    const vs = new ViewState();
    vs.focus({ x: 0, y: 0, w: 0.5, h: 0.5 });
    expect(vs.view).toEqual({ scale: 1, x: 0, y: 0 });
  });
});
