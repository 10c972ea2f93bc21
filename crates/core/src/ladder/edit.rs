//! Editing a ladder. Every edit is a pure change to a `LadderContent`, checked by `validate`, then
//! written to the role's draft in one transaction. A published version is never touched: the first
//! edit after publishing starts a new draft from it.

use std::collections::HashSet;

use rusqlite::{params, Transaction};
use serde::Deserialize;
use ts_rs::TS;

use super::load;
use super::*;
use crate::error::{CoreError, Result};
use crate::store::write_tx;
use crate::text::{clean_name, clean_text};
use crate::workspace::Workspace;
use crate::{clock, fault, new_id};

/// One edit of a ladder's structure or of one cell.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "op", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum LadderEdit {
    /// Adds a level at `at` (0-based), or at the end.
    AddLevel {
        name: String,
        #[ts(optional)]
        at: Option<u32>,
    },
    RenameLevel {
        key: String,
        name: String,
    },
    DescribeLevel {
        key: String,
        description: String,
    },
    MoveLevel {
        key: String,
        to: u32,
    },
    RemoveLevel {
        key: String,
    },
    AddDomain {
        name: String,
        #[ts(optional)]
        at: Option<u32>,
    },
    RenameDomain {
        key: String,
        name: String,
    },
    DescribeDomain {
        key: String,
        description: String,
    },
    MoveDomain {
        key: String,
        to: u32,
    },
    RemoveDomain {
        key: String,
    },
    SetCell {
        level_key: String,
        domain_key: String,
        outcomes: Vec<String>,
        evidence: Vec<EvidenceRequirement>,
    },
    /// The ratings assessors choose from, lowest first, and the first that meets the level.
    SetScale {
        ratings: Vec<String>,
        meets_from: u32,
    },
}

fn header_mut<'a>(list: &'a mut [Level], key: &str, what: &str) -> Result<&'a mut Level> {
    list.iter_mut()
        .find(|l| l.key == key)
        .ok_or_else(|| CoreError::NotFound(format!("That {what} is no longer in the ladder.")))
}

fn insert_header(list: &mut Vec<Level>, name: &str, at: Option<u32>) {
    let at = at.map_or(list.len(), |a| (a as usize).min(list.len()));
    list.insert(
        at,
        Level {
            key: new_id(),
            name: name.to_string(),
            description: String::new(),
        },
    );
}

fn move_header(list: &mut Vec<Level>, key: &str, to: u32, what: &str) -> Result<()> {
    let from = list
        .iter()
        .position(|l| l.key == key)
        .ok_or_else(|| CoreError::NotFound(format!("That {what} is no longer in the ladder.")))?;
    let item = list.remove(from);
    list.insert((to as usize).min(list.len()), item);
    Ok(())
}

fn remove_header(list: &mut Vec<Level>, key: &str, what: &str) -> Result<()> {
    let before = list.len();
    list.retain(|l| l.key != key);
    if list.len() == before {
        return Err(CoreError::NotFound(format!(
            "That {what} is no longer in the ladder."
        )));
    }
    Ok(())
}

/// Applies one edit to `content` in memory. The result still goes through `validate`.
pub fn apply(mut content: LadderContent, edit: LadderEdit) -> Result<LadderContent> {
    use LadderEdit::*;
    let c = &mut content;
    match edit {
        AddLevel { name, at } => insert_header(&mut c.levels, &name, at),
        RenameLevel { key, name } => header_mut(&mut c.levels, &key, "level")?.name = name,
        DescribeLevel { key, description } => {
            header_mut(&mut c.levels, &key, "level")?.description = description
        }
        MoveLevel { key, to } => move_header(&mut c.levels, &key, to, "level")?,
        RemoveLevel { key } => {
            remove_header(&mut c.levels, &key, "level")?;
            c.cells.retain(|cell| cell.level_key != key);
        }
        AddDomain { name, at } => insert_header(&mut c.domains, &name, at),
        RenameDomain { key, name } => header_mut(&mut c.domains, &key, "domain")?.name = name,
        DescribeDomain { key, description } => {
            header_mut(&mut c.domains, &key, "domain")?.description = description
        }
        MoveDomain { key, to } => move_header(&mut c.domains, &key, to, "domain")?,
        RemoveDomain { key } => {
            remove_header(&mut c.domains, &key, "domain")?;
            c.cells.retain(|cell| cell.domain_key != key);
        }
        SetCell {
            level_key,
            domain_key,
            outcomes,
            evidence,
        } => {
            if !c.levels.iter().any(|l| l.key == level_key)
                || !c.domains.iter().any(|d| d.key == domain_key)
            {
                return Err(CoreError::NotFound(
                    "That cell is no longer in the ladder.".into(),
                ));
            }
            c.cells
                .retain(|cell| !(cell.level_key == level_key && cell.domain_key == domain_key));
            c.cells.push(Cell {
                level_key,
                domain_key,
                outcomes,
                evidence,
            });
        }
        SetScale {
            ratings,
            meets_from,
        } => {
            c.scale = RatingScale {
                ratings,
                meets_from,
            }
        }
    }
    Ok(content)
}

pub(crate) fn clean_scale(scale: RatingScale) -> Result<RatingScale> {
    let n = scale.ratings.len();
    if !(2..=MAX_RATINGS).contains(&n) {
        return Err(CoreError::Invalid(format!(
            "A rating scale has between 2 and {MAX_RATINGS} ratings; this one has {n}."
        )));
    }
    let mut seen = HashSet::new();
    let ratings = scale
        .ratings
        .iter()
        .map(|r| {
            let r = clean_name("A rating", r)?;
            if r.chars().count() > 40 {
                return Err(CoreError::Invalid(format!(
                    "The rating '{r}' is longer than 40 characters."
                )));
            }
            if !seen.insert(r.to_lowercase()) {
                return Err(CoreError::Duplicate(format!(
                    "The rating '{r}' appears twice on the scale."
                )));
            }
            Ok(r)
        })
        .collect::<Result<Vec<_>>>()?;
    if scale.meets_from == 0 || scale.meets_from as usize >= n {
        return Err(CoreError::Invalid(
            "A rating scale needs at least one rating below the level and one that meets it."
                .into(),
        ));
    }
    Ok(RatingScale {
        ratings,
        meets_from: scale.meets_from,
    })
}

fn clean_headers(list: Vec<Level>, what: &str, max: usize) -> Result<Vec<Level>> {
    if list.len() > max {
        return Err(CoreError::Invalid(format!(
            "A ladder can have at most {max} {what}s."
        )));
    }
    let mut names = HashSet::new();
    let mut keys = HashSet::new();
    list.into_iter()
        .map(|l| {
            let name = clean_name(&format!("A {what} name"), &l.name)?;
            if !names.insert(name.to_lowercase()) {
                return Err(CoreError::Duplicate(format!(
                    "This ladder already has a {what} named '{name}'."
                )));
            }
            let key = l.key.trim().to_string();
            if key.is_empty() || key.len() > 64 || !keys.insert(key.clone()) {
                return Err(CoreError::Invalid(format!(
                    "The {what} '{name}' has a missing or repeated key."
                )));
            }
            let description = clean_text(
                &format!("The description of {what} '{name}'"),
                &l.description,
            )?;
            Ok(Level {
                key,
                name,
                description,
            })
        })
        .collect()
}

/// Checks and tidies a whole ladder: names, limits, cells that point at real levels and domains.
/// Empty cells are dropped (an absent cell and an empty one mean the same).
pub fn validate(content: LadderContent) -> Result<LadderContent> {
    let scale = clean_scale(content.scale)?;
    let levels = clean_headers(content.levels, "level", MAX_LEVELS)?;
    let domains = clean_headers(content.domains, "domain", MAX_DOMAINS)?;
    let mut seen = HashSet::new();
    let mut cells = Vec::with_capacity(content.cells.len());
    for cell in content.cells {
        let level = levels.iter().find(|l| l.key == cell.level_key);
        let domain = domains.iter().find(|d| d.key == cell.domain_key);
        let (Some(level), Some(domain)) = (level, domain) else {
            return Err(CoreError::Invalid(
                "A cell refers to a level or domain that is not in the ladder.".into(),
            ));
        };
        let at = format!("{} × {}", domain.name, level.name);
        if !seen.insert((cell.level_key.clone(), cell.domain_key.clone())) {
            return Err(CoreError::Duplicate(format!(
                "The cell {at} appears twice."
            )));
        }
        let outcomes = cell
            .outcomes
            .iter()
            .map(|o| clean_text(&format!("An outcome in {at}"), o))
            .filter(|o| !matches!(o, Ok(s) if s.is_empty()))
            .collect::<Result<Vec<_>>>()?;
        if outcomes.len() > MAX_OUTCOMES {
            return Err(CoreError::Invalid(format!(
                "{at} has {} outcomes; at most {MAX_OUTCOMES}.",
                outcomes.len()
            )));
        }
        if cell.evidence.len() > MAX_EVIDENCE {
            return Err(CoreError::Invalid(format!(
                "{at} asks for {} kinds of evidence; at most {MAX_EVIDENCE}.",
                cell.evidence.len()
            )));
        }
        let evidence = cell
            .evidence
            .into_iter()
            .map(|e| {
                if e.count == 0 || e.count > MAX_EVIDENCE_COUNT {
                    return Err(CoreError::Invalid(format!(
                        "{at}: the count of {} must be between 1 and {MAX_EVIDENCE_COUNT}.",
                        e.kind.label()
                    )));
                }
                let note = clean_text(&format!("The note on {} in {at}", e.kind.label()), &e.note)?;
                Ok(EvidenceRequirement { note, ..e })
            })
            .collect::<Result<Vec<_>>>()?;
        if !outcomes.is_empty() || !evidence.is_empty() {
            cells.push(Cell {
                outcomes,
                evidence,
                ..cell
            });
        }
    }
    Ok(LadderContent {
        levels,
        domains,
        cells,
        scale,
    })
}

/// Replaces everything stored for a (draft) version with `content`.
pub(crate) fn write_content(
    tx: &Transaction,
    version_id: &str,
    content: &LadderContent,
) -> Result<()> {
    tx.execute(
        "DELETE FROM ladder_cell WHERE version_id = ?1",
        [version_id],
    )?;
    tx.execute(
        "DELETE FROM ladder_level WHERE version_id = ?1",
        [version_id],
    )?;
    tx.execute(
        "DELETE FROM ladder_domain WHERE version_id = ?1",
        [version_id],
    )?;
    for (table, list) in [
        ("ladder_level", &content.levels),
        ("ladder_domain", &content.domains),
    ] {
        let mut stmt = tx.prepare_cached(&format!(
            "INSERT INTO {table} (version_id, key, position, name, description) VALUES (?1, ?2, ?3, ?4, ?5)"
        ))?;
        for (i, h) in list.iter().enumerate() {
            stmt.execute(params![version_id, h.key, i as i64, h.name, h.description])?;
        }
        fault::point("ladder.write.headers");
    }
    // The default scale is stored as NULL, so versions made before scales existed read the same.
    let scale = (!content.scale.is_default())
        .then(|| serde_json::to_string(&content.scale).expect("scales serialise"));
    tx.execute(
        "UPDATE ladder_version SET rating_scale = ?2 WHERE id = ?1",
        params![version_id, scale],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO ladder_cell (version_id, level_key, domain_key, outcomes, evidence) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for cell in &content.cells {
        let outcomes = serde_json::to_string(&cell.outcomes).expect("strings serialise");
        let evidence = serde_json::to_string(&cell.evidence).expect("requirements serialise");
        stmt.execute(params![
            version_id,
            cell.level_key,
            cell.domain_key,
            outcomes,
            evidence
        ])?;
    }
    Ok(())
}

/// The role's draft, made from the newest published version when there is none.
fn ensure_draft(tx: &Transaction, role_id: &str) -> Result<String> {
    let role = load::role(tx, role_id)?;
    if role.archived {
        return Err(CoreError::ReadOnly(format!(
            "'{}' is archived. Restore it before editing its ladder.",
            role.name
        )));
    }
    let current = load::current_version_id(tx, role_id)?
        .ok_or_else(|| CoreError::NotFound("That role has no ladder.".into()))?;
    let (_, info) = load::version_info(tx, &current)?;
    if info.status == VersionStatus::Draft {
        return Ok(current);
    }
    let content = load::content(tx, &current)?;
    let draft = new_id();
    tx.execute(
        "INSERT INTO ladder_version (id, role_id, status, based_on, created_at) VALUES (?1, ?2, 'draft', ?3, ?4)",
        params![draft, role_id, info.number, clock::now()],
    )?;
    write_content(tx, &draft, &content)?;
    Ok(draft)
}

fn touch(tx: &Transaction, role_id: &str) -> Result<()> {
    tx.execute(
        "UPDATE role SET updated_at = ?2 WHERE id = ?1",
        params![role_id, clock::now()],
    )?;
    Ok(())
}

impl Workspace {
    /// The ladder the editor shows for a role: its draft, or its newest published version.
    pub fn ladder(&self, role_id: &str) -> Result<Ladder> {
        load::current_ladder(self.conn(), role_id)
    }

    pub fn ladder_version(&self, version_id: &str) -> Result<Ladder> {
        load::ladder_at(self.conn(), version_id)
    }

    pub fn ladder_versions(&self, role_id: &str) -> Result<Vec<VersionInfo>> {
        load::versions(self.conn(), role_id)
    }

    pub fn edit_ladder(&mut self, role_id: &str, edit: LadderEdit) -> Result<Ladder> {
        self.change_draft(role_id, |content| apply(content, edit))
    }

    /// Replaces the draft's whole content (undo and redo use this).
    pub fn set_ladder_content(&mut self, role_id: &str, content: LadderContent) -> Result<Ladder> {
        self.change_draft(role_id, |_| Ok(content))
    }

    fn change_draft(
        &mut self,
        role_id: &str,
        change: impl FnOnce(LadderContent) -> Result<LadderContent>,
    ) -> Result<Ladder> {
        let tx = write_tx(self.conn_mut())?;
        let draft = ensure_draft(&tx, role_id)?;
        let content = validate(change(load::content(&tx, &draft)?)?)?;
        write_content(&tx, &draft, &content)?;
        touch(&tx, role_id)?;
        tx.commit()?;
        load::ladder_at(self.conn(), &draft)
    }

    /// Publishes the draft as the next version number. From then on that version never changes.
    pub fn publish_ladder(&mut self, role_id: &str) -> Result<Ladder> {
        let tx = write_tx(self.conn_mut())?;
        let current = load::current_version_id(&tx, role_id)?
            .ok_or_else(|| CoreError::NotFound("That role has no ladder.".into()))?;
        let (_, info) = load::version_info(&tx, &current)?;
        if info.status == VersionStatus::Published {
            return Err(CoreError::Invalid(
                "There is no draft to publish: this ladder has no changes since it was published."
                    .into(),
            ));
        }
        let content = load::content(&tx, &current)?;
        if content.levels.is_empty() || content.domains.is_empty() {
            return Err(CoreError::Invalid(
                "A ladder needs at least one level and one domain before it can be published."
                    .into(),
            ));
        }
        let next: u32 = tx.query_row(
            "SELECT coalesce(max(number), 0) + 1 FROM ladder_version WHERE role_id = ?1",
            [role_id],
            |r| r.get(0),
        )?;
        tx.execute(
            "UPDATE ladder_version SET status = 'published', number = ?2, published_at = ?3 WHERE id = ?1",
            params![current, next, clock::now()],
        )?;
        touch(&tx, role_id)?;
        tx.commit()?;
        load::ladder_at(self.conn(), &current)
    }

    /// Throws the draft away; the editor shows the newest published version again.
    pub fn discard_draft(&mut self, role_id: &str) -> Result<Ladder> {
        let tx = write_tx(self.conn_mut())?;
        let published: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM ladder_version WHERE role_id = ?1 AND status = 'published')",
            [role_id],
            |r| r.get(0),
        )?;
        if !published {
            return Err(CoreError::Invalid(
                "This ladder has never been published, so its draft is all there is. Archive the role instead.".into(),
            ));
        }
        let drafts: Vec<String> = {
            let mut stmt = tx
                .prepare("SELECT id FROM ladder_version WHERE role_id = ?1 AND status = 'draft'")?;
            let rows = stmt.query_map([role_id], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let latest: String = tx.query_row(
            "SELECT id FROM ladder_version WHERE role_id = ?1 AND status = 'published' ORDER BY number DESC LIMIT 1",
            [role_id],
            |r| r.get(0),
        )?;
        for draft in drafts {
            // Evidence links and review marks made against the draft move to the published
            // version: they are keyed by level and domain, which outlive versions.
            for table in ["evidence_cell", "annotation"] {
                tx.execute(
                    &format!("UPDATE {table} SET version_id = ?1 WHERE version_id = ?2"),
                    [&latest, &draft],
                )?;
            }
            for table in [
                "ladder_cell",
                "ladder_level",
                "ladder_domain",
                "ladder_version",
            ] {
                let col = if table == "ladder_version" {
                    "id"
                } else {
                    "version_id"
                };
                tx.execute(&format!("DELETE FROM {table} WHERE {col} = ?1"), [&draft])?;
            }
        }
        tx.commit()?;
        load::current_ladder(self.conn(), role_id)
    }
}
