-- Workspace-wide settings (name, created time, ...). One row per key.
CREATE TABLE setting (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;
