//! Live critique sessions: a dated session with attendees, notes, an outcome and
//! the artifacts discussed. A session may be scheduled ahead and filled in afterwards.

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::store::write_tx;
use crate::text::{clean_name, clean_text};
use crate::workspace::Workspace;
use crate::{clock, dates, new_id};

pub const MAX_ATTENDEES: usize = 50;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CritiqueInput {
    /// `YYYY-MM-DD`.
    pub held_on: String,
    pub attendees: Vec<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub outcome: String,
    /// Artifacts discussed (an artifact covers all its versions).
    #[serde(default)]
    pub artifact_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiscussedArtifact {
    pub artifact_id: String,
    pub title: String,
    /// The newest version's file, for a thumbnail.
    pub file_sha256: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CritiqueSession {
    pub id: String,
    pub contractor_id: String,
    pub held_on: String,
    pub attendees: Vec<String>,
    pub notes: String,
    pub outcome: String,
    pub artifacts: Vec<DiscussedArtifact>,
    pub created_at: String,
}

fn clean(input: &CritiqueInput) -> Result<CritiqueInput> {
    let mut attendees: Vec<String> = Vec::new();
    for a in &input.attendees {
        if a.trim().is_empty() {
            continue;
        }
        let name = clean_name("An attendee's name", a)?;
        if !attendees.iter().any(|x| x.eq_ignore_ascii_case(&name)) {
            attendees.push(name);
        }
    }
    if attendees.is_empty() {
        return Err(CoreError::Invalid(
            "Name at least one attendee of the session.".into(),
        ));
    }
    if attendees.len() > MAX_ATTENDEES {
        return Err(CoreError::Invalid(format!(
            "A session has at most {MAX_ATTENDEES} attendees."
        )));
    }
    let mut artifact_ids = input.artifact_ids.clone();
    artifact_ids.sort();
    artifact_ids.dedup();
    Ok(CritiqueInput {
        held_on: dates::clean("The session date", &input.held_on)?,
        attendees,
        notes: clean_text("The notes", &input.notes)?,
        outcome: clean_text("The outcome", &input.outcome)?,
        artifact_ids,
    })
}

fn session_row(r: &Row) -> rusqlite::Result<CritiqueSession> {
    let attendees: String = r.get(3)?;
    Ok(CritiqueSession {
        id: r.get(0)?,
        contractor_id: r.get(1)?,
        held_on: r.get(2)?,
        attendees: serde_json::from_str(&attendees).unwrap_or_default(),
        notes: r.get(4)?,
        outcome: r.get(5)?,
        artifacts: Vec::new(),
        created_at: r.get(6)?,
    })
}

const SELECT: &str =
    "SELECT id, contractor_id, held_on, attendees, notes, outcome, created_at FROM critique_session";

impl Workspace {
    /// A person's critique sessions, the latest date first.
    pub fn critiques(&self, contractor_id: &str) -> Result<Vec<CritiqueSession>> {
        crate::roster::ensure_contractor(self.conn(), contractor_id)?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE contractor_id = ?1 ORDER BY held_on DESC, created_at DESC"
        ))?;
        let sessions = stmt
            .query_map([contractor_id], session_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        sessions
            .into_iter()
            .map(|s| self.with_artifacts(s))
            .collect()
    }

    pub fn critique(&self, id: &str) -> Result<CritiqueSession> {
        let session = self
            .conn()
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id], session_row)
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That critique session no longer exists.".into()))?;
        self.with_artifacts(session)
    }

    fn with_artifacts(&self, mut session: CritiqueSession) -> Result<CritiqueSession> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.artifact_id,
               (SELECT e.title FROM evidence e WHERE e.artifact_id = a.artifact_id ORDER BY e.revision DESC LIMIT 1),
               (SELECT e.file_sha256 FROM evidence e WHERE e.artifact_id = a.artifact_id ORDER BY e.revision DESC LIMIT 1)
             FROM critique_artifact a WHERE a.session_id = ?1",
        )?;
        session.artifacts = stmt
            .query_map([&session.id], |r| {
                Ok(DiscussedArtifact {
                    artifact_id: r.get(0)?,
                    title: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    file_sha256: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        session.artifacts.sort_by(|a, b| a.title.cmp(&b.title));
        Ok(session)
    }

    /// Creates a session (`id` None) or replaces one's details.
    pub fn save_critique(
        &mut self,
        contractor_id: &str,
        id: Option<&str>,
        input: &CritiqueInput,
    ) -> Result<CritiqueSession> {
        let input = clean(input)?;
        let tx = write_tx(self.conn_mut())?;
        crate::roster::ensure_contractor(&tx, contractor_id)?;
        for artifact in &input.artifact_ids {
            let theirs: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM evidence WHERE artifact_id = ?1 AND contractor_id = ?2)",
                params![artifact, contractor_id],
                |r| r.get(0),
            )?;
            if !theirs {
                return Err(CoreError::NotFound(
                    "One of the artifacts is not this contractor's evidence.".into(),
                ));
            }
        }
        let attendees = serde_json::to_string(&input.attendees).expect("strings serialise");
        let id = match id {
            Some(id) => {
                let n = tx.execute(
                    "UPDATE critique_session SET held_on = ?2, attendees = ?3, notes = ?4, outcome = ?5
                     WHERE id = ?1 AND contractor_id = ?6",
                    params![id, input.held_on, attendees, input.notes, input.outcome, contractor_id],
                )?;
                if n == 0 {
                    return Err(CoreError::NotFound(
                        "That critique session no longer exists.".into(),
                    ));
                }
                tx.execute("DELETE FROM critique_artifact WHERE session_id = ?1", [id])?;
                id.to_string()
            }
            None => {
                let id = new_id();
                tx.execute(
                    "INSERT INTO critique_session (id, contractor_id, held_on, attendees, notes, outcome, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![id, contractor_id, input.held_on, attendees, input.notes, input.outcome, clock::now()],
                )?;
                id
            }
        };
        for artifact in &input.artifact_ids {
            tx.execute(
                "INSERT INTO critique_artifact (session_id, artifact_id) VALUES (?1, ?2)",
                params![id, artifact],
            )?;
        }
        tx.commit()?;
        self.critique(&id)
    }
}
