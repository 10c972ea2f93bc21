// Promise-based confirmation and text prompts, rendered once by <AskHost/>:
// `if (await ask.confirm({...}))` reads like the decision it is.

export interface ConfirmRequest {
  kind: 'confirm';
  title: string;
  /** The consequence, spelled out: "Removing level 'Lead' deletes 4 cells with content." */
  message: string;
  confirmLabel: string;
  danger?: boolean;
  resolve: (ok: boolean) => void;
}

export interface PromptRequest {
  kind: 'prompt';
  title: string;
  label: string;
  value: string;
  message?: string;
  confirmLabel: string;
  resolve: (value: string | null) => void;
}

class Ask {
  current = $state<ConfirmRequest | PromptRequest | null>(null);

  confirm(opts: Omit<ConfirmRequest, 'kind' | 'resolve'>): Promise<boolean> {
    this.answer(null); // a newer question replaces an unanswered one
    return new Promise((resolve) => {
      this.current = { kind: 'confirm', ...opts, resolve };
    });
  }

  text(opts: Omit<PromptRequest, 'kind' | 'resolve'>): Promise<string | null> {
    this.answer(null); // a newer question replaces an unanswered one
    return new Promise((resolve) => {
      this.current = { kind: 'prompt', ...opts, resolve };
    });
  }

  /** Called by the host when the user answers. */
  answer(value: boolean | string | null) {
    const req = this.current;
    this.current = null;
    if (!req) return;
    if (req.kind === 'confirm') req.resolve(value === true);
    else req.resolve(typeof value === 'string' ? value : null);
  }
}

export const ask = new Ask();
