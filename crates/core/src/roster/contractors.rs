//! Contractors: add, edit, archive, and find them fast (full-text search plus filters).

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Deserialize;
use ts_rs::TS;

use super::*;
use crate::error::{CoreError, Result};
use crate::store::write_tx;
use crate::text::{clean_name, clean_text};
use crate::workspace::Workspace;
use crate::{clock, new_id};

const MAX_TAGS: usize = 20;
const MAX_TAG: usize = 40;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct RosterQuery {
    /// Words to find in names, emails, locations, tags and notes (each word as a prefix).
    #[ts(optional)]
    pub text: Option<String>,
    #[ts(optional)]
    pub role_id: Option<String>,
    /// With `role_id`: only people currently at this level of that role.
    #[ts(optional)]
    pub level_key: Option<String>,
    #[ts(optional)]
    pub status: Option<ContractorStatus>,
    #[ts(optional)]
    pub tag: Option<String>,
    /// Archived people are hidden unless asked for (or `status` is archived).
    pub include_archived: bool,
    pub offset: u32,
    /// At most 500 rows a page; 0 means the default of 200.
    pub limit: u32,
}

/// The cleaned, checked form of a `ContractorInput`.
pub(crate) fn clean_input(input: &ContractorInput) -> Result<ContractorInput> {
    let name = clean_name("The contractor's name", &input.name)?;
    let email = input.email.trim().to_string();
    if !email.is_empty()
        && (email.chars().count() > 254
            || email.chars().any(char::is_whitespace)
            || !matches!(email.split_once('@'), Some((a, b)) if !a.is_empty() && b.contains('.')))
    {
        return Err(CoreError::Invalid(format!(
            "'{email}' is not an email address."
        )));
    }
    let one_line = |what: &str, v: &str| -> Result<String> {
        if v.trim().is_empty() {
            Ok(String::new())
        } else {
            clean_name(what, v)
        }
    };
    let mut tags: Vec<String> = Vec::new();
    for tag in &input.tags {
        let tag = tag.trim();
        if tag.is_empty() || tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            continue;
        }
        if tag.chars().count() > MAX_TAG || tag.chars().any(char::is_control) {
            return Err(CoreError::Invalid(format!(
                "The tag '{tag}' is too long or holds control characters."
            )));
        }
        tags.push(tag.to_string());
    }
    if tags.len() > MAX_TAGS {
        return Err(CoreError::Invalid(format!(
            "At most {MAX_TAGS} tags per contractor."
        )));
    }
    Ok(ContractorInput {
        name,
        email,
        phone: one_line("The phone number", &input.phone)?,
        location: one_line("The location", &input.location)?,
        status: Some(input.status.unwrap_or(ContractorStatus::Active)),
        tags,
        notes: clean_text("The notes", &input.notes)?,
    })
}

fn ensure_email_free(conn: &Connection, email: &str, except: Option<&str>) -> Result<()> {
    if email.is_empty() {
        return Ok(());
    }
    let other: Option<String> = conn
        .query_row(
            // `email <> ''` lets SQLite use the partial unique index on email.
            "SELECT name FROM contractor WHERE email = ?1 COLLATE NOCASE AND email <> '' AND id IS NOT ?2",
            params![email, except],
            |r| r.get(0),
        )
        .optional()?;
    match other {
        Some(name) => Err(CoreError::Duplicate(format!(
            "{name} already has the email {email}."
        ))),
        None => Ok(()),
    }
}

/// Writes every field of a checked contractor: a new row for `id` when `new`, else an update.
/// Returns how many rows changed (0: no such contractor).
fn write(conn: &Connection, id: &str, c: &ContractorInput, new: bool) -> Result<usize> {
    let sql = if new {
        "INSERT INTO contractor (id, name, email, phone, location, status, tags, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)"
    } else {
        "UPDATE contractor SET name = ?2, email = ?3, phone = ?4, location = ?5, status = ?6,
           tags = ?7, notes = ?8, updated_at = ?9 WHERE id = ?1"
    };
    Ok(conn.prepare_cached(sql)?.execute(params![
        id,
        c.name,
        c.email,
        c.phone,
        c.location,
        c.status.unwrap_or(ContractorStatus::Active).as_str(),
        serde_json::to_string(&c.tags).expect("tags serialise"),
        c.notes,
        clock::now()
    ])?)
}

/// Inserts a checked contractor; returns the id.
pub(crate) fn insert(conn: &Connection, c: &ContractorInput) -> Result<String> {
    ensure_email_free(conn, &c.email, None)?;
    let id = new_id();
    write(conn, &id, c, true)?;
    Ok(id)
}

fn tags_of(raw: String) -> Vec<String> {
    serde_json::from_str(&raw).unwrap_or_default()
}

fn status_of(raw: &str) -> ContractorStatus {
    ContractorStatus::parse(raw).unwrap_or(ContractorStatus::Active)
}

/// Builds an FTS5 query from what a person typed: every word must match as a prefix. Quoting
/// each word keeps FTS syntax (AND, NEAR, `*`, quotes) in the input from meaning anything.
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

const ROSTER_WHERE: &str = "
  (?1 IS NULL OR c.rowid IN (SELECT rowid FROM contractor_fts WHERE contractor_fts MATCH ?1))
  AND (?2 IS NULL OR c.status = ?2)
  AND (?3 OR ?2 = 'archived' OR c.status <> 'archived')
  AND (?4 IS NULL OR EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value = ?4 COLLATE NOCASE))
  AND (?5 IS NULL OR EXISTS (SELECT 1 FROM contractor_current_level l
        WHERE l.contractor_id = c.id AND l.role_id = ?5 AND (?6 IS NULL OR l.level_key = ?6)))";

impl Workspace {
    pub fn add_contractor(&mut self, input: &ContractorInput) -> Result<Contractor> {
        let input = clean_input(input)?;
        let tx = write_tx(self.conn_mut())?;
        let id = insert(&tx, &input)?;
        tx.commit()?;
        self.contractor(&id)
    }

    pub fn update_contractor(&mut self, id: &str, input: &ContractorInput) -> Result<Contractor> {
        let input = clean_input(input)?;
        let tx = write_tx(self.conn_mut())?;
        ensure_email_free(&tx, &input.email, Some(id))?;
        let changed = write(&tx, id, &input, false)?;
        if changed == 0 {
            return Err(CoreError::NotFound(
                "That contractor no longer exists.".into(),
            ));
        }
        tx.commit()?;
        self.contractor(id)
    }

    /// Archiving keeps everything (engagements, levels, evidence) and hides the person from lists.
    pub fn set_contractor_status(
        &mut self,
        id: &str,
        status: ContractorStatus,
    ) -> Result<Contractor> {
        let changed = self.conn().execute(
            "UPDATE contractor SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, status.as_str(), clock::now()],
        )?;
        if changed == 0 {
            return Err(CoreError::NotFound(
                "That contractor no longer exists.".into(),
            ));
        }
        self.contractor(id)
    }

    pub fn contractor(&self, id: &str) -> Result<Contractor> {
        let mut c = self
            .conn()
            .query_row(
                "SELECT id, name, email, phone, location, status, tags, notes, created_at, updated_at
                 FROM contractor WHERE id = ?1",
                [id],
                |r| {
                    Ok(Contractor {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        email: r.get(2)?,
                        phone: r.get(3)?,
                        location: r.get(4)?,
                        status: status_of(&r.get::<_, String>(5)?),
                        tags: tags_of(r.get(6)?),
                        notes: r.get(7)?,
                        created_at: r.get(8)?,
                        updated_at: r.get(9)?,
                        levels: vec![],
                    })
                },
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That contractor no longer exists.".into()))?;
        c.levels = levels::current(self.conn(), id)?;
        Ok(c)
    }

    /// One page of the roster, sorted by name, with the total number of matches.
    pub fn roster(&self, q: &RosterQuery) -> Result<RosterPage> {
        let text = q.text.as_deref().and_then(fts_query);
        let status = q.status.map(ContractorStatus::as_str);
        let level = q.role_id.as_ref().and(q.level_key.as_ref());
        let args = params![text, status, q.include_archived, q.tag, q.role_id, level];
        let total: u32 = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM contractor c WHERE {ROSTER_WHERE}"
            ))?
            .query_row(args, |r| r.get(0))?;
        let limit = if q.limit == 0 { 200 } else { q.limit.min(500) };
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT c.id, c.name, c.email, c.location, c.status, c.tags FROM contractor c
             WHERE {ROSTER_WHERE} ORDER BY c.name COLLATE NOCASE, c.id LIMIT ?7 OFFSET ?8"
        ))?;
        let rows = stmt
            .query_map(
                params![
                    text,
                    status,
                    q.include_archived,
                    q.tag,
                    q.role_id,
                    level,
                    limit,
                    q.offset
                ],
                |r: &Row| {
                    Ok(RosterRow {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        email: r.get(2)?,
                        location: r.get(3)?,
                        status: status_of(&r.get::<_, String>(4)?),
                        tags: tags_of(r.get(5)?),
                        roles: vec![],
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let rows = rows
            .into_iter()
            .map(|mut row| {
                row.roles = levels::current(self.conn(), &row.id)?
                    .into_iter()
                    .map(|l| format!("{} · {}", l.role_name, l.level_name))
                    .collect();
                Ok(row)
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(RosterPage { rows, total })
    }
}
