// The undo history: every edit since the app started, across roles. Pure: it stores entries and
// runs the caller's `apply`; it knows nothing about IPC. Tested in undo.test.ts.
import type { LadderContent } from '$lib/api';

/** A ladder edit: undo restores `before`, redo restores `after`, both as whole contents. */
export interface LadderEntry {
  kind: 'ladder';
  label: string;
  roleId: string;
  before: LadderContent;
  after: LadderContent;
}

/** Anything else (rename a role, archive it …) brings its own way back and forth. */
export interface ActionEntry {
  kind: 'action';
  label: string;
  roleId?: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

export type Entry = LadderEntry | ActionEntry;

export class UndoStack<E extends { label: string } = Entry> {
  #done: E[] = [];
  #undone: E[] = [];
  #busy = false;
  #onChange: () => void;

  constructor(onChange: () => void = () => {}) {
    this.#onChange = onChange;
  }

  get canUndo(): boolean {
    return this.#done.length > 0;
  }
  get canRedo(): boolean {
    return this.#undone.length > 0;
  }
  get undoLabel(): string | null {
    return this.#done.at(-1)?.label ?? null;
  }
  get redoLabel(): string | null {
    return this.#undone.at(-1)?.label ?? null;
  }
  get size(): number {
    return this.#done.length;
  }

  /** Records a new edit. A new edit ends the redo branch. */
  push(entry: E) {
    this.#done.push(entry);
    this.#undone = [];
    this.#onChange();
  }

  /** The newest edit, the one Undo would take back. */
  get top(): E | undefined {
    return this.#done.at(-1);
  }

  isTop(entry: E): boolean {
    return this.#done.at(-1) === entry;
  }

  /**
   * Undoes the newest edit with `apply`. The entry moves to the redo side only when `apply`
   * succeeds; if it throws, the history is unchanged and the error goes to the caller.
   * Returns the entry, or null when there was nothing to undo (or an undo is still running).
   */
  async undo(apply: (entry: E) => Promise<void>): Promise<E | null> {
    return this.#step(this.#done, this.#undone, apply);
  }

  async redo(apply: (entry: E) => Promise<void>): Promise<E | null> {
    return this.#step(this.#undone, this.#done, apply);
  }

  clear() {
    this.#done = [];
    this.#undone = [];
    this.#onChange();
  }

  async #step(from: E[], to: E[], apply: (entry: E) => Promise<void>): Promise<E | null> {
    const entry = from.at(-1);
    if (!entry || this.#busy) return null;
    this.#busy = true;
    try {
      await apply(entry);
      from.pop();
      to.push(entry);
      this.#onChange();
      return entry;
    } finally {
      this.#busy = false;
    }
  }
}
