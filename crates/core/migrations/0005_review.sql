-- Visual portfolio review: regions drawn on an artifact with a comment tied to a rubric cell,
-- review decisions (kept as a history; the newest is the current one) and live critique sessions.

-- Coordinates are fractions (0–1) of the image or PDF page, so they hold at every zoom level.
-- A pin is a point: width and height 0.
CREATE TABLE annotation (
  id          TEXT PRIMARY KEY NOT NULL,
  evidence_id TEXT NOT NULL REFERENCES evidence (id),
  page        INTEGER NOT NULL DEFAULT 1 CHECK (page >= 1),
  shape       TEXT NOT NULL CHECK (shape IN ('rect', 'pin')),
  x           REAL NOT NULL CHECK (x >= 0 AND x <= 1),
  y           REAL NOT NULL CHECK (y >= 0 AND y <= 1),
  w           REAL NOT NULL CHECK (w >= 0 AND x + w <= 1.000001),
  h           REAL NOT NULL CHECK (h >= 0 AND y + h <= 1.000001),
  comment     TEXT NOT NULL,
  role_id     TEXT REFERENCES role (id),
  version_id  TEXT REFERENCES ladder_version (id),
  level_key   TEXT,
  domain_key  TEXT,
  author      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK ((role_id IS NULL) = (level_key IS NULL) AND (level_key IS NULL) = (domain_key IS NULL)
         AND (domain_key IS NULL) = (version_id IS NULL)),
  CHECK (shape = 'rect' OR (w = 0 AND h = 0))
) STRICT;
CREATE INDEX annotation_by_evidence ON annotation (evidence_id, page);

CREATE TABLE review_decision (
  id          TEXT PRIMARY KEY NOT NULL,
  evidence_id TEXT NOT NULL REFERENCES evidence (id),
  decision    TEXT NOT NULL CHECK (decision IN ('approved', 'changes_requested')),
  reason      TEXT NOT NULL,
  reviewer    TEXT NOT NULL,
  decided_at  TEXT NOT NULL
) STRICT;
CREATE INDEX review_decision_by_evidence ON review_decision (evidence_id, decided_at);

CREATE TABLE critique_session (
  id            TEXT PRIMARY KEY NOT NULL,
  contractor_id TEXT NOT NULL REFERENCES contractor (id),
  held_on       TEXT NOT NULL,   -- YYYY-MM-DD; may be ahead (scheduled)
  attendees     TEXT NOT NULL,   -- JSON array of names
  notes         TEXT NOT NULL DEFAULT '',
  outcome       TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX critique_by_person ON critique_session (contractor_id, held_on);

-- The artifacts discussed (all versions of an artifact share its id).
CREATE TABLE critique_artifact (
  session_id  TEXT NOT NULL REFERENCES critique_session (id) ON DELETE CASCADE,
  artifact_id TEXT NOT NULL,
  PRIMARY KEY (session_id, artifact_id)
) STRICT;
