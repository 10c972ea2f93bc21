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

use crate::clock;
use crate::error::{CoreError, Result};
use crate::layout::{INCOMING_DIR, VAULT_DIR};
use crate::workspace::Workspace;

pub const DEFAULT_MAX_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// Where files are written before they are renamed into the vault.
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

/// Every media type the vault records: what `media_type` can answer. A type read back from a
/// workspace must be one of these, so a hostile row can't splice markup where a type goes.
pub const MEDIA_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "image/svg+xml",
    "text/plain",
    "application/json",
    "application/zip",
    "application/octet-stream",
];

/// `media_type` as one of `MEDIA_TYPES`, or an error saying the record was altered.
pub fn known_media_type(media_type: &str) -> Result<&'static str> {
    MEDIA_TYPES
        .iter()
        .find(|t| **t == media_type)
        .copied()
        .ok_or_else(|| {
            CoreError::Invalid(format!(
                "The workspace records a file of type “{}”, which Guildbook never records: the database may have been altered. Nothing was read.",
                crate::text::shown(media_type)
            ))
        })
}

/// `sha256` if it is a vault name — 64 lowercase hex digits — and an error otherwise. Every path
/// into the vault is made from a checked name, so a row naming `../` or `/home/…` reads nothing.
pub fn check_name(sha256: &str) -> Result<&str> {
    if sha256.len() == 64
        && sha256
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    {
        Ok(sha256)
    } else {
        Err(CoreError::Invalid(format!(
            "The workspace names a vault file “{}”, which is not a vault name (64 hex digits): the database may have been altered. Nothing was read.",
            crate::text::shown(sha256)
        )))
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
    pub fn vault_path(&self, sha256: &str) -> Result<PathBuf> {
        let sha256 = check_name(sha256)?;
        Ok(self
            .root()
            .join(VAULT_DIR)
            .join(&sha256[..2])
            .join(&sha256[2..4])
            .join(sha256))
    }

    /// The bytes of a vault file, re-hashed: what goes into a signed or exported document is
    /// exactly what was stored. `what` names the file in errors ("the badge image").
    pub fn read_vault_file(&self, sha256: &str, what: &str) -> Result<Vec<u8>> {
        let path = self.vault_path(sha256)?;
        let (_, size) = self.vault_file_info(sha256)?;
        let missing = format!(
            "{} is missing from the vault; run Verify vault",
            crate::text::capitalised(what)
        );
        let file = crate::files::open_regular(&path, what).map_err(|e| match e {
            CoreError::Io { source, .. } => CoreError::Io {
                context: missing.clone(),
                source,
            },
            other => other,
        })?;
        let bytes = crate::files::read_capped_from(file, size, what)?;
        if hex(&Sha256::digest(&bytes)) != sha256 {
            return Err(CoreError::Invalid(format!(
                "{} in the vault was altered (its content no longer matches its SHA-256). Run Verify vault; nothing was written.",
                crate::text::capitalised(what)
            )));
        }
        Ok(bytes)
    }

    /// Copies `source` into the vault and records it with `conn` (in the caller's transaction).
    /// A file already in the vault is not written again.
    pub(crate) fn store_file(&self, conn: &Connection, source: &Path) -> Result<StoredFile> {
        let name = display_name(source);
        let source = crate::files::open_regular(source, &name)?;
        let meta = source
            .metadata()
            .map_err(CoreError::io(format!("Could not read {name}")))?;
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
        let tmp = self.incoming_path()?;
        match self.stream_into(source, &tmp, limit, &name) {
            Ok((sha256, size, head)) => self.keep(conn, &name, &tmp, sha256, size, &head),
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                Err(e)
            }
        }
    }

    /// Keeps `bytes` (already read and checked by the caller) in the vault, as `store_file` does:
    /// what was checked is exactly what is stored.
    pub(crate) fn store_bytes(
        &self,
        conn: &Connection,
        name: &str,
        bytes: &[u8],
    ) -> Result<StoredFile> {
        let tmp = self.incoming_path()?;
        let write = || -> std::io::Result<()> {
            let mut f = File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()
        };
        if let Err(e) = write() {
            let _ = fs::remove_file(&tmp);
            return Err(CoreError::Io {
                context: "Could not write to the vault".into(),
                source: e,
            });
        }
        let sha256 = hex(&Sha256::digest(bytes));
        let head = &bytes[..bytes.len().min(16)];
        self.keep(conn, name, &tmp, sha256, bytes.len() as u64, head)
    }

    /// Moves a written, fsynced `tmp` into the vault under its hash (or drops it when the vault
    /// has that content already) and records it with `conn`.
    fn keep(
        &self,
        conn: &Connection,
        name: &str,
        tmp: &Path,
        sha256: String,
        size: u64,
        head: &[u8],
    ) -> Result<StoredFile> {
        if size == 0 {
            let _ = fs::remove_file(tmp);
            return Err(CoreError::Invalid(format!(
                "{name} is empty (0 bytes). Nothing was added."
            )));
        }
        let dest = self.vault_path(&sha256)?;
        let deduplicated = dest.is_file()
            && fs::metadata(&dest)
                .map(|m| m.len() == size)
                .unwrap_or(false);
        if deduplicated {
            let _ = fs::remove_file(tmp);
        } else {
            let dir = dest.parent().expect("vault paths have parents");
            let moved =
                fs::create_dir_all(dir).and_then(|()| crate::files::rename_durably(tmp, &dest));
            if let Err(e) = moved {
                let _ = fs::remove_file(tmp);
                return Err(CoreError::Io {
                    context: "Could not write to the vault".into(),
                    source: e,
                });
            }
        }
        let media_type = media_type(head, name);
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

    /// A fresh name in the vault's `.incoming` folder, where files are written before they are
    /// renamed into place (what a killed process leaves there is swept on the next open).
    fn incoming_path(&self) -> Result<PathBuf> {
        let incoming = self.root().join(VAULT_DIR).join(INCOMING_DIR);
        fs::create_dir_all(&incoming).map_err(CoreError::io("Could not prepare the vault"))?;
        Ok(incoming.join(crate::files::temporary_name()))
    }

    /// Copies `source` to `tmp` in chunks while hashing; stops as soon as the limit is passed.
    fn stream_into(
        &self,
        source: File,
        tmp: &Path,
        limit: u64,
        name: &str,
    ) -> Result<(String, u64, Vec<u8>)> {
        let mut reader = BufReader::with_capacity(CHUNK, source);
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
            // A recorded name that is not a hash is an altered record: nothing is read for it.
            let opened = self
                .vault_path(&sha256)
                .map(|p| crate::files::open_regular(&p, "A vault file").ok());
            let kind = match opened {
                Err(_) => Some(VaultProblemKind::Corrupt),
                Ok(None) => Some(VaultProblemKind::Missing),
                Ok(Some(f)) => {
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
        let (media_type, size): (String, i64) = self
            .conn()
            .query_row(
                "SELECT media_type, size FROM vault_file WHERE sha256 = ?1",
                [check_name(sha256)?],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That file is not in the vault.".into()))?;
        Ok((known_media_type(&media_type)?.into(), size.max(0) as u64))
    }
}
