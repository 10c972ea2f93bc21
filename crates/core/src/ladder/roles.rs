//! Roles: create (blank or from a template), rename, duplicate, archive, relate.

use rusqlite::params;
use serde::Deserialize;
use ts_rs::TS;

use super::rows::{ensure_name_free, insert_role};
use super::templates::{self, Template};
use super::*;
use crate::clock;
use crate::error::{CoreError, Result};
use crate::store::write_tx;
use crate::text::{clean_name, clean_text};
use crate::workspace::Workspace;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewRole {
    pub name: String,
    pub kind: RoleKind,
    #[serde(default)]
    pub description: String,
    /// Start from a starter template instead of a blank ladder.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub template: Option<Template>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RolePatch {
    #[serde(default)]
    #[ts(optional)]
    pub name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub description: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub kind: Option<RoleKind>,
    #[serde(default)]
    #[ts(optional)]
    pub pilot: Option<bool>,
}

impl Workspace {
    pub fn list_roles(&self, include_archived: bool) -> Result<Vec<RoleSummary>> {
        load::list_roles(self.conn(), include_archived)
    }

    pub fn find_role(&self, id_or_name: &str) -> Result<RoleSummary> {
        load::find_role(self.conn(), id_or_name)
    }

    pub fn create_role(&mut self, new: NewRole) -> Result<Ladder> {
        let content = match new.template {
            Some(t) => templates::content(t),
            None => templates::blank(),
        };
        let tx = write_tx(self.conn_mut())?;
        let id = insert_role(&tx, &new.name, new.kind, &new.description, &content)?;
        tx.commit()?;
        load::current_ladder(self.conn(), &id)
    }

    pub fn update_role(&mut self, id: &str, patch: RolePatch) -> Result<RoleSummary> {
        let tx = write_tx(self.conn_mut())?;
        let role = load::role(&tx, id)?;
        if role.archived {
            return Err(CoreError::ReadOnly(format!(
                "'{}' is archived. Restore it before changing it.",
                role.name
            )));
        }
        let name = match patch.name {
            Some(n) => clean_name("The role name", &n)?,
            None => role.name,
        };
        ensure_name_free(&tx, &name, Some(id))?;
        let description = match patch.description {
            Some(d) => clean_text("The role description", &d)?,
            None => role.description,
        };
        tx.execute(
            "UPDATE role SET name = ?2, description = ?3, kind = ?4, pilot = ?5, updated_at = ?6 WHERE id = ?1",
            params![
                id,
                name,
                description,
                patch.kind.unwrap_or(role.kind).as_str(),
                patch.pilot.unwrap_or(role.pilot),
                clock::now()
            ],
        )?;
        tx.commit()?;
        load::role(self.conn(), id)
    }

    /// A new role whose first draft copies the ladder the editor shows for `id`.
    pub fn duplicate_role(&mut self, id: &str, new_name: &str) -> Result<Ladder> {
        let tx = write_tx(self.conn_mut())?;
        let source = load::current_ladder(&tx, id)?;
        let new_id = insert_role(
            &tx,
            new_name,
            source.role.kind,
            &source.role.description,
            &source.content,
        )?;
        tx.commit()?;
        load::current_ladder(self.conn(), &new_id)
    }

    /// Archiving hides a role from everyday lists; nothing is deleted, and it can be restored.
    pub fn set_role_archived(&mut self, id: &str, archived: bool) -> Result<RoleSummary> {
        let tx = write_tx(self.conn_mut())?;
        let role = load::role(&tx, id)?;
        if !archived && role.archived {
            ensure_name_free(&tx, &role.name, Some(id))?;
        }
        let now = clock::now();
        tx.execute(
            "UPDATE role SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, ?3) END, updated_at = ?3 WHERE id = ?1",
            params![id, archived, now],
        )?;
        tx.commit()?;
        load::role(self.conn(), id)
    }

    /// Replaces the roles a contractor can move sideways into from `id` (the relation is mutual).
    pub fn set_related_roles(&mut self, id: &str, related: &[String]) -> Result<Vec<RoleRef>> {
        let tx = write_tx(self.conn_mut())?;
        load::role(&tx, id)?;
        tx.execute(
            "DELETE FROM role_relation WHERE ?1 IN (role_a, role_b)",
            [id],
        )?;
        for other in related {
            if other == id {
                return Err(CoreError::Invalid(
                    "A role can't be related to itself.".into(),
                ));
            }
            load::role(&tx, other)?;
            let (a, b) = if id < other.as_str() {
                (id, other.as_str())
            } else {
                (other.as_str(), id)
            };
            tx.execute(
                "INSERT OR IGNORE INTO role_relation (role_a, role_b) VALUES (?1, ?2)",
                [a, b],
            )?;
        }
        tx.commit()?;
        load::related(self.conn(), id)
    }
}
