// The roster screens' state: the list's query and where it was scrolled (kept while a profile is
// open, so Back returns to the same place), the pages of rows, which profile is open, and the
// changes that come with an Undo toast.
import {
  api,
  type Contractor,
  type ContractorInput,
  type ContractorStatus,
  type CsvPreview,
  type Engagement,
  type EngagementInput,
  type PickedFiles,
  type RosterRow
} from '$lib/api';
import { pickCsvFile } from '$lib/dialogs';
import { toasts } from '$lib/ui/toasts.svelte';
import { formatCount } from './locale';
import { NO_FILTERS, STATUS_LABELS, countLabel, inputOf, rosterQuery, type RosterFilters } from './model';
import { Pager } from './pager.svelte';

export interface CsvChoice {
  /** The chosen file: its token for the import, its name to show. */
  picked: PickedFiles;
  preview: CsvPreview<ContractorInput>;
}

class RosterState {
  /** The contractor whose profile is open; null shows the list. */
  profileId = $state<string | null>(null);
  /** The query the list shows. `text` follows the search box after a short pause. */
  filters = $state<RosterFilters>({ ...NO_FILTERS });
  /** What is typed in the search box right now. */
  typed = $state('');
  /** People in the workspace: `shown` as "Show archived" says, `all` with the archived. */
  counts = $state<{ shown: number; all: number } | null>(null);
  /** Where the list was scrolled and which row was active, for Back from a profile. */
  scrollTop = 0;
  active = 0;
  /** Set by Back from a profile: the list gives focus back to the row that was opened. */
  returning = false;
  /** Bumped after a change that a mounted profile should show. */
  revision = $state(0);

  /** Counts the changes made here, so an Undo can tell whether later ones came after it. */
  #changes = 0;

  readonly pager = new Pager<RosterRow>(
    (offset, limit) => api.roster(rosterQuery(this.filters, offset, limit)),
    (e) => toasts.error(e)
  );

  setFilters(patch: Partial<RosterFilters>) {
    const next = { ...this.filters, ...patch };
    if (!next.roleId) next.levelKey = '';
    if (JSON.stringify(next) === JSON.stringify(this.filters)) return;
    const archivedChanged = next.showArchived !== this.filters.showArchived;
    this.filters = next;
    this.scrollTop = 0;
    this.active = 0;
    this.pager.reset();
    if (archivedChanged) void this.refreshCounts();
  }

  clearFilters() {
    this.typed = '';
    this.setFilters({ ...NO_FILTERS, showArchived: this.filters.showArchived });
  }

  async refreshCounts() {
    const count = (includeArchived: boolean) =>
      api.roster({ includeArchived, offset: 0, limit: 1 }).then((p) => p.total);
    try {
      const [shown, all] = await Promise.all([count(this.filters.showArchived), count(true)]);
      this.counts = { shown, all };
    } catch (e) {
      toasts.error(e);
    }
  }

  /** The data may have changed (the window came back): fetch it again, in place. */
  refresh() {
    this.pager.reset(true);
    this.revision++;
    void this.refreshCounts();
  }

  /** A change was made from these screens: show it everywhere, and end older Undos' turn. */
  changed() {
    this.#changes++;
    this.refresh();
  }

  /** A profile tab another screen asked for (Home → a person's credentials); taken once. */
  requestedTab = $state<string | null>(null);

  /** Opens a person's profile, on `tab` when given (else the profile picks its first tab). */
  openProfile(id: string, tab: string | null = null) {
    this.requestedTab = tab;
    this.profileId = id;
  }

  takeRequestedTab(): string | null {
    const tab = this.requestedTab;
    this.requestedTab = null;
    return tab;
  }

  closeProfile() {
    if (this.profileId) this.returning = true;
    this.profileId = null;
  }

  /** Another workspace: nothing of the old one's list carries over. */
  reset() {
    this.profileId = null;
    this.filters = { ...NO_FILTERS };
    this.typed = '';
    this.counts = null;
    this.scrollTop = 0;
    this.active = 0;
    this.pager.reset();
  }

  // ---- CSV import -------------------------------------------------------------------------------

  /** Asks for a file and reads what importing it would do; null when cancelled or refused. */
  async previewCsv(): Promise<CsvChoice | null> {
    try {
      const picked = await pickCsvFile();
      if (!picked) return null;
      return { picked, preview: await api.previewContractorCsv(picked.token) };
    } catch (e) {
      toasts.error(e);
      return null;
    }
  }

  /** Imports the file; bad rows are skipped only when `skipBadRows` (the person clicked to). */
  async importCsv(picked: PickedFiles, skipBadRows: boolean): Promise<boolean> {
    try {
      const r = await api.importContractorCsv(picked.token, skipBadRows);
      const skipped = r.skipped ? ` (${formatCount(r.skipped)} skipped)` : '';
      toasts.success(`Imported ${countLabel(r.imported, 'contractor')}${skipped}`);
      this.changed();
      return true;
    } catch (e) {
      toasts.error(e);
      return false;
    }
  }

  // ---- changes with Undo ------------------------------------------------------------------------

  /**
   * A toast whose Undo takes back the change just made, and only that one: after later changes it
   * would put back an old state over them, so it says so instead.
   */
  #undoToast(message: string, undo: () => Promise<unknown>) {
    const mark = this.#changes;
    toasts.success(message, {
      label: 'Undo',
      testid: 'toast-undo',
      run: async () => {
        if (this.#changes !== mark) {
          toasts.info('Other changes came after this one, so Undo would overwrite them. Change it back by hand.');
          return;
        }
        try {
          await undo();
          this.changed();
        } catch (e) {
          toasts.error(e);
        }
      }
    });
  }

  /** Saves the contractor form. Throws the core's error for the dialog to show. */
  async saveContractor(before: Contractor | null, input: ContractorInput): Promise<Contractor> {
    if (!before) {
      const c = await api.addContractor(input);
      this.changed();
      toasts.success(`Added ${c.name}`, {
        label: 'Open',
        testid: 'toast-open',
        run: () => this.openProfile(c.id)
      });
      return c;
    }
    const c = await api.updateContractor(before.id, input);
    this.changed();
    const previous: ContractorInput = {
      name: before.name,
      email: before.email,
      phone: before.phone,
      location: before.location,
      status: before.status,
      tags: before.tags,
      notes: before.notes
    };
    this.#undoToast(`Saved ${c.name}`, () => api.updateContractor(before.id, previous));
    return c;
  }

  /** Archive, restore, or any other status; Undo puts the old one back. */
  async setStatus(c: Contractor, status: ContractorStatus): Promise<boolean> {
    try {
      await api.setContractorStatus(c.id, status);
    } catch (e) {
      toasts.error(e);
      return false;
    }
    this.changed();
    const message =
      status === 'archived'
        ? `Archived ${c.name}`
        : c.status === 'archived'
          ? `Restored ${c.name}`
          : `${c.name} is now ${STATUS_LABELS[status]}`;
    this.#undoToast(message, () => api.setContractorStatus(c.id, c.status));
    return true;
  }

  /** Saves the engagement form. Throws the core's error for the dialog to show. */
  async saveEngagement(contractorId: string, before: Engagement | null, input: EngagementInput): Promise<Engagement> {
    if (!before) {
      const e = await api.addEngagement(contractorId, input);
      this.changed();
      toasts.success(`Added the engagement with ${e.client}`);
      return e;
    }
    const e = await api.updateEngagement(before.id, input);
    this.changed();
    const previous = inputOf(before);
    this.#undoToast(`Saved the engagement with ${e.client}`, () => api.updateEngagement(before.id, previous));
    return e;
  }
}

export const roster = new RosterState();
