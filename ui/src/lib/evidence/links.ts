// Links between an artifact and ladder cells, over all of its versions. The core links one version
// (an evidence row) to a cell and counts an artifact once per cell, whichever version was linked;
// so the UI reads the links of every version, unlinks them all, and carries them to a new version.
import { api, type Evidence, type Ladder, type RubricCell } from '$lib/api';
import { cellsByVersion, mergeLinks } from './cells';

/** Every version of the item's artifact, newest first (just the item itself when it is v1). */
export async function versionsOf(e: Evidence): Promise<Evidence[]> {
  if (e.revision <= 1) return [e];
  const list = await api.revisions(e.artifactId);
  return list.length ? [...list].sort((a, b) => b.revision - a.revision) : [e];
}

/** The cells the artifact is linked to, through any of its versions. */
export async function artifactLinks(e: Evidence): Promise<RubricCell[]> {
  const versions = await versionsOf(e);
  return mergeLinks(await Promise.all(versions.map((v) => api.evidenceRubric(v.id))));
}

/** Unlinks every version of the artifact from the cells of one role. */
export async function unlinkArtifact(e: Evidence, roleId: string, cells: [string, string][]): Promise<void> {
  if (cells.length === 0) return;
  const versions = await versionsOf(e);
  for (const v of versions) {
    for (const [level, domain] of cells) await api.unlinkEvidence(v.id, roleId, level, domain);
  }
}

/** Links a new version to the cells its artifact was already linked to. */
export async function carryLinks(links: readonly RubricCell[], evidenceId: string): Promise<void> {
  for (const [versionId, cells] of cellsByVersion(links)) await api.linkEvidence(evidenceId, versionId, cells);
}

/** The newest published version of a role whose current ladder is a draft (null otherwise). */
export async function publishedOf(shown: Ladder): Promise<Ladder | null> {
  if (shown.version.status === 'published' || shown.role.publishedVersion == null) return null;
  const versions = await api.ladderVersions(shown.role.id);
  const v = versions.find((x) => x.status === 'published' && x.number === shown.role.publishedVersion);
  return v ? api.ladderVersion(v.id) : null;
}
