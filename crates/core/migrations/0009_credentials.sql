-- Micro-credentials: definitions, awards, work areas that require them, and the
-- organisation as an issuer of Open Badges.

-- The organisation as it appears on badges and certificates. One row.
CREATE TABLE issuer_profile (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  name         TEXT NOT NULL,
  url          TEXT NOT NULL DEFAULT '',
  email        TEXT NOT NULL DEFAULT '',
  image_sha256 TEXT,                 -- a logo in the vault
  updated_at   TEXT NOT NULL
) STRICT;

-- The issuer's signing keys: public halves only (the private halves stay in the app's settings
-- folder). Retired keys are kept so that badges signed with them still verify.
CREATE TABLE issuer_key (
  id             TEXT PRIMARY KEY NOT NULL,
  ed25519_public TEXT NOT NULL,      -- base64, 32 bytes
  p256_public    TEXT NOT NULL,      -- base64, SEC1 uncompressed point
  created_at     TEXT NOT NULL,
  retired_at     TEXT
) STRICT;
CREATE UNIQUE INDEX issuer_key_one_current ON issuer_key ((1)) WHERE retired_at IS NULL;

CREATE TABLE credential (
  id               TEXT PRIMARY KEY NOT NULL,
  name             TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  -- The badge: a built-in design ({shape, background, foreground, initials}) or an uploaded image.
  design           TEXT CHECK (design IS NULL OR json_valid(design)),
  image_sha256     TEXT,
  image_type       TEXT CHECK (image_type IS NULL OR image_type IN ('image/png', 'image/svg+xml')),
  -- Criteria from a ladder: a level of a published version, some or all of its domains.
  role_id          TEXT REFERENCES role (id),
  version_id       TEXT REFERENCES ladder_version (id),
  level_key        TEXT,
  require_evidence INTEGER NOT NULL DEFAULT 1 CHECK (require_evidence IN (0, 1)),
  narrative        TEXT NOT NULL DEFAULT '',
  validity_months  INTEGER CHECK (validity_months IS NULL OR validity_months BETWEEN 1 AND 120),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  archived_at      TEXT,
  CHECK ((design IS NULL) <> (image_sha256 IS NULL)),
  CHECK ((image_sha256 IS NULL) = (image_type IS NULL)),
  CHECK ((role_id IS NULL) = (version_id IS NULL) AND (role_id IS NULL) = (level_key IS NULL))
) STRICT;
CREATE UNIQUE INDEX credential_active_name ON credential (name COLLATE NOCASE) WHERE archived_at IS NULL;

CREATE TABLE credential_domain (
  credential_id TEXT NOT NULL REFERENCES credential (id),
  domain_key    TEXT NOT NULL,
  PRIMARY KEY (credential_id, domain_key)
) STRICT;

-- Stacking: a credential may require others. Cycles are refused by the code.
CREATE TABLE credential_prerequisite (
  credential_id TEXT NOT NULL REFERENCES credential (id),
  requires_id   TEXT NOT NULL REFERENCES credential (id),
  PRIMARY KEY (credential_id, requires_id),
  CHECK (credential_id <> requires_id)
) STRICT;

CREATE TABLE award (
  id             TEXT PRIMARY KEY NOT NULL,
  credential_id  TEXT NOT NULL REFERENCES credential (id),
  contractor_id  TEXT NOT NULL REFERENCES contractor (id),
  assessment_id  TEXT REFERENCES assessment (id),
  reason         TEXT NOT NULL DEFAULT '',   -- why, for an award made by hand
  awarded_by     TEXT NOT NULL,
  issued_on      TEXT NOT NULL,              -- the date it is valid from
  expires_on     TEXT,
  renews_id      TEXT REFERENCES award (id), -- the award this one renews
  status_index   INTEGER NOT NULL UNIQUE CHECK (status_index >= 0), -- its bit in the revocation list
  revoked_at     TEXT,
  revoked_by     TEXT,
  revoked_reason TEXT,
  created_at     TEXT NOT NULL,
  CHECK (assessment_id IS NOT NULL OR length(reason) > 0),
  CHECK (expires_on IS NULL OR expires_on > issued_on),
  CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL) AND (revoked_at IS NULL) = (revoked_by IS NULL))
) STRICT;
CREATE INDEX award_contractor ON award (contractor_id, credential_id);
CREATE INDEX award_credential ON award (credential_id);
CREATE UNIQUE INDEX award_renewed_once ON award (renews_id) WHERE renews_id IS NOT NULL;

-- An award is a record of what was granted: revoked with a reason, never deleted or rewritten.
CREATE TRIGGER award_never_deleted BEFORE DELETE ON award
BEGIN SELECT RAISE(ABORT, 'An award is never deleted; revoke it with a reason.'); END;
CREATE TRIGGER award_frozen BEFORE UPDATE ON award
WHEN OLD.revoked_at IS NOT NULL
  OR NEW.credential_id IS NOT OLD.credential_id OR NEW.contractor_id IS NOT OLD.contractor_id
  OR NEW.assessment_id IS NOT OLD.assessment_id OR NEW.reason IS NOT OLD.reason
  OR NEW.awarded_by IS NOT OLD.awarded_by OR NEW.issued_on IS NOT OLD.issued_on
  OR NEW.expires_on IS NOT OLD.expires_on OR NEW.renews_id IS NOT OLD.renews_id
  OR NEW.status_index IS NOT OLD.status_index OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'An award cannot be changed, only revoked (once).'); END;

-- Work that needs credentials: all of them, or any one.
CREATE TABLE work_area (
  id          TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  rule        TEXT NOT NULL CHECK (rule IN ('all', 'any')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX work_area_name ON work_area (name COLLATE NOCASE);

CREATE TABLE work_area_credential (
  work_area_id  TEXT NOT NULL REFERENCES work_area (id),
  credential_id TEXT NOT NULL REFERENCES credential (id),
  PRIMARY KEY (work_area_id, credential_id)
) STRICT;
