//! Reading ladders and roles out of the store.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::*;
use crate::error::{CoreError, Result};

const ROLE_COLUMNS: &str =
    "r.id, r.name, r.description, r.kind, r.pilot, r.archived_at IS NOT NULL, r.updated_at,
    (SELECT max(number) FROM ladder_version v WHERE v.role_id = r.id AND v.status = 'published'),
    EXISTS (SELECT 1 FROM ladder_version v WHERE v.role_id = r.id AND v.status = 'draft')";

fn role_from_row(row: &Row) -> rusqlite::Result<RoleSummary> {
    let kind: String = row.get(3)?;
    Ok(RoleSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        description: row.get(2)?,
        kind: RoleKind::parse(&kind).unwrap_or(RoleKind::Other),
        pilot: row.get(4)?,
        archived: row.get(5)?,
        updated_at: row.get(6)?,
        published_version: row.get(7)?,
        has_draft: row.get(8)?,
        level_count: 0,
        domain_count: 0,
    })
}

/// Fills in the level and domain counts of the version the editor would show.
fn with_counts(conn: &Connection, mut role: RoleSummary) -> Result<RoleSummary> {
    if let Some(version_id) = current_version_id(conn, &role.id)? {
        let (levels, domains) = conn.query_row(
            "SELECT (SELECT count(*) FROM ladder_level WHERE version_id = ?1),
                    (SELECT count(*) FROM ladder_domain WHERE version_id = ?1)",
            [&version_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        role.level_count = levels;
        role.domain_count = domains;
    }
    Ok(role)
}

pub fn list_roles(conn: &Connection, include_archived: bool) -> Result<Vec<RoleSummary>> {
    let sql = format!(
        "SELECT {ROLE_COLUMNS} FROM role r WHERE ?1 OR r.archived_at IS NULL ORDER BY r.name COLLATE NOCASE"
    );
    let mut stmt = conn.prepare(&sql)?;
    let roles = stmt
        .query_map([include_archived], role_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    roles.into_iter().map(|r| with_counts(conn, r)).collect()
}

pub fn role(conn: &Connection, id: &str) -> Result<RoleSummary> {
    let sql = format!("SELECT {ROLE_COLUMNS} FROM role r WHERE r.id = ?1");
    let role = conn
        .query_row(&sql, [id], role_from_row)
        .optional()?
        .ok_or_else(|| CoreError::NotFound("That role no longer exists.".into()))?;
    with_counts(conn, role)
}

/// Finds a role by id, or by name (case-insensitive; active roles first).
pub fn find_role(conn: &Connection, id_or_name: &str) -> Result<RoleSummary> {
    let id: Option<String> = conn
        .query_row(
            "SELECT id FROM role WHERE id = ?1 OR name = ?1 COLLATE NOCASE
             ORDER BY id = ?1 DESC, archived_at IS NOT NULL LIMIT 1",
            [id_or_name],
            |r| r.get(0),
        )
        .optional()?;
    match id {
        Some(id) => role(conn, &id),
        None => Err(CoreError::NotFound(format!(
            "No role has the id or name '{id_or_name}'."
        ))),
    }
}

/// The version the editor shows: the draft if there is one, else the newest published version.
pub fn current_version_id(conn: &Connection, role_id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT id FROM ladder_version WHERE role_id = ?1
             ORDER BY status = 'draft' DESC, number DESC LIMIT 1",
            [role_id],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn version_info(conn: &Connection, version_id: &str) -> Result<(String, VersionInfo)> {
    conn.query_row(
        "SELECT role_id, id, status, number, based_on, created_at, published_at
         FROM ladder_version WHERE id = ?1",
        [version_id],
        |r| Ok((r.get(0)?, version_from_row(r, 1)?)),
    )
    .optional()?
    .ok_or_else(|| CoreError::NotFound("That ladder version no longer exists.".into()))
}

fn version_from_row(r: &Row, at: usize) -> rusqlite::Result<VersionInfo> {
    let status: String = r.get(at + 1)?;
    Ok(VersionInfo {
        id: r.get(at)?,
        status: if status == "draft" {
            VersionStatus::Draft
        } else {
            VersionStatus::Published
        },
        number: r.get(at + 2)?,
        based_on: r.get(at + 3)?,
        created_at: r.get(at + 4)?,
        published_at: r.get(at + 5)?,
    })
}

/// All versions of a role, newest first (the draft, if any, on top).
pub fn versions(conn: &Connection, role_id: &str) -> Result<Vec<VersionInfo>> {
    let mut stmt = conn.prepare(
        "SELECT id, status, number, based_on, created_at, published_at FROM ladder_version
         WHERE role_id = ?1 ORDER BY status = 'draft' DESC, number DESC",
    )?;
    let rows = stmt.query_map([role_id], |r| version_from_row(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn content(conn: &Connection, version_id: &str) -> Result<LadderContent> {
    let headers = |table: &str| -> Result<Vec<Level>> {
        let mut stmt = conn.prepare(&format!(
            "SELECT key, name, description FROM {table} WHERE version_id = ?1 ORDER BY position"
        ))?;
        let rows = stmt.query_map([version_id], |r| {
            Ok(Level {
                key: r.get(0)?,
                name: r.get(1)?,
                description: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    };
    let levels = headers("ladder_level")?;
    let domains = headers("ladder_domain")?;
    let mut stmt = conn.prepare(
        "SELECT level_key, domain_key, outcomes, evidence FROM ladder_cell WHERE version_id = ?1",
    )?;
    let cells = stmt
        .query_map([version_id], |r| {
            let outcomes: String = r.get(2)?;
            let evidence: String = r.get(3)?;
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                outcomes,
                evidence,
            ))
        })?
        .map(|row| {
            let (level_key, domain_key, outcomes, evidence) = row?;
            Ok(Cell {
                level_key,
                domain_key,
                outcomes: serde_json::from_str(&outcomes).map_err(corrupt)?,
                evidence: serde_json::from_str(&evidence).map_err(corrupt)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    // Order cells as the grid reads: domain by domain, level by level.
    let pos = |keys: &[Level], k: &str| keys.iter().position(|l| l.key == k).unwrap_or(usize::MAX);
    let mut cells = cells;
    cells.sort_by_key(|c| (pos(&domains, &c.domain_key), pos(&levels, &c.level_key)));
    let scale: Option<String> = conn.query_row(
        "SELECT rating_scale FROM ladder_version WHERE id = ?1",
        [version_id],
        |r| r.get(0),
    )?;
    let scale = match scale {
        Some(json) => serde_json::from_str(&json).map_err(corrupt)?,
        None => RatingScale::default(),
    };
    Ok(LadderContent {
        levels,
        domains,
        cells,
        scale,
    })
}

fn corrupt(err: serde_json::Error) -> CoreError {
    CoreError::Invalid(format!("A ladder cell in the database is damaged: {err}"))
}

pub fn related(conn: &Connection, role_id: &str) -> Result<Vec<RoleRef>> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.name FROM role_relation x
         JOIN role r ON r.id = CASE WHEN x.role_a = ?1 THEN x.role_b ELSE x.role_a END
         WHERE ?1 IN (x.role_a, x.role_b) ORDER BY r.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map(params![role_id], |r| {
        Ok(RoleRef {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn ladder_at(conn: &Connection, version_id: &str) -> Result<Ladder> {
    let (role_id, version) = version_info(conn, version_id)?;
    Ok(Ladder {
        role: role(conn, &role_id)?,
        content: content(conn, version_id)?,
        related: related(conn, &role_id)?,
        version,
    })
}

pub fn current_ladder(conn: &Connection, role_id: &str) -> Result<Ladder> {
    let version_id = current_version_id(conn, role_id)?
        .ok_or_else(|| CoreError::NotFound("That role has no ladder.".into()))?;
    ladder_at(conn, &version_id)
}
