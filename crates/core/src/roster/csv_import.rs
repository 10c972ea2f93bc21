//! Contractor CSV import: a preview that lists every bad row with its line and reason, then an
//! import that is all-or-nothing (bad rows are skipped only when the person confirms).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};

use super::contractors::{clean_input, insert};
use super::levels::insert_level;
use super::*;
use crate::error::Result;
use crate::store::write_tx;
use crate::workspace::Workspace;
use crate::{dates, fault};

pub const COLUMNS: [&str; 9] = [
    "name", "email", "phone", "location", "status", "tags", "notes", "role", "level",
];
pub use crate::csv_file::CsvImportResult;
use crate::csv_file::{read_rows, Fields, ImportTally, PreviewTally};

pub type CsvPreview = crate::csv_file::CsvPreview<ContractorInput>;

/// A valid row: the person, and the level they hold in a role if the row names one.
struct Row {
    contractor: ContractorInput,
    level: Option<(String, String)>,
}

/// Reads the file row by row (never whole), calling `row` with each row's line and result.
fn read(
    conn: &Connection,
    path: &Path,
    mut row: impl FnMut(u32, Result<Row, String>),
) -> Result<Vec<String>> {
    let mut lookup = Lookup {
        conn,
        roles: HashMap::new(),
        levels: HashMap::new(),
    };
    let mut emails = HashSet::new();
    read_rows(path, &COLUMNS, &["name"], |line, fields| {
        row(
            line,
            fields.and_then(|f| parse_row(&f, &mut lookup, &mut emails)),
        )
    })
}

fn parse_row(
    fields: &Fields,
    lookup: &mut Lookup,
    emails: &mut HashSet<String>,
) -> Result<Row, String> {
    let field = |name: &str| fields.get(name);
    let status = field("status")?;
    let input =
        ContractorInput {
            name: field("name")?,
            email: field("email")?,
            phone: field("phone")?,
            location: field("location")?,
            status: Some(ContractorStatus::parse(&status).ok_or_else(|| {
                format!("the status '{status}' is not active, inactive or archived")
            })?),
            tags: field("tags")?
                .split([';', ','])
                .map(str::to_string)
                .collect(),
            notes: field("notes")?,
        };
    let contractor = clean_input(&input).map_err(|e| e.to_string())?;
    if !contractor.email.is_empty() {
        let key = contractor.email.to_lowercase();
        if !emails.insert(key) {
            return Err(format!(
                "the email {} appears twice in the file",
                contractor.email
            ));
        }
        if lookup
            .email_taken(&contractor.email)
            .map_err(|e| e.to_string())?
        {
            return Err(format!(
                "a contractor with the email {} already exists",
                contractor.email
            ));
        }
    }
    let (role, level) = (field("role")?, field("level")?);
    let level = match (role.is_empty(), level.is_empty()) {
        (true, true) => None,
        (false, false) => Some(lookup.level(&role, &level)?),
        _ => return Err("role and level go together: give both or neither".into()),
    };
    Ok(Row { contractor, level })
}

/// Finds roles and levels by name, remembering what it found (a file names few of them).
struct Lookup<'c> {
    conn: &'c Connection,
    roles: HashMap<String, Option<String>>,
    levels: HashMap<(String, String), Option<String>>,
}

impl Lookup<'_> {
    fn level(&mut self, role: &str, level: &str) -> Result<(String, String), String> {
        let conn = self.conn;
        let role_id = self
            .roles
            .entry(role.to_lowercase())
            .or_insert_with(|| {
                conn.query_row(
                    "SELECT id FROM role WHERE name = ?1 COLLATE NOCASE AND archived_at IS NULL",
                    [role],
                    |r| r.get(0),
                )
                .optional()
                .ok()
                .flatten()
            })
            .clone()
            .ok_or_else(|| format!("there is no role named '{role}'"))?;
        let key = self
            .levels
            .entry((role_id.clone(), level.to_lowercase()))
            .or_insert_with(|| {
                conn.query_row(
                    "SELECT level_key FROM role_level_name WHERE role_id = ?1 AND name = ?2 COLLATE NOCASE",
                    params![role_id, level],
                    |r| r.get(0),
                )
                .optional()
                .ok()
                .flatten()
            })
            .clone()
            .ok_or_else(|| format!("the role '{role}' has no level named '{level}'"))?;
        Ok((role_id, key))
    }

    fn email_taken(&self, email: &str) -> rusqlite::Result<bool> {
        self.conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM contractor WHERE email = ?1 COLLATE NOCASE AND email <> '')")?
            .query_row([email], |r| r.get(0))
    }
}

impl Workspace {
    /// What importing `path` would do: the rows it would add and every row it would refuse.
    pub fn preview_contractor_csv(&self, path: &Path) -> Result<CsvPreview> {
        let mut tally = PreviewTally::default();
        let columns = read(self.conn(), path, |line, row| {
            tally.add(line, row.map(|r| r.contractor))
        })?;
        Ok(tally.finish(columns))
    }

    /// Imports every valid row in one transaction. With bad rows it refuses unless
    /// `skip_bad_rows` (the person saw the preview and confirmed).
    pub fn import_contractor_csv(
        &mut self,
        path: &Path,
        skip_bad_rows: bool,
    ) -> Result<CsvImportResult> {
        let today = dates::format(dates::today());
        let tx = write_tx(self.conn_mut())?;
        let mut tally = ImportTally::default();
        read(&tx, path, |line, row| tally.add(line, row))?;
        tally.check(path, skip_bad_rows)?;
        let rows = &tally.rows;
        for (i, row) in rows.iter().enumerate() {
            let id = insert(&tx, &row.contractor)?;
            if let Some((role_id, level_key)) = &row.level {
                insert_level(&tx, &id, role_id, level_key, &today, "Imported from CSV")?;
            }
            if i == rows.len() / 2 {
                fault::point("csv.import.halfway");
            }
        }
        tx.commit()?;
        Ok(tally.result())
    }
}
