//! Writing a new role and checking role rows: shared by the role editor, ladder file import and
//! templates, which would otherwise import one another.

use rusqlite::{params, Connection, Transaction};

use super::{edit, load, LadderContent, RoleKind};
use crate::clock;
use crate::error::{CoreError, Result};
use crate::new_id;
use crate::text::{clean_name, clean_text};

pub(crate) fn ensure_role_exists(conn: &Connection, id: &str) -> Result<()> {
    load::role(conn, id).map(|_| ())
}

/// Refuses a name an active role already has (the unique index would too, less kindly).
pub(crate) fn ensure_name_free(
    conn: &Connection,
    name: &str,
    except_id: Option<&str>,
) -> Result<()> {
    let taken: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM role WHERE name = ?1 COLLATE NOCASE
           AND archived_at IS NULL AND id IS NOT ?2)",
        params![name, except_id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(CoreError::Duplicate(format!(
            "A role named '{name}' already exists. Choose another name."
        )));
    }
    Ok(())
}

/// Inserts a role with a first draft holding `content`; returns the role id.
pub(crate) fn insert_role(
    tx: &Transaction,
    name: &str,
    kind: RoleKind,
    description: &str,
    content: &LadderContent,
) -> Result<String> {
    let name = clean_name("The role name", name)?;
    let description = clean_text("The role description", description)?;
    ensure_name_free(tx, &name, None)?;
    let content = edit::validate(content.clone())?;
    let id = new_id();
    let now = clock::now();
    tx.execute(
        "INSERT INTO role (id, name, description, kind, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![id, name, description, kind.as_str(), now],
    )?;
    let version_id = new_id();
    tx.execute(
        "INSERT INTO ladder_version (id, role_id, status, created_at) VALUES (?1, ?2, 'draft', ?3)",
        params![version_id, id, now],
    )?;
    edit::write_content(tx, &version_id, &content)?;
    Ok(id)
}
