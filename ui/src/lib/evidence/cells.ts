// Pure helpers for evidence against ladder cells: how complete a cell is, the words for it, and
// which links a change of ticks adds or removes. No Svelte, no IPC: tested in cells.test.ts.
import type { CellProgress, Ladder, RubricCell } from '$lib/api';

/** met: every requirement has its evidence; partial: some; missing: none yet; none: asks for none. */
export type CellState = 'met' | 'partial' | 'missing' | 'none';

/** The key of a cell within one ladder: "level/domain". */
export function cellKey(levelKey: string, domainKey: string): string {
  return `${levelKey}/${domainKey}`;
}

export function progressByCell(list: readonly CellProgress[]): Map<string, CellProgress> {
  return new Map(list.map((p) => [cellKey(p.levelKey, p.domainKey), p]));
}

/** How far a cell's evidence goes; cells without a progress entry ask for no evidence. */
export function cellState(p: CellProgress | undefined): CellState {
  if (!p || p.requirements.length === 0) return 'none';
  if (p.met) return 'met';
  return p.requirements.some((r) => r.have > 0) ? 'partial' : 'missing';
}

/** The words shown with the colour: never colour alone. */
export function stateWords(state: CellState, p: CellProgress | undefined): string {
  if (state === 'none') return '';
  if (state === 'met') return 'Evidence complete';
  const words = p?.summary ?? '';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface ProgressCounts {
  met: number;
  partial: number;
  /** Cells that ask for evidence. */
  total: number;
}

export function progressCounts(list: readonly CellProgress[]): ProgressCounts {
  let met = 0;
  let partial = 0;
  let total = 0;
  for (const p of list) {
    const s = cellState(p);
    if (s === 'none') continue;
    total++;
    if (s === 'met') met++;
    else if (s === 'partial') partial++;
  }
  return { met, partial, total };
}

/** "2 of 9 cells complete · 1 partly": the role's progress in one line. */
export function countsLine(c: ProgressCounts): string {
  if (c.total === 0) return 'No cell of this ladder asks for evidence';
  const head = `${c.met} of ${c.total} ${c.total === 1 ? 'cell' : 'cells'} with complete evidence`;
  return c.partial ? `${head} · ${c.partial} partly` : head;
}

/** "Product designer · Senior · Craft": a linked cell on an evidence card. */
export function linkChip(r: RubricCell): string {
  return `${r.roleName} · ${r.levelName} · ${r.domainName}`;
}

/** A link by role and cell, whichever ladder version it was made in. */
export function linkKey(roleId: string, levelKey: string, domainKey: string): string {
  return `${roleId}/${levelKey}/${domainKey}`;
}

const keyOf = (r: RubricCell) => linkKey(r.roleId, r.cell.levelKey, r.cell.domainKey);

/**
 * The cells an artifact is linked to, from the links of each of its versions: each cell once (the
 * newest version's link first, as the lists come newest first), sorted by role, then as given.
 */
export function mergeLinks(lists: readonly (readonly RubricCell[])[]): RubricCell[] {
  const seen = new Map<string, RubricCell>();
  for (const list of lists) for (const r of list) if (!seen.has(keyOf(r))) seen.set(keyOf(r), r);
  return [...seen.values()].sort((a, b) => a.roleName.localeCompare(b.roleName));
}

/** The cells of one role the links point at, as cell keys. */
export function linkedCells(links: readonly RubricCell[], roleId: string): Set<string> {
  return new Set(links.filter((r) => r.roleId === roleId).map((r) => cellKey(r.cell.levelKey, r.cell.domainKey)));
}

/** What ticking and unticking changed: the cells to link and to unlink, as [level, domain] pairs. */
export function linkChanges(
  before: ReadonlySet<string>,
  after: ReadonlySet<string>
): { added: [string, string][]; removed: [string, string][] } {
  const split = (k: string): [string, string] => {
    const i = k.indexOf('/');
    return [k.slice(0, i), k.slice(i + 1)];
  };
  return {
    added: [...after].filter((k) => !before.has(k)).sort().map(split),
    removed: [...before].filter((k) => !after.has(k)).sort().map(split)
  };
}

/** Links grouped by the ladder version they were made in, to make them again for a new version. */
export function cellsByVersion(links: readonly RubricCell[]): Map<string, [string, string][]> {
  const out = new Map<string, [string, string][]>();
  for (const r of links) {
    const list = out.get(r.cell.versionId) ?? [];
    list.push([r.cell.levelKey, r.cell.domainKey]);
    out.set(r.cell.versionId, list);
  }
  return out;
}

/** "Linked to 2 cells" / "Links saved" after the link dialog saved. */
export function linksMessage(added: number, removed: number): string {
  const n = (k: number) => (k === 1 ? '1 cell' : `${k} cells`);
  if (added && removed) return `Linked to ${n(added)}, unlinked from ${n(removed)}`;
  if (added) return `Linked to ${n(added)}`;
  if (removed) return `Unlinked from ${n(removed)}`;
  return 'No change to the links';
}

/**
 * The ladder version to record a link to a cell against. The role's current ladder may be a draft,
 * and a draft can be thrown away (a link to it would stand in the way), so a link goes to the newest
 * published version when that has the cell too; progress counts links by cell, whatever the version.
 */
export function linkVersionId(shown: Ladder, published: Ladder | null, levelKey: string, domainKey: string): string {
  const has = (l: Ladder) =>
    l.content.levels.some((x) => x.key === levelKey) && l.content.domains.some((x) => x.key === domainKey);
  return published && published.version.status === 'published' && has(published) ? published.version.id : shown.version.id;
}
