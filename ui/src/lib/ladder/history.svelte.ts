// The app-wide undo history, made reactive for the Undo/Redo buttons.
import { UndoStack, type Entry } from './undo';

class History {
  // Bumped by the stack on every change; the getters read it so Svelte re-renders.
  #rev = $state(0);
  readonly stack = new UndoStack<Entry>(() => this.#rev++);

  get canUndo() {
    void this.#rev;
    return this.stack.canUndo;
  }
  get canRedo() {
    void this.#rev;
    return this.stack.canRedo;
  }
  get undoLabel() {
    void this.#rev;
    return this.stack.undoLabel;
  }
  get redoLabel() {
    void this.#rev;
    return this.stack.redoLabel;
  }
}

export const history = new History();
