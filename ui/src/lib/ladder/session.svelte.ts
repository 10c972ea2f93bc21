// The ladder being edited and every change to it. Components call these methods; each mutation
// runs in order (so an edit's "before" is the previous edit's "after"), reports errors as toasts,
// and records itself in the undo history.
import { AppError, api, type Ladder, type LadderEdit, type RoleSummary } from '$lib/api';
import { pickLadderFile, pickSaveFile } from '$lib/dialogs';
import { ask } from '$lib/ui/ask.svelte';
import { toasts } from '$lib/ui/toasts.svelte';
import { history } from './history.svelte';
import { exportFileName, sameContent } from './model';
import type { Entry } from './undo';

class LadderSession {
  /** The role open in the editor; null shows the roles list. */
  roleId = $state<string | null>(null);
  /** The ladder the editor edits: the draft, or the newest published version. */
  ladder = $state.raw<Ladder | null>(null);
  /** An older version opened from History: shown read-only. */
  viewing = $state.raw<Ladder | null>(null);
  #chain: Promise<unknown> = Promise.resolve();

  get shown(): Ladder | null {
    return this.viewing ?? this.ladder;
  }

  get readOnly(): boolean {
    return this.viewing !== null || !!this.ladder?.role.archived;
  }

  /** Runs mutations one after another. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(fn, fn);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  async open(roleId: string, ladder?: Ladder) {
    this.roleId = roleId;
    this.viewing = null;
    this.ladder = ladder ?? null;
    if (ladder) return;
    try {
      const loaded = await api.ladder(roleId);
      if (this.roleId === roleId) this.ladder = loaded;
    } catch (e) {
      toasts.error(e);
      if (this.roleId === roleId) this.close();
    }
  }

  /**
   * Another Guildbook window or the command line may have changed this ladder while the window
   * was in the background: reload it when the window comes back, unless a cell is mid-edit.
   */
  refresh() {
    const roleId = this.roleId;
    if (!roleId || this.viewing) return;
    if (document.activeElement?.closest('[data-testid="cell-editor"]')) return;
    return this.serial(async () => {
      try {
        const l = await api.ladder(roleId);
        if (this.roleId === roleId && !this.viewing) this.#show(l);
      } catch {
        // Gone or unreadable now: the next action will say why.
      }
    });
  }

  close() {
    this.roleId = null;
    this.ladder = null;
    this.viewing = null;
  }

  /** A different workspace: nothing of the old one can be edited or undone any more. */
  reset() {
    this.close();
    history.stack.clear();
  }

  /** Shows a ladder the core returned, moving to its role if another one is open. */
  #show(l: Ladder) {
    if (this.roleId !== l.role.id) this.roleId = l.role.id;
    this.viewing = null;
    this.ladder = l;
  }

  #showRole(r: RoleSummary) {
    if (this.ladder?.role.id === r.id) this.ladder = { ...this.ladder, role: r };
    if (this.viewing?.role.id === r.id) this.viewing = { ...this.viewing, role: r };
  }

  // ---- ladder content -------------------------------------------------------------------------

  /** One edit of the ladder. Throws the core's error; `edit` is the toasting version. */
  editOrThrow(label: string, op: LadderEdit): Promise<Ladder> {
    const roleId = this.roleId;
    return this.serial(async () => {
      if (!roleId) throw new AppError('not_found', 'No ladder is open.');
      // The editor may have moved on (Back was clicked while this edit waited): ask the core.
      const before =
        this.ladder?.role.id === roleId ? this.ladder.content : (await api.ladder(roleId)).content;
      const l = await api.editLadder(roleId, op);
      if (!sameContent(before, l.content)) {
        history.stack.push({ kind: 'ladder', label, roleId, before, after: l.content });
      }
      if (this.roleId === roleId) this.#show(l);
      return l;
    });
  }

  async edit(label: string, op: LadderEdit): Promise<Ladder | null> {
    try {
      return await this.editOrThrow(label, op);
    } catch (e) {
      toasts.error(e);
      return null;
    }
  }

  undo() {
    return this.#step('undo');
  }

  redo() {
    return this.#step('redo');
  }

  async #step(dir: 'undo' | 'redo') {
    const apply = async (e: Entry) => {
      if (e.kind === 'ladder') {
        this.#show(await api.setLadderContent(e.roleId, dir === 'undo' ? e.before : e.after));
        return;
      }
      await (dir === 'undo' ? e.undo() : e.redo());
      if (e.roleId && this.roleId !== e.roleId) await this.open(e.roleId);
    };
    await this.serial(async () => {
      try {
        await (dir === 'undo' ? history.stack.undo(apply) : history.stack.redo(apply));
      } catch (e) {
        toasts.error(e);
      }
    });
  }

  // ---- versions -------------------------------------------------------------------------------

  publish() {
    const roleId = this.roleId;
    return this.serial(async () => {
      if (!roleId) return;
      try {
        const l = await api.publishLadder(roleId);
        if (this.roleId === roleId) this.#show(l);
        toasts.success(`Published v${l.version.number}`);
      } catch (e) {
        toasts.error(e);
      }
    });
  }

  async discardDraft() {
    const l = this.ladder;
    if (!l) return;
    const set = (fn: () => Promise<Ladder>) => async () => this.#show(await fn());
    const ok = await this.#undoable(
      'discard draft',
      l.role.id,
      set(() => api.discardDraft(l.role.id)),
      set(() => api.setLadderContent(l.role.id, l.content))
    );
    if (ok) this.undoToast(`Discarded the draft of '${l.role.name}'`);
  }

  async viewVersion(versionId: string) {
    if (!this.ladder) return;
    if (versionId === this.ladder.version.id) {
      this.viewing = null;
      return;
    }
    try {
      const l = await api.ladderVersion(versionId);
      if (this.roleId === l.role.id) this.viewing = l;
    } catch (e) {
      toasts.error(e);
    }
  }

  // ---- the role -------------------------------------------------------------------------------

  /** Runs `redo` now and records it with its way back. */
  #undoable(label: string, roleId: string, redo: () => Promise<void>, undo: () => Promise<void>) {
    return this.serial(async () => {
      try {
        await redo();
        history.stack.push({ kind: 'action', label, roleId, undo, redo });
        return true;
      } catch (e) {
        toasts.error(e);
        return false;
      }
    });
  }

  /**
   * A toast whose Undo takes back the edit just made, and only that one: if more edits came after
   * it, Undo would take back the wrong thing, so it says so instead.
   */
  undoToast(message: string) {
    const entry = history.stack.top;
    toasts.success(message, {
      label: 'Undo',
      testid: 'toast-undo',
      run: () => {
        if (entry && history.stack.isTop(entry)) void this.undo();
        else toasts.info('Other changes came after this one. Use Undo in the editor to step back through them.');
      }
    });
  }

  renameRole(name: string) {
    const r = this.ladder?.role;
    if (!r || name.trim() === r.name) return Promise.resolve(true);
    const set = (n: string) => async () => this.#showRole(await api.updateRole(r.id, { name: n }));
    return this.#undoable('rename role', r.id, set(name.trim()), set(r.name));
  }

  setPilot(pilot: boolean) {
    const r = this.ladder?.role;
    if (!r) return;
    const set = (p: boolean) => async () => this.#showRole(await api.updateRole(r.id, { pilot: p }));
    return this.#undoable(pilot ? 'mark as pilot' : 'unmark pilot', r.id, set(pilot), set(!pilot));
  }

  async setArchived(archived: boolean) {
    const r = this.ladder?.role;
    if (!r) return;
    const set = (a: boolean) => async () => this.#showRole(await api.setRoleArchived(r.id, a));
    const ok = await this.#undoable(archived ? 'archive role' : 'restore role', r.id, set(archived), set(!archived));
    if (ok && archived) this.undoToast(`Archived '${r.name}'`);
    if (ok && !archived) toasts.success(`Restored '${r.name}'`);
  }

  setRelated(ids: string[]) {
    const l = this.ladder;
    if (!l) return Promise.resolve(false);
    const set = (list: string[]) => async () => {
      const related = await api.setRelatedRoles(l.role.id, list);
      if (this.ladder?.role.id === l.role.id) this.ladder = { ...this.ladder, related };
    };
    return this.#undoable('related roles', l.role.id, set(ids), set(l.related.map((r) => r.id)));
  }

  async duplicate(name: string) {
    const from = this.ladder?.role;
    if (!from) return;
    try {
      const l = await this.serial(() => api.duplicateRole(from.id, name));
      this.#show(l);
      toasts.success(`Created '${l.role.name}' from '${from.name}'`);
    } catch (e) {
      toasts.error(e);
    }
  }

  // ---- files and new roles --------------------------------------------------------------------

  async exportLadder() {
    const l = this.ladder;
    if (!l) return;
    try {
      const picked = await pickSaveFile(exportFileName(l.role.name));
      if (!picked) return;
      await api.exportLadder(l.role.id, picked.token);
      toasts.success(`Exported '${l.role.name}' to ${picked.names[0]}`);
    } catch (e) {
      toasts.error(e);
    }
  }

  async importLadder() {
    try {
      const picked = await pickLadderFile();
      if (!picked) return;
      let l: Ladder;
      try {
        l = await api.importLadder(picked.token);
      } catch (e) {
        // A name clash is the one import error a person can fix here: offer another name.
        if (!(e instanceof AppError) || e.code !== 'duplicate') throw e;
        const name = await ask.text({
          title: 'Import under another name',
          message: e.message,
          label: 'Role name',
          value: '',
          confirmLabel: 'Import'
        });
        if (!name) return;
        l = await api.importLadder(picked.token, name);
      }
      this.#show(l);
      toasts.success(`Imported '${l.role.name}'`);
    } catch (e) {
      toasts.error(e);
    }
  }

  async createRole(role: Parameters<typeof api.createRole>[0]): Promise<boolean> {
    try {
      const l = await api.createRole(role);
      this.#show(l);
      toasts.success(`Created '${l.role.name}'`);
      return true;
    } catch (e) {
      toasts.error(e);
      return false;
    }
  }
}

export const ladders = new LadderSession();
