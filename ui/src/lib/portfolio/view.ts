// Zoom and pan of artwork on the viewer's canvas, and the way between screen points and the
// fractions of the picture that annotations are stored in. Pure: tested in view.test.ts.
//
// A view puts the artwork's top-left corner at (x, y) in the pane and draws one artwork pixel as
// `scale` screen pixels, so an artwork point (ax, ay) shows at (x + ax·scale, y + ay·scale).

export interface View {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A region in fractions (0–1) of the picture's width and height. */
export interface FracRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 16;
/** Room left around the artwork when it is fitted, px… */
export const FIT_PADDING = 24;
/** …and under it, where the zoom and page controls float. */
export const FIT_BOTTOM = 60;
/** The most a jump to a small annotation zooms in. */
export const FOCUS_MAX_SCALE = 4;
/** The steps + and − move through. */
export const ZOOM_STEPS = [0.05, 0.1, 0.167, 0.25, 0.333, 0.5, 0.667, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8, 12, 16];

export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

const usable = (s: Size) => s.width > 0 && s.height > 0;

/**
 * The whole artwork, as large as fits in the pane with some room around it, centred in that room.
 * `bottom` leaves more room under it (for the controls floating there).
 */
export function fitView(art: Size, pane: Size, padding = FIT_PADDING, bottom = padding): View {
  if (!usable(art) || !usable(pane)) return { scale: 1, x: 0, y: 0 };
  const pad = Math.min(padding, pane.width / 4, pane.height / 4);
  const below = Math.min(bottom, pane.height / 4);
  const room = { width: pane.width - 2 * pad, height: pane.height - pad - below };
  const scale = clampScale(Math.min(room.width / art.width, room.height / art.height));
  return centred(art, { width: pane.width, height: pane.height - below + pad }, scale);
}

/** The artwork at `scale`, centred in the pane. */
export function centred(art: Size, pane: Size, scale: number): View {
  const s = clampScale(scale);
  return { scale: s, x: (pane.width - art.width * s) / 2, y: (pane.height - art.height * s) / 2 };
}

/** Zoom to `scale` (clamped), keeping the artwork point under `at` where it is. */
export function zoomAt(view: View, scale: number, at: Point): View {
  const s = clampScale(scale);
  const k = s / view.scale;
  return { scale: s, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k };
}

/** The next step up (dir 1) or down (dir −1) from `scale`. */
export function stepScale(scale: number, dir: 1 | -1): number {
  const eps = 1e-6;
  if (dir > 0) return ZOOM_STEPS.find((s) => s > scale + eps) ?? MAX_SCALE;
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - eps) ?? MIN_SCALE;
}

/** How much a wheel turn zooms: smooth for touchpads, about 10 % a notch for a mouse wheel. */
export function wheelFactor(deltaY: number, deltaMode = 0): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const clamped = Math.max(-200, Math.min(200, px));
  return Math.exp(-clamped * 0.0012);
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** Keeps at least `keep` px of the artwork (or all of it, when smaller) in the pane, so it can't be lost. */
export function keepInView(view: View, art: Size, pane: Size, keep = 80): View {
  if (!usable(art) || !usable(pane)) return view;
  const w = art.width * view.scale;
  const h = art.height * view.scale;
  const kx = Math.min(keep, w, pane.width);
  const ky = Math.min(keep, h, pane.height);
  return {
    scale: view.scale,
    x: Math.min(pane.width - kx, Math.max(kx - w, view.x)),
    y: Math.min(pane.height - ky, Math.max(ky - h, view.y))
  };
}

/** A pane point as fractions of the artwork (may fall outside 0–1: off the picture). */
export function toFraction(view: View, art: Size, p: Point): Point {
  return { x: (p.x - view.x) / view.scale / art.width, y: (p.y - view.y) / view.scale / art.height };
}

/** Fractions of the artwork as a pane point. */
export function toPane(view: View, art: Size, f: Point): Point {
  return { x: view.x + f.x * art.width * view.scale, y: view.y + f.y * art.height * view.scale };
}

export function onArtwork(f: Point): boolean {
  return f.x >= 0 && f.x <= 1 && f.y >= 0 && f.y <= 1;
}

const unit = (n: number) => Math.min(1, Math.max(0, n));

/** The rectangle dragged from `a` to `b` (fractions), clipped to the picture. */
export function dragRect(a: Point, b: Point): FracRect {
  const x0 = unit(Math.min(a.x, b.x));
  const y0 = unit(Math.min(a.y, b.y));
  const x1 = unit(Math.max(a.x, b.x));
  const y1 = unit(Math.max(a.y, b.y));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * A view that shows `region` in the middle of the pane: a rectangle takes about half the pane
 * (never smaller than fitting the whole artwork, never past 400 %), a pin (no size) keeps the zoom.
 */
export function focusView(view: View, art: Size, pane: Size, region: FracRect): View {
  if (!usable(art) || !usable(pane)) return view;
  let scale = view.scale;
  if (region.w > 0 && region.h > 0) {
    const fit = fitView(art, pane, FIT_PADDING, FIT_BOTTOM).scale;
    const target = Math.min((pane.width * 0.5) / (region.w * art.width), (pane.height * 0.5) / (region.h * art.height));
    scale = clampScale(Math.max(fit, Math.min(target, FOCUS_MAX_SCALE)));
  }
  const cx = (region.x + region.w / 2) * art.width;
  const cy = (region.y + region.h / 2) * art.height;
  return { scale, x: pane.width / 2 - cx * scale, y: pane.height / 2 - cy * scale };
}

/** "125 %" (the readout), whole percent from 10 % up, one decimal below. */
export function percent(scale: number): string {
  const p = scale * 100;
  return `${p < 10 ? Math.round(p * 10) / 10 : Math.round(p)} %`;
}
