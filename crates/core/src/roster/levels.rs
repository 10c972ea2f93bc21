//! The level a person holds in each role, and its history. A change is a new row; nothing is
//! overwritten, so the profile's timeline is the table itself.

use rusqlite::{params, Connection};

use super::*;
use crate::error::{CoreError, Result};
use crate::store::write_tx;
use crate::text::clean_text;
use crate::workspace::Workspace;
use crate::{clock, dates, new_id};

const LEVEL_COLUMNS: &str = "l.role_id, r.name, l.level_key, coalesce(n.name, ''), l.effective_on";
const LEVEL_JOINS: &str = "JOIN role r ON r.id = l.role_id
    LEFT JOIN role_level_name n ON n.role_id = l.role_id AND n.level_key = l.level_key";

/// Current levels of one person, one per role, by role name.
pub(crate) fn current(conn: &Connection, contractor_id: &str) -> Result<Vec<RoleLevel>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LEVEL_COLUMNS} FROM contractor_current_level l {LEVEL_JOINS}
         WHERE l.contractor_id = ?1 ORDER BY r.name COLLATE NOCASE"
    ))?;
    let rows = stmt.query_map([contractor_id], |r| {
        Ok(RoleLevel {
            role_id: r.get(0)?,
            role_name: r.get(1)?,
            level_key: r.get(2)?,
            level_name: r.get(3)?,
            effective_on: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn history(conn: &Connection, contractor_id: &str) -> Result<Vec<LevelChange>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT l.id, {LEVEL_COLUMNS}, l.reason, l.recorded_at FROM contractor_level l {LEVEL_JOINS}
         WHERE l.contractor_id = ?1 ORDER BY l.effective_on DESC, l.recorded_at DESC, l.id DESC"
    ))?;
    let rows = stmt.query_map([contractor_id], |r| {
        Ok(LevelChange {
            id: r.get(0)?,
            role_id: r.get(1)?,
            role_name: r.get(2)?,
            level_key: r.get(3)?,
            level_name: r.get(4)?,
            effective_on: r.get(5)?,
            reason: r.get(6)?,
            recorded_at: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Checks that `level_key` is a level of the role's ladder (in any version).
pub(crate) fn ensure_level(conn: &Connection, role_id: &str, level_key: &str) -> Result<()> {
    let known: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM role_level_name WHERE role_id = ?1 AND level_key = ?2)",
        params![role_id, level_key],
        |r| r.get(0),
    )?;
    if !known {
        return Err(CoreError::NotFound(
            "That level is not part of the role's ladder.".into(),
        ));
    }
    Ok(())
}

pub(crate) fn insert_level(
    conn: &Connection,
    contractor_id: &str,
    role_id: &str,
    level_key: &str,
    effective_on: &str,
    reason: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO contractor_level (id, contractor_id, role_id, level_key, effective_on, reason, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![new_id(), contractor_id, role_id, level_key, effective_on, reason, clock::now()])?;
    Ok(())
}

pub(crate) fn ensure_contractor(conn: &Connection, id: &str) -> Result<()> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM contractor WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(CoreError::NotFound(
            "That contractor no longer exists.".into(),
        ));
    }
    Ok(())
}

impl Workspace {
    /// Records that a person holds `level_key` in a role from `effective_on` (YYYY-MM-DD).
    pub fn set_contractor_level(
        &mut self,
        contractor_id: &str,
        role_id: &str,
        level_key: &str,
        effective_on: &str,
        reason: &str,
    ) -> Result<Contractor> {
        let effective_on = dates::clean("The date of the level change", effective_on)?;
        let reason = clean_text("The reason", reason)?;
        let tx = write_tx(self.conn_mut())?;
        ensure_contractor(&tx, contractor_id)?;
        ensure_level(&tx, role_id, level_key)?;
        insert_level(
            &tx,
            contractor_id,
            role_id,
            level_key,
            &effective_on,
            &reason,
        )?;
        tx.commit()?;
        self.contractor(contractor_id)
    }

    pub fn contractor_level_history(&self, contractor_id: &str) -> Result<Vec<LevelChange>> {
        history(self.conn(), contractor_id)
    }
}
