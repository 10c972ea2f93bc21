-- Evidence and the vault. Files live in the workspace's vault/ folder under their SHA-256 and are
-- recorded once here, however many evidence items use them.

CREATE TABLE vault_file (
  sha256     TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
  size       INTEGER NOT NULL CHECK (size > 0),
  media_type TEXT NOT NULL,
  added_at   TEXT NOT NULL
) STRICT;

-- An evidence item. Versions of one artifact share `artifact_id` and count up in `revision`.
CREATE TABLE evidence (
  id            TEXT PRIMARY KEY NOT NULL,
  contractor_id TEXT NOT NULL REFERENCES contractor (id),
  kind          TEXT NOT NULL CHECK (kind IN ('code_sample', 'release_note', 'client_feedback', 'lead_assessment',
                  'revision_log', 'ab_test_result', 'client_testimonial', 'design_file', 'document', 'link', 'note')),
  title         TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  file_sha256   TEXT REFERENCES vault_file (sha256),
  file_name     TEXT,            -- the name it came in under, cleaned for display only
  url           TEXT,
  metric        TEXT,            -- client testimonial: what was measured …
  metric_before REAL,            -- … before and after
  metric_after  REAL,
  artifact_id   TEXT NOT NULL,
  revision      INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  change_note   TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  UNIQUE (artifact_id, revision)
) STRICT;
CREATE INDEX evidence_by_person ON evidence (contractor_id, created_at);
CREATE INDEX evidence_by_file ON evidence (file_sha256);

-- Which ladder cells an evidence item supports. Keys are the ladder's stable level and domain
-- keys, so a link made against one version still counts in the next; `version_id` records the
-- version the person was looking at.
CREATE TABLE evidence_cell (
  evidence_id TEXT NOT NULL REFERENCES evidence (id),
  role_id     TEXT NOT NULL REFERENCES role (id),
  version_id  TEXT NOT NULL REFERENCES ladder_version (id),
  level_key   TEXT NOT NULL,
  domain_key  TEXT NOT NULL,
  PRIMARY KEY (evidence_id, role_id, level_key, domain_key)
) STRICT;
CREATE INDEX evidence_cell_by_cell ON evidence_cell (role_id, level_key, domain_key);
