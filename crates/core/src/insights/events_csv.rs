//! Delivery events from CSV (`docs/delivery-events.md` documents the columns): a preview naming
//! every bad row, then an all-or-nothing import in one transaction.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use super::events::{insert, CheckedEvent, Resolver};
use super::{DefectStage, DeliveryEvent, DeliveryEventInput, EventKind, MilestoneOutcome};
use crate::csv_file::{read_rows, CsvImportResult, CsvPreview, Fields, ImportTally, PreviewTally};
use crate::error::Result;
use crate::store::{enum_from, write_tx};
use crate::workspace::Workspace;
use crate::{clock, fault, text};

pub const COLUMNS: [&str; 9] = [
    "email",
    "date",
    "kind",
    "value",
    "stage",
    "outcome",
    "work_area",
    "engagement_client",
    "note",
];

/// A stored enum's name read from a cell, or the reason it is not one.
fn choice<T: serde::de::DeserializeOwned>(
    what: &str,
    raw: &str,
    allowed: &str,
) -> Result<Option<T>, String> {
    if raw.is_empty() {
        return Ok(None);
    }
    enum_from(raw.to_ascii_lowercase())
        .map(Some)
        .map_err(|_| format!("the {what} '{}' is not one of {allowed}", text::shown(raw)))
}

struct RowReader<'c> {
    conn: &'c Connection,
    people: HashMap<String, Option<(String, String)>>,
    resolver: Resolver<'c>,
}

impl<'c> RowReader<'c> {
    fn new(conn: &'c Connection) -> Self {
        RowReader {
            conn,
            people: HashMap::new(),
            resolver: Resolver::new(conn),
        }
    }

    /// A person's (id, name) by email.
    fn person(&mut self, email: &str) -> Result<(String, String), String> {
        if email.is_empty() {
            return Err("the email is empty".into());
        }
        let conn = self.conn;
        self.people
            .entry(email.to_lowercase())
            .or_insert_with(|| {
                conn.prepare_cached(
                    "SELECT id, name FROM contractor WHERE email = ?1 COLLATE NOCASE AND email <> ''",
                )
                .and_then(|mut s| s.query_row([email], |r| Ok((r.get(0)?, r.get(1)?))).optional())
                .ok()
                .flatten()
            })
            .clone()
            .ok_or_else(|| format!("no contractor has the email {}", text::shown(email)))
    }

    fn row(&mut self, f: &Fields) -> Result<(CheckedEvent, String), String> {
        let (contractor_id, name) = self.person(&f.get("email")?)?;
        let kind_text = f.get("kind")?;
        let kind: EventKind = choice("kind", &kind_text, KINDS)?
            .ok_or("the kind is empty (first_deliverable, pr_merged, defect, rework_hours, incident or milestone)")?;
        let value = f.get("value")?;
        let hours = match value.as_str() {
            "" => None,
            v => Some(
                v.parse::<f64>()
                    .ok()
                    .filter(|h| h.is_finite())
                    .ok_or_else(|| {
                        format!("the value '{}' is not a number of hours", text::shown(v))
                    })?,
            ),
        };
        let stage: Option<DefectStage> =
            choice("stage", &f.get("stage")?, "before_release or after_release")?;
        let outcome: Option<MilestoneOutcome> =
            choice("outcome", &f.get("outcome")?, "on_time, late or failed")?;
        let area = f.get("work_area")?;
        let client = f.get("engagement_client")?;
        let input = DeliveryEventInput {
            contractor_id,
            date: f.get("date")?,
            kind,
            hours,
            stage,
            outcome,
            work_area_id: (!area.is_empty()).then_some(area),
            engagement_id: None,
            note: f.get("note")?,
        };
        let checked = self
            .resolver
            .check(input, (!client.is_empty()).then_some(client.as_str()))?;
        Ok((checked, name))
    }
}

const KINDS: &str = "first_deliverable, pr_merged, defect, rework_hours, incident or milestone";

fn read(
    conn: &Connection,
    path: &Path,
    mut row: impl FnMut(u32, Result<(CheckedEvent, String), String>),
) -> Result<Vec<String>> {
    let mut reader = RowReader::new(conn);
    read_rows(
        path,
        &COLUMNS,
        &["email", "date", "kind"],
        |line, fields| row(line, fields.and_then(|f| reader.row(&f))),
    )
}

fn index_order(e: &CheckedEvent) -> (&str, Option<&str>, &str) {
    (
        &e.input.contractor_id,
        e.engagement_id.as_deref(),
        &e.input.date,
    )
}

/// An event as the preview shows it (no id yet).
fn shown(event: CheckedEvent, name: String, conn: &Connection) -> DeliveryEvent {
    let lookup = |sql: &str, id: &Option<String>| -> Option<String> {
        id.as_ref()
            .and_then(|id| conn.query_row(sql, [id], |r| r.get(0)).ok())
    };
    let e = event.input;
    DeliveryEvent {
        id: String::new(),
        contractor_name: name,
        engagement_client: lookup(
            "SELECT client FROM engagement WHERE id = ?1",
            &event.engagement_id,
        ),
        engagement_id: event.engagement_id,
        work_area_name: lookup("SELECT name FROM work_area WHERE id = ?1", &e.work_area_id),
        contractor_id: e.contractor_id,
        date: e.date,
        kind: e.kind,
        hours: e.hours,
        stage: e.stage,
        outcome: e.outcome,
        work_area_id: e.work_area_id,
        note: e.note,
    }
}

impl Workspace {
    /// What importing a delivery-events CSV would do: the first events and every refused row.
    pub fn preview_events_csv(&self, path: &Path) -> Result<CsvPreview<DeliveryEvent>> {
        let mut tally = PreviewTally::default();
        let columns = read(self.conn(), path, |line, row| tally.add(line, row))?;
        Ok(tally
            .finish(columns)
            .map(|(event, name)| shown(event, name, self.conn())))
    }

    /// Imports every valid row in one transaction; with bad rows only when `skip_bad_rows`.
    pub fn import_events_csv(
        &mut self,
        path: &Path,
        skip_bad_rows: bool,
    ) -> Result<CsvImportResult> {
        let now = clock::now();
        let tx = write_tx(self.conn_mut())?;
        let mut tally = ImportTally::default();
        read(&tx, path, |line, row| tally.add(line, row.map(|(e, _)| e)))?;
        tally.check(path, skip_bad_rows)?;
        // In index order (person, engagement), so each insert lands beside the one before it.
        tally
            .rows
            .sort_by(|a, b| index_order(a).cmp(&index_order(b)));
        for (i, event) in tally.rows.iter().enumerate() {
            insert(&tx, event, &now)?;
            if i == tally.rows.len() / 2 {
                fault::point("events.import.halfway");
            }
        }
        tx.commit()?;
        Ok(tally.result())
    }
}
