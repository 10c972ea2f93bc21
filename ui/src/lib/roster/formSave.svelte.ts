// What the roster's dialog forms share when they save.

/**
 * The fields as the submitted form holds them, named like `fields`: read from the form itself, so a
 * field changed without an input event (WebDriver's clear) still counts.
 */
export function submittedFields<F extends { [K in keyof F]: string }>(e: SubmitEvent, fields: F): F {
  const form = new FormData(e.currentTarget as HTMLFormElement);
  return Object.fromEntries(Object.keys(fields).map((k) => [k, String(form.get(k) ?? '')])) as F;
}

/** A dialog's save: Save is disabled while it runs, and what the core refuses shows in the form, which keeps what was typed. */
export class FormSave {
  saving = $state(false);
  error = $state<string | null>(null);

  async run(work: () => Promise<void>): Promise<void> {
    this.saving = true;
    this.error = null;
    try {
      await work();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    } finally {
      this.saving = false;
    }
  }

  /**
   * Saves what a local check produced, or shows its field errors instead (and no save error).
   * `showErrors` receives the errors, or an empty object when the check passed.
   */
  async runChecked<I, E extends object>(
    checked: { input: I } | { errors: E },
    showErrors: (errors: E | Record<string, never>) => void,
    work: (input: I) => Promise<void>
  ): Promise<void> {
    if ('errors' in checked) {
      showErrors(checked.errors);
      this.error = null;
      return;
    }
    showErrors({});
    await this.run(() => work(checked.input));
  }
}
