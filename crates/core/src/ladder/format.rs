//! The ladder file format (`docs/ladder-format.md`, `docs/ladder-format.schema.json`): one role's
//! ladder as JSON, with cells naming their level and domain so people can read and edit the file.
//! Reading a file never trusts it: size, encoding, nesting and every field are checked, and errors
//! name the field (e.g. `levels[2].name`) and the line and column.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::rows::insert_role;
use super::*;
use crate::error::{CoreError, Result};
use crate::store::write_tx;
use crate::workspace::Workspace;
use crate::{clock, fault, new_id};

pub const FORMAT: &str = "guildbook-ladder";
pub const FORMAT_VERSION: u32 = 1;
/// Ladders are small (a full 20 × 30 ladder is well under 1 MB); anything bigger is not a ladder.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LadderFile {
    pub format: String,
    pub format_version: u32,
    pub role: FileRole,
    pub levels: Vec<FileHeader>,
    pub domains: Vec<FileHeader>,
    #[serde(default)]
    pub cells: Vec<FileCell>,
    /// The ratings assessors use, lowest first; absent means "not yet / meets / exceeds".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<RatingScale>,
    /// Where the file came from (informational; ignored on import).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported: Option<FileExported>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileRole {
    pub name: String,
    pub kind: RoleKind,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileHeader {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileCell {
    pub domain: String,
    pub level: String,
    #[serde(default)]
    pub outcomes: Vec<String>,
    #[serde(default)]
    pub evidence: Vec<EvidenceRequirement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileExported {
    pub at: String,
    pub version: Option<u32>,
    pub status: VersionStatus,
}

fn fail(msg: impl std::fmt::Display) -> CoreError {
    CoreError::ImportFailed(msg.to_string())
}

fn json_error(err: &serde_json::Error) -> String {
    if err.to_string().contains("recursion limit") {
        format!(
            "the file is nested too deeply to be a ladder (line {}, column {})",
            err.line(),
            err.column()
        )
    } else if err.is_eof() {
        format!(
            "the file ends too early — it looks truncated (line {}, column {})",
            err.line(),
            err.column()
        )
    } else {
        err.to_string()
    }
}

/// Parses a ladder file's bytes. Errors read like "levels[2].name: expected a string at line 9 column 14".
pub fn parse(bytes: &[u8]) -> Result<LadderFile> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(format!(
            "the file is {} bytes; a ladder file is at most {MAX_FILE_BYTES} bytes",
            bytes.len()
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "the file is not UTF-8 text (invalid bytes at offset {})",
            e.valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(fail("the file is empty"));
    }
    // A first, shape-only pass: tells another format or a newer version before field errors.
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| fail(json_error(&e)))?;
    let Some(header) = value.as_object() else {
        return Err(fail(
            "the file is not a ladder: expected a JSON object at the top level",
        ));
    };
    match header.get("format").map(|f| f.as_str()) {
        Some(Some(FORMAT)) => {}
        Some(other) => {
            let found = other.map_or_else(|| header["format"].to_string(), |o| format!("\"{o}\""));
            return Err(fail(format!(
                "format: expected \"{FORMAT}\", found {found}"
            )));
        }
        None => {
            return Err(fail(format!(
                "format: missing; a ladder file starts with \"format\": \"{FORMAT}\""
            )))
        }
    }
    match header.get("formatVersion").and_then(|v| v.as_u64()) {
        Some(v) if v == FORMAT_VERSION as u64 => {}
        Some(v) if v > FORMAT_VERSION as u64 => {
            return Err(fail(format!(
                "formatVersion: {v} is newer than this Guildbook understands ({FORMAT_VERSION}); update Guildbook"
            )))
        }
        _ => return Err(fail(format!("formatVersion: expected {FORMAT_VERSION}"))),
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let file: LadderFile = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = json_error(e.inner());
        if path == "." {
            fail(inner)
        } else {
            fail(format!("{path}: {inner}"))
        }
    })?;
    de.end().map_err(|e| {
        fail(format!(
            "unexpected text after the ladder: {}",
            json_error(&e)
        ))
    })?;
    Ok(file)
}

/// Turns a parsed file into ladder content with fresh keys, naming the field of any problem.
pub fn to_content(file: &LadderFile) -> Result<LadderContent> {
    let headers = |list: &[FileHeader]| -> Vec<Level> {
        list.iter()
            .map(|h| Level {
                key: new_id(),
                name: h.name.clone(),
                description: h.description.clone(),
            })
            .collect()
    };
    // Check the headers first, so a repeated level name is reported as such, not as a bad cell.
    let levels = edit::validate(LadderContent {
        levels: headers(&file.levels),
        domains: vec![],
        cells: vec![],
        scale: RatingScale::default(),
    })
    .map_err(|e| fail(format!("levels: {e}")))?
    .levels;
    let domains = edit::validate(LadderContent {
        levels: vec![],
        domains: headers(&file.domains),
        cells: vec![],
        scale: RatingScale::default(),
    })
    .map_err(|e| fail(format!("domains: {e}")))?
    .domains;
    let find = |list: &[Level], name: &str, what: &str, at: usize| -> Result<String> {
        list.iter()
            .find(|l| l.name.trim().eq_ignore_ascii_case(name.trim()))
            .map(|l| l.key.clone())
            .ok_or_else(|| {
                let known: Vec<_> = list.iter().map(|l| format!("'{}'", l.name)).collect();
                fail(format!(
                    "cells[{at}].{what}: no {what} named '{name}' (the {what}s are {})",
                    known.join(", ")
                ))
            })
    };
    let mut cells = Vec::with_capacity(file.cells.len());
    for (i, c) in file.cells.iter().enumerate() {
        cells.push(Cell {
            level_key: find(&levels, &c.level, "level", i)?,
            domain_key: find(&domains, &c.domain, "domain", i)?,
            outcomes: c.outcomes.clone(),
            evidence: c.evidence.clone(),
        });
    }
    let scale = match &file.scale {
        Some(scale) => edit::clean_scale(scale.clone()).map_err(|e| fail(format!("scale: {e}")))?,
        None => RatingScale::default(),
    };
    edit::validate(LadderContent {
        levels,
        domains,
        cells,
        scale,
    })
    .map_err(fail)
}

/// The file for one ladder version.
pub fn to_file(ladder: &Ladder) -> LadderFile {
    let c = &ladder.content;
    let header = |l: &Level| FileHeader {
        name: l.name.clone(),
        description: l.description.clone(),
    };
    let name_of = |list: &[Level], key: &str| {
        list.iter()
            .find(|l| l.key == key)
            .map(|l| l.name.clone())
            .unwrap_or_default()
    };
    LadderFile {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        role: FileRole {
            name: ladder.role.name.clone(),
            kind: ladder.role.kind,
            description: ladder.role.description.clone(),
        },
        levels: c.levels.iter().map(header).collect(),
        domains: c.domains.iter().map(header).collect(),
        cells: c
            .cells
            .iter()
            .map(|cell| FileCell {
                domain: name_of(&c.domains, &cell.domain_key),
                level: name_of(&c.levels, &cell.level_key),
                outcomes: cell.outcomes.clone(),
                evidence: cell.evidence.clone(),
            })
            .collect(),
        scale: (!c.scale.is_default()).then(|| c.scale.clone()),
        exported: Some(FileExported {
            at: clock::now(),
            version: ladder.version.number,
            status: ladder.version.status,
        }),
    }
}

/// Reads a file from disk without ever holding more than the size limit in memory.
pub fn read_file(path: &Path) -> Result<LadderFile> {
    let shown = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let with_name = |e: CoreError| match e {
        CoreError::ImportFailed(m) => {
            CoreError::ImportFailed(format!("{shown}: {m}. Nothing was imported."))
        }
        other => other,
    };
    let what = format!("The ladder file {shown}");
    let file = crate::files::open_regular(path, &what)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(with_name(fail(format!(
            "the file is {:.1} MB; a ladder file is at most {} MB",
            size as f64 / 1e6,
            MAX_FILE_BYTES / 1024 / 1024
        ))));
    }
    let bytes = crate::files::read_capped_from(file, MAX_FILE_BYTES, &what)?;
    parse(&bytes).map_err(with_name)
}

impl Workspace {
    /// Imports a ladder file as a new role (named `rename` if given). All or nothing.
    pub fn import_ladder(&mut self, path: &Path, rename: Option<&str>) -> Result<Ladder> {
        let file = read_file(path)?;
        self.import_ladder_file(&file, rename)
    }

    pub fn import_ladder_file(
        &mut self,
        file: &LadderFile,
        rename: Option<&str>,
    ) -> Result<Ladder> {
        let content = to_content(file)?;
        let name = rename.unwrap_or(&file.role.name);
        let tx = write_tx(self.conn_mut())?;
        let id = insert_role(&tx, name, file.role.kind, &file.role.description, &content)
            .map_err(|e| match e {
                CoreError::Duplicate(m) => CoreError::Duplicate(format!(
                    "{m} Rename the role in the file (role.name), or import it under another name. Nothing was imported."
                )),
                CoreError::Invalid(m) => fail(format!("role: {m} Nothing was imported.")),
                other => other,
            })?;
        fault::point("ladder.import.before_commit");
        tx.commit()?;
        self.ladder(&id)
    }

    /// Writes the ladder the editor shows for `role_id` to `path` as a ladder file.
    pub fn export_ladder(&self, role_id: &str, path: &Path) -> Result<()> {
        let json = self.export_ladder_json(role_id)?;
        crate::files::write_atomically(path, json.as_bytes())
    }

    pub fn export_ladder_json(&self, role_id: &str) -> Result<String> {
        let file = to_file(&self.ladder(role_id)?);
        Ok(serde_json::to_string_pretty(&file).expect("a ladder file serialises") + "\n")
    }
}
