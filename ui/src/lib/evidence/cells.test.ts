import { defaultScale } from '$lib/testing/fixtures';
import { describe, expect, it } from 'vitest';
import type { CellProgress, Ladder, RubricCell } from '$lib/api';
import {
  cellKey,
  cellState,
  cellsByVersion,
  countsLine,
  linkChanges,
  linkChip,
  linkedCells,
  linksMessage,
  linkVersionId,
  mergeLinks,
  progressByCell,
  progressCounts,
  stateWords
} from './cells';

const progress = (have: number[], required: number[], summary = ''): CellProgress => ({
  levelKey: 'L',
  domainKey: 'D',
  requirements: have.map((h, i) => ({ kind: 'design_file', have: h, required: required[i] })),
  met: have.every((h, i) => h >= required[i]),
  summary
});

const link = (roleId: string, roleName: string, level: string, domain: string, versionId = 'v1'): RubricCell => ({
  cell: { versionId, levelKey: level, domainKey: domain },
  roleId,
  roleName,
  levelName: level.toUpperCase(),
  domainName: domain.toUpperCase(),
  outcomes: [],
  evidence: []
});

describe('cell state', () => {
  it('tells met, partly met, missing and no requirement apart', () => {
    expect(cellState(progress([2, 1], [2, 1]))).toBe('met');
    expect(cellState(progress([1, 0], [2, 1]))).toBe('partial');
    expect(cellState(progress([0, 1], [2, 1]))).toBe('partial');
    expect(cellState(progress([0, 0], [2, 1]))).toBe('missing');
    expect(cellState(progress([], []))).toBe('none');
    expect(cellState(undefined)).toBe('none');
  });

  it('says the state in words', () => {
    const p = progress([1, 0], [2, 1], '1 of 2 design files; revision log missing');
    expect(stateWords('met', progress([1], [1], 'Evidence complete'))).toBe('Evidence complete');
    expect(stateWords('partial', p)).toBe('1 of 2 design files; revision log missing');
    expect(stateWords('missing', progress([0], [2], '0 of 2 design files'))).toBe('0 of 2 design files');
    expect(stateWords('partial', progress([0, 1], [1, 1], 'signed lead assessment missing'))).toBe(
      'Signed lead assessment missing'
    );
    expect(stateWords('none', undefined)).toBe('');
  });

  it('finds progress by cell', () => {
    const p = { ...progress([1], [1]), levelKey: 'senior', domainKey: 'craft' };
    expect(progressByCell([p]).get(cellKey('senior', 'craft'))).toBe(p);
    expect(progressByCell([p]).get(cellKey('craft', 'senior'))).toBeUndefined();
  });

  it('counts the cells of a role', () => {
    const list = [progress([1], [1]), progress([1, 0], [2, 1]), progress([0], [1]), progress([], [])];
    const c = progressCounts(list);
    expect(c).toEqual({ met: 1, partial: 1, total: 3 });
    expect(countsLine(c)).toBe('1 of 3 cells with complete evidence · 1 partly');
    expect(countsLine({ met: 0, partial: 0, total: 1 })).toBe('0 of 1 cell with complete evidence');
    expect(countsLine({ met: 0, partial: 0, total: 0 })).toBe('No cell of this ladder asks for evidence');
  });
});

describe('links', () => {
  it('names a linked cell', () => {
    const r = { ...link('r', 'Product designer', 'senior', 'craft'), levelName: 'Senior', domainName: 'Craft' };
    expect(linkChip(r)).toBe('Product designer · Senior · Craft');
  });

  it('merges the links of every version, each cell once', () => {
    const v3 = [link('r2', 'Web', 'a', 'x', 'new'), link('r1', 'Backend', 'b', 'y', 'new')];
    const v1 = [link('r2', 'Web', 'a', 'x', 'old'), link('r1', 'Backend', 'c', 'z', 'old')];
    const merged = mergeLinks([v3, v1]);
    expect(merged.map((r) => `${r.roleName}/${r.cell.levelKey}/${r.cell.versionId}`)).toEqual([
      'Backend/b/new',
      'Backend/c/old',
      'Web/a/new'
    ]);
    expect(mergeLinks([])).toEqual([]);
  });

  it('takes the cells of one role', () => {
    const links = [link('r1', 'A', 'a', 'x'), link('r2', 'B', 'b', 'y'), link('r1', 'A', 'c', 'z')];
    expect([...linkedCells(links, 'r1')]).toEqual(['a/x', 'c/z']);
    expect(linkedCells(links, 'r3').size).toBe(0);
  });

  it('works out what to link and unlink', () => {
    const before = new Set(['a/x', 'b/y']);
    const after = new Set(['b/y', 'c/z', 'a/w']);
    expect(linkChanges(before, after)).toEqual({
      added: [
        ['a', 'w'],
        ['c', 'z']
      ],
      removed: [['a', 'x']]
    });
    expect(linkChanges(before, new Set(before))).toEqual({ added: [], removed: [] });
  });

  it('groups links by ladder version', () => {
    const groups = cellsByVersion([link('r1', 'A', 'a', 'x', 'v1'), link('r2', 'B', 'b', 'y', 'v9'), link('r1', 'A', 'c', 'z', 'v1')]);
    expect([...groups.entries()]).toEqual([
      [
        'v1',
        [
          ['a', 'x'],
          ['c', 'z']
        ]
      ],
      ['v9', [['b', 'y']]]
    ]);
  });

  it('says what the link dialog changed', () => {
    expect(linksMessage(1, 0)).toBe('Linked to 1 cell');
    expect(linksMessage(0, 2)).toBe('Unlinked from 2 cells');
    expect(linksMessage(2, 1)).toBe('Linked to 2 cells, unlinked from 1 cell');
    expect(linksMessage(0, 0)).toBe('No change to the links');
  });
});

describe('the version a link is recorded against', () => {
  const ladder = (id: string, status: 'draft' | 'published', levels: string[], domains: string[]): Ladder => ({
    role: {
      id: 'r',
      name: 'R',
      description: '',
      kind: 'creative',
      pilot: false,
      archived: false,
      publishedVersion: 1,
      hasDraft: true,
      levelCount: levels.length,
      domainCount: domains.length,
      updatedAt: ''
    },
    version: { id, status, number: status === 'published' ? 1 : null, basedOn: 1, createdAt: '', publishedAt: null },
    content: {
      levels: levels.map((key) => ({ key, name: key, description: '' })),
      domains: domains.map((key) => ({ key, name: key, description: '' })),
      cells: [],
      scale: defaultScale()
    },
    related: []
  });

  it('prefers the published version to a draft that may be thrown away', () => {
    const draft = ladder('draft', 'draft', ['a', 'b'], ['x']);
    const published = ladder('v1', 'published', ['a'], ['x']);
    expect(linkVersionId(draft, published, 'a', 'x')).toBe('v1');
    // A level only the draft has: the draft is the only place the cell exists.
    expect(linkVersionId(draft, published, 'b', 'x')).toBe('draft');
    expect(linkVersionId(draft, null, 'a', 'x')).toBe('draft');
    expect(linkVersionId(published, null, 'a', 'x')).toBe('v1');
  });
});
