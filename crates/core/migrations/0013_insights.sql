-- Program insights: what happened in contractors' delivery work, what the program cost, and the
-- pilots that compare a role before and after the program began.

-- One thing that happened in someone's work, on a calendar day (the day where the work was done).
-- `engagement_id` is the contract it belongs to, when one covers the day.
CREATE TABLE delivery_event (
  id            TEXT PRIMARY KEY NOT NULL,
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
-- The KPIs read events per engagement and kind ("its first merged PR", "its rework hours in the
-- period"): every column they read is in the index, so they never touch the table. Incidents are
-- also read by day across everyone, and they are few.
CREATE INDEX delivery_event_by_engagement ON delivery_event (engagement_id, kind, on_date, outcome, stage, hours);
CREATE INDEX delivery_event_incidents ON delivery_event (on_date, engagement_id, work_area_id, contractor_id)
  WHERE kind = 'incident';
CREATE INDEX delivery_event_by_person ON delivery_event (contractor_id, on_date);
CREATE INDEX engagement_by_role ON engagement (role_id, start_on);

-- What the program cost in a period, in minor units of its currency, for one role or (role NULL)
-- the whole program. Mentor time is hours × rate.
CREATE TABLE program_cost (
  id           TEXT PRIMARY KEY NOT NULL,
  role_id      TEXT REFERENCES role (id),
  category     TEXT NOT NULL CHECK (category IN ('learning_content', 'credentialing', 'mentor_hours', 'other')),
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  currency     TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  hours        REAL CHECK (hours IS NULL OR hours >= 0),
  rate_minor   INTEGER CHECK (rate_minor IS NULL OR rate_minor >= 0),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  CHECK (period_end >= period_start),
  CHECK ((category = 'mentor_hours') = (hours IS NOT NULL AND rate_minor IS NOT NULL))
) STRICT;

-- A pilot: one role, from a start day, compared with a baseline window before it at 90 and 180
-- days; "credentialed" means holding `credential_id` when the work began. The savings assumptions
-- turn KPI changes into money.
CREATE TABLE pilot (
  id                   TEXT PRIMARY KEY NOT NULL,
  name                 TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role_id              TEXT NOT NULL REFERENCES role (id),
  credential_id        TEXT REFERENCES credential (id),
  starts_on            TEXT NOT NULL,
  baseline_days        INTEGER NOT NULL DEFAULT 180 CHECK (baseline_days BETWEEN 30 AND 1095),
  currency             TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  sourcing_cost_minor  INTEGER NOT NULL DEFAULT 0 CHECK (sourcing_cost_minor >= 0),
  rework_hour_minor    INTEGER NOT NULL DEFAULT 0 CHECK (rework_hour_minor >= 0),
  ramp_day_minor       INTEGER NOT NULL DEFAULT 0 CHECK (ramp_day_minor >= 0),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX pilot_name ON pilot (name COLLATE NOCASE);
