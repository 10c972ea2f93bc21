// One open assessment: the view the core last returned, and the changes made from its screen.
// Changes run one after another (a comment saved on blur, then the rating clicked next), each
// answered with the whole view, so the screen always shows what is stored.
import { api, type AssessmentStatus, type AssessmentView, type PickedFiles } from '$lib/api';
import { pickAssessmentExport, pickAssessmentFile } from '$lib/dialogs';
import { toasts } from '$lib/ui/toasts.svelte';
import { exportFileName, isLocked } from './model';

export class AssessmentSession {
  view = $state.raw<AssessmentView | null>(null);
  /** A change is on its way to the core. */
  busy = $state(false);
  /**
   * What the last action came to, shown in the screen's action bar (beside the buttons it is
   * about, where a toast would cover them): the core's refusal, or what to do next.
   */
  notice = $state<{ tone: 'error' | 'success' | 'info'; text: string } | null>(null);
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly id: string,
    private readonly onchanged: () => void
  ) {}

  async load() {
    try {
      this.view = await api.assessment(this.id);
    } catch (e) {
      toasts.error(e);
    }
  }

  #say(tone: 'error' | 'success' | 'info', text: string) {
    this.notice = { tone, text };
  }

  /** Runs one change after the ones before it; a refusal shows in the action bar and the stored view stays. */
  #run(work: () => Promise<AssessmentView | null>): Promise<boolean> {
    const next = this.#queue.then(async () => {
      this.busy = true;
      this.notice = null;
      try {
        const view = await work();
        if (view) this.view = view;
        this.onchanged();
        return true;
      } catch (e) {
        this.#say('error', e instanceof Error ? e.message : String(e));
        await this.load(); // show what is stored, not what was attempted
        return false;
      } finally {
        this.busy = false;
      }
    });
    this.#queue = next;
    return next;
  }

  /**
   * Saves one cell: the ratings (null: not rated) and comment given, the rest as stored. The rest
   * is read when the change's turn comes, so two quick clicks don't undo each other.
   */
  rate(domainKey: string, change: { selfRating?: string | null; assessorRating?: string | null; comment?: string }) {
    return this.#run(() => {
      const row = this.view?.assessment.rubric.find((r) => r.domainKey === domainKey);
      const self = change.selfRating !== undefined ? change.selfRating : (row?.selfRating ?? null);
      const assessor = change.assessorRating !== undefined ? change.assessorRating : (row?.assessorRating ?? null);
      const comment = change.comment ?? row?.comment ?? '';
      return api.rateCell(this.id, domainKey, self, assessor, comment);
    });
  }

  attach(domainKey: string, evidenceId: string) {
    return this.#run(() => api.attachToAssessment(this.id, domainKey, evidenceId));
  }

  detach(domainKey: string, evidenceId: string) {
    return this.#run(() => api.detachFromAssessment(this.id, domainKey, evidenceId));
  }

  summary(text: string) {
    return this.#run(() => api.setAssessmentSummary(this.id, text));
  }

  recordPaid(paidOn: string) {
    return this.#run(() => api.recordStipendPaid(this.id, paidOn));
  }

  status(to: AssessmentStatus) {
    return this.#run(() => api.setAssessmentStatus(this.id, to));
  }

  sign() {
    return this.#run(() => api.signAssessment(this.id));
  }

  /** Writes the assessment to a file for its assessor to rate and sign elsewhere. */
  async exportFile() {
    const a = this.view?.assessment;
    if (!a) return;
    try {
      const picked = await pickAssessmentExport(exportFileName(a));
      if (!picked) return;
      await api.exportAssessment(this.id, picked.token);
      const name = picked.names[0];
      this.#say(
        'info',
        isLocked(a.status)
          ? `Exported to ${name}, with its signature.`
          : `Exported to ${name}. ${a.assessor.name} signs it with “guildbook assessment sign”; then choose Import signed file.`
      );
    } catch (e) {
      this.#say('error', e instanceof Error ? e.message : String(e));
    }
  }

  /** Takes back a file the assessor signed: the core checks the signature before storing anything. */
  async importFile() {
    let picked: PickedFiles | null;
    try {
      picked = await pickAssessmentFile();
    } catch (e) {
      this.#say('error', e instanceof Error ? e.message : String(e));
      return;
    }
    if (!picked) return;
    const token = picked.token;
    // The core refuses a file that belongs to another assessment, so nothing lands elsewhere.
    const ok = await this.#run(() => api.importAssessment(token, this.id));
    if (ok) this.#say('success', `Imported: signed by ${this.view?.assessment.assessor.name}.`);
  }
}
