// The ladder grid's keyboard model, kept pure so it can be tested without a browser.
// Rows are domains, columns are levels.

export interface Pos {
  row: number;
  col: number;
}

export interface Dims {
  rows: number;
  cols: number;
}

/** The parts of a KeyboardEvent the model reads. */
export interface KeyInput {
  key: string;
  code?: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export type GridAction =
  | { kind: 'move'; to: Pos }
  | { kind: 'edit' }
  | { kind: 'undo' }
  | { kind: 'redo' };

export function isEmpty(d: Dims): boolean {
  return d.rows <= 0 || d.cols <= 0;
}

/** Keeps a position inside the grid after levels or domains were removed. */
export function clamp(p: Pos, d: Dims): Pos {
  if (isEmpty(d)) return { row: 0, col: 0 };
  return {
    row: Math.min(Math.max(p.row, 0), d.rows - 1),
    col: Math.min(Math.max(p.col, 0), d.cols - 1)
  };
}

export function samePos(a: Pos, b: Pos): boolean {
  return a.row === b.row && a.col === b.col;
}

/** Ctrl/Cmd+Z undoes; Shift+Ctrl/Cmd+Z and Ctrl+Y redo. */
export function undoShortcut(k: KeyInput): 'undo' | 'redo' | null {
  const mod = !!(k.ctrlKey || k.metaKey);
  if (!mod || k.altKey) return null;
  const key = k.key.toLowerCase();
  if (key === 'z') return k.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && k.ctrlKey && !k.metaKey && !k.shiftKey) return 'redo';
  return null;
}

/** The key's name. WebKitGTK can report Shift+Tab (ISO_Left_Tab) as "Unidentified" with code "Tab". */
export function keyName(k: KeyInput): string {
  return k.key === 'Unidentified' && k.code === 'Tab' ? 'Tab' : k.key;
}

/**
 * Where a navigation key moves the selection, or null when the key is not for the grid (or Tab
 * runs off either end, so focus may leave the grid as usual).
 */
export function move(p: Pos, k: KeyInput, d: Dims): Pos | null {
  if (isEmpty(d) || k.altKey) return null;
  const mod = !!(k.ctrlKey || k.metaKey);
  const last = { row: d.rows - 1, col: d.cols - 1 };
  switch (keyName(k)) {
    case 'ArrowLeft':
      return mod ? { row: p.row, col: 0 } : { row: p.row, col: Math.max(0, p.col - 1) };
    case 'ArrowRight':
      return mod ? { row: p.row, col: last.col } : { row: p.row, col: Math.min(last.col, p.col + 1) };
    case 'ArrowUp':
      return mod ? { row: 0, col: p.col } : { row: Math.max(0, p.row - 1), col: p.col };
    case 'ArrowDown':
      return mod ? { row: last.row, col: p.col } : { row: Math.min(last.row, p.row + 1), col: p.col };
    case 'Home':
      return mod ? { row: 0, col: 0 } : { row: p.row, col: 0 };
    case 'End':
      return mod ? last : { row: p.row, col: last.col };
    case 'Tab': {
      if (mod) return null;
      const index = p.row * d.cols + p.col + (k.shiftKey ? -1 : 1);
      if (index < 0 || index >= d.rows * d.cols) return null;
      return { row: Math.floor(index / d.cols), col: index % d.cols };
    }
    default:
      return null;
  }
}

/** What a key pressed on a grid cell does. */
export function cellKeyAction(p: Pos, k: KeyInput, d: Dims): GridAction | null {
  const undo = undoShortcut(k);
  if (undo) return { kind: undo };
  if ((k.key === 'Enter' || k.key === 'F2') && !k.ctrlKey && !k.metaKey && !k.altKey) {
    return isEmpty(d) ? null : { kind: 'edit' };
  }
  const to = move(p, k, d);
  return to ? { kind: 'move', to } : null;
}
