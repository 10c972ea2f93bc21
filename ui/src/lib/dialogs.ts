// The only module that asks for files. The native dialogs open on the Rust side (the page never
// sees or sends a path); each function returns the chosen files' token and names, or null when the
// person cancels.
import { api, type PickedFiles } from '$lib/api';

export type { PickedFiles };

export function pickFolder(purpose: 'newWorkspace' | 'openWorkspace' | 'certificatesFolder'): Promise<PickedFiles | null> {
  return api.pickFiles(purpose);
}

export function pickLadderFile(): Promise<PickedFiles | null> {
  return api.pickFiles('importLadder');
}

export function pickSaveFile(defaultName: string): Promise<PickedFiles | null> {
  return api.pickFiles('exportLadder', undefined, defaultName);
}

export function pickCsvFile(): Promise<PickedFiles | null> {
  return api.pickFiles('importContractors');
}

/** Evidence files to add (one or more). */
export function pickEvidenceFiles(): Promise<PickedFiles | null> {
  return api.pickFiles('addEvidence');
}

/** One file: the new version of an evidence item. */
export function pickVersionFile(title: string): Promise<PickedFiles | null> {
  return api.pickFiles('evidenceVersion', title);
}

/** Where to write an assessment for its assessor to sign elsewhere. */
export function pickAssessmentExport(defaultName: string): Promise<PickedFiles | null> {
  return api.pickFiles('exportAssessment', undefined, defaultName);
}

/** An assessment file signed by its assessor, to take back. */
export function pickAssessmentFile(): Promise<PickedFiles | null> {
  return api.pickFiles('importAssessment');
}

/** A badge image to upload: PNG or SVG. */
export function pickBadgeImage(): Promise<PickedFiles | null> {
  return api.pickFiles('badgeImage');
}

/** The issuer's logo for badges and printed documents: PNG, JPEG or SVG. */
export function pickLogoImage(): Promise<PickedFiles | null> {
  return api.pickFiles('logo');
}

/** Where to save a printed document (a certificate, a career-path guide). */
export function pickPdfSave(title: string, defaultName: string): Promise<PickedFiles | null> {
  return api.pickFiles('savePdf', title, defaultName);
}

/** Where to write a batch of certificates as one ZIP file. */
export function pickZipSave(defaultName: string): Promise<PickedFiles | null> {
  return api.pickFiles('certificatesZip', undefined, defaultName);
}

/** Where to save an exported badge. */
export function pickBadgeSave(defaultName: string): Promise<PickedFiles | null> {
  return api.pickFiles('exportBadge', undefined, defaultName);
}

/** A badge to check: a baked PNG or SVG, or the credential as JSON or a JWT. */
export function pickBadgeToVerify(): Promise<PickedFiles | null> {
  return api.pickFiles('verifyBadge');
}

/** Where to save a JSON file for others (public keys, the revocation list). */
export function pickJsonSave(title: string, defaultName: string): Promise<PickedFiles | null> {
  return api.pickFiles('saveJson', title, defaultName);
}

/** A CSV file of delivery events to import. */
export function pickEventsCsv(): Promise<PickedFiles | null> {
  return api.pickFiles('importEvents');
}
