-- Vault file names are 64 lowercase hex digits (a SHA-256), never a path: every column that names
-- a vault file refuses anything else. SQLite can't add a CHECK to an existing column, so these
-- triggers stand in for one (new tables declare the CHECK itself).

CREATE TRIGGER vault_file_name_insert BEFORE INSERT ON vault_file
WHEN length(NEW.sha256) <> 64 OR NEW.sha256 GLOB '*[^0-9a-f]*'
BEGIN SELECT RAISE(ABORT, 'a vault file name is 64 lowercase hex digits'); END;
CREATE TRIGGER vault_file_name_update BEFORE UPDATE OF sha256 ON vault_file
WHEN length(NEW.sha256) <> 64 OR NEW.sha256 GLOB '*[^0-9a-f]*'
BEGIN SELECT RAISE(ABORT, 'a vault file name is 64 lowercase hex digits'); END;

CREATE TRIGGER evidence_file_name_insert BEFORE INSERT ON evidence
WHEN NEW.file_sha256 IS NOT NULL AND (length(NEW.file_sha256) <> 64 OR NEW.file_sha256 GLOB '*[^0-9a-f]*')
BEGIN SELECT RAISE(ABORT, 'a vault file name is 64 lowercase hex digits'); END;
CREATE TRIGGER evidence_file_name_update BEFORE UPDATE OF file_sha256 ON evidence
WHEN NEW.file_sha256 IS NOT NULL AND (length(NEW.file_sha256) <> 64 OR NEW.file_sha256 GLOB '*[^0-9a-f]*')
BEGIN SELECT RAISE(ABORT, 'a vault file name is 64 lowercase hex digits'); END;

CREATE TRIGGER credential_image_name_insert BEFORE INSERT ON credential
WHEN NEW.image_sha256 IS NOT NULL AND (length(NEW.image_sha256) <> 64 OR NEW.image_sha256 GLOB '*[^0-9a-f]*')
BEGIN SELECT RAISE(ABORT, 'a vault file name is 64 lowercase hex digits'); END;
CREATE TRIGGER credential_image_name_update BEFORE UPDATE OF image_sha256 ON credential
WHEN NEW.image_sha256 IS NOT NULL AND (length(NEW.image_sha256) <> 64 OR NEW.image_sha256 GLOB '*[^0-9a-f]*')
BEGIN SELECT RAISE(ABORT, 'a vault file name is 64 lowercase hex digits'); END;

CREATE TRIGGER issuer_logo_name_insert BEFORE INSERT ON issuer_profile
WHEN NEW.image_sha256 IS NOT NULL AND (length(NEW.image_sha256) <> 64 OR NEW.image_sha256 GLOB '*[^0-9a-f]*')
BEGIN SELECT RAISE(ABORT, 'a vault file name is 64 lowercase hex digits'); END;
CREATE TRIGGER issuer_logo_name_update BEFORE UPDATE OF image_sha256 ON issuer_profile
WHEN NEW.image_sha256 IS NOT NULL AND (length(NEW.image_sha256) <> 64 OR NEW.image_sha256 GLOB '*[^0-9a-f]*')
BEGIN SELECT RAISE(ABORT, 'a vault file name is 64 lowercase hex digits'); END;

-- The workspace's own id: key files made for it record it, so a key is never used to sign for
-- a workspace it was not made for.
INSERT OR IGNORE INTO setting (key, value) VALUES ('workspace_id', lower(hex(randomblob(16))));

-- A key reported compromised: signatures by it dated after this day are not trusted.
ALTER TABLE issuer_key ADD COLUMN compromised_on TEXT;
