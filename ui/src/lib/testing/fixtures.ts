import type { Award, Evidence, RatingScale } from '$lib/api';

/** Records for unit tests, whole and plausible; a test names only the fields it is about. */

/** A stored image, version 1 of artifact `a`. */
export const evidence = (e: Partial<Evidence> = {}): Evidence => ({
  id: 'e',
  contractorId: 'c',
  kind: 'design_file',
  title: 'T',
  description: '',
  file: { sha256: 'x', size: 1, mediaType: 'image/png', name: 'a.png' },
  url: null,
  impact: null,
  artifactId: 'a',
  revision: 1,
  changeNote: '',
  createdAt: '2026-01-05T10:00:00Z',
  ...e
});

/** The scale a ladder has unless it sets its own. */
export const defaultScale = (): RatingScale => ({ ratings: ['not yet', 'meets', 'exceeds'], meetsFrom: 1 });

/** An active award by hand, with no expiry: Elif's backend credential. */
export const award = (a: Partial<Award> = {}): Award => ({
  id: 'a1',
  credentialId: 'c1',
  credentialName: 'Backend engineer — Lead',
  contractorId: 'p1',
  contractorName: 'Elif Demir',
  assessmentId: null,
  reason: '',
  awardedBy: 'Ana Ruiz',
  issuedOn: '2026-01-05',
  expiresOn: null,
  status: 'active',
  revokedAt: null,
  revokedBy: null,
  revokedReason: null,
  renewsId: null,
  renewedById: null,
  statusIndex: 0,
  ...a
});
