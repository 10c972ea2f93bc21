import { defaultScale } from '$lib/testing/fixtures';
import { describe, expect, it } from 'vitest';
import type { LadderContent, RoleSummary, VersionInfo } from '$lib/api';
import {
  addedHeader,
  evidenceChip,
  exportFileName,
  filledCellsIn,
  roleStatus,
  uniqueName,
  versionLabel
} from './model';

const version = (v: Partial<VersionInfo>): VersionInfo => ({
  id: 'v',
  status: 'draft',
  number: null,
  basedOn: null,
  createdAt: '2024-01-01T00:00:00Z',
  publishedAt: null,
  ...v
});

const role = (r: Partial<RoleSummary>): RoleSummary => ({
  id: 'r',
  name: 'Role',
  description: '',
  kind: 'technical',
  pilot: false,
  archived: false,
  publishedVersion: null,
  hasDraft: true,
  levelCount: 3,
  domainCount: 4,
  updatedAt: '2024-01-01T00:00:00Z',
  ...r
});

const header = (key: string, name = key) => ({ key, name, description: '' });

describe('version labels', () => {
  it('name drafts and published versions', () => {
    expect(versionLabel(version({}))).toBe('Draft');
    expect(versionLabel(version({ basedOn: 2 }))).toBe('Draft · based on v2');
    expect(versionLabel(version({ status: 'published', number: 3 }))).toBe('Published v3');
  });
});

describe('role status', () => {
  it('says draft, published, or published with draft changes', () => {
    expect(roleStatus(role({})).label).toBe('Draft');
    expect(roleStatus(role({ publishedVersion: 2, hasDraft: false })).label).toBe('Published v2');
    expect(roleStatus(role({ publishedVersion: 2, hasDraft: true })).label).toBe(
      'Published v2 · draft changes'
    );
  });
});

describe('evidence chips', () => {
  it('use the words people know', () => {
    expect(evidenceChip({ kind: 'code_sample', count: 2, note: '' })).toBe('2× code sample');
    expect(evidenceChip({ kind: 'lead_assessment', count: 1, note: '' })).toBe(
      '1× signed lead assessment'
    );
    expect(evidenceChip({ kind: 'ab_test_result', count: 3, note: '' })).toBe('3× A/B test result');
  });
});

describe('uniqueName', () => {
  it('uses the base name, then numbers it', () => {
    expect(uniqueName('New level', ['Junior'])).toBe('New level');
    expect(uniqueName('New domain', ['new domain'])).toBe('New domain 2');
    expect(uniqueName('New domain', ['New domain', 'New domain 2'])).toBe('New domain 3');
  });
});

describe('filledCellsIn', () => {
  const content: LadderContent = {
    levels: [header('l1'), header('l2')],
    domains: [header('d1'), header('d2')],
    cells: [
      { levelKey: 'l1', domainKey: 'd1', outcomes: ['a'], evidence: [] },
      { levelKey: 'l1', domainKey: 'd2', outcomes: [], evidence: [{ kind: 'link', count: 1, note: '' }] },
      { levelKey: 'l2', domainKey: 'd1', outcomes: [], evidence: [] }
    ],
    scale: defaultScale()
  };
  it('counts cells with content in a level or domain', () => {
    expect(filledCellsIn(content, 'level', 'l1')).toBe(2);
    expect(filledCellsIn(content, 'level', 'l2')).toBe(0);
    expect(filledCellsIn(content, 'domain', 'd1')).toBe(1);
  });
});

describe('addedHeader', () => {
  it('finds the header an edit added', () => {
    expect(addedHeader([header('a')], [header('a'), header('b')])?.key).toBe('b');
    expect(addedHeader([header('a')], [header('a')])).toBeUndefined();
  });
});

describe('exportFileName', () => {
  it('makes a safe file name', () => {
    expect(exportFileName('Backend engineer')).toBe('backend-engineer.json');
    expect(exportFileName('<script>alert(1)</script>')).toBe('script-alert-1-script.json');
    expect(exportFileName('***')).toBe('ladder.json');
  });
});
