// The quick-jump palette's matching, kept pure so it can be tested without a browser.
import type { KeyInput } from '$lib/ladder/grid';

/** What the palette ranks by name: roles (contractors come ranked from the roster's search). */
export interface Jumpable {
  name: string;
  archived: boolean;
}

export interface Ranked<T> {
  items: T[];
  /** How many matched in all, so the palette can say when it shows only the first ones. */
  total: number;
}

export const MAX_RESULTS = 20;

// Letters that Unicode decomposition leaves whole, so stripping accents alone won't fold them.
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

/** "Développeuse Œuvre" → "developpeuse oeuvre": people type names without accents or capitals. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđı]/g, (c) => FOLD[c])
    .replace(/\s+/g, ' ');
}

/** 0: the name starts with the query; 1: a word in it does (after a space, '-', '/'…); 2: it holds it elsewhere; null: no match. */
function tier(name: string, q: string): number | null {
  const at = name.indexOf(q);
  if (at < 0) return null;
  if (at === 0) return 0;
  // A later occurrence may start a word even when the first one doesn't ("ana" in "Banana analyst").
  for (let i = at; i >= 0; i = name.indexOf(q, i + 1)) {
    if (!/[\p{L}\p{N}]/u.test(name[i - 1])) return 1;
  }
  return 2;
}

const byName = (a: Jumpable, b: Jumpable) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/**
 * The items whose name holds the query, best first: prefix matches, then word starts, then the
 * rest; within each, active before archived, then by name. An empty query lists everything,
 * active first, so the palette doubles as a list of where one can go.
 */
export function rank<T extends Jumpable>(all: readonly T[], query: string, limit = MAX_RESULTS): Ranked<T> {
  const q = fold(query).trim();
  const scored: { item: T; tier: number }[] = [];
  for (const item of all) {
    const t = q ? tier(fold(item.name), q) : 0;
    if (t !== null) scored.push({ item, tier: t });
  }
  scored.sort(
    (a, b) => a.tier - b.tier || Number(a.item.archived) - Number(b.item.archived) || byName(a.item, b.item)
  );
  return { items: scored.slice(0, limit).map((s) => s.item), total: scored.length };
}

/** One line of the palette: a role, or a contractor found by the roster's search. */
export type JumpEntry<R, C> = { kind: 'role'; item: R } | { kind: 'contractor'; item: C };

/** Roles first, then contractors: the order the palette lists them in and arrows move through. */
export function jumpEntries<R, C>(roles: readonly R[], contractors: readonly C[]): JumpEntry<R, C>[] {
  return [
    ...roles.map((item) => ({ kind: 'role' as const, item })),
    ...contractors.map((item) => ({ kind: 'contractor' as const, item }))
  ];
}

/** Ctrl+K, or ⌘K on a Mac (either modifier is accepted everywhere: keyboards get shared). */
export function isQuickJumpKey(k: KeyInput): boolean {
  if (!(k.ctrlKey || k.metaKey) || k.altKey || k.shiftKey) return false;
  if (k.key.toLowerCase() === 'k') return true;
  // A non-Latin layout (Cyrillic, Greek…) reports its own letter: fall back to the key's place.
  return k.code === 'KeyK' && !/^[a-z]$/i.test(k.key);
}
