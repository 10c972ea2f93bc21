// The only module that opens native file dialogs. Each function returns the chosen path, or null
// when the user cancels.
import { open, save, type DialogFilter } from '@tauri-apps/plugin-dialog';

/**
 * E2E seam: end-to-end tests cannot drive native dialogs, so a test pushes the answers it wants
 * into `window.__guildbookDialogStub` (a path, or null for "cancelled"; for pickEvidenceFiles also
 * an array of paths); each dialog call takes the next one instead of opening a native dialog.
 */
async function answer(native: () => Promise<string | string[] | null>): Promise<string | null> {
  const stub = (window as any).__guildbookDialogStub as (string | null)[] | undefined;
  if (stub && stub.length) return stub.shift() ?? null;
  const picked = await native();
  return Array.isArray(picked) ? (picked[0] ?? null) : picked;
}

function openFile(title: string, filter: DialogFilter): Promise<string | null> {
  return answer(() => open({ multiple: false, directory: false, title, filters: [filter] }));
}

export function pickFolder(title: string): Promise<string | null> {
  return answer(() => open({ directory: true, multiple: false, title }));
}

export function pickLadderFile(): Promise<string | null> {
  return openFile('Import a ladder', { name: 'Ladder', extensions: ['json'] });
}

export function pickSaveFile(defaultPath: string): Promise<string | null> {
  return answer(() =>
    save({ title: 'Export the ladder', defaultPath, filters: [{ name: 'Ladder', extensions: ['json'] }] })
  );
}

export function pickCsvFile(): Promise<string | null> {
  return openFile('Import contractors from a CSV file', { name: 'CSV', extensions: ['csv', 'txt'] });
}

/**
 * Evidence files to add: every chosen path, or null when cancelled. A stub entry may be an array
 * of paths or a single path (null: cancelled).
 */
export async function pickEvidenceFiles(): Promise<string[] | null> {
  const stub = (window as any).__guildbookDialogStub as (string | string[] | null)[] | undefined;
  let picked: string | string[] | null;
  if (stub && stub.length) picked = stub.shift() ?? null;
  else picked = await open({ multiple: true, directory: false, title: 'Add evidence files' });
  if (picked === null) return null;
  const paths = Array.isArray(picked) ? picked : [picked];
  return paths.length ? paths : null;
}

/** One file: the new version of an evidence item (a stub entry is a path, or null: cancelled). */
export function pickVersionFile(title: string): Promise<string | null> {
  return answer(() => open({ multiple: false, directory: false, title }));
}

/** Where to write an assessment for its assessor to sign elsewhere. */
export function pickAssessmentExport(defaultPath: string): Promise<string | null> {
  return answer(() =>
    save({ title: 'Export the assessment for signing', defaultPath, filters: [{ name: 'Assessment', extensions: ['json'] }] })
  );
}

/** An assessment file signed by its assessor, to take back. */
export function pickAssessmentFile(): Promise<string | null> {
  return openFile('Import a signed assessment', { name: 'Assessment', extensions: ['json'] });
}

/** A badge image to upload: PNG or SVG. */
export function pickBadgeImage(): Promise<string | null> {
  return openFile('Choose a badge image', { name: 'Badge image', extensions: ['png', 'svg'] });
}

/** The issuer's logo for badges and printed documents: PNG, JPEG or SVG. */
export function pickLogoImage(): Promise<string | null> {
  return openFile('Choose a logo', { name: 'Logo', extensions: ['png', 'jpg', 'jpeg', 'svg'] });
}

/** Where to save a printed document (a certificate, a career-path guide). */
export function pickPdfSave(title: string, defaultPath: string): Promise<string | null> {
  return answer(() => save({ title, defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] }));
}

/** Where to write a batch of certificates as one ZIP file. */
export function pickZipSave(defaultPath: string): Promise<string | null> {
  return answer(() =>
    save({ title: 'Save the certificates as a ZIP file', defaultPath, filters: [{ name: 'ZIP', extensions: ['zip'] }] })
  );
}

/** Where to save an exported badge. */
export function pickBadgeSave(defaultPath: string, extension: string): Promise<string | null> {
  return answer(() =>
    save({ title: 'Export the badge', defaultPath, filters: [{ name: 'Open Badge', extensions: [extension] }] })
  );
}

/** A badge to check: a baked PNG or SVG, or the credential as JSON or a JWT. */
export function pickBadgeToVerify(): Promise<string | null> {
  return openFile('Verify a badge', { name: 'Open Badge', extensions: ['png', 'svg', 'json', 'jwt'] });
}

/** Where to save a JSON file for others (public keys, the revocation list). */
export function pickJsonSave(title: string, defaultPath: string): Promise<string | null> {
  return answer(() => save({ title, defaultPath, filters: [{ name: 'JSON', extensions: ['json'] }] }));
}
