//! Delivery events: entered by hand on a profile's timeline or imported from CSV, checked the same
//! way, and tied to the engagement that covers their day.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{DefectStage, DeliveryEvent, DeliveryEventInput, EventKind, MilestoneOutcome};
use crate::error::{CoreError, Result};
use crate::store::{enum_from, enum_text, write_tx};
use crate::workspace::Workspace;
use crate::{clock, dates, text};

/// An event ready to store: checked, with its engagement found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CheckedEvent {
    pub input: DeliveryEventInput,
    pub engagement_id: Option<String>,
}

/// One engagement as the resolver needs it.
struct Span {
    id: String,
    client: String,
    start: String,
    end: Option<String>,
}

/// Checks events and finds their engagements, remembering each person's engagements (a file
/// names the same people many times).
pub(crate) struct Resolver<'c> {
    conn: &'c Connection,
    spans: HashMap<String, Vec<Span>>,
    areas: HashMap<String, Option<String>>,
}

impl<'c> Resolver<'c> {
    pub fn new(conn: &'c Connection) -> Self {
        Resolver {
            conn,
            spans: HashMap::new(),
            areas: HashMap::new(),
        }
    }

    /// A work area's id by id or name (case-insensitive).
    pub fn work_area(&mut self, name: &str) -> Result<String, String> {
        let conn = self.conn;
        self.areas
            .entry(name.to_lowercase())
            .or_insert_with(|| {
                conn.query_row(
                    "SELECT id FROM work_area WHERE id = ?1 OR name = ?1 COLLATE NOCASE",
                    [name],
                    |r| r.get(0),
                )
                .optional()
                .ok()
                .flatten()
            })
            .clone()
            .ok_or_else(|| format!("there is no work area named '{}'", text::shown(name)))
    }

    fn spans(&mut self, contractor_id: &str) -> Result<&[Span], String> {
        if !self.spans.contains_key(contractor_id) {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT id, client, start_on, end_on FROM engagement WHERE contractor_id = ?1
                     ORDER BY start_on DESC, id DESC",
                )
                .map_err(|e| e.to_string())?;
            let rows = stmt
                .query_map([contractor_id], |r| {
                    Ok(Span {
                        id: r.get(0)?,
                        client: r.get(1)?,
                        start: r.get(2)?,
                        end: r.get(3)?,
                    })
                })
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(|e| e.to_string())?;
            self.spans.insert(contractor_id.to_string(), rows);
        }
        Ok(&self.spans[contractor_id])
    }

    /// The engagement an event belongs to: the one named (which must cover the day), the one
    /// with `client` covering the day, or else the newest covering it (none is allowed: such an
    /// event is kept but counts in no KPI).
    pub fn engagement(
        &mut self,
        contractor_id: &str,
        date: &str,
        named: Option<&str>,
        client: Option<&str>,
    ) -> Result<Option<String>, String> {
        let covers =
            |s: &Span| s.start.as_str() <= date && s.end.as_deref().is_none_or(|e| date <= e);
        let spans = self.spans(contractor_id)?;
        if let Some(id) = named {
            let span = spans
                .iter()
                .find(|s| s.id == id)
                .ok_or("that engagement is not this person's")?;
            if !covers(span) {
                return Err(format!(
                    "the engagement with {} runs from {} to {}, which does not include {date}",
                    span.client,
                    span.start,
                    span.end.as_deref().unwrap_or("today")
                ));
            }
            return Ok(Some(span.id.clone()));
        }
        if let Some(client) = client {
            return spans
                .iter()
                .find(|s| s.client.eq_ignore_ascii_case(client) && covers(s))
                .map(|s| Some(s.id.clone()))
                .ok_or_else(|| {
                    format!("no engagement with {} covers {date}", text::shown(client))
                });
        }
        Ok(spans.iter().find(|s| covers(s)).map(|s| s.id.clone()))
    }

    /// Checks an event's fields against its kind and finds its engagement.
    pub fn check(
        &mut self,
        input: DeliveryEventInput,
        client: Option<&str>,
    ) -> Result<CheckedEvent, String> {
        let mut input = input;
        input.date = event_date(&input.date)?;
        input.note = text::clean_text("The note", &input.note).map_err(|e| e.to_string())?;
        let kind = input.kind;
        let needs = |what: &str| format!("a {} needs {what}", kind.label().to_lowercase());
        let only = |what: &str| format!("{what} is only for {}", only_for(what));
        match (kind, input.hours) {
            (EventKind::ReworkHours, None) => return Err(needs("its hours")),
            (EventKind::ReworkHours, Some(h)) if !(h > 0.0 && h <= 1000.0) => {
                return Err(format!(
                    "rework hours must be more than 0 and at most 1000 (got {})",
                    super::trim_number(h)
                ))
            }
            (EventKind::ReworkHours, _) => {}
            (_, Some(_)) => return Err(only("a value")),
            _ => {}
        }
        match (kind == EventKind::Defect, input.stage.is_some()) {
            (true, false) => return Err(needs("its stage (before_release or after_release)")),
            (false, true) => return Err(only("a stage")),
            _ => {}
        }
        match (kind == EventKind::Milestone, input.outcome.is_some()) {
            (true, false) => return Err(needs("its outcome (on_time, late or failed)")),
            (false, true) => return Err(only("an outcome")),
            _ => {}
        }
        match (kind == EventKind::Incident, input.work_area_id.take()) {
            (true, None) => return Err(needs("the work area it happened in")),
            (true, Some(area)) => input.work_area_id = Some(self.work_area(&area)?),
            (false, Some(_)) => return Err(only("a work area")),
            (false, None) => {}
        }
        let engagement_id = self.engagement(
            &input.contractor_id,
            &input.date,
            input.engagement_id.as_deref(),
            client,
        )?;
        Ok(CheckedEvent {
            input,
            engagement_id,
        })
    }
}

fn only_for(what: &str) -> &'static str {
    match what {
        "a value" => "rework_hours (the hours)",
        "a stage" => "defects",
        "an outcome" => "milestones",
        _ => "incidents",
    }
}

/// A day as written: `YYYY-MM-DD`, or a time with its offset (`2026-03-31T23:30:00-05:00`) whose
/// date is the one on the wall where the work was done, not the date in UTC.
pub(crate) fn event_date(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    if raw.len() > 10 {
        use time::format_description::well_known::Rfc3339;
        return time::OffsetDateTime::parse(raw, &Rfc3339)
            .map(|t| dates::format(t.date()))
            .map_err(|_| {
                format!(
                    "the date '{}' is neither like 2026-03-31 nor a time like 2026-03-31T17:30:00+02:00",
                    text::shown(raw)
                )
            });
    }
    dates::clean("The date", raw).map_err(|_| {
        format!(
            "the date '{}' is not a date like 2026-03-31",
            text::shown(raw)
        )
    })
}

/// Stores an event; its id is the next event number.
pub(crate) fn insert(conn: &Connection, event: &CheckedEvent, now: &str) -> Result<i64> {
    let e = &event.input;
    conn.prepare_cached(
        "INSERT INTO delivery_event (contractor_id, engagement_id, on_date, kind, hours, stage,
             outcome, work_area_id, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        e.contractor_id,
        event.engagement_id,
        e.date,
        enum_text(e.kind),
        e.hours,
        e.stage.map(enum_text),
        e.outcome.map(enum_text),
        e.work_area_id,
        e.note,
        now,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// An event's number from the id the screens hold (its number as text).
fn event_number(id: &str) -> Result<i64> {
    id.parse()
        .map_err(|_| CoreError::NotFound("That delivery event no longer exists.".into()))
}

const EVENT_SELECT: &str =
    "SELECT CAST(v.id AS TEXT), v.contractor_id, c.name, v.engagement_id, g.client, v.on_date,
        v.kind, v.hours, v.stage, v.outcome, v.work_area_id, w.name, v.note
    FROM delivery_event v JOIN contractor c ON c.id = v.contractor_id
    LEFT JOIN engagement g ON g.id = v.engagement_id
    LEFT JOIN work_area w ON w.id = v.work_area_id";

fn from_row(r: &Row) -> rusqlite::Result<DeliveryEvent> {
    let optional = |i: usize| -> rusqlite::Result<Option<String>> { r.get(i) };
    Ok(DeliveryEvent {
        id: r.get(0)?,
        contractor_id: r.get(1)?,
        contractor_name: r.get(2)?,
        engagement_id: r.get(3)?,
        engagement_client: r.get(4)?,
        date: r.get(5)?,
        kind: enum_from(r.get(6)?)?,
        hours: r.get(7)?,
        stage: optional(8)?.map(enum_from::<DefectStage>).transpose()?,
        outcome: optional(9)?
            .map(enum_from::<MilestoneOutcome>)
            .transpose()?,
        work_area_id: r.get(10)?,
        work_area_name: r.get(11)?,
        note: r.get(12)?,
    })
}

impl Workspace {
    /// Records one delivery event by hand.
    pub fn add_delivery_event(&mut self, input: &DeliveryEventInput) -> Result<DeliveryEvent> {
        let tx = write_tx(self.conn_mut())?;
        crate::roster::ensure_contractor(&tx, &input.contractor_id)?;
        let checked = Resolver::new(&tx)
            .check(input.clone(), None)
            .map_err(|m| CoreError::Invalid(format!("{}.", text::capitalised(&m))))?;
        let id = insert(&tx, &checked, &clock::now())?;
        tx.commit()?;
        self.delivery_event(&id.to_string())
    }

    pub fn delivery_event(&self, id: &str) -> Result<DeliveryEvent> {
        self.conn()
            .query_row(
                &format!("{EVENT_SELECT} WHERE v.id = ?1"),
                [event_number(id)?],
                from_row,
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That delivery event no longer exists.".into()))
    }

    /// A person's delivery events, newest first.
    pub fn delivery_events(&self, contractor_id: &str) -> Result<Vec<DeliveryEvent>> {
        crate::roster::ensure_contractor(self.conn(), contractor_id)?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "{EVENT_SELECT} WHERE v.contractor_id = ?1 ORDER BY v.on_date DESC, v.id DESC"
        ))?;
        let rows = stmt.query_map([contractor_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Removes an event entered by mistake.
    pub fn delete_delivery_event(&mut self, id: &str) -> Result<()> {
        let gone = self.conn().execute(
            "DELETE FROM delivery_event WHERE id = ?1",
            [event_number(id)?],
        )?;
        if gone == 0 {
            return Err(CoreError::NotFound(
                "That delivery event no longer exists.".into(),
            ));
        }
        Ok(())
    }
}
