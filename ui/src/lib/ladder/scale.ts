// A ladder's rating scale in the editor: the words assessors choose from (lowest first) and the
// first that meets the level. No Svelte, no IPC: tested in scale.test.ts. The core checks again.
import type { RatingScale } from '$lib/api';

export const MAX_RATINGS = 7;

/** "not yet · meets · exceeds". */
export function scaleWords(scale: RatingScale): string {
  return scale.ratings.join(' · ');
}

/** "'meets' or higher meets the level." */
export function meetsSentence(scale: RatingScale): string {
  const bar = scale.ratings[scale.meetsFrom];
  if (bar === undefined) return '';
  return scale.meetsFrom === scale.ratings.length - 1
    ? `Only '${bar}' meets the level.`
    : `'${bar}' or higher meets the level.`;
}

/** The words as typed, tidied; or what is wrong with them, in words. */
export function scaleInput(ratings: readonly string[], meetsFrom: number): { scale: RatingScale } | { error: string } {
  const words = ratings.map((r) => r.trim().replace(/\s+/g, ' '));
  if (words.some((w) => w === '')) return { error: 'Every rating needs a word; remove the empty ones.' };
  if (words.length < 2 || words.length > MAX_RATINGS) {
    return { error: `A scale has between 2 and ${MAX_RATINGS} ratings.` };
  }
  const seen = new Set<string>();
  for (const w of words) {
    if (w.length > 40) return { error: `'${w.slice(0, 40)}…' is longer than 40 characters.` };
    if (seen.has(w.toLowerCase())) return { error: `'${w}' appears twice.` };
    seen.add(w.toLowerCase());
  }
  if (meetsFrom < 1 || meetsFrom >= words.length) {
    return { error: 'Keep at least one rating below the one that meets the level.' };
  }
  return { scale: { ratings: words, meetsFrom } };
}

/**
 * Where the bar goes when the rating at `removed` is taken out, leaving `left` ratings: it follows
 * its word, passes to the next word up when its own goes, and stays in range.
 */
export function meetsAfterRemoving(meetsFrom: number, removed: number, left: number): number {
  const next = removed < meetsFrom ? meetsFrom - 1 : meetsFrom;
  return Math.max(1, Math.min(next, left - 1));
}
