import { describe, expect, it } from 'vitest';
import type { Evidence, PortfolioItem, ReviewDecision } from '$lib/api';
import {
  applyFilter,
  byRevision,
  cellKey,
  cellLabel,
  decisionLine,
  defaultPair,
  filterOptions,
  hasThumbnail,
  isImage,
  isPdf,
  loadReviewer,
  markerNumbers,
  REVIEWER_KEY,
  saveReviewer,
  statusOf,
  stepVersion,
  typeWord,
  versionOption
} from './model';

const decision = (d: Partial<ReviewDecision> = {}): ReviewDecision => ({
  id: 'd1',
  evidenceId: 'e1',
  decision: 'approved',
  reason: '',
  reviewer: 'Ana Ruiz',
  decidedAt: '2026-11-25T14:02:00Z',
  ...d
});

const evidence = (revision: number): Evidence => ({
  id: `e${revision}`,
  contractorId: 'c',
  kind: 'design_file',
  title: 'Poster',
  description: '',
  file: { sha256: 'x', size: 1, mediaType: 'image/png', name: 'poster.png' },
  url: null,
  impact: null,
  artifactId: 'a',
  revision,
  changeNote: '',
  createdAt: '2026-11-25T10:00:00Z'
});

const item = (d: ReviewDecision | null): PortfolioItem => ({ evidence: evidence(1), versions: 1, annotations: 0, decision: d });

describe('status', () => {
  it('reads the current decision, or none', () => {
    expect(statusOf(null)).toBe('none');
    expect(statusOf(decision({ decision: 'changes_requested' }))).toBe('changes_requested');
  });

  it('filters and counts by status', () => {
    const items = [item(null), item(decision()), item(null), item(decision({ decision: 'changes_requested' }))];
    expect(applyFilter(items, 'all')).toHaveLength(4);
    expect(applyFilter(items, 'none')).toHaveLength(2);
    expect(applyFilter(items, 'approved')).toHaveLength(1);
    expect(filterOptions(items).map((o) => o.label)).toEqual([
      'All (4)',
      'Not reviewed (2)',
      'Changes requested (1)',
      'Approved (1)'
    ]);
  });
});

describe('decisionLine', () => {
  it('says who decided what, when and why', () => {
    expect(decisionLine(decision({ reason: ' Strong hierarchy ' }), 'en-GB')).toMatch(
      /^Approved by Ana Ruiz · 25 Nov 2026, \d\d:\d\d — Strong hierarchy$/
    );
    expect(decisionLine(decision({ decision: 'changes_requested' }), 'en-US')).toMatch(/^Changes requested by Ana Ruiz · Nov 25, 2026, /);
  });
});

describe('cells', () => {
  it('labels a cell by role, level and domain, and keys it', () => {
    expect(cellLabel({ roleName: 'Product designer', levelName: 'Senior', domainName: 'Craft' })).toBe('Product designer · Senior · Craft');
    expect(cellKey({ versionId: 'v', levelKey: 'l', domainKey: 'd' })).toBe('v|l|d');
  });
});

describe('versions', () => {
  it('compares the one before the newest with the newest', () => {
    expect(defaultPair([evidence(1)])).toBeNull();
    const [a, b] = defaultPair([evidence(3), evidence(1), evidence(2)])!;
    expect([a.revision, b.revision]).toEqual([2, 3]);
  });

  it('compares an older version on screen with the newest', () => {
    const all = [evidence(3), evidence(1), evidence(2)];
    const pair = (shown: string) => defaultPair(all, shown)!.map((v) => v.revision);
    expect(pair(all[1].id)).toEqual([1, 3]);
    expect(pair(all[2].id)).toEqual([2, 3]);
    expect(pair(all[0].id)).toEqual([2, 3]);
    expect(pair('gone')).toEqual([2, 3]);
  });

  it('steps to the older and newer version, and stops at the ends', () => {
    const all = [evidence(2), evidence(1), evidence(3)];
    expect(stepVersion(all, all[0].id, -1)?.revision).toBe(1);
    expect(stepVersion(all, all[0].id, 1)?.revision).toBe(3);
    expect(stepVersion(all, all[1].id, -1)).toBeNull();
    expect(stepVersion(all, all[2].id, 1)).toBeNull();
    expect(stepVersion(all, 'gone', 1)).toBeNull();
    expect(byRevision(all).map((v) => v.revision)).toEqual([1, 2, 3]);
  });

  it('names a version with its number, the count and its day', () => {
    expect(versionOption(evidence(2), 3, 'en-US')).toMatch(/^v2 of 3 · [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  });
});

describe('misc', () => {
  it('knows a PDF by its media type', () => {
    expect(isPdf('application/pdf')).toBe(true);
    expect(isPdf('Application/PDF; charset=binary')).toBe(true);
    expect(isPdf('image/png')).toBe(false);
    expect(isPdf(undefined)).toBe(false);
  });

  it('knows which files have thumbnails and which the viewer draws', () => {
    expect(hasThumbnail('image/png')).toBe(true);
    expect(hasThumbnail('application/pdf')).toBe(true);
    expect(hasThumbnail('image/svg+xml')).toBe(false);
    expect(isImage('image/svg+xml')).toBe(true);
    expect(isImage('application/pdf')).toBe(false);
    expect(typeWord('application/pdf')).toBe('PDF');
    expect(typeWord('application/zip', 'sources.zip')).toBe('ZIP');
    expect(typeWord('application/octet-stream', 'blob')).toBe('File');
  });

  it('numbers markers in list order', () => {
    expect([...markerNumbers([{ id: 'b' }, { id: 'a' }])]).toEqual([['b', 1], ['a', 2]]);
  });

  it('remembers the reviewer name, trimmed, and survives a storage that throws', () => {
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(loadReviewer(store)).toBe('');
    saveReviewer('  Ana Ruiz ', store);
    expect(m.get(REVIEWER_KEY)).toBe('Ana Ruiz');
    saveReviewer('   ', store);
    expect(loadReviewer(store)).toBe('Ana Ruiz');
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(loadReviewer(broken)).toBe('');
    expect(() => saveReviewer('x', broken)).not.toThrow();
  });
});
