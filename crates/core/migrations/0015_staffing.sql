-- Staffing from the credentialed pool: needs (work to staff), offers made to candidates, and the
-- rule that says who belongs to the preferred pool.

CREATE TABLE staffing_need (
  id                 TEXT PRIMARY KEY NOT NULL,
  title              TEXT NOT NULL,
  role_id            TEXT NOT NULL REFERENCES role (id),
  min_level_key      TEXT NOT NULL,
  work_area_id       TEXT REFERENCES work_area (id),
  start_on           TEXT NOT NULL,   -- YYYY-MM-DD
  end_on             TEXT NOT NULL,   -- YYYY-MM-DD, the last day of the work
  hours_per_week     INTEGER NOT NULL CHECK (hours_per_week BETWEEN 1 AND 168),
  rate_ceiling_minor INTEGER CHECK (rate_ceiling_minor IS NULL OR rate_ceiling_minor >= 0),
  currency           TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  rate_unit          TEXT NOT NULL CHECK (rate_unit IN ('hour', 'day', 'month', 'fixed')),
  location           TEXT NOT NULL DEFAULT '',   -- a preferred place or time zone, not a filter
  client             TEXT NOT NULL DEFAULT '',
  note               TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (end_on >= start_on)
) STRICT;
CREATE INDEX staffing_need_by_status ON staffing_need (status, start_on);

-- Credentials a need requires besides its work area's.
CREATE TABLE staffing_need_credential (
  need_id       TEXT NOT NULL REFERENCES staffing_need (id),
  credential_id TEXT NOT NULL REFERENCES credential (id),
  PRIMARY KEY (need_id, credential_id)
) STRICT;

CREATE TABLE offer (
  id             TEXT PRIMARY KEY NOT NULL,
  need_id        TEXT NOT NULL REFERENCES staffing_need (id),
  contractor_id  TEXT NOT NULL REFERENCES contractor (id),
  rate_minor     INTEGER NOT NULL CHECK (rate_minor >= 0),
  currency       TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  rate_unit      TEXT NOT NULL CHECK (rate_unit IN ('hour', 'day', 'month', 'fixed')),
  note           TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'withdrawn')),
  sent_by        TEXT NOT NULL,
  sent_at        TEXT NOT NULL,
  decided_at     TEXT,
  decline_reason TEXT,
  engagement_id  TEXT REFERENCES engagement (id),
  CHECK ((status = 'sent') = (decided_at IS NULL)),
  CHECK ((status = 'accepted') = (engagement_id IS NOT NULL)),
  CHECK ((status = 'declined') = (decline_reason IS NOT NULL AND length(decline_reason) > 0))
) STRICT;
-- One open offer per person and need.
CREATE UNIQUE INDEX offer_one_open ON offer (need_id, contractor_id) WHERE status = 'sent';
CREATE INDEX offer_by_person ON offer (contractor_id, sent_at);

-- A decline is evidence that the contractor is free to refuse work: offers are never deleted,
-- and an answer, once recorded, stays.
CREATE TRIGGER offer_never_deleted BEFORE DELETE ON offer
BEGIN SELECT RAISE(ABORT, 'An offer is never deleted; withdraw it instead.'); END;
CREATE TRIGGER offer_decided_once BEFORE UPDATE ON offer
WHEN OLD.status <> 'sent'
BEGIN SELECT RAISE(ABORT, 'An offer that was answered or withdrawn cannot change.'); END;

-- Who the organisation invites first: one editable rule.
CREATE TABLE pool_rule (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  credential_id       TEXT REFERENCES credential (id),   -- must hold it, when set
  min_renewals        INTEGER NOT NULL CHECK (min_renewals BETWEEN 0 AND 100),
  min_on_time_percent INTEGER CHECK (min_on_time_percent IS NULL OR min_on_time_percent BETWEEN 0 AND 100),
  updated_at          TEXT NOT NULL
) STRICT;
INSERT INTO pool_rule (id, credential_id, min_renewals, min_on_time_percent, updated_at)
  VALUES (1, NULL, 1, 80, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
