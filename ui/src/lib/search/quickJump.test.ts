import { describe, expect, it } from 'vitest';
import { MAX_RESULTS, fold, isQuickJumpKey, jumpEntries, rank } from './quickJump';

const role = (name: string, archived = false) => ({ name, archived });
const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name);

describe('fold', () => {
  it('ignores case, accents and letters decomposition leaves whole', () => {
    expect(fold('Développeuse ÉLAN')).toBe('developpeuse elan');
    expect(fold('Straße Øre Łódź Œuvre')).toBe('strasse ore lodz oeuvre');
  });
});

describe('rank', () => {
  const roles = [
    role('Backend engineer'),
    role('Art director'),
    role('Engineering manager', true),
    role('Data engineer'),
    role('Frontend Engineer')
  ];

  it('lists everything for an empty query, active first, by name', () => {
    expect(names(rank(roles, '  '))).toEqual([
      'Art director',
      'Backend engineer',
      'Data engineer',
      'Frontend Engineer',
      'Engineering manager'
    ]);
  });

  it('puts prefix matches first, then word starts, then the rest', () => {
    const all = [role('Reengineer'), role('Data engineer'), role('Engine tuner')];
    expect(names(rank(all, 'engine'))).toEqual(['Engine tuner', 'Data engineer', 'Reengineer']);
  });

  it('ranks an archived prefix match above an active mid-word match', () => {
    expect(names(rank(roles, 'engineer'))).toEqual([
      'Engineering manager',
      'Backend engineer',
      'Data engineer',
      'Frontend Engineer'
    ]);
  });

  it('puts active before archived within the same kind of match', () => {
    const all = [role('Art lead', true), role('Art director')];
    expect(names(rank(all, 'art'))).toEqual(['Art director', 'Art lead']);
  });

  it('matches without case or accents, either way round', () => {
    expect(names(rank([role('Développeuse')], 'DEVEL'))).toEqual(['Développeuse']);
    expect(names(rank([role('Developer')], 'dévé'))).toEqual(['Developer']);
  });

  it('counts a word after punctuation as a word start', () => {
    const all = [role('Backend'), role('Front-end')];
    expect(names(rank(all, 'end'))).toEqual(['Front-end', 'Backend']);
  });

  it('finds a word start after an earlier mid-word hit', () => {
    const all = [role('Bandana'), role('Banana analyst')];
    expect(names(rank(all, 'ana'))).toEqual(['Banana analyst', 'Bandana']);
  });

  it('treats markup in names as plain text', () => {
    const all = [role('<script>alert(1)</script>'), role('Scripter')];
    expect(names(rank(all, 'script'))).toEqual(['Scripter', '<script>alert(1)</script>']);
    expect(rank(all, '<scr').items).toHaveLength(1);
  });

  it('returns nothing when nothing matches', () => {
    expect(rank(roles, 'zebra')).toEqual({ items: [], total: 0 });
  });

  it('shows at most the limit but counts every match', () => {
    const many = Array.from({ length: 30 }, (_, i) => role(`Role ${String(i).padStart(2, '0')}`));
    const r = rank(many, 'role');
    expect(r.items).toHaveLength(MAX_RESULTS);
    expect(r.total).toBe(30);
    expect(r.items[0].name).toBe('Role 00');
  });
});

describe('isQuickJumpKey', () => {
  it('takes Ctrl+K and Cmd+K', () => {
    expect(isQuickJumpKey({ key: 'k', ctrlKey: true })).toBe(true);
    expect(isQuickJumpKey({ key: 'K', metaKey: true })).toBe(true);
  });

  it('leaves other keys and modifiers alone', () => {
    expect(isQuickJumpKey({ key: 'k' })).toBe(false);
    expect(isQuickJumpKey({ key: 'k', ctrlKey: true, shiftKey: true })).toBe(false);
    expect(isQuickJumpKey({ key: 'k', ctrlKey: true, altKey: true })).toBe(false);
    expect(isQuickJumpKey({ key: 'j', ctrlKey: true })).toBe(false);
  });

  it('finds K by its place on a non-Latin layout, but not where a Latin letter sits there', () => {
    expect(isQuickJumpKey({ key: 'л', code: 'KeyK', ctrlKey: true })).toBe(true);
    expect(isQuickJumpKey({ key: 't', code: 'KeyK', ctrlKey: true })).toBe(false);
  });
});

describe('jumpEntries', () => {
  it('lists roles first, then contractors, each marked with its kind', () => {
    expect(jumpEntries(['Backend engineer'], ['Amara Okafor', 'Bjørn Halvorsen'])).toEqual([
      { kind: 'role', item: 'Backend engineer' },
      { kind: 'contractor', item: 'Amara Okafor' },
      { kind: 'contractor', item: 'Bjørn Halvorsen' }
    ]);
    expect(jumpEntries([], [])).toEqual([]);
  });
});
