//! Clearance for gated work: a work area (e.g. "payments integration") requires credentials, all
//! of them or any one. Who is cleared, and for one person, why not: each missing, expired or
//! revoked credential.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::awards::status_on;
use super::CredentialRef;
use crate::error::{CoreError, Result};
use crate::store::write_tx;
use crate::text::{clean_name, clean_text};
use crate::workspace::Workspace;
use crate::{clock, new_id};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AreaRule {
    /// Every listed credential.
    All,
    /// Any one of them.
    Any,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkArea {
    pub id: String,
    pub name: String,
    pub description: String,
    pub rule: AreaRule,
    pub credentials: Vec<CredentialRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkAreaInput {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub rule: AreaRule,
    pub credential_ids: Vec<String>,
}

/// One credential a person lacks for an area, and why, in words ("expired on 2026-10-01").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MissingCredential {
    pub credential_id: String,
    pub credential_name: String,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Clearance {
    pub area: String,
    pub contractor_id: String,
    pub contractor_name: String,
    pub cleared: bool,
    /// The credentials that clear them (held now).
    pub held: Vec<CredentialRef>,
    pub missing: Vec<MissingCredential>,
    /// One sentence: "Cleared for payments integration." / "Not cleared: …".
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClearedPerson {
    pub contractor_id: String,
    pub contractor_name: String,
    /// The credentials that clear them.
    pub via: Vec<String>,
    /// The soonest expiry among those, when any expires.
    pub until: Option<String>,
}

/// Per (person, credential): the best standing of their awards.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Standing {
    Revoked { on: String, reason: String },
    Expired { on: String },
    Held { until: Option<String> },
}

impl Standing {
    /// Held beats expired beats revoked; of two held, the one that lasts longer (or never ends).
    fn beats(&self, other: &Standing) -> bool {
        let rank = |s: &Standing| match s {
            Standing::Revoked { .. } => 0,
            Standing::Expired { .. } => 1,
            Standing::Held { .. } => 2,
        };
        match (self, other) {
            (Standing::Held { until: a }, Standing::Held { until: b }) => match (a, b) {
                (None, Some(_)) => true,
                (Some(a), Some(b)) => a > b,
                _ => false,
            },
            _ => rank(self) > rank(other),
        }
    }

    fn words(this: Option<&Standing>) -> String {
        match this {
            None => "not held".into(),
            Some(Standing::Revoked { on, reason }) => format!("revoked on {on}: {reason}"),
            Some(Standing::Expired { on }) => format!("expired on {on}"),
            Some(Standing::Held { .. }) => "held".into(),
        }
    }
}

fn area_not_found(what: &str) -> CoreError {
    CoreError::NotFound(format!("No work area has the id or name '{what}'."))
}

/// The best standing per (contractor, credential).
type Standings = HashMap<(String, String), Standing>;

impl Workspace {
    pub fn work_areas(&self) -> Result<Vec<WorkArea>> {
        let ids: Vec<String> = self
            .conn()
            .prepare_cached("SELECT id FROM work_area ORDER BY name COLLATE NOCASE")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.iter().map(|id| self.work_area(id)).collect()
    }

    /// A work area by id, or by name (case-insensitive).
    pub fn work_area(&self, id_or_name: &str) -> Result<WorkArea> {
        let row: Option<(String, String, String, String)> = self
            .conn()
            .query_row(
                "SELECT id, name, description, rule FROM work_area
                 WHERE id = ?1 OR name = ?1 COLLATE NOCASE ORDER BY id = ?1 DESC LIMIT 1",
                [id_or_name.trim()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let (id, name, description, rule) = row.ok_or_else(|| area_not_found(id_or_name))?;
        let credentials = self
            .conn()
            .prepare_cached(
                "SELECT c.id, c.name FROM work_area_credential w JOIN credential c ON c.id = w.credential_id
                 WHERE w.work_area_id = ?1 ORDER BY c.name COLLATE NOCASE",
            )?
            .query_map([&id], |r| {
                Ok(CredentialRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(WorkArea {
            id,
            name,
            description,
            rule: if rule == "any" {
                AreaRule::Any
            } else {
                AreaRule::All
            },
            credentials,
        })
    }

    /// Creates a work area (`id` none) or replaces one's details.
    pub fn save_work_area(&mut self, id: Option<&str>, input: &WorkAreaInput) -> Result<WorkArea> {
        let name = clean_name("The work area's name", &input.name)?;
        let description = clean_text("The description", &input.description)?;
        if input.credential_ids.is_empty() {
            return Err(CoreError::Invalid(
                "A work area requires at least one credential.".into(),
            ));
        }
        for c in &input.credential_ids {
            self.credential(c)?;
        }
        if let Some(id) = id {
            self.work_area(id)?;
        }
        let id = id.map(String::from).unwrap_or_else(new_id);
        let rule = match input.rule {
            AreaRule::All => "all",
            AreaRule::Any => "any",
        };
        let tx = write_tx(self.conn_mut())?;
        let taken: Option<String> = tx
            .query_row(
                "SELECT id FROM work_area WHERE name = ?1 COLLATE NOCASE AND id <> ?2",
                params![name, id],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(CoreError::Duplicate(format!(
                "A work area named '{name}' exists already."
            )));
        }
        tx.execute(
            "INSERT INTO work_area (id, name, description, rule, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT (id) DO UPDATE SET name = ?2, description = ?3, rule = ?4, updated_at = ?5",
            params![id, name, description, rule, clock::now()],
        )?;
        tx.execute(
            "DELETE FROM work_area_credential WHERE work_area_id = ?1",
            [&id],
        )?;
        for c in &input.credential_ids {
            tx.execute(
                "INSERT OR IGNORE INTO work_area_credential (work_area_id, credential_id) VALUES (?1, ?2)",
                params![id, c],
            )?;
        }
        tx.commit()?;
        self.work_area(&id)
    }

    /// The best standing of each person's awards of the area's credentials (one query), and each
    /// person's name.
    fn standings(
        &self,
        area: &WorkArea,
        contractor_id: Option<&str>,
    ) -> Result<(Standings, HashMap<String, String>)> {
        let today = crate::dates::today_here();
        // One person: their awards by the (contractor, credential) index; everyone: the area's.
        let who = if contractor_id.is_some() {
            "a.contractor_id = ?2"
        } else {
            "?2 IS NULL"
        };
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT a.contractor_id, a.credential_id, a.expires_on, a.revoked_at, coalesce(a.revoked_reason, ''), p.name
             FROM award a JOIN work_area_credential w ON w.credential_id = a.credential_id
             JOIN contractor p ON p.id = a.contractor_id
             WHERE w.work_area_id = ?1 AND {who}"
        ))?;
        let rows = stmt.query_map(params![area.id, contractor_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut best: HashMap<(String, String), Standing> = HashMap::new();
        let mut names = HashMap::new();
        for row in rows {
            let (person, credential, expires, revoked, reason, name) = row?;
            let standing = match (revoked, status_on(today, expires.as_deref(), false).holds()) {
                (Some(at), _) => Standing::Revoked {
                    on: at.get(..10).unwrap_or(&at).to_string(),
                    reason,
                },
                (None, true) => Standing::Held { until: expires },
                (None, false) => Standing::Expired {
                    on: expires.unwrap_or_default(),
                },
            };
            names.entry(person.clone()).or_insert(name);
            let slot = best.entry((person, credential)).or_insert(standing.clone());
            if standing.beats(slot) {
                *slot = standing;
            }
        }
        Ok((best, names))
    }

    /// Whether one person is cleared for an area, and if not, why.
    pub fn clearance(&self, area: &str, contractor_id: &str) -> Result<Clearance> {
        let area = self.work_area(area)?;
        let person = self.contractor(contractor_id)?;
        let (standings, _) = self.standings(&area, Some(&person.id))?;
        let mut held = Vec::new();
        let mut missing = Vec::new();
        for c in &area.credentials {
            match standings.get(&(person.id.clone(), c.id.clone())) {
                Some(Standing::Held { .. }) => held.push(c.clone()),
                other => missing.push(MissingCredential {
                    credential_id: c.id.clone(),
                    credential_name: c.name.clone(),
                    why: Standing::words(other),
                }),
            }
        }
        let cleared = match area.rule {
            AreaRule::All => missing.is_empty(),
            AreaRule::Any => !held.is_empty(),
        };
        let summary = if cleared {
            format!("{} is cleared for {}.", person.name, area.name)
        } else {
            let why: Vec<String> = missing
                .iter()
                .map(|m| format!("{} — {}", m.credential_name, m.why))
                .collect();
            format!(
                "{} is not cleared for {}: {}{}.",
                person.name,
                area.name,
                if area.rule == AreaRule::Any && missing.len() > 1 {
                    "needs one of "
                } else {
                    ""
                },
                why.join("; ")
            )
        };
        Ok(Clearance {
            area: area.name,
            contractor_id: person.id,
            contractor_name: person.name,
            cleared,
            // An area cleared by "any" lists what clears; "all" lists everything held.
            held,
            missing: if cleared { vec![] } else { missing },
            summary,
        })
    }

    /// Everyone cleared for an area today, by name.
    pub fn cleared_for(&self, area: &str) -> Result<Vec<ClearedPerson>> {
        let area = self.work_area(area)?;
        let (standings, people) = self.standings(&area, None)?;
        let names: HashMap<&str, &str> = area
            .credentials
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str()))
            .collect();
        let mut per_person: BTreeMap<String, Vec<(String, Option<String>)>> = BTreeMap::new();
        for ((person, credential), standing) in &standings {
            if let Standing::Held { until } = standing {
                per_person
                    .entry(person.clone())
                    .or_default()
                    .push((names[credential.as_str()].to_string(), until.clone()));
            }
        }
        let needed = area.credentials.len();
        let mut cleared = Vec::new();
        for (person, mut via) in per_person {
            let ok = match area.rule {
                AreaRule::All => via.len() == needed,
                AreaRule::Any => !via.is_empty(),
            };
            if !ok {
                continue;
            }
            via.sort();
            let until = via.iter().filter_map(|(_, u)| u.clone()).min();
            cleared.push(ClearedPerson {
                contractor_name: people.get(&person).cloned().unwrap_or_default(),
                contractor_id: person,
                via: via.into_iter().map(|(n, _)| n).collect(),
                until,
            });
        }
        cleared.sort_by(|a, b| a.contractor_name.cmp(&b.contractor_name));
        Ok(cleared)
    }
}
