// Pure helpers for the Portfolio tab: the words for review status and decisions, rubric cells as
// labels, the gallery filter, and the remembered reviewer name. No Svelte, no IPC: tested in
// model.test.ts.
import type { CellRef, Decision, Evidence, PortfolioItem, ReviewDecision, RubricCell } from '$lib/api';
import { userLocale } from '$lib/roster/locale';

export type Status = Decision | 'none';
export type StatusFilter = Status | 'all';
export type Tone = 'neutral' | 'success' | 'warning';

export const STATUS_WORDS: Record<Status, string> = {
  approved: 'Approved',
  changes_requested: 'Changes requested',
  none: 'Not reviewed'
};

export const STATUS_TONES: Record<Status, Tone> = {
  approved: 'success',
  changes_requested: 'warning',
  none: 'neutral'
};

export function statusOf(decision: ReviewDecision | null | undefined): Status {
  return decision?.decision ?? 'none';
}

/** What the filter offers, with how many items each shows: "Not reviewed (4)". */
export function filterOptions(items: readonly PortfolioItem[]): { value: StatusFilter; label: string }[] {
  const n: Record<Status, number> = { approved: 0, changes_requested: 0, none: 0 };
  for (const it of items) n[statusOf(it.decision)] += 1;
  return [
    { value: 'all', label: `All (${items.length})` },
    ...(['none', 'changes_requested', 'approved'] as const).map((s) => ({ value: s, label: `${STATUS_WORDS[s]} (${n[s]})` }))
  ];
}

export function applyFilter(items: readonly PortfolioItem[], filter: StatusFilter): PortfolioItem[] {
  return filter === 'all' ? [...items] : items.filter((it) => statusOf(it.decision) === filter);
}

export function isPdf(mediaType: string | undefined): boolean {
  return (mediaType ?? '').toLowerCase().split(';')[0].trim() === 'application/pdf';
}

/** "Product designer · Senior · Visual craft". */
export function cellLabel(c: Pick<RubricCell, 'roleName' | 'levelName' | 'domainName'>): string {
  return `${c.roleName} · ${c.levelName} · ${c.domainName}`;
}

/** One string per cell, for a select's value. */
export function cellKey(c: CellRef): string {
  return `${c.versionId}|${c.levelKey}|${c.domainKey}`;
}

/** A moment as the user's locale writes it: "Nov 25, 2026, 2:02 PM" / "25 Nov 2026, 14:02". */
export function formatWhen(iso: string, locale = userLocale()): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDay(iso: string, locale = userLocale()): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toLocaleDateString(locale, { dateStyle: 'medium' });
}

/** "Approved by Ana Ruiz · 25 Nov 2026, 14:02 — reason". */
export function decisionLine(d: ReviewDecision, locale = userLocale()): string {
  const head = `${STATUS_WORDS[d.decision]} by ${d.reviewer} · ${formatWhen(d.decidedAt, locale)}`;
  return d.reason.trim() ? `${head} — ${d.reason.trim()}` : head;
}

/** "v2 · Nov 25, 2026" for a version picker, with its change note when it has one. */
export function versionLabel(e: Evidence, locale = userLocale()): string {
  return `v${e.revision} · ${formatDay(e.createdAt, locale)}`;
}

/** "v2 of 3 · Nov 25, 2026", for the viewer's version switcher. */
export function versionOption(e: Evidence, count: number, locale = userLocale()): string {
  return `v${e.revision} of ${count} · ${formatDay(e.createdAt, locale)}`;
}

export function byRevision(versions: readonly Evidence[]): Evidence[] {
  return [...versions].sort((a, b) => a.revision - b.revision);
}

/** The version `step` places away (−1 older, 1 newer) from `id`, or null past either end. */
export function stepVersion(versions: readonly Evidence[], id: string, step: -1 | 1): Evidence | null {
  const sorted = byRevision(versions);
  const i = sorted.findIndex((v) => v.id === id);
  return i < 0 ? null : (sorted[i + step] ?? null);
}

/**
 * The versions of an artifact to compare by default: the one on screen (`shown`) beside the newest,
 * or, when the newest is on screen (or none is given), the one before the newest beside it.
 */
export function defaultPair(versions: readonly Evidence[], shown?: string): [Evidence, Evidence] | null {
  if (versions.length < 2) return null;
  const sorted = byRevision(versions);
  const newest = sorted[sorted.length - 1];
  const on = sorted.find((v) => v.id === shown);
  return on && on !== newest ? [on, newest] : [sorted[sorted.length - 2], newest];
}

/** Annotations are numbered in the order the core lists them (by page, then as they were made). */
export function markerNumbers<T extends { id: string }>(items: readonly T[]): Map<string, number> {
  return new Map(items.map((a, i) => [a.id, i + 1]));
}

export const REVIEWER_KEY = 'guildbook.reviewer';

/** The reviewer name typed last on this computer, or ''. */
export function loadReviewer(store: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string {
  try {
    return store?.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveReviewer(name: string, store: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  const clean = name.trim();
  if (!clean) return;
  try {
    store?.setItem(REVIEWER_KEY, clean);
  } catch {
    // Private mode or a full disk: the name is only a convenience.
  }
}

const THUMBNAIL_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf']);
const VIEWABLE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/svg+xml', 'image/avif', 'image/bmp']);

const bare = (mediaType: string | undefined) => (mediaType ?? '').toLowerCase().split(';')[0].trim();

/** Files the vault draws a thumbnail of (`?thumb`): images and PDFs. */
export function hasThumbnail(mediaType: string | undefined): boolean {
  return THUMBNAIL_TYPES.has(bare(mediaType));
}

/** Images the viewer shows itself. */
export function isImage(mediaType: string | undefined): boolean {
  return VIEWABLE_IMAGES.has(bare(mediaType));
}

/** The word on a tile without a picture: "PDF", "DOCX", else "File". */
export function typeWord(mediaType: string | undefined, name = ''): string {
  if (isPdf(mediaType)) return 'PDF';
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name.trim());
  return ext ? ext[1].toUpperCase() : 'File';
}
