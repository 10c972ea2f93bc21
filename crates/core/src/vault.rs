//! The evidence vault: files copied into the workspace, stored under their SHA-256 (streamed, never
//! read whole into memory), each content stored once. Paths people give are only ever read from;
//! the vault's own paths are made from the hash alone.

use std::fs::{self, File};
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::workspace::{Workspace, VAULT_DIR};
use crate::{clock, new_id};

pub const DEFAULT_MAX_BYTES: u64 = 2 * 1024 * 1024 * 1024;
const CHUNK: usize = 256 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoredFile {
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
    pub media_type: String,
    /// The same content was already in the vault; nothing new was written.
    pub deduplicated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VaultProblemKind {
    Missing,
    Corrupt,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VaultProblem {
    pub kind: VaultProblemKind,
    pub sha256: String,
    /// The evidence items that use the file, by title and file name, for the person to recognise.
    pub used_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VaultReport {
    pub checked: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    pub problems: Vec<VaultProblem>,
}

/// A file name fit to show: its last component only, without control or text-direction
/// characters (a U+202E in `photo\u{202E}gnp.exe` makes it read as `photoexe.png`).
pub fn display_name(path: &Path) -> String {
    let raw = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let clean: String = raw
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let clean = clean.trim();
    if clean.is_empty() || clean == "." || clean == ".." {
        "file".into()
    } else {
        clean.chars().take(200).collect()
    }
}

/// Recognises the formats the app previews from their first bytes, else goes by the extension.
pub fn media_type(head: &[u8], name: &str) -> String {
    let by_magic = match head {
        [0x89, b'P', b'N', b'G', ..] => Some("image/png"),
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [b'G', b'I', b'F', b'8', ..] => Some("image/gif"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("image/webp"),
        [b'%', b'P', b'D', b'F', b'-', ..] => Some("application/pdf"),
        _ => None,
    };
    if let Some(t) = by_magic {
        return t.into();
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "svg" => "image/svg+xml",
        "txt" | "md" | "rs" | "ts" | "js" | "py" | "go" | "java" | "kt" | "swift" | "rb"
        | "php" | "cs" | "sql" => "text/plain",
        "json" => "application/json",
        "zip" => "application/zip",
        "fig" | "sketch" | "psd" | "ai" | "xd" => "application/octet-stream",
        _ => "application/octet-stream",
    }
    .into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Workspace {
    pub fn vault_limit(&self) -> Result<u64> {
        let raw: Option<String> = self
            .conn()
            .query_row(
                "SELECT value FROM setting WHERE key = 'vault_max_bytes'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(raw
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_MAX_BYTES))
    }

    pub fn set_vault_limit(&self, bytes: u64) -> Result<()> {
        if bytes == 0 {
            return Err(CoreError::Invalid(
                "The vault's file size limit must be more than 0 bytes.".into(),
            ));
        }
        self.conn().execute(
            "INSERT INTO setting (key, value) VALUES ('vault_max_bytes', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [bytes.to_string()],
        )?;
        Ok(())
    }

    /// Where the vault keeps the file with this hash (two levels of folders keep folders small).
    pub fn vault_path(&self, sha256: &str) -> PathBuf {
        self.root()
            .join(VAULT_DIR)
            .join(&sha256[..2])
            .join(&sha256[2..4])
            .join(sha256)
    }

    /// Copies `source` into the vault and records it with `conn` (in the caller's transaction).
    /// A file already in the vault is not written again.
    pub(crate) fn store_file(&self, conn: &Connection, source: &Path) -> Result<StoredFile> {
        let name = display_name(source);
        let meta = fs::metadata(source).map_err(CoreError::io(format!("Could not read {name}")))?;
        if !meta.is_file() {
            return Err(CoreError::Invalid(format!("{name} is not a file.")));
        }
        let limit = self.vault_limit()?;
        let too_big = |size: u64| {
            CoreError::Invalid(format!(
                "{name} is {:.1} MB; the vault takes files up to {:.1} MB. Nothing was added.",
                size as f64 / 1e6,
                limit as f64 / 1e6
            ))
        };
        if meta.len() > limit {
            return Err(too_big(meta.len()));
        }
        let incoming = self.root().join(VAULT_DIR).join(".incoming");
        fs::create_dir_all(&incoming).map_err(CoreError::io("Could not prepare the vault"))?;
        let tmp = incoming.join(new_id());
        let result = self.stream_into(source, &tmp, limit, &name);
        let (sha256, size, head) = match result {
            Ok(v) => v,
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                return Err(e);
            }
        };
        if size == 0 {
            let _ = fs::remove_file(&tmp);
            return Err(CoreError::Invalid(format!(
                "{name} is empty (0 bytes). Nothing was added."
            )));
        }
        let dest = self.vault_path(&sha256);
        let deduplicated = dest.is_file()
            && fs::metadata(&dest)
                .map(|m| m.len() == size)
                .unwrap_or(false);
        if deduplicated {
            let _ = fs::remove_file(&tmp);
        } else {
            fs::create_dir_all(dest.parent().expect("vault paths have parents"))
                .map_err(CoreError::io("Could not write to the vault"))?;
            fs::rename(&tmp, &dest).map_err(CoreError::io("Could not write to the vault"))?;
        }
        let media_type = media_type(&head, &name);
        conn.execute(
            "INSERT OR IGNORE INTO vault_file (sha256, size, media_type, added_at) VALUES (?1, ?2, ?3, ?4)",
            params![sha256, size as i64, media_type, clock::now()],
        )?;
        Ok(StoredFile {
            sha256,
            size,
            media_type,
            deduplicated,
        })
    }

    /// Copies `source` to `tmp` in chunks while hashing; stops as soon as the limit is passed.
    fn stream_into(
        &self,
        source: &Path,
        tmp: &Path,
        limit: u64,
        name: &str,
    ) -> Result<(String, u64, Vec<u8>)> {
        let mut reader = BufReader::with_capacity(
            CHUNK,
            File::open(source).map_err(CoreError::io(format!("Could not open {name}")))?,
        );
        let mut out = File::create(tmp).map_err(CoreError::io("Could not write to the vault"))?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; CHUNK];
        let (mut size, mut head) = (0u64, Vec::new());
        loop {
            let n = reader
                .read(&mut buf)
                .map_err(CoreError::io(format!("Could not read {name}")))?;
            if n == 0 {
                break;
            }
            size += n as u64;
            if size > limit {
                return Err(CoreError::Invalid(format!(
                    "{name} is larger than the vault's limit of {:.1} MB. Nothing was added.",
                    limit as f64 / 1e6
                )));
            }
            if head.len() < 16 {
                head.extend_from_slice(&buf[..n.min(16 - head.len())]);
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n])
                .map_err(CoreError::io("Could not write to the vault"))?;
        }
        out.sync_all()
            .map_err(CoreError::io("Could not write to the vault"))?;
        Ok((hex(&hasher.finalize()), size, head))
    }

    /// Re-reads every file the workspace knows and reports the missing and the altered, by the
    /// evidence that uses them.
    pub fn verify_vault(&self) -> Result<VaultReport> {
        let files: Vec<(String, i64)> = {
            let mut stmt = self
                .conn()
                .prepare("SELECT sha256, size FROM vault_file ORDER BY sha256")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut report = VaultReport {
            checked: 0,
            bytes: 0,
            problems: vec![],
        };
        for (sha256, size) in files {
            report.checked += 1;
            report.bytes += size as u64;
            let path = self.vault_path(&sha256);
            let kind = match File::open(&path) {
                Err(_) => Some(VaultProblemKind::Missing),
                Ok(f) => {
                    let mut hasher = Sha256::new();
                    let mut reader = BufReader::with_capacity(CHUNK, f);
                    let mut buf = vec![0u8; CHUNK];
                    loop {
                        let n = reader
                            .read(&mut buf)
                            .map_err(CoreError::io("Could not read the vault"))?;
                        if n == 0 {
                            break;
                        }
                        hasher.update(&buf[..n]);
                    }
                    (hex(&hasher.finalize()) != sha256).then_some(VaultProblemKind::Corrupt)
                }
            };
            if let Some(kind) = kind {
                let mut stmt = self.conn().prepare_cached(
                    "SELECT e.title || ' (' || coalesce(e.file_name, '') || ', ' || c.name || ')'
                     FROM evidence e JOIN contractor c ON c.id = e.contractor_id WHERE e.file_sha256 = ?1",
                )?;
                let used_by = stmt
                    .query_map([&sha256], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                report.problems.push(VaultProblem {
                    kind,
                    sha256,
                    used_by,
                });
            }
        }
        Ok(report)
    }
}

impl Workspace {
    /// The media type and size the vault recorded for a file.
    pub fn vault_file_info(&self, sha256: &str) -> Result<(String, u64)> {
        self.conn()
            .query_row(
                "SELECT media_type, size FROM vault_file WHERE sha256 = ?1",
                [sha256],
                |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That file is not in the vault.".into()))
    }
}
