//! Reading CSV files people bring (a roster, delivery events): row by row and never past a size
//! limit, with every bad row named by its line, and the preview/import pattern the screens share —
//! a preview lists what would be refused; an import is all-or-nothing unless skipping is confirmed.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{CoreError, Result};

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

/// What importing a file would do: the first rows as they will be stored, and every bad row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreview<T> {
    pub columns: Vec<String>,
    pub total_rows: u32,
    pub valid_rows: u32,
    /// The first valid rows, as they will be stored.
    pub sample: Vec<T>,
    /// Bad rows (the first 500 listed; `error_count` has them all).
    pub errors: Vec<CsvRowError>,
    pub error_count: u32,
}

impl<T> CsvPreview<T> {
    /// The same preview with its sample rows turned into what the screen shows.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> CsvPreview<U> {
        CsvPreview {
            columns: self.columns,
            total_rows: self.total_rows,
            valid_rows: self.valid_rows,
            sample: self.sample.into_iter().map(f).collect(),
            errors: self.errors,
            error_count: self.error_count,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvImportResult {
    pub imported: u32,
    pub skipped: u32,
}

/// A refusal that names the file and says nothing was stored.
pub fn fail(path: &Path, msg: impl std::fmt::Display) -> CoreError {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    CoreError::ImportFailed(format!("{name}: {msg}. Nothing was imported."))
}

/// One row's fields by column name (trimmed; an absent column reads as empty).
pub struct Fields<'r> {
    columns: &'r [String],
    record: &'r csv::ByteRecord,
}

impl Fields<'_> {
    pub fn get(&self, name: &str) -> Result<String, String> {
        let Some(i) = self.columns.iter().position(|c| c == name) else {
            return Ok(String::new());
        };
        std::str::from_utf8(&self.record[i])
            .map(|s| s.trim().to_string())
            .map_err(|_| format!("the {name} is not UTF-8 text (save the file as UTF-8)"))
    }
}

/// Reads `path` row by row, calling `row` with each row's line and fields. The header must use
/// only `known` columns and include every `required` one. Returns the header's columns.
pub fn read_rows(
    path: &Path,
    known: &[&str],
    required: &[&str],
    mut row: impl FnMut(u32, Result<Fields<'_>, String>),
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
    let expected = known.join(", ");
    for c in &columns {
        if !known.contains(&c.as_str()) {
            return Err(fail(
                path,
                format!("unknown column '{c}' (the columns are: {expected})"),
            ));
        }
    }
    for r in required {
        if !columns.iter().any(|c| c == r) {
            return Err(fail(
                path,
                format!("there is no '{r}' column (the columns are: {expected})"),
            ));
        }
    }
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
            let message = format!(
                "has {} fields; the header has {}",
                record.len(),
                columns.len()
            );
            row(line, Err(message));
            continue;
        }
        row(
            line,
            Ok(Fields {
                columns: &columns,
                record: &record,
            }),
        );
    }
    Ok(columns)
}

/// Tallies parsed rows into a preview: counts, the first rows and the first errors.
pub struct PreviewTally<T> {
    preview: CsvPreview<T>,
}

impl<T> Default for PreviewTally<T> {
    fn default() -> Self {
        PreviewTally {
            preview: CsvPreview {
                columns: vec![],
                total_rows: 0,
                valid_rows: 0,
                sample: vec![],
                errors: vec![],
                error_count: 0,
            },
        }
    }
}

impl<T> PreviewTally<T> {
    pub fn add(&mut self, line: u32, row: Result<T, String>) {
        let p = &mut self.preview;
        p.total_rows += 1;
        match row {
            Ok(r) => {
                p.valid_rows += 1;
                if p.sample.len() < SAMPLE_ROWS {
                    p.sample.push(r);
                }
            }
            Err(message) => {
                p.error_count += 1;
                if p.errors.len() < LISTED_ERRORS {
                    p.errors.push(CsvRowError { line, message });
                }
            }
        }
    }

    pub fn finish(mut self, columns: Vec<String>) -> CsvPreview<T> {
        self.preview.columns = columns;
        self.preview
    }
}

/// Collects the valid rows of an import and remembers the bad ones.
pub struct ImportTally<T> {
    pub rows: Vec<T>,
    bad: u32,
    first_error: Option<String>,
}

impl<T> Default for ImportTally<T> {
    fn default() -> Self {
        ImportTally {
            rows: vec![],
            bad: 0,
            first_error: None,
        }
    }
}

impl<T> ImportTally<T> {
    pub fn add(&mut self, line: u32, row: Result<T, String>) {
        match row {
            Ok(r) => self.rows.push(r),
            Err(m) => {
                self.bad += 1;
                self.first_error.get_or_insert(format!("line {line}: {m}"));
            }
        }
    }

    /// Refuses the import when rows were bad and the person did not confirm skipping them.
    pub fn check(&self, path: &Path, skip_bad_rows: bool) -> Result<()> {
        let bad = self.bad;
        if bad == 0 || skip_bad_rows {
            return Ok(());
        }
        Err(fail(
            path,
            format!(
                "{bad} row{} can't be imported (first: {}); confirm to skip {}",
                if bad == 1 { "" } else { "s" },
                self.first_error.as_deref().unwrap_or_default(),
                if bad == 1 { "it" } else { "them" }
            ),
        ))
    }

    pub fn result(&self) -> CsvImportResult {
        CsvImportResult {
            imported: self.rows.len() as u32,
            skipped: self.bad,
        }
    }
}
