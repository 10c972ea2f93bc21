// One zoom-and-pan state for the viewer's canvas. In compare mode both sides read the same one,
// so they zoom and pan together. The math is in view.ts; this holds it and follows the pane.
import {
  FIT_BOTTOM,
  FIT_PADDING,
  fitView,
  focusView,
  keepInView,
  panBy,
  stepScale,
  wheelFactor,
  zoomAt,
  type FracRect,
  type Point,
  type Size,
  type View
} from './view';

const same = (a: Size, b: Size) => a.width === b.width && a.height === b.height;

export class ViewState {
  view = $state<View>({ scale: 1, x: 0, y: 0 });
  pane = $state<Size>({ width: 0, height: 0 });
  /** The artwork's size in CSS pixels at 100 % (the first side's, when comparing). */
  art = $state<Size>({ width: 0, height: 0 });
  /** Fitted views follow the pane as it resizes, until the person zooms or pans. */
  fitted = $state(true);
  /** A region to show once the artwork it is on (another PDF page) has its size. */
  #pending: FracRect | null = null;

  get ready(): boolean {
    return this.art.width > 0 && this.pane.width > 0;
  }

  setPane(size: Size) {
    if (same(size, this.pane)) return;
    const old = this.pane;
    this.pane = size;
    if (this.fitted) this.fit();
    else if (old.width > 0) {
      // Keep what was in the middle in the middle.
      this.view = keepInView(
        panBy(this.view, (size.width - old.width) / 2, (size.height - old.height) / 2),
        this.art,
        size
      );
    }
  }

  /** New artwork (or a page of another size): fitted, or showing the region waiting for it. */
  setArt(size: Size) {
    if (same(size, this.art)) {
      this.#flush();
      return;
    }
    this.art = size;
    this.fit();
    this.#flush();
  }

  fit() {
    this.view = fitView(this.art, this.pane, FIT_PADDING, FIT_BOTTOM);
    this.fitted = true;
  }

  #centre(): Point {
    return { x: this.pane.width / 2, y: this.pane.height / 2 };
  }

  zoomTo(scale: number, at: Point = this.#centre()) {
    this.view = keepInView(zoomAt(this.view, scale, at), this.art, this.pane);
    this.fitted = false;
  }

  step(dir: 1 | -1) {
    this.zoomTo(stepScale(this.view.scale, dir));
  }

  wheel(deltaY: number, deltaMode: number, at: Point) {
    this.zoomTo(this.view.scale * wheelFactor(deltaY, deltaMode), at);
  }

  pan(dx: number, dy: number) {
    this.view = keepInView(panBy(this.view, dx, dy), this.art, this.pane);
    this.fitted = false;
  }

  /** Shows a region in the middle; `later` waits for the next artwork size (a page being loaded). */
  focus(region: FracRect, later = false) {
    if (later) {
      this.#pending = region;
      return;
    }
    this.#pending = null;
    if (!this.ready) return;
    this.view = focusView(this.view, this.art, this.pane, region);
    this.fitted = false;
  }

  #flush() {
    const r = this.#pending;
    if (r) this.focus(r);
  }
}
