import type { Evidence, RatingScale } from '$lib/api';

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
