-- Roles and their career ladders. A ladder is versioned: at most one draft per role, and published
-- versions that never change (enforced by the triggers below, not only by the code).

CREATE TABLE role (
  id          TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL CHECK (kind IN ('technical', 'creative', 'other')),
  pilot       INTEGER NOT NULL DEFAULT 0 CHECK (pilot IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  archived_at TEXT
) STRICT;
-- Two active roles may not share a name (case-insensitive); archived ones keep theirs.
CREATE UNIQUE INDEX role_active_name ON role (name COLLATE NOCASE) WHERE archived_at IS NULL;

-- Related roles: where a contractor can move sideways. Stored once per pair, smaller id first.
CREATE TABLE role_relation (
  role_a TEXT NOT NULL REFERENCES role (id),
  role_b TEXT NOT NULL REFERENCES role (id),
  PRIMARY KEY (role_a, role_b),
  CHECK (role_a < role_b)
) STRICT;

CREATE TABLE ladder_version (
  id           TEXT PRIMARY KEY NOT NULL,
  role_id      TEXT NOT NULL REFERENCES role (id),
  status       TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  number       INTEGER,            -- 1, 2, 3 ... once published; NULL while a draft
  based_on     INTEGER,            -- the published number a draft started from
  created_at   TEXT NOT NULL,
  published_at TEXT,
  CHECK ((status = 'draft') = (number IS NULL))
) STRICT;
CREATE UNIQUE INDEX ladder_one_draft ON ladder_version (role_id) WHERE status = 'draft';
CREATE UNIQUE INDEX ladder_number ON ladder_version (role_id, number) WHERE number IS NOT NULL;

-- Levels and domains carry a stable `key` across versions so that diffs and later references
-- (assessments, credentials) can follow a renamed level.
CREATE TABLE ladder_level (
  version_id  TEXT NOT NULL REFERENCES ladder_version (id),
  key         TEXT NOT NULL,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (version_id, key)
) STRICT;

CREATE TABLE ladder_domain (
  version_id  TEXT NOT NULL REFERENCES ladder_version (id),
  key         TEXT NOT NULL,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (version_id, key)
) STRICT;

-- A cell: observable outcomes (JSON array of text) and evidence requirements
-- (JSON array of {kind, count, note}).
CREATE TABLE ladder_cell (
  version_id TEXT NOT NULL,
  level_key  TEXT NOT NULL,
  domain_key TEXT NOT NULL,
  outcomes   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(outcomes)),
  evidence   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence)),
  PRIMARY KEY (version_id, level_key, domain_key),
  FOREIGN KEY (version_id, level_key) REFERENCES ladder_level (version_id, key),
  FOREIGN KEY (version_id, domain_key) REFERENCES ladder_domain (version_id, key)
) STRICT;

-- Published versions are read-only, whatever the code above does.
CREATE TRIGGER ladder_version_frozen BEFORE UPDATE ON ladder_version
WHEN OLD.status = 'published'
BEGIN SELECT RAISE(ABORT, 'published ladder version is read-only'); END;

CREATE TRIGGER ladder_version_undeletable BEFORE DELETE ON ladder_version
WHEN OLD.status = 'published'
BEGIN SELECT RAISE(ABORT, 'published ladder version is read-only'); END;

CREATE TRIGGER ladder_level_frozen_insert BEFORE INSERT ON ladder_level
WHEN (SELECT status FROM ladder_version WHERE id = NEW.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published ladder version is read-only'); END;

CREATE TRIGGER ladder_level_frozen_update BEFORE UPDATE ON ladder_level
WHEN (SELECT status FROM ladder_version WHERE id = OLD.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published ladder version is read-only'); END;

CREATE TRIGGER ladder_level_frozen_delete BEFORE DELETE ON ladder_level
WHEN (SELECT status FROM ladder_version WHERE id = OLD.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published ladder version is read-only'); END;

CREATE TRIGGER ladder_domain_frozen_insert BEFORE INSERT ON ladder_domain
WHEN (SELECT status FROM ladder_version WHERE id = NEW.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published ladder version is read-only'); END;

CREATE TRIGGER ladder_domain_frozen_update BEFORE UPDATE ON ladder_domain
WHEN (SELECT status FROM ladder_version WHERE id = OLD.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published ladder version is read-only'); END;

CREATE TRIGGER ladder_domain_frozen_delete BEFORE DELETE ON ladder_domain
WHEN (SELECT status FROM ladder_version WHERE id = OLD.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published ladder version is read-only'); END;

CREATE TRIGGER ladder_cell_frozen_insert BEFORE INSERT ON ladder_cell
WHEN (SELECT status FROM ladder_version WHERE id = NEW.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published ladder version is read-only'); END;

CREATE TRIGGER ladder_cell_frozen_update BEFORE UPDATE ON ladder_cell
WHEN (SELECT status FROM ladder_version WHERE id = OLD.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published ladder version is read-only'); END;

CREATE TRIGGER ladder_cell_frozen_delete BEFORE DELETE ON ladder_cell
WHEN (SELECT status FROM ladder_version WHERE id = OLD.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published ladder version is read-only'); END;
