//! Engagements (contracts): who works for which client, when, at what rate; and the profile page
//! that brings a person's levels, engagements and pay bands together.

use rusqlite::{params, Connection, OptionalExtension, Row};
use time::Duration;

use super::pay_bands::{check_rate, clean_currency};
use super::*;
use crate::error::{CoreError, Result};
use crate::store::write_tx;
use crate::text::clean_name;
use crate::workspace::Workspace;
use crate::{clock, dates, new_id};

/// Checks an engagement as typed; returns it cleaned.
pub(crate) fn clean(e: &EngagementInput) -> Result<EngagementInput> {
    let start = dates::parse("The start date", &e.start_on)?;
    let end = e
        .end_on
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| dates::parse("The end date", s))
        .transpose()?;
    if let Some(end) = end {
        if end < start {
            return Err(CoreError::Invalid(format!(
                "The engagement ends ({}) before it starts ({}).",
                dates::format(end),
                dates::format(start)
            )));
        }
    }
    if e.renewal_window_days > 365 {
        return Err(CoreError::Invalid(
            "The renewal window is at most 365 days.".into(),
        ));
    }
    if e.rate.minor < 0 {
        return Err(CoreError::Invalid("A rate can't be negative.".into()));
    }
    if matches!(e.hours_per_week, Some(h) if h > 168) {
        return Err(CoreError::Invalid("A week has 168 hours.".into()));
    }
    let project = e.project.trim();
    Ok(EngagementInput {
        role_id: e.role_id.clone().filter(|r| !r.is_empty()),
        client: clean_name("The client", &e.client)?,
        project: if project.is_empty() {
            String::new()
        } else {
            clean_name("The project", project)?
        },
        start_on: dates::format(start),
        end_on: end.map(dates::format),
        rate: Money {
            minor: e.rate.minor,
            currency: clean_currency(&e.rate.currency)?,
        },
        ..e.clone()
    })
}

/// Writes every field of a checked engagement: a new row for `id` (of `contractor_id`) when `new`,
/// else an update of `id`. Returns how many rows changed (0: no such engagement).
fn write(
    conn: &Connection,
    id: &str,
    contractor_id: Option<&str>,
    e: &EngagementInput,
    new: bool,
) -> Result<usize> {
    let sql = if new {
        "INSERT INTO engagement (id, contractor_id, role_id, client, project, start_on, end_on,
           renewal_window_days, rate_minor, currency, rate_unit, hours_per_week, outcome, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)"
    } else {
        "UPDATE engagement SET role_id = ?3, client = ?4, project = ?5, start_on = ?6, end_on = ?7,
           renewal_window_days = ?8, rate_minor = ?9, currency = ?10, rate_unit = ?11,
           hours_per_week = ?12, outcome = ?13, updated_at = ?14
         WHERE id = ?1 AND (?2 IS NULL OR contractor_id = ?2)"
    };
    Ok(conn.prepare_cached(sql)?.execute(params![
        id,
        contractor_id,
        e.role_id,
        e.client,
        e.project,
        e.start_on,
        e.end_on,
        e.renewal_window_days,
        e.rate.minor,
        e.rate.currency,
        e.rate_unit.as_str(),
        e.hours_per_week,
        e.outcome.as_str(),
        clock::now()
    ])?)
}

pub(crate) fn insert(
    conn: &Connection,
    contractor_id: &str,
    e: &EngagementInput,
) -> Result<String> {
    let id = new_id();
    write(conn, &id, Some(contractor_id), e, true)?;
    Ok(id)
}

const ENGAGEMENT_SELECT: &str = "SELECT e.id, e.contractor_id, e.role_id, r.name, e.client, e.project, e.start_on,
    e.end_on, e.renewal_window_days, e.rate_minor, e.currency, e.rate_unit, e.hours_per_week, e.outcome
    FROM engagement e LEFT JOIN role r ON r.id = e.role_id";

fn from_row(r: &Row) -> rusqlite::Result<Engagement> {
    let input = EngagementInput {
        role_id: r.get(2)?,
        client: r.get(4)?,
        project: r.get(5)?,
        start_on: r.get(6)?,
        end_on: r.get(7)?,
        renewal_window_days: r.get(8)?,
        rate: Money {
            minor: r.get(9)?,
            currency: r.get(10)?,
        },
        rate_unit: RateUnit::parse(&r.get::<_, String>(11)?).unwrap_or(RateUnit::Hour),
        hours_per_week: r.get(12)?,
        outcome: EngagementOutcome::parse(&r.get::<_, String>(13)?)
            .unwrap_or(EngagementOutcome::Open),
    };
    let renewal_opens_on = input.end_on.as_deref().and_then(|end| {
        let end = dates::parse("end", end).ok()?;
        Some(dates::format(
            end - Duration::days(input.renewal_window_days.into()),
        ))
    });
    Ok(Engagement {
        id: r.get(0)?,
        contractor_id: r.get(1)?,
        role_name: r.get(3)?,
        input,
        renewal_opens_on,
        rate_check: None,
    })
}

fn with_check(conn: &Connection, mut e: Engagement) -> Result<Engagement> {
    e.rate_check = check_rate(conn, &e.contractor_id, &e.input)?;
    Ok(e)
}

fn ensure_role(conn: &Connection, e: &EngagementInput) -> Result<()> {
    if let Some(role_id) = &e.role_id {
        crate::ladder::ensure_role_exists(conn, role_id)?;
    }
    Ok(())
}

impl Workspace {
    pub fn add_engagement(
        &mut self,
        contractor_id: &str,
        input: &EngagementInput,
    ) -> Result<Engagement> {
        let input = clean(input)?;
        let tx = write_tx(self.conn_mut())?;
        levels::ensure_contractor(&tx, contractor_id)?;
        ensure_role(&tx, &input)?;
        let id = insert(&tx, contractor_id, &input)?;
        tx.commit()?;
        self.engagement(&id)
    }

    pub fn update_engagement(&mut self, id: &str, input: &EngagementInput) -> Result<Engagement> {
        let input = clean(input)?;
        ensure_role(self.conn(), &input)?;
        let changed = write(self.conn(), id, None, &input, false)?;
        if changed == 0 {
            return Err(CoreError::NotFound(
                "That engagement no longer exists.".into(),
            ));
        }
        self.engagement(id)
    }

    pub fn engagement(&self, id: &str) -> Result<Engagement> {
        let e = self
            .conn()
            .query_row(
                &format!("{ENGAGEMENT_SELECT} WHERE e.id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That engagement no longer exists.".into()))?;
        with_check(self.conn(), e)
    }

    /// A person's engagements, newest first.
    pub fn engagements(&self, contractor_id: &str) -> Result<Vec<Engagement>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{ENGAGEMENT_SELECT} WHERE e.contractor_id = ?1 ORDER BY e.start_on DESC, e.id"
        ))?;
        let rows = stmt
            .query_map([contractor_id], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|e| with_check(self.conn(), e))
            .collect()
    }

    /// Everything the profile page shows about one person.
    pub fn profile(&self, contractor_id: &str) -> Result<Profile> {
        let contractor = self.contractor(contractor_id)?;
        let mut bands = Vec::new();
        for level in &contractor.levels {
            bands.extend(
                self.pay_bands(&level.role_id)?
                    .into_iter()
                    .filter(|b| b.level_key == level.level_key),
            );
        }
        Ok(Profile {
            level_history: levels::history(self.conn(), contractor_id)?,
            engagements: self.engagements(contractor_id)?,
            bands,
            contractor,
        })
    }
}
