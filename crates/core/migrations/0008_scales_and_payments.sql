-- A ladder version's own rating scale, as JSON {"ratings": [...], "meetsFrom": n}. NULL means the
-- default scale (not yet / meets / exceeds), which is what every earlier version used.
ALTER TABLE ladder_version ADD COLUMN rating_scale TEXT
  CHECK (rating_scale IS NULL OR json_valid(rating_scale));

-- When a stipend was actually paid. Bookkeeping, kept apart from the assessment itself so that
-- recording a payment after sign-off changes nothing the assessor signed.
CREATE TABLE assessment_payment (
  assessment_id TEXT PRIMARY KEY NOT NULL REFERENCES assessment (id),
  paid_on       TEXT NOT NULL CHECK (paid_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  recorded_at   TEXT NOT NULL
) STRICT;
