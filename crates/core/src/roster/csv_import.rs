//! Contractor CSV import: a preview that lists every bad row with its line and reason, then an
//! import that is all-or-nothing (bad rows are skipped only when the person confirms).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::contractors::{clean_input, insert};
use super::levels::insert_level;
use super::*;
use crate::error::{CoreError, Result};
use crate::store::write_tx;
use crate::workspace::Workspace;
use crate::{dates, fault};

pub const COLUMNS: [&str; 9] = [
    "name", "email", "phone", "location", "status", "tags", "notes", "role", "level",
];
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
const SAMPLE_ROWS: usize = 20;
const LISTED_ERRORS: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvRowError {
    /// The line in the file (the header is line 1).
    pub line: u32,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreview {
    pub columns: Vec<String>,
    pub total_rows: u32,
    pub valid_rows: u32,
    /// The first valid rows, as they will be stored.
    pub sample: Vec<ContractorInput>,
    /// Bad rows (the first 500 listed; `error_count` has them all).
    pub errors: Vec<CsvRowError>,
    pub error_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvImportResult {
    pub imported: u32,
    pub skipped: u32,
}

/// A valid row: the person, and the level they hold in a role if the row names one.
struct Row {
    contractor: ContractorInput,
    level: Option<(String, String)>,
}

fn fail(path: &Path, msg: impl std::fmt::Display) -> CoreError {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    CoreError::ImportFailed(format!("{name}: {msg}. Nothing was imported."))
}

/// Reads the file row by row (never whole), calling `row` with each row's line and result.
fn read(
    conn: &Connection,
    path: &Path,
    mut row: impl FnMut(u32, Result<Row, String>),
) -> Result<Vec<String>> {
    let what = format!("The CSV file {}", crate::vault::display_name(path));
    let file = crate::files::open_regular(path, &what)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(fail(
            path,
            format!(
                "the file is {:.0} MB; at most {} MB",
                size as f64 / 1e6,
                MAX_FILE_BYTES / 1_000_000
            ),
        ));
    }
    // Row by row, and never past the limit, even when the file grows while it is read.
    let file = std::io::Read::take(file, MAX_FILE_BYTES);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(file);
    let header = reader
        .byte_headers()
        .map_err(|e| fail(path, format!("the header can't be read: {e}")))?
        .clone();
    if header.is_empty() || header.iter().all(|h| h.is_empty()) {
        return Err(fail(path, "the file is empty"));
    }
    let columns: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = String::from_utf8_lossy(h);
            let h = if i == 0 {
                h.trim_start_matches('\u{feff}')
            } else {
                &h
            };
            h.trim().to_ascii_lowercase()
        })
        .collect();
    let expected = COLUMNS.join(", ");
    for c in &columns {
        if !COLUMNS.contains(&c.as_str()) {
            return Err(fail(
                path,
                format!("unknown column '{c}' (the columns are: {expected})"),
            ));
        }
    }
    if !columns.iter().any(|c| c == "name") {
        return Err(fail(
            path,
            format!("there is no 'name' column (the columns are: {expected})"),
        ));
    }
    let at = |name: &str| columns.iter().position(|c| c == name);
    let mut lookup = Lookup {
        conn,
        roles: HashMap::new(),
        levels: HashMap::new(),
    };
    let mut emails = HashSet::new();
    let mut record = csv::ByteRecord::new();
    loop {
        let line = reader.position().line() as u32;
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                row(line, Err(format!("can't be read: {e}")));
                continue;
            }
        }
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue; // blank lines are not rows
        }
        if record.len() != columns.len() {
            row(
                line,
                Err(format!(
                    "has {} fields; the header has {}",
                    record.len(),
                    columns.len()
                )),
            );
            continue;
        }
        let field = |name: &str| -> Result<String, String> {
            let Some(i) = at(name) else {
                return Ok(String::new());
            };
            std::str::from_utf8(&record[i])
                .map(|s| s.trim().to_string())
                .map_err(|_| format!("the {name} is not UTF-8 text (save the file as UTF-8)"))
        };
        row(line, parse_row(&field, &mut lookup, &mut emails));
    }
    Ok(columns)
}

fn parse_row(
    field: &dyn Fn(&str) -> Result<String, String>,
    lookup: &mut Lookup,
    emails: &mut HashSet<String>,
) -> Result<Row, String> {
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
        let (mut total, mut valid, mut sample, mut errors, mut error_count) =
            (0, 0, vec![], vec![], 0);
        let columns = read(self.conn(), path, |line, row| {
            total += 1;
            match row {
                Ok(r) => {
                    valid += 1;
                    if sample.len() < SAMPLE_ROWS {
                        sample.push(r.contractor);
                    }
                }
                Err(message) => {
                    error_count += 1;
                    if errors.len() < LISTED_ERRORS {
                        errors.push(CsvRowError { line, message });
                    }
                }
            }
        })?;
        Ok(CsvPreview {
            columns,
            total_rows: total,
            valid_rows: valid,
            sample,
            errors,
            error_count,
        })
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
        let (mut rows, mut bad, mut first_error) = (Vec::new(), 0u32, None);
        read(&tx, path, |line, row| match row {
            Ok(r) => rows.push(r),
            Err(m) => {
                bad += 1;
                first_error.get_or_insert(format!("line {line}: {m}"));
            }
        })?;
        if bad > 0 && !skip_bad_rows {
            return Err(fail(
                path,
                format!(
                    "{bad} row{} can't be imported (first: {}); confirm to skip {}",
                    if bad == 1 { "" } else { "s" },
                    first_error.unwrap_or_default(),
                    if bad == 1 { "it" } else { "them" }
                ),
            ));
        }
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
        Ok(CsvImportResult {
            imported: rows.len() as u32,
            skipped: bad,
        })
    }
}
