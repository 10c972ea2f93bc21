// Toast messages, bottom-right. Plain messages fade after a few seconds, messages with an action
// (Undo) stay 8 s, errors stay until dismissed.

export type ToastKind = 'info' | 'success' | 'error';

export interface ToastAction {
  label: string;
  run: () => void;
  testid?: string;
}

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  action?: ToastAction;
  /** Milliseconds before it goes; null = until dismissed. */
  duration: number | null;
}

export const ACTION_TOAST_MS = 8000;
const PLAIN_TOAST_MS = 5000;

class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  show(kind: ToastKind, message: string, action?: ToastAction): number {
    const id = this.#next++;
    const duration = kind === 'error' ? null : action ? ACTION_TOAST_MS : PLAIN_TOAST_MS;
    // Keep the stack short: the oldest non-error message makes room.
    const items = [...this.items, { id, kind, message, action, duration }];
    while (items.length > 5) {
      const i = items.findIndex((t) => t.kind !== 'error');
      items.splice(i >= 0 ? i : 0, 1);
    }
    this.items = items;
    return id;
  }

  info(message: string, action?: ToastAction) {
    return this.show('info', message, action);
  }

  success(message: string, action?: ToastAction) {
    return this.show('success', message, action);
  }

  /** Shows the message of an error (the core's messages are written for users). */
  error(e: unknown) {
    const message =
      e instanceof Error ? e.message : typeof e === 'string' ? e : 'Something went wrong.';
    return this.show('error', message);
  }

  dismiss(id: number) {
    this.items = this.items.filter((t) => t.id !== id);
  }

  clear() {
    this.items = [];
  }
}

export const toasts = new Toasts();
