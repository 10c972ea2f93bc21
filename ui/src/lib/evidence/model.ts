// Pure helpers for the Evidence tab: the words on a card, what a file looks like before it is
// opened, and what the vault check reports. No Svelte, no IPC: tested in model.test.ts.
import type { Evidence, EvidenceInput, EvidenceKind, Impact, VaultReport } from '$lib/api';
import { EVIDENCE_LABELS } from '$lib/ladder/model';
import { userLocale } from '$lib/roster/locale';

/** "Client testimonial": the ladder's words for the kind, as a label. */
export function kindLabel(kind: EvidenceKind): string {
  const words = EVIDENCE_LABELS[kind] ?? String(kind);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The kinds typed in rather than added as files, in the order the dialog offers them. */
export const ENTRY_KINDS = ['link', 'client_testimonial', 'note', 'client_feedback'] as const satisfies readonly EvidenceKind[];
export type EntryKind = (typeof ENTRY_KINDS)[number];

const THUMBNAIL_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf']);

/** Files the vault can draw a thumbnail of: images, and PDFs (their first page). */
export function isPreviewable(mediaType: string): boolean {
  return THUMBNAIL_TYPES.has(mediaType.toLowerCase().split(';')[0].trim());
}

/** The word on a file's tile: "PDF", "Document", "Spreadsheet"…, else the file's extension. */
export function fileTile(mediaType: string, name = ''): string {
  const t = mediaType.toLowerCase().split(';')[0].trim();
  if (t === 'application/pdf') return 'PDF';
  if (/wordprocessing|msword|opendocument\.text|rtf/.test(t)) return 'Document';
  if (/spreadsheet|ms-excel|text\/csv/.test(t)) return 'Spreadsheet';
  if (/presentation|powerpoint/.test(t)) return 'Slides';
  if (/zip|x-tar|gzip|x-7z|x-rar/.test(t)) return 'Archive';
  if (t.startsWith('image/')) return 'Image';
  if (t.startsWith('video/')) return 'Video';
  if (t.startsWith('audio/')) return 'Audio';
  if (t.startsWith('text/')) return 'Text';
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name.trim());
  return ext ? ext[1].toUpperCase() : 'File';
}

/** "https://www.example.com/a?b" → "example.com"; text that is no web address stays as it is. */
export function urlHost(url: string): string {
  const text = url.trim();
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`).hostname;
    return host.replace(/^www\./i, '') || text;
  } catch {
    return text;
  }
}

function formatNumber(n: number, locale: string | undefined): string {
  return n.toLocaleString(locale, { maximumFractionDigits: 2 });
}

/** "Conversion rate: 2.1 → 3.4". */
export function impactLine(impact: Impact, locale = userLocale()): string {
  const change = `${formatNumber(impact.before, locale)} → ${formatNumber(impact.after, locale)}`;
  return impact.metric.trim() ? `${impact.metric.trim()}: ${change}` : change;
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** Newest first (the latest revision of an artifact leads on ties). */
export function newestFirst(items: readonly Evidence[]): Evidence[] {
  return [...items].sort((a, b) => time(b.createdAt) - time(a.createdAt) || b.revision - a.revision);
}

/**
 * One item per artifact, its newest version (v3 stands for v1 and v2), newest first: an artifact
 * revised today comes to the top.
 */
export function newestVersions(items: readonly Evidence[]): Evidence[] {
  const newest = new Map<string, Evidence>();
  for (const e of items) {
    const seen = newest.get(e.artifactId);
    if (!seen || e.revision > seen.revision) newest.set(e.artifactId, e);
  }
  return newestFirst([...newest.values()]);
}

/** An instant from the core, as a day in the user's locale; text that is no date as it is. */
export function formatAdded(iso: string, locale = userLocale()): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toLocaleDateString(locale, { dateStyle: 'medium' });
}

/** "Added 2 files". */
export function addedMessage(n: number): string {
  return n === 1 ? 'Added 1 file' : `Added ${n} files`;
}

/** "Added 2 files and linked them to Craft × Designer": files dropped on a ladder cell. */
export function droppedMessage(n: number, cell: string): string {
  return n === 1 ? `Added 1 file and linked it to ${cell}` : `Added ${n} files and linked them to ${cell}`;
}

/** "v3" */
export function versionTag(revision: number): string {
  return `v${revision}`;
}

/** "C:\work\poster v2.png" or "/home/a/poster v2.png" → "poster v2.png". */
export function pathName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/** A new version to add: the chosen file and what changed, or what to fix. */
export function versionInput(
  picked: string | null,
  note: string
): { input: { picked: string; note: string } } | { errors: { file?: string } } {
  if (!picked) return { errors: { file: 'Choose the file of the new version.' } };
  return { input: { picked, note: note.trim() } };
}

/** The vault check in words: ok, or every problem on its own line. */
export function vaultMessage(report: VaultReport): { ok: boolean; message: string } {
  if (report.problems.length === 0) {
    const message =
      report.checked === 0
        ? 'The vault holds no files yet'
        : report.checked === 1
          ? 'The 1 file is intact'
          : `All ${report.checked} files are intact`;
    return { ok: true, message };
  }
  const lines = report.problems.map((p) => {
    const what = p.usedBy.length ? p.usedBy.join(', ') : `a file (${p.sha256.slice(0, 12)}…)`;
    return `${p.kind === 'missing' ? 'Missing' : 'Altered'}: ${what}`;
  });
  const n = report.problems.length;
  const head = `${n} of ${report.checked} ${report.checked === 1 ? 'file has' : 'files have'} a problem. Restore ${n === 1 ? 'it' : 'them'} from a backup, or add the evidence again.`;
  return { ok: false, message: [head, ...lines].join('\n') };
}

/** What the entry dialog holds, as typed. */
export interface EntryFields {
  kind: EntryKind;
  title: string;
  url: string;
  metric: string;
  before: string;
  after: string;
  description: string;
}

export type EntryErrors = Partial<Record<'title' | 'url' | 'metric' | 'before' | 'after', string>>;

function parseNumber(s: string): number | null {
  let t = s.trim().replace(/\s/g, '');
  if (!t) return null;
  if (!t.includes('.')) t = t.replace(',', '.');
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Checks what was typed and builds the input for the core, or says what to fix. */
export function entryInput(f: EntryFields): { input: EvidenceInput } | { errors: EntryErrors } {
  const errors: EntryErrors = {};
  const title = f.title.trim();
  if (!title) errors.title = 'Give it a title people will recognise.';
  let url: string | null = null;
  if (f.kind === 'link') {
    url = f.url.trim();
    if (!url) errors.url = 'Paste the address of the page.';
  }
  let impact: Impact | null = null;
  if (f.kind === 'client_testimonial') {
    const before = parseNumber(f.before);
    const after = parseNumber(f.after);
    if (!f.metric.trim()) errors.metric = 'Name what was measured, like “Conversion rate”.';
    if (before === null) errors.before = 'Write the number before, like 2.1.';
    if (after === null) errors.after = 'Write the number after, like 3.4.';
    if (before !== null && after !== null) impact = { metric: f.metric.trim(), before, after };
  }
  if (Object.keys(errors).length) return { errors };
  return { input: { kind: f.kind, title, description: f.description.trim(), url, impact } };
}

/** Whether a drag position (physical pixels) is inside an element's box (CSS pixels). */
export function inside(
  pos: { x: number; y: number },
  box: { left: number; top: number; right: number; bottom: number },
  scale: number
): boolean {
  const x = pos.x / (scale || 1);
  const y = pos.y / (scale || 1);
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}
