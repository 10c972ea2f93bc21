// The ladder editor's screen state: which cell is selected, the side panel's draft of that cell,
// which header is being renamed. Changes to the ladder itself go through the session.
import { tick } from 'svelte';
import { ask } from '$lib/ui/ask.svelte';
import { toasts } from '$lib/ui/toasts.svelte';
import type { LadderContent, Level } from '$lib/api';
import {
  cellValue,
  draftFromCell,
  draftKey,
  sameValue,
  type CellDraft,
  type CellValue
} from './cellDraft';
import { clamp, type Pos } from './grid';
import { addedHeader, cellAt, filledCellsIn, plural, uniqueName } from './model';
import { ladders } from './session.svelte';

export type Axis = 'level' | 'domain';

const OPS = {
  level: { add: 'addLevel', rename: 'renameLevel', move: 'moveLevel', remove: 'removeLevel' },
  domain: { add: 'addDomain', rename: 'renameDomain', move: 'moveDomain', remove: 'removeDomain' }
} as const;

function headers(c: LadderContent, axis: Axis): Level[] {
  return axis === 'level' ? c.levels : c.domains;
}

export class EditorState {
  sel = $state<Pos>({ row: 0, col: 0 });
  /** The side panel's copy of the selected cell, as typed. */
  draft = $state<CellDraft | null>(null);
  /** What the draft was loaded from; the draft is "dirty" when it differs. */
  #base: CellValue | null = null;
  draftError = $state<string | null>(null);
  renaming = $state<{ axis: Axis; key: string; text: string } | null>(null);
  panel = $state<'cell' | 'history'>('cell');
  grid = $state<HTMLElement | null>(null);
  outcomesField = $state<HTMLTextAreaElement | undefined>();

  get content(): LadderContent | null {
    return ladders.shown?.content ?? null;
  }

  get dims() {
    const c = this.content;
    return { rows: c?.domains.length ?? 0, cols: c?.levels.length ?? 0 };
  }

  get selected(): { levelKey: string; domainKey: string; level: Level; domain: Level } | null {
    const c = this.content;
    const level = c?.levels[this.sel.col];
    const domain = c?.domains[this.sel.row];
    return level && domain ? { levelKey: level.key, domainKey: domain.key, level, domain } : null;
  }

  select(pos: Pos, focus = false) {
    this.sel = clamp(pos, this.dims);
    if (focus) this.focusCell();
  }

  focusCell() {
    const { row, col } = this.sel;
    this.grid?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)?.focus();
  }

  /** Enter on a cell: into the side panel's outcomes. */
  startEditing() {
    if (ladders.readOnly || !this.selected) return;
    this.panel = 'cell';
    // The panel may have to mount first (it was showing History). The caret goes after the last
    // outcome, so Return starts a new one.
    void tick().then(() => {
      const field = this.outcomesField;
      if (!field) return;
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    });
  }

  // ---- the side panel's draft ----------------------------------------------------------------

  /** Loads the selected cell into the panel, unless the panel holds unsaved text for that cell. */
  syncDraft() {
    const s = this.selected;
    const c = this.content;
    if (!s || !c) {
      this.draft = null;
      return;
    }
    const d = this.draft;
    if (d && draftKey(d) === draftKey(s) && this.#base && !sameValue(cellValue(d), this.#base)) return;
    this.#load(s.levelKey, s.domainKey, c);
  }

  #load(levelKey: string, domainKey: string, c: LadderContent) {
    this.draft = draftFromCell(levelKey, domainKey, cellAt(c, levelKey, domainKey));
    this.#base = cellValue(this.draft);
    this.draftError = null;
  }

  get dirty(): boolean {
    return !!this.draft && !!this.#base && !sameValue(cellValue(this.draft), this.#base);
  }

  /** Saves the panel's draft with one edit, when it changed. On failure the typed text stays. */
  async commitDraft() {
    const d = this.draft;
    const base = this.#base;
    if (!d || !base || ladders.readOnly) return;
    const value = cellValue(d);
    if (sameValue(value, base)) return;
    const typed = $state.snapshot(d) as CellDraft;
    try {
      const l = await ladders.editOrThrow('edit cell', { op: 'setCell', levelKey: d.levelKey, domainKey: d.domainKey, ...value });
      // Still showing what was saved: reload it as stored (trimmed, blank lines gone).
      if (this.draft && draftKey(this.draft) === draftKey(typed) && sameValue(cellValue(this.draft), value)) {
        this.#load(typed.levelKey, typed.domainKey, l.content);
      }
    } catch (e) {
      toasts.error(e);
      const c = this.content;
      const row = c?.domains.findIndex((x) => x.key === typed.domainKey) ?? -1;
      const col = c?.levels.findIndex((x) => x.key === typed.levelKey) ?? -1;
      if (row < 0 || col < 0) return;
      this.sel = { row, col };
      this.draft = typed;
      this.#base = base;
      this.draftError = e instanceof Error ? e.message : String(e);
    }
  }

  // ---- levels and domains ---------------------------------------------------------------------

  startRename(axis: Axis, h: Level) {
    this.renaming = { axis, key: h.key, text: h.name };
  }

  async finishRename(save: boolean) {
    const r = this.renaming;
    const c = ladders.ladder?.content;
    if (!r || !c) return;
    this.renaming = null;
    const h = headers(c, r.axis).find((x) => x.key === r.key);
    if (!save || !h || r.text.trim() === h.name) return;
    const l = await ladders.edit(`rename ${r.axis}`, { op: OPS[r.axis].rename, key: r.key, name: r.text });
    // Failed (empty, duplicate…): reopen the field with what was typed.
    if (!l) this.renaming = r;
  }

  async add(axis: Axis) {
    const c = ladders.ladder?.content;
    if (!c) return;
    const before = headers(c, axis);
    const name = uniqueName(axis === 'level' ? 'New level' : 'New domain', before.map((h) => h.name));
    const l = await ladders.edit(`add ${axis}`, { op: OPS[axis].add, name });
    const added = l && addedHeader(before, headers(l.content, axis));
    if (added) {
      const i = headers(l.content, axis).indexOf(added);
      this.sel = clamp(axis === 'level' ? { ...this.sel, col: i } : { ...this.sel, row: i }, this.dims);
      this.startRename(axis, added);
    }
  }

  async move(axis: Axis, key: string, delta: -1 | 1) {
    const c = ladders.ladder?.content;
    if (!c) return;
    const from = headers(c, axis).findIndex((h) => h.key === key);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= headers(c, axis).length) return;
    const l = await ladders.edit(`move ${axis}`, { op: OPS[axis].move, key, to });
    // The selection travels with the moved column or row.
    const at = axis === 'level' ? 'col' : 'row';
    if (l && this.sel[at] === from) this.sel = { ...this.sel, [at]: to };
  }

  async remove(axis: Axis, h: Level) {
    const c = ladders.ladder?.content;
    if (!c) return;
    const filled = filledCellsIn(c, axis, h.key);
    if (filled > 0) {
      const ok = await ask.confirm({
        title: `Remove ${axis} '${h.name}'?`,
        message: `Removing ${axis} '${h.name}' deletes ${plural(filled, 'cell')} with content.`,
        confirmLabel: `Remove ${axis}`,
        danger: true
      });
      if (!ok) return;
    }
    const l = await ladders.edit(`remove ${axis} '${h.name}'`, { op: OPS[axis].remove, key: h.key });
    if (!l) return;
    this.sel = clamp(this.sel, this.dims);
    // The button that had focus is gone with its header: keep the keyboard in the grid.
    void tick().then(() => this.focusCell());
    ladders.undoToast(`Removed ${axis} '${h.name}'`);
  }
}
