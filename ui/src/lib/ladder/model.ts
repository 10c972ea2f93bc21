// Pure helpers about ladders: the words the UI uses for versions, statuses and evidence, and small
// questions about a ladder's content. No Svelte, no IPC: tested in model.test.ts.
import type {
  Cell,
  EvidenceKind,
  EvidenceRequirement,
  LadderContent,
  Level,
  RoleKind,
  RoleSummary,
  VersionInfo
} from '$lib/api';

export const EVIDENCE_LABELS: Record<EvidenceKind, string> = {
  code_sample: 'code sample',
  release_note: 'release note',
  client_feedback: 'client feedback',
  lead_assessment: 'signed lead assessment',
  revision_log: 'revision log',
  ab_test_result: 'A/B test result',
  client_testimonial: 'client testimonial',
  design_file: 'design file',
  document: 'document',
  link: 'link',
  note: 'note'
};

export const EVIDENCE_KINDS = Object.keys(EVIDENCE_LABELS) as EvidenceKind[];

export const ROLE_KIND_LABELS: Record<RoleKind, string> = {
  technical: 'Technical',
  creative: 'Creative',
  other: 'Other'
};

/** "2× code sample". */
export function evidenceChip(req: EvidenceRequirement): string {
  return `${req.count}× ${EVIDENCE_LABELS[req.kind]}`;
}

export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

/** The editor's version badge: "Draft", "Draft · based on v2", "Published v2". */
export function versionLabel(v: VersionInfo): string {
  if (v.status === 'published') return `Published v${v.number}`;
  return v.basedOn == null ? 'Draft' : `Draft · based on v${v.basedOn}`;
}

export function versionTone(v: VersionInfo): Tone {
  return v.status === 'published' ? 'success' : 'warning';
}

/** Short name of a version in lists: "v2" or "Draft". */
export function versionShort(v: VersionInfo): string {
  return v.status === 'published' ? `v${v.number}` : 'Draft';
}

/** A role's status in the roles table. */
export function roleStatus(r: RoleSummary): { label: string; tone: Tone } {
  if (r.publishedVersion == null) return { label: 'Draft', tone: 'warning' };
  if (r.hasDraft) return { label: `Published v${r.publishedVersion} · draft changes`, tone: 'info' };
  return { label: `Published v${r.publishedVersion}`, tone: 'success' };
}

export function cellAt(content: LadderContent, levelKey: string, domainKey: string): Cell | undefined {
  return content.cells.find((c) => c.levelKey === levelKey && c.domainKey === domainKey);
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.outcomes.length > 0 || cell.evidence.length > 0);
}

/** How many cells with content removing this level or domain would delete. */
export function filledCellsIn(content: LadderContent, axis: 'level' | 'domain', key: string): number {
  return content.cells.filter(
    (c) => hasContent(c) && (axis === 'level' ? c.levelKey : c.domainKey) === key
  ).length;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "New level", then "New level 2", "New level 3"… whichever is free (names compare without case). */
export function uniqueName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.trim().toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} ${i}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** The header added by an edit: the one in `after` whose key `before` didn't have. */
export function addedHeader(before: readonly Level[], after: readonly Level[]): Level | undefined {
  const keys = new Set(before.map((l) => l.key));
  return after.find((l) => !keys.has(l.key));
}

export function sameContent(a: LadderContent, b: LadderContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A file name for exporting a role's ladder. */
export function exportFileName(roleName: string): string {
  const slug = roleName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'ladder'}.json`;
}

/** Dates as the user's locale writes them. Stored as UTC RFC 3339 text. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
