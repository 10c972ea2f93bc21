-- Home's "expiring within 30 days" reads awards by their end date; renewals are looked up by the
-- award they renew (the partial unique index of 0009 serves that).
CREATE INDEX award_expires ON award (expires_on) WHERE revoked_at IS NULL;
