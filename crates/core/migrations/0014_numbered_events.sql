-- Delivery events numbered in the order they are written rather than keyed by random ids: a large
-- import then appends to the table instead of inserting all over a key index, and one index — by
-- person, then engagement — serves both the KPIs (an engagement's events of a kind, by day) and
-- the person's timeline. Numbers are never reused (AUTOINCREMENT), so an id seen on a screen
-- can't later name another event.
CREATE TABLE delivery_event_numbered (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  contractor_id TEXT NOT NULL REFERENCES contractor (id),
  engagement_id TEXT REFERENCES engagement (id),
  on_date       TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind          TEXT NOT NULL CHECK (kind IN ('first_deliverable', 'pr_merged', 'defect', 'rework_hours', 'incident', 'milestone')),
  hours         REAL CHECK (hours IS NULL OR (hours > 0 AND hours <= 1000)),
  stage         TEXT CHECK (stage IN ('before_release', 'after_release')),
  outcome       TEXT CHECK (outcome IN ('on_time', 'late', 'failed')),
  work_area_id  TEXT REFERENCES work_area (id),
  note          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  CHECK ((kind = 'rework_hours') = (hours IS NOT NULL)),
  CHECK ((kind = 'defect') = (stage IS NOT NULL)),
  CHECK ((kind = 'milestone') = (outcome IS NOT NULL)),
  CHECK ((kind = 'incident') = (work_area_id IS NOT NULL))
) STRICT;
INSERT INTO delivery_event_numbered (contractor_id, engagement_id, on_date, kind, hours, stage, outcome, work_area_id, note, created_at)
  SELECT contractor_id, engagement_id, on_date, kind, hours, stage, outcome, work_area_id, note, created_at
  FROM delivery_event ORDER BY created_at, contractor_id, on_date, id;
DROP TABLE delivery_event;
ALTER TABLE delivery_event_numbered RENAME TO delivery_event;
CREATE INDEX delivery_event_by_person ON delivery_event (contractor_id, engagement_id, kind, on_date, outcome, stage, hours);
CREATE INDEX delivery_event_incidents ON delivery_event (on_date, engagement_id, work_area_id, contractor_id)
  WHERE kind = 'incident';
