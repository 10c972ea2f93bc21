-- Progression and reviews at contract renewal.

-- Per role: what advancing takes, and how long before an engagement ends its review is due.
CREATE TABLE advancement_rule (
  role_id          TEXT PRIMARY KEY NOT NULL REFERENCES role (id),
  min_domains      INTEGER CHECK (min_domains IS NULL OR min_domains >= 1),   -- NULL: every domain
  require_evidence INTEGER NOT NULL DEFAULT 1 CHECK (require_evidence IN (0, 1)),
  review_lead_days INTEGER NOT NULL DEFAULT 30 CHECK (review_lead_days BETWEEN 0 AND 365)
) STRICT;

-- What was decided from a signed assessment, by whom and when.
CREATE TABLE progression_decision (
  id            TEXT PRIMARY KEY NOT NULL,
  assessment_id TEXT NOT NULL UNIQUE REFERENCES assessment (id),
  outcome       TEXT NOT NULL CHECK (outcome IN ('advance', 'hold', 'not_yet')),
  decided_by    TEXT NOT NULL,
  decided_at    TEXT NOT NULL,
  from_level    TEXT,
  to_level      TEXT
) STRICT;

-- The assessment a renewal review of an engagement started.
CREATE TABLE engagement_review (
  engagement_id TEXT PRIMARY KEY NOT NULL REFERENCES engagement (id),
  assessment_id TEXT NOT NULL REFERENCES assessment (id)
) STRICT;
CREATE INDEX engagement_review_by_assessment ON engagement_review (assessment_id);
