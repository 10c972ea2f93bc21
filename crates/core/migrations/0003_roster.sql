-- The contractor roster: people, the level they hold in each role (with its history), their
-- engagements (contracts) and the pay band of each role level.

CREATE TABLE contractor (
  id          TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL,
  email       TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  location    TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'archived')),
  tags        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
-- An email, when given, names one person.
CREATE UNIQUE INDEX contractor_email ON contractor (email COLLATE NOCASE) WHERE email <> '';
CREATE INDEX contractor_name ON contractor (name COLLATE NOCASE);

-- Full-text search over the roster (names, email, location, tags, notes), accent-insensitive.
CREATE VIRTUAL TABLE contractor_fts USING fts5 (
  name, email, location, tags, notes,
  content = 'contractor', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER contractor_fts_insert AFTER INSERT ON contractor BEGIN
  INSERT INTO contractor_fts (rowid, name, email, location, tags, notes)
  VALUES (NEW.rowid, NEW.name, NEW.email, NEW.location, NEW.tags, NEW.notes);
END;
CREATE TRIGGER contractor_fts_delete AFTER DELETE ON contractor BEGIN
  INSERT INTO contractor_fts (contractor_fts, rowid, name, email, location, tags, notes)
  VALUES ('delete', OLD.rowid, OLD.name, OLD.email, OLD.location, OLD.tags, OLD.notes);
END;
CREATE TRIGGER contractor_fts_update AFTER UPDATE ON contractor BEGIN
  INSERT INTO contractor_fts (contractor_fts, rowid, name, email, location, tags, notes)
  VALUES ('delete', OLD.rowid, OLD.name, OLD.email, OLD.location, OLD.tags, OLD.notes);
  INSERT INTO contractor_fts (rowid, name, email, location, tags, notes)
  VALUES (NEW.rowid, NEW.name, NEW.email, NEW.location, NEW.tags, NEW.notes);
END;

-- Level history per role: the newest row (by effective date, then record time) is the current level.
-- `level_key` is the ladder's stable level key, so a renamed level keeps its holders.
CREATE TABLE contractor_level (
  id            TEXT PRIMARY KEY NOT NULL,
  contractor_id TEXT NOT NULL REFERENCES contractor (id),
  role_id       TEXT NOT NULL REFERENCES role (id),
  level_key     TEXT NOT NULL,
  effective_on  TEXT NOT NULL,   -- YYYY-MM-DD
  reason        TEXT NOT NULL DEFAULT '',
  recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX contractor_level_by_person ON contractor_level (contractor_id, role_id, effective_on, recorded_at);
CREATE INDEX contractor_level_by_role ON contractor_level (role_id, level_key);

CREATE TABLE engagement (
  id                  TEXT PRIMARY KEY NOT NULL,
  contractor_id       TEXT NOT NULL REFERENCES contractor (id),
  role_id             TEXT REFERENCES role (id),
  client              TEXT NOT NULL,
  project             TEXT NOT NULL DEFAULT '',
  start_on            TEXT NOT NULL,   -- YYYY-MM-DD
  end_on              TEXT,            -- YYYY-MM-DD; open-ended when NULL
  renewal_window_days INTEGER NOT NULL DEFAULT 30 CHECK (renewal_window_days BETWEEN 0 AND 365),
  rate_minor          INTEGER NOT NULL CHECK (rate_minor >= 0),
  currency            TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  rate_unit           TEXT NOT NULL CHECK (rate_unit IN ('hour', 'day', 'month', 'fixed')),
  hours_per_week      INTEGER CHECK (hours_per_week BETWEEN 0 AND 168),
  outcome             TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'renewed', 'ended')),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK (end_on IS NULL OR end_on >= start_on)
) STRICT;
CREATE INDEX engagement_by_person ON engagement (contractor_id, start_on);
CREATE INDEX engagement_by_end ON engagement (end_on);

-- Pay tiers: one rate band per role level (and currency and unit).
CREATE TABLE pay_band (
  role_id    TEXT NOT NULL REFERENCES role (id),
  level_key  TEXT NOT NULL,
  currency   TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  rate_unit  TEXT NOT NULL CHECK (rate_unit IN ('hour', 'day', 'month', 'fixed')),
  min_minor  INTEGER NOT NULL CHECK (min_minor >= 0),
  max_minor  INTEGER NOT NULL,
  PRIMARY KEY (role_id, level_key, currency, rate_unit),
  CHECK (max_minor >= min_minor)
) STRICT;

-- The current level of each person in each role: their newest level change.
CREATE VIEW contractor_current_level AS
SELECT l.* FROM contractor_level l
WHERE NOT EXISTS (
  SELECT 1 FROM contractor_level n
  WHERE n.contractor_id = l.contractor_id AND n.role_id = l.role_id
    AND (n.effective_on, n.recorded_at, n.id) > (l.effective_on, l.recorded_at, l.id)
);

-- The name of each level key of a role, from the newest version that has it (the draft first).
CREATE VIEW role_level_name AS
SELECT v.role_id, x.key AS level_key, x.name, x.position
FROM ladder_level x JOIN ladder_version v ON v.id = x.version_id
WHERE v.id = (
  SELECT w.id FROM ladder_version w JOIN ladder_level y ON y.version_id = w.id AND y.key = x.key
  WHERE w.role_id = v.role_id
  ORDER BY w.status = 'draft' DESC, w.number DESC LIMIT 1
);
