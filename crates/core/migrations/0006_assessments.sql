-- Assessments: a contractor assessed against the cells of one level of a ladder
-- version, paid, rated per cell, and signed by the assessor with an Ed25519 key.

-- People who assess. Their private keys never enter the workspace: each lives on the assessor's
-- own machine (or, for an external lead, wherever they keep it). Only public keys are kept here.
CREATE TABLE assessor (
  id         TEXT PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL,
  email      TEXT NOT NULL DEFAULT '',
  public_key TEXT NOT NULL UNIQUE,   -- base64 of the 32-byte Ed25519 public key
  external   INTEGER NOT NULL DEFAULT 0 CHECK (external IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE assessment (
  id               TEXT PRIMARY KEY NOT NULL,
  contractor_id    TEXT NOT NULL REFERENCES contractor (id),
  role_id          TEXT NOT NULL REFERENCES role (id),
  version_id       TEXT NOT NULL REFERENCES ladder_version (id),
  level_key        TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('portfolio_review', 'paid_task', 'live_critique', 'shadowing_checkpoint')),
  assessor_id      TEXT NOT NULL REFERENCES assessor (id),
  starts_on        TEXT NOT NULL,
  due_on           TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'planned'
                     CHECK (status IN ('planned', 'in_progress', 'submitted', 'signed', 'closed')),
  -- Paid: a stipend, or integrated into billable work on an engagement.
  pay_kind         TEXT NOT NULL CHECK (pay_kind IN ('stipend', 'billable')),
  stipend_minor    INTEGER CHECK (stipend_minor >= 0),
  stipend_currency TEXT CHECK (stipend_currency IS NULL OR (length(stipend_currency) = 3 AND stipend_currency = upper(stipend_currency))),
  paid_on          TEXT,
  engagement_id    TEXT REFERENCES engagement (id),
  summary          TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  -- Sign-off: the exact canonical content signed, the signature and the key that made it.
  signed_content   TEXT,
  signature        TEXT,
  signer_key       TEXT,
  signed_at        TEXT,
  CHECK (due_on >= starts_on),
  CHECK ((pay_kind = 'stipend') = (stipend_minor IS NOT NULL AND stipend_currency IS NOT NULL)),
  CHECK (pay_kind = 'stipend' OR engagement_id IS NOT NULL),
  CHECK ((status IN ('signed', 'closed')) = (signature IS NOT NULL))
) STRICT;
CREATE INDEX assessment_by_person ON assessment (contractor_id, starts_on);
CREATE INDEX assessment_by_status ON assessment (status, due_on);

-- Per rubric cell: the self-rating, the assessor's rating (words of the ladder's scale) and a comment.
CREATE TABLE assessment_cell (
  assessment_id   TEXT NOT NULL REFERENCES assessment (id),
  domain_key      TEXT NOT NULL,
  self_rating     TEXT,
  assessor_rating TEXT,
  comment         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assessment_id, domain_key)
) STRICT;

-- Evidence attached to a cell of an assessment.
CREATE TABLE assessment_evidence (
  assessment_id TEXT NOT NULL REFERENCES assessment (id),
  domain_key    TEXT NOT NULL,
  evidence_id   TEXT NOT NULL REFERENCES evidence (id),
  PRIMARY KEY (assessment_id, domain_key, evidence_id)
) STRICT;

-- Once signed, an assessment's content is frozen by the database itself; only closing it remains.
CREATE TRIGGER assessment_signed_is_frozen BEFORE UPDATE ON assessment
WHEN OLD.status IN ('signed', 'closed')
  AND NOT (OLD.status = 'signed' AND NEW.status = 'closed'
           AND NEW.signed_content IS OLD.signed_content AND NEW.signature IS OLD.signature
           AND NEW.contractor_id IS OLD.contractor_id AND NEW.level_key IS OLD.level_key
           AND NEW.assessor_id IS OLD.assessor_id AND NEW.summary IS OLD.summary)
BEGIN
  SELECT RAISE(ABORT, 'A signed assessment cannot be changed.');
END;
CREATE TRIGGER assessment_signed_no_delete BEFORE DELETE ON assessment
WHEN OLD.status IN ('signed', 'closed')
BEGIN
  SELECT RAISE(ABORT, 'A signed assessment cannot be deleted.');
END;
CREATE TRIGGER assessment_cell_frozen_update BEFORE UPDATE ON assessment_cell
WHEN (SELECT status FROM assessment WHERE id = OLD.assessment_id) IN ('signed', 'closed')
BEGIN
  SELECT RAISE(ABORT, 'A signed assessment cannot be changed.');
END;
CREATE TRIGGER assessment_cell_frozen_insert BEFORE INSERT ON assessment_cell
WHEN (SELECT status FROM assessment WHERE id = NEW.assessment_id) IN ('signed', 'closed')
BEGIN
  SELECT RAISE(ABORT, 'A signed assessment cannot be changed.');
END;
CREATE TRIGGER assessment_cell_frozen_delete BEFORE DELETE ON assessment_cell
WHEN (SELECT status FROM assessment WHERE id = OLD.assessment_id) IN ('signed', 'closed')
BEGIN
  SELECT RAISE(ABORT, 'A signed assessment cannot be changed.');
END;
CREATE TRIGGER assessment_evidence_frozen_insert BEFORE INSERT ON assessment_evidence
WHEN (SELECT status FROM assessment WHERE id = NEW.assessment_id) IN ('signed', 'closed')
BEGIN
  SELECT RAISE(ABORT, 'A signed assessment cannot be changed.');
END;
CREATE TRIGGER assessment_evidence_frozen_delete BEFORE DELETE ON assessment_evidence
WHEN (SELECT status FROM assessment WHERE id = OLD.assessment_id) IN ('signed', 'closed')
BEGIN
  SELECT RAISE(ABORT, 'A signed assessment cannot be changed.');
END;

-- A ladder version that assessments were made against is never deleted (a draft discarded).
CREATE TRIGGER ladder_version_assessed BEFORE DELETE ON ladder_version
WHEN EXISTS (SELECT 1 FROM assessment WHERE version_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'This ladder version has assessments; it cannot be deleted.');
END;
