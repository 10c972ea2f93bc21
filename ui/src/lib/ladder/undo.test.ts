import { describe, expect, it } from 'vitest';
import { UndoStack } from './undo';

type E = { label: string; n: number };
const entry = (n: number): E => ({ label: `edit ${n}`, n });

function setup() {
  let changes = 0;
  const stack = new UndoStack<E>(() => changes++);
  const applied: string[] = [];
  const apply = (dir: string) => async (e: E) => {
    applied.push(`${dir} ${e.n}`);
  };
  return { stack, applied, apply, changes: () => changes };
}

describe('UndoStack', () => {
  it('starts empty', () => {
    const { stack } = setup();
    expect(stack.canUndo).toBe(false);
    expect(stack.canRedo).toBe(false);
    expect(stack.undoLabel).toBeNull();
  });

  it('undoes newest first and redoes in the original order', async () => {
    const { stack, applied, apply } = setup();
    stack.push(entry(1));
    stack.push(entry(2));
    expect(stack.undoLabel).toBe('edit 2');
    await stack.undo(apply('undo'));
    await stack.undo(apply('undo'));
    expect(stack.canUndo).toBe(false);
    expect(stack.redoLabel).toBe('edit 1');
    await stack.redo(apply('redo'));
    await stack.redo(apply('redo'));
    expect(applied).toEqual(['undo 2', 'undo 1', 'redo 1', 'redo 2']);
    expect(stack.undoLabel).toBe('edit 2');
    expect(stack.canRedo).toBe(false);
  });

  it('a new edit clears the redo branch', async () => {
    const { stack, apply } = setup();
    stack.push(entry(1));
    stack.push(entry(2));
    await stack.undo(apply('undo'));
    expect(stack.canRedo).toBe(true);
    stack.push(entry(3));
    expect(stack.canRedo).toBe(false);
    expect(stack.undoLabel).toBe('edit 3');
    expect(stack.size).toBe(2);
  });

  it('keeps the entry when applying it fails', async () => {
    const { stack } = setup();
    stack.push(entry(1));
    await expect(
      stack.undo(async () => {
        throw new Error('disk full');
      })
    ).rejects.toThrow('disk full');
    expect(stack.undoLabel).toBe('edit 1');
    expect(stack.canRedo).toBe(false);
  });

  it('returns null with nothing to undo or redo', async () => {
    const { stack, apply } = setup();
    expect(await stack.undo(apply('undo'))).toBeNull();
    expect(await stack.redo(apply('redo'))).toBeNull();
  });

  it('ignores a second undo while one is running', async () => {
    const { stack } = setup();
    stack.push(entry(1));
    stack.push(entry(2));
    let release!: () => void;
    const slow = stack.undo(() => new Promise<void>((r) => (release = r)));
    expect(await stack.undo(async () => {})).toBeNull();
    release();
    expect((await slow)?.n).toBe(2);
    expect(stack.undoLabel).toBe('edit 1');
  });

  it('tells whether an entry is the newest', () => {
    const { stack } = setup();
    const a = entry(1);
    const b = entry(2);
    stack.push(a);
    stack.push(b);
    expect(stack.isTop(b)).toBe(true);
    expect(stack.isTop(a)).toBe(false);
  });

  it('reports every change', async () => {
    const { stack, apply, changes } = setup();
    stack.push(entry(1));
    await stack.undo(apply('undo'));
    await stack.redo(apply('redo'));
    stack.clear();
    expect(changes()).toBe(4);
    expect(stack.canUndo).toBe(false);
  });
});
