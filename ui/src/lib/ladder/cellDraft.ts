// What the side panel edits: a cell as text fields. Outcomes are one per line; evidence rows keep
// the count as typed (possibly empty) until the commit turns the draft back into a cell.
import type { Cell, EvidenceKind, EvidenceRequirement } from '$lib/api';

export interface EvidenceDraft {
  /** Stable id for keyed lists while rows are added and removed. */
  id: number;
  kind: EvidenceKind;
  count: number | null;
  note: string;
}

export interface CellDraft {
  levelKey: string;
  domainKey: string;
  outcomes: string;
  evidence: EvidenceDraft[];
}

export interface CellValue {
  outcomes: string[];
  evidence: EvidenceRequirement[];
}

let nextRow = 1;

export function evidenceRow(kind: EvidenceKind, count: number | null = 1, note = ''): EvidenceDraft {
  return { id: nextRow++, kind, count, note };
}

export function draftFromCell(levelKey: string, domainKey: string, cell: Cell | undefined): CellDraft {
  return {
    levelKey,
    domainKey,
    outcomes: (cell?.outcomes ?? []).join('\n'),
    evidence: (cell?.evidence ?? []).map((e) => evidenceRow(e.kind, e.count, e.note))
  };
}

/** The cell a draft stands for: blank lines dropped, text trimmed, counts made whole numbers. */
export function cellValue(d: CellDraft): CellValue {
  return {
    outcomes: d.outcomes
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0),
    evidence: d.evidence.map((e) => ({
      kind: e.kind,
      // An empty or odd count goes to the core as 0, which answers with a clear message.
      count: typeof e.count === 'number' && Number.isFinite(e.count) ? Math.max(0, Math.trunc(e.count)) : 0,
      note: e.note.trim()
    }))
  };
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function valueOfCell(cell: Cell | undefined): CellValue {
  return { outcomes: cell?.outcomes ?? [], evidence: cell?.evidence ?? [] };
}

export function draftKey(d: { levelKey: string; domainKey: string }): string {
  return `${d.levelKey}/${d.domainKey}`;
}

/** Evidence kinds not yet used in the draft come first when a row is added. */
export function nextEvidenceKind(d: CellDraft, all: readonly EvidenceKind[]): EvidenceKind {
  const used = new Set(d.evidence.map((e) => e.kind));
  return all.find((k) => !used.has(k)) ?? all[0];
}
