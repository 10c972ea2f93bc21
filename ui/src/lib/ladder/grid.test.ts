import { describe, expect, it } from 'vitest';
import { cellKeyAction, clamp, move, undoShortcut } from './grid';

const dims = { rows: 3, cols: 4 };
const at = (row: number, col: number) => ({ row, col });
const key = (k: string, mods: Record<string, boolean> = {}) => ({ key: k, ...mods });

describe('arrow keys', () => {
  it('move one cell and stop at the edges', () => {
    expect(move(at(1, 1), key('ArrowRight'), dims)).toEqual(at(1, 2));
    expect(move(at(1, 1), key('ArrowLeft'), dims)).toEqual(at(1, 0));
    expect(move(at(1, 1), key('ArrowUp'), dims)).toEqual(at(0, 1));
    expect(move(at(1, 1), key('ArrowDown'), dims)).toEqual(at(2, 1));
    expect(move(at(0, 0), key('ArrowLeft'), dims)).toEqual(at(0, 0));
    expect(move(at(0, 0), key('ArrowUp'), dims)).toEqual(at(0, 0));
    expect(move(at(2, 3), key('ArrowRight'), dims)).toEqual(at(2, 3));
    expect(move(at(2, 3), key('ArrowDown'), dims)).toEqual(at(2, 3));
  });

  it('with Ctrl jump to the edge', () => {
    expect(move(at(1, 1), key('ArrowRight', { ctrlKey: true }), dims)).toEqual(at(1, 3));
    expect(move(at(1, 1), key('ArrowDown', { metaKey: true }), dims)).toEqual(at(2, 1));
  });
});

describe('Home and End', () => {
  it('go to the start and end of the row', () => {
    expect(move(at(1, 2), key('Home'), dims)).toEqual(at(1, 0));
    expect(move(at(1, 2), key('End'), dims)).toEqual(at(1, 3));
  });
  it('with Ctrl go to the first and last cell', () => {
    expect(move(at(1, 2), key('Home', { ctrlKey: true }), dims)).toEqual(at(0, 0));
    expect(move(at(1, 2), key('End', { ctrlKey: true }), dims)).toEqual(at(2, 3));
  });
});

describe('Tab', () => {
  it('moves to the next cell and wraps to the next row', () => {
    expect(move(at(0, 0), key('Tab'), dims)).toEqual(at(0, 1));
    expect(move(at(0, 3), key('Tab'), dims)).toEqual(at(1, 0));
  });
  it('with Shift moves back and wraps to the previous row', () => {
    expect(move(at(1, 0), key('Tab', { shiftKey: true }), dims)).toEqual(at(0, 3));
    expect(move(at(1, 2), key('Tab', { shiftKey: true }), dims)).toEqual(at(1, 1));
  });
  it('understands WebKitGTK’s Shift+Tab', () => {
    expect(move(at(1, 0), { key: 'Unidentified', code: 'Tab', shiftKey: true }, dims)).toEqual(at(0, 3));
  });
  it('lets focus leave the grid past either end', () => {
    expect(move(at(2, 3), key('Tab'), dims)).toBeNull();
    expect(move(at(0, 0), key('Tab', { shiftKey: true }), dims)).toBeNull();
  });
});

describe('other keys', () => {
  it('are not the grid’s business', () => {
    expect(move(at(0, 0), key('a'), dims)).toBeNull();
    expect(move(at(0, 0), key('ArrowRight', { altKey: true }), dims)).toBeNull();
  });
  it('an empty grid moves nowhere', () => {
    expect(move(at(0, 0), key('ArrowRight'), { rows: 0, cols: 3 })).toBeNull();
    expect(cellKeyAction(at(0, 0), key('Enter'), { rows: 2, cols: 0 })).toBeNull();
  });
});

describe('cell actions', () => {
  it('Enter and F2 start editing', () => {
    expect(cellKeyAction(at(0, 0), key('Enter'), dims)).toEqual({ kind: 'edit' });
    expect(cellKeyAction(at(0, 0), key('F2'), dims)).toEqual({ kind: 'edit' });
    expect(cellKeyAction(at(0, 0), key('Enter', { ctrlKey: true }), dims)).toBeNull();
  });
  it('navigation keys move', () => {
    expect(cellKeyAction(at(0, 0), key('ArrowDown'), dims)).toEqual({ kind: 'move', to: at(1, 0) });
  });
  it('undo shortcuts win over movement', () => {
    expect(cellKeyAction(at(0, 0), key('z', { ctrlKey: true }), dims)).toEqual({ kind: 'undo' });
  });
});

describe('undo shortcuts', () => {
  it('Ctrl/Cmd+Z undoes', () => {
    expect(undoShortcut(key('z', { ctrlKey: true }))).toBe('undo');
    expect(undoShortcut(key('z', { metaKey: true }))).toBe('undo');
  });
  it('Shift+Ctrl/Cmd+Z and Ctrl+Y redo', () => {
    expect(undoShortcut(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcut(key('z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(undoShortcut(key('y', { ctrlKey: true }))).toBe('redo');
  });
  it('plain letters and Alt combinations are left alone', () => {
    expect(undoShortcut(key('z'))).toBeNull();
    expect(undoShortcut(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(undoShortcut(key('y', { metaKey: true }))).toBeNull();
  });
});

describe('clamp', () => {
  it('keeps the selection inside a shrunken grid', () => {
    expect(clamp(at(5, 5), dims)).toEqual(at(2, 3));
    expect(clamp(at(-1, 2), dims)).toEqual(at(0, 2));
    expect(clamp(at(3, 3), { rows: 0, cols: 0 })).toEqual(at(0, 0));
  });
});
