//! Evidence items: files in the vault, links, notes and client testimonials with a
//! measured impact; versions of one artifact (v1, v2, v3 …) each with the note of what changed.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::ladder::EvidenceKind;
use crate::store::write_tx;
use crate::text::{clean_name, clean_text};
use crate::vault::display_name;
use crate::workspace::Workspace;
use crate::{clock, new_id};

/// What a client testimonial measured, before and after the work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Impact {
    pub metric: String,
    pub before: f64,
    pub after: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceInput {
    pub kind: EvidenceKind,
    /// Empty: the file's name.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub impact: Option<Impact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceFile {
    pub sha256: String,
    #[ts(type = "number")]
    pub size: u64,
    pub media_type: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub id: String,
    pub contractor_id: String,
    pub kind: EvidenceKind,
    pub title: String,
    pub description: String,
    pub file: Option<EvidenceFile>,
    pub url: Option<String>,
    pub impact: Option<Impact>,
    pub artifact_id: String,
    pub revision: u32,
    pub change_note: String,
    pub created_at: String,
}

/// A kind that fits the file, when the person didn't choose one.
pub fn kind_for(media_type: &str) -> EvidenceKind {
    match media_type {
        t if t.starts_with("image/") => EvidenceKind::DesignFile,
        "text/plain" => EvidenceKind::CodeSample,
        _ => EvidenceKind::Document,
    }
}

fn kind_str(kind: EvidenceKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn clean(input: &EvidenceInput, fallback_title: &str) -> Result<EvidenceInput> {
    let title = if input.title.trim().is_empty() {
        fallback_title
    } else {
        &input.title
    };
    let url = match input
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            Some(clean_name("The link", u)?)
        }
        Some(u) => {
            return Err(CoreError::Invalid(format!(
                "'{u}' is not a web link (http:// or https://)."
            )))
        }
        None => None,
    };
    if input.kind == EvidenceKind::Link && url.is_none() {
        return Err(CoreError::Invalid("A link needs its web address.".into()));
    }
    let impact = match &input.impact {
        Some(i) if !(i.before.is_finite() && i.after.is_finite()) => {
            return Err(CoreError::Invalid(
                "The measured impact needs numbers before and after.".into(),
            ))
        }
        Some(i) => Some(Impact {
            metric: clean_name("The measured metric", &i.metric)?,
            ..i.clone()
        }),
        None => None,
    };
    Ok(EvidenceInput {
        kind: input.kind,
        title: clean_name("The evidence title", title)?,
        description: clean_text("The description", &input.description)?,
        url,
        impact,
    })
}

const SELECT: &str = "SELECT e.id, e.contractor_id, e.kind, e.title, e.description, e.file_sha256, f.size,
    f.media_type, e.file_name, e.url, e.metric, e.metric_before, e.metric_after, e.artifact_id, e.revision,
    e.change_note, e.created_at FROM evidence e LEFT JOIN vault_file f ON f.sha256 = e.file_sha256";

fn from_row(r: &Row) -> rusqlite::Result<Evidence> {
    let kind: String = r.get(2)?;
    let file = match r.get::<_, Option<String>>(5)? {
        Some(sha256) => Some(EvidenceFile {
            sha256,
            size: r.get::<_, i64>(6)? as u64,
            media_type: r.get(7)?,
            name: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
        }),
        None => None,
    };
    let impact = match r.get::<_, Option<String>>(10)? {
        Some(metric) => Some(Impact {
            metric,
            before: r.get(11)?,
            after: r.get(12)?,
        }),
        None => None,
    };
    Ok(Evidence {
        id: r.get(0)?,
        contractor_id: r.get(1)?,
        kind: serde_json::from_value(serde_json::Value::String(kind)).unwrap_or(EvidenceKind::Note),
        title: r.get(3)?,
        description: r.get(4)?,
        file,
        url: r.get(9)?,
        impact,
        artifact_id: r.get(13)?,
        revision: r.get(14)?,
        change_note: r.get(15)?,
        created_at: r.get(16)?,
    })
}

struct NewItem<'a> {
    contractor_id: &'a str,
    input: &'a EvidenceInput,
    file: Option<(&'a str, String)>,
    artifact_id: String,
    revision: u32,
    change_note: &'a str,
}

fn insert(conn: &Connection, item: NewItem) -> Result<String> {
    let id = new_id();
    let (sha, name) = item.file.map_or((None, None), |(s, n)| (Some(s), Some(n)));
    let i = item.input;
    conn.prepare_cached(
        "INSERT INTO evidence (id, contractor_id, kind, title, description, file_sha256, file_name, url, metric,
           metric_before, metric_after, artifact_id, revision, change_note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        id,
        item.contractor_id,
        kind_str(i.kind),
        i.title,
        i.description,
        sha,
        name,
        i.url,
        i.impact.as_ref().map(|m| &m.metric),
        i.impact.as_ref().map(|m| m.before),
        i.impact.as_ref().map(|m| m.after),
        item.artifact_id,
        item.revision,
        item.change_note,
        clock::now()
    ])?;
    Ok(id)
}

impl Workspace {
    /// Copies a file into the vault and records it as evidence for a person. `input` may choose
    /// the kind and title; otherwise they come from the file.
    pub fn add_evidence_file(
        &mut self,
        contractor_id: &str,
        path: &Path,
        input: Option<&EvidenceInput>,
    ) -> Result<Evidence> {
        crate::roster::ensure_contractor(self.conn(), contractor_id)?;
        let id = self.insert_file_evidence(self.conn(), contractor_id, path, input)?;
        self.evidence(&id)
    }

    /// Stores the file and records the evidence with `conn` (the caller's transaction, if any);
    /// answers the new evidence's id.
    pub(crate) fn insert_file_evidence(
        &self,
        conn: &rusqlite::Connection,
        contractor_id: &str,
        path: &Path,
        input: Option<&EvidenceInput>,
    ) -> Result<String> {
        let name = display_name(path);
        let stored = self.store_file(conn, path)?;
        let input = match input {
            Some(i) => clean(i, &name)?,
            None => clean(
                &EvidenceInput {
                    kind: kind_for(&stored.media_type),
                    title: String::new(),
                    description: String::new(),
                    url: None,
                    impact: None,
                },
                &name,
            )?,
        };
        insert(
            conn,
            NewItem {
                contractor_id,
                input: &input,
                file: Some((&stored.sha256, name)),
                artifact_id: new_id(),
                revision: 1,
                change_note: "",
            },
        )
    }

    /// Evidence without a file: a link, a note, a client testimonial with its measured impact.
    pub fn add_evidence(&mut self, contractor_id: &str, input: &EvidenceInput) -> Result<Evidence> {
        let input = clean(input, "")?;
        let tx = write_tx(self.conn_mut())?;
        crate::roster::ensure_contractor(&tx, contractor_id)?;
        let id = insert(
            &tx,
            NewItem {
                contractor_id,
                input: &input,
                file: None,
                artifact_id: new_id(),
                revision: 1,
                change_note: "",
            },
        )?;
        tx.commit()?;
        self.evidence(&id)
    }

    /// A new version of the artifact `evidence_id` belongs to, with what feedback changed.
    pub fn add_revision(
        &mut self,
        evidence_id: &str,
        path: &Path,
        change_note: &str,
    ) -> Result<Evidence> {
        let previous = self.evidence(evidence_id)?;
        let change_note = clean_text("The change note", change_note)?;
        let stored = self.store_file(self.conn(), path)?;
        let next: u32 = self.conn().query_row(
            "SELECT max(revision) + 1 FROM evidence WHERE artifact_id = ?1",
            [&previous.artifact_id],
            |r| r.get(0),
        )?;
        let input = EvidenceInput {
            kind: previous.kind,
            title: previous.title.clone(),
            description: previous.description.clone(),
            url: None,
            impact: None,
        };
        let id = insert(
            self.conn(),
            NewItem {
                contractor_id: &previous.contractor_id,
                input: &input,
                file: Some((&stored.sha256, display_name(path))),
                artifact_id: previous.artifact_id.clone(),
                revision: next,
                change_note: &change_note,
            },
        )?;
        self.evidence(&id)
    }

    pub fn evidence(&self, id: &str) -> Result<Evidence> {
        self.conn()
            .query_row(&format!("{SELECT} WHERE e.id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That evidence no longer exists.".into()))
    }

    /// A person's evidence, newest first.
    pub fn evidence_for(&self, contractor_id: &str) -> Result<Vec<Evidence>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE e.contractor_id = ?1 ORDER BY e.created_at DESC, e.artifact_id, e.revision DESC"
        ))?;
        let rows = stmt.query_map([contractor_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every version of one artifact, v1 first.
    pub fn artifact_revisions(&self, artifact_id: &str) -> Result<Vec<Evidence>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE e.artifact_id = ?1 ORDER BY e.revision"
        ))?;
        let rows = stmt.query_map([artifact_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
