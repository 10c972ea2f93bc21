//! The SQL behind the KPIs: per engagement, its first events and its work in the period, computed
//! by SQLite's aggregates over the delivery-event indexes.

use rusqlite::{Connection, Row, ToSql};

use super::kpi::{Facts, KpiId, KpiQuery, KpiRow};
use crate::error::Result;

/// The engagements a query looks at — those that overlap the period, which holds every one that
/// started or ended in it — with whether the person held the credential on the day the
/// engagement began. `:role`, `:cohort` and `:credential` may be NULL (no filter). They are worked
/// out once into a temporary table (in memory, this connection's own) for the statements after.
const SCOPE: &str = "
  CREATE TEMP TABLE IF NOT EXISTS kpi_scope (
    id TEXT NOT NULL, contractor_id TEXT NOT NULL, person TEXT NOT NULL, client TEXT NOT NULL,
    start_on TEXT NOT NULL, end_on TEXT, hours_per_week REAL, credentialed INTEGER NOT NULL,
    PRIMARY KEY (contractor_id, id)) WITHOUT ROWID;
  DELETE FROM temp.kpi_scope;";
const SCOPE_FILL: &str = "INSERT INTO temp.kpi_scope
  SELECT g.id, g.contractor_id, c.name, g.client, g.start_on, g.end_on, g.hours_per_week,
    EXISTS (SELECT 1 FROM award a
      WHERE a.contractor_id = g.contractor_id AND (:credential IS NULL OR a.credential_id = :credential)
        AND a.issued_on <= g.start_on AND (a.expires_on IS NULL OR a.expires_on > g.start_on)
        AND (a.revoked_at IS NULL OR substr(a.revoked_at, 1, 10) > g.start_on))
  FROM engagement g JOIN contractor c ON c.id = g.contractor_id
  WHERE (:role IS NULL OR g.role_id = :role) AND g.start_on <= :to AND (g.end_on IS NULL OR g.end_on >= :from)
    AND (:cohort IS NULL OR EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value = :cohort COLLATE NOCASE))";

/// Days from the engagement's start to its first event matching `filter` (on or after the start).
fn first_event(filter: &str) -> String {
    format!(
        "(SELECT julianday(min(v.on_date)) - julianday(s.start_on) FROM delivery_event v
          WHERE v.contractor_id = s.contractor_id AND v.engagement_id = s.id AND {filter} AND v.on_date >= s.start_on)"
    )
}

/// The engagement a record is about: the first six columns of every per-engagement query.
pub(crate) struct Engaged {
    pub engagement_id: String,
    pub contractor_id: String,
    pub person: String,
    pub client: String,
    pub start_on: String,
    pub credentialed: bool,
}

impl Engaged {
    fn read(r: &Row) -> rusqlite::Result<Engaged> {
        Ok(Engaged {
            engagement_id: r.get(0)?,
            contractor_id: r.get(1)?,
            person: r.get(2)?,
            client: r.get(3)?,
            start_on: r.get(4)?,
            credentialed: r.get(5)?,
        })
    }

    /// This engagement as a row behind a figure, with what it adds to it.
    fn row(&self, value: String) -> KpiRow {
        KpiRow {
            contractor_id: self.contractor_id.clone(),
            contractor_name: self.person.clone(),
            engagement_id: self.engagement_id.clone(),
            client: self.client.clone(),
            started_on: self.start_on.clone(),
            credentialed: self.credentialed,
            value,
        }
    }
}

/// An engagement that started in the period, and how its first days went.
pub(crate) struct EngagementStart {
    pub of: Engaged,
    pub first_deliverable: Option<f64>,
    pub first_pr: Option<f64>,
    pub first_on_time: Option<f64>,
    /// Milestones in its first 90 days, and how many were on time.
    pub milestones: u32,
    pub on_time: u32,
}

/// An engagement's work dated in the period.
pub(crate) struct EngagementWork {
    pub of: Engaged,
    pub prs: u32,
    pub defects: u32,
    pub rework_hours: f64,
    pub hours_engaged: f64,
    pub incidents: u32,
}

/// An engagement that ended in the period, at least 90 days before the day of the figures.
pub(crate) struct Ended {
    pub of: Engaged,
    pub followed: bool,
}

/// An incident in the period on a gated work area.
pub(crate) struct Incident {
    pub credentialed: bool,
    pub cleared: bool,
}

fn starts_sql() -> String {
    format!(
        "SELECT s.id, s.contractor_id, s.person, s.client, s.start_on, s.credentialed,
          {}, {}, {},
          (SELECT count(*) FROM delivery_event v WHERE v.contractor_id = s.contractor_id AND v.engagement_id = s.id AND v.kind = 'milestone'
             AND v.on_date >= s.start_on AND v.on_date < date(s.start_on, '+90 days')),
          (SELECT count(*) FROM delivery_event v WHERE v.contractor_id = s.contractor_id AND v.engagement_id = s.id AND v.kind = 'milestone'
             AND v.outcome = 'on_time' AND v.on_date >= s.start_on AND v.on_date < date(s.start_on, '+90 days'))
        FROM temp.kpi_scope s WHERE s.start_on BETWEEN :from AND :to",
        first_event("v.kind = 'first_deliverable'"),
        first_event("v.kind = 'pr_merged'"),
        first_event("v.kind = 'milestone' AND v.outcome = 'on_time'"),
    )
}

/// `what` over the engagement's events matching `filter` dated in the period. (One counting
/// subquery per figure reads the index faster than a join summing them all.)
fn in_period(what: &str, filter: &str) -> String {
    format!(
        "(SELECT {what} FROM delivery_event v
          WHERE v.contractor_id = s.contractor_id AND v.engagement_id = s.id AND {filter}
            AND v.on_date BETWEEN :from AND :to)"
    )
}

/// Work in the period: events dated in it, and the hours engaged over the days of the engagement
/// that fall in it.
fn work_sql() -> String {
    format!(
        "SELECT s.id, s.contractor_id, s.person, s.client, s.start_on, s.credentialed, {}, {}, {},
          coalesce(s.hours_per_week, 0) / 7.0 * (julianday(min(coalesce(s.end_on, :to), :to)) - julianday(max(s.start_on, :from)) + 1),
          {}
        FROM temp.kpi_scope s",
        in_period("count(*)", "v.kind = 'pr_merged'"),
        in_period("count(*)", "v.kind = 'defect' AND v.stage = 'after_release'"),
        in_period("coalesce(sum(v.hours), 0.0)", "v.kind = 'rework_hours'"),
        in_period("count(*)", "v.kind = 'incident'"),
    )
}

const ENDED_SQL: &str = "
  SELECT s.id, s.contractor_id, s.person, s.client, s.start_on, s.credentialed,
    EXISTS (SELECT 1 FROM engagement f WHERE f.contractor_id = s.contractor_id AND f.id <> s.id
      AND f.start_on > s.start_on AND f.start_on <= date(s.end_on, '+90 days')),
    date(s.end_on, '+90 days') <= :as_of
  FROM temp.kpi_scope s WHERE s.end_on BETWEEN :from AND :to AND s.end_on <= :as_of";

/// Incidents with whether the person was cleared for the area that day: held every credential
/// the area names (or any one, by its rule), valid and not revoked on the incident's day.
const INCIDENTS_SQL: &str = "
  SELECT s.credentialed,
    (SELECT count(DISTINCT a.credential_id) FROM award a
       JOIN work_area_credential w ON w.credential_id = a.credential_id AND w.work_area_id = v.work_area_id
     WHERE a.contractor_id = v.contractor_id AND a.issued_on <= v.on_date
       AND (a.expires_on IS NULL OR a.expires_on > v.on_date)
       AND (a.revoked_at IS NULL OR substr(a.revoked_at, 1, 10) > v.on_date))
    >= (SELECT CASE r.rule WHEN 'all' THEN (SELECT count(*) FROM work_area_credential x WHERE x.work_area_id = r.id) ELSE 1 END
        FROM work_area r WHERE r.id = v.work_area_id)
  FROM temp.kpi_scope s JOIN delivery_event v ON v.contractor_id = s.contractor_id AND v.engagement_id = s.id AND v.kind = 'incident'
    AND v.on_date BETWEEN :from AND :to";

/// A query's parameters that `sql` names (a statement takes only those).
fn params_for<'q>(sql: &str, q: &'q KpiQuery) -> Vec<(&'static str, &'q dyn ToSql)> {
    let all: [(&'static str, &'q dyn ToSql); 6] = [
        (":role", &q.role_id),
        (":cohort", &q.cohort),
        (":credential", &q.credential_id),
        (":from", &q.from),
        (":to", &q.to),
        (":as_of", &q.as_of),
    ];
    all.into_iter()
        .filter(|(name, _)| sql.contains(name))
        .collect()
}

fn query<T>(
    conn: &Connection,
    sql: &str,
    q: &KpiQuery,
    map: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params_for(sql, q).as_slice(), map)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn facts(conn: &Connection, q: &KpiQuery) -> Result<Facts> {
    conn.execute_batch(SCOPE)?;
    conn.prepare_cached(SCOPE_FILL)?
        .execute(params_for(SCOPE_FILL, q).as_slice())?;
    let starts = query(conn, &starts_sql(), q, |r| {
        Ok(EngagementStart {
            of: Engaged::read(r)?,
            first_deliverable: r.get(6)?,
            first_pr: r.get(7)?,
            first_on_time: r.get(8)?,
            milestones: r.get(9)?,
            on_time: r.get(10)?,
        })
    })?;
    let work = query(conn, &work_sql(), q, |r| {
        Ok(EngagementWork {
            of: Engaged::read(r)?,
            prs: r.get(6)?,
            defects: r.get(7)?,
            rework_hours: r.get(8)?,
            hours_engaged: r.get(9)?,
            incidents: r.get(10)?,
        })
    })?;
    let mut pending_repeats = 0;
    let ended = query(conn, ENDED_SQL, q, |r| {
        Ok((
            Ended {
                of: Engaged::read(r)?,
                followed: r.get(6)?,
            },
            r.get::<_, bool>(7)?,
        ))
    })?
    .into_iter()
    .filter_map(|(e, judged)| {
        if !judged {
            pending_repeats += 1;
        }
        judged.then_some(e)
    })
    .collect();
    let incidents = query(conn, INCIDENTS_SQL, q, |r| {
        Ok(Incident {
            credentialed: r.get(0)?,
            cleared: r.get(1)?,
        })
    })?;
    Ok(Facts {
        starts,
        work,
        ended,
        pending_repeats,
        incidents,
    })
}

fn days(d: Option<f64>) -> String {
    d.map(|d| format!("{d:.0} days"))
        .unwrap_or_else(|| "not yet".into())
}

/// The records behind one KPI, each with the value it adds to the figure.
pub(crate) fn rows(f: &Facts, kpi: KpiId) -> Vec<KpiRow> {
    let mut rows: Vec<KpiRow> = match kpi {
        KpiId::TimeToFirstDeliverable => f
            .starts
            .iter()
            .map(|s| s.of.row(days(s.first_deliverable)))
            .collect(),
        KpiId::RampTime => f
            .starts
            .iter()
            .map(|s| s.of.row(days(s.first_on_time)))
            .collect(),
        KpiId::TimeToFirstPr => f
            .starts
            .iter()
            .map(|s| s.of.row(days(s.first_pr)))
            .collect(),
        KpiId::FirstQuarterSuccess => f
            .starts
            .iter()
            .filter(|s| s.milestones > 0)
            .map(|s| {
                s.of.row(format!(
                    "{} of {} milestones on time",
                    s.on_time, s.milestones
                ))
            })
            .collect(),
        KpiId::PostReleaseDefectRate => f
            .work
            .iter()
            .filter(|w| w.prs > 0 || w.defects > 0)
            .map(|w| {
                w.of.row(format!(
                    "{} after-release defects, {} merged PRs",
                    w.defects, w.prs
                ))
            })
            .collect(),
        KpiId::ReworkRate => f
            .work
            .iter()
            .filter(|w| w.hours_engaged > 0.0)
            .map(|w| {
                w.of.row(format!(
                    "{} rework hours of {:.0} engaged",
                    super::trim_number(w.rework_hours),
                    w.hours_engaged
                ))
            })
            .collect(),
        KpiId::RepeatEngagementRate => f
            .ended
            .iter()
            .map(|e| {
                e.of.row(
                    if e.followed {
                        "followed within 90 days"
                    } else {
                        "not followed"
                    }
                    .to_string(),
                )
            })
            .collect(),
        KpiId::GatedIncidents => f
            .work
            .iter()
            .filter(|w| w.incidents > 0 || w.prs > 0)
            .map(|w| {
                w.of.row(format!("{} incidents, {} merged PRs", w.incidents, w.prs))
            })
            .collect(),
    };
    rows.sort_by(|a, b| {
        a.contractor_name
            .cmp(&b.contractor_name)
            .then(a.started_on.cmp(&b.started_on))
    });
    rows
}
