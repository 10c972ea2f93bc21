//! Assessments: a contractor assessed against one level of a published ladder
//! version. The rubric is that level's cells; each gets a self-rating, an assessor rating on the
//! ladder's scale, a comment and evidence. Assessments are paid. Sign-off is in `signoff`.

mod keys;
mod signoff;
mod stipends;

pub use keys::AssessmentView;
pub use stipends::{Pay, PayTotal};

pub use signoff::{
    missing_for_signature, read_file, sign_file, write_file, AssessmentFile, FileSignature,
    Integrity, SignedAssessment,
};

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::completeness::CellProgress;
use crate::error::{CoreError, Result};
use crate::ladder::{EvidenceRequirement, RatingScale, VersionStatus};
use crate::store::write_tx;
use crate::store::{enum_from, enum_text};
use crate::text::clean_text;
use crate::workspace::Workspace;
use crate::{clock, dates, new_id};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentKind {
    PortfolioReview,
    PaidTask,
    LiveCritique,
    ShadowingCheckpoint,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentStatus {
    Planned,
    InProgress,
    Submitted,
    Signed,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Assessor {
    pub id: String,
    pub name: String,
    pub email: String,
    /// Base64 of the Ed25519 public key.
    pub public_key: String,
    /// An external lead: signs exported files with the command line.
    pub external: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewAssessment {
    pub contractor_id: String,
    pub role_id: String,
    pub level_key: String,
    pub kind: AssessmentKind,
    pub assessor_id: String,
    pub starts_on: String,
    pub due_on: String,
    pub pay: Pay,
}

/// Evidence attached to a rubric cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttachedEvidence {
    pub id: String,
    pub title: String,
    pub sha256: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RubricRow {
    pub domain_key: String,
    pub domain_name: String,
    pub outcomes: Vec<String>,
    pub evidence_required: Vec<EvidenceRequirement>,
    pub self_rating: Option<String>,
    pub assessor_rating: Option<String>,
    pub comment: String,
    pub evidence: Vec<AttachedEvidence>,
    /// How far the person's evidence meets this cell's requirements; none when it asks for none.
    pub evidence_progress: Option<CellProgress>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    pub id: String,
    pub contractor_id: String,
    pub contractor_name: String,
    pub role_id: String,
    pub role_name: String,
    pub version_id: String,
    pub version_number: u32,
    pub level_key: String,
    pub level_name: String,
    pub kind: AssessmentKind,
    pub assessor: Assessor,
    pub starts_on: String,
    pub due_on: String,
    pub status: AssessmentStatus,
    pub pay: Pay,
    /// When the stipend was paid: recorded after the fact, or as entered at the start.
    pub paid_on: Option<String>,
    pub summary: String,
    /// The ladder version's rating scale.
    pub scale: RatingScale,
    pub rubric: Vec<RubricRow>,
    pub signed_at: Option<String>,
}

/// One line of the assessment list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentRow {
    pub id: String,
    pub contractor_id: String,
    pub contractor_name: String,
    pub role_id: String,
    pub role_name: String,
    pub level_key: String,
    pub level_name: String,
    pub status: AssessmentStatus,
    pub due_on: String,
    pub assessor_name: String,
}

fn not_found() -> CoreError {
    CoreError::NotFound("That assessment no longer exists.".into())
}

impl Workspace {
    pub fn create_assessment(&mut self, input: &NewAssessment) -> Result<Assessment> {
        let starts_on = dates::clean("The start date", &input.starts_on)?;
        let due_on = dates::clean("The due date", &input.due_on)?;
        if due_on < starts_on {
            return Err(CoreError::Invalid(format!(
                "The assessment is due ({due_on}) before it starts ({starts_on})."
            )));
        }
        self.assessor(&input.assessor_id)?;
        let ladder = self.published_ladder(&input.role_id)?;
        let level = ladder
            .content
            .levels
            .iter()
            .find(|l| l.key == input.level_key)
            .ok_or_else(|| {
                CoreError::NotFound("That level is not in the role's published ladder.".into())
            })?;
        let (stipend, currency, paid_on, engagement) = match &input.pay {
            Pay::Stipend { amount, paid_on } => {
                if amount.minor < 0 {
                    return Err(CoreError::Invalid("A stipend can't be negative.".into()));
                }
                let paid = paid_on.as_deref().filter(|d| !d.trim().is_empty());
                let paid = paid
                    .map(|d| dates::clean("The payment date", d))
                    .transpose()?;
                (
                    Some(amount.minor),
                    Some(crate::roster::clean_currency(&amount.currency)?),
                    paid,
                    None,
                )
            }
            Pay::Billable { engagement_id } => {
                let e = self.engagement(engagement_id)?;
                if e.contractor_id != input.contractor_id {
                    return Err(CoreError::Invalid(
                        "That engagement is another contractor's; bill the assessment to one of theirs.".into(),
                    ));
                }
                (None, None, None, Some(engagement_id.clone()))
            }
        };
        let id = new_id();
        let now = clock::now();
        let tx = write_tx(self.conn_mut())?;
        crate::roster::ensure_contractor(&tx, &input.contractor_id)?;
        tx.execute(
            "INSERT INTO assessment (id, contractor_id, role_id, version_id, level_key, kind, assessor_id, starts_on,
               due_on, pay_kind, stipend_minor, stipend_currency, paid_on, engagement_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
            params![
                id,
                input.contractor_id,
                ladder.role.id,
                ladder.version.id,
                level.key,
                enum_text(input.kind),
                input.assessor_id,
                starts_on,
                due_on,
                if engagement.is_some() { "billable" } else { "stipend" },
                stipend,
                currency,
                paid_on,
                engagement,
                now
            ],
        )?;
        for domain in &ladder.content.domains {
            tx.execute(
                "INSERT INTO assessment_cell (assessment_id, domain_key) VALUES (?1, ?2)",
                params![id, domain.key],
            )?;
        }
        tx.commit()?;
        self.assessment(&id)
    }

    /// The role's newest published ladder version.
    pub fn published_ladder(&self, role_id: &str) -> Result<crate::ladder::Ladder> {
        let versions = self.ladder_versions(role_id)?;
        let published = versions
            .iter()
            .filter(|v| v.status == VersionStatus::Published)
            .max_by_key(|v| v.number)
            .ok_or_else(|| {
                CoreError::Invalid(
                    "Publish the role's ladder first: assessments use a published version.".into(),
                )
            })?;
        self.ladder_version(&published.id)
    }

    pub fn assessment(&self, id: &str) -> Result<Assessment> {
        type Head = (
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
        );
        let head: Head = self
            .conn()
            .query_row(
                "SELECT contractor_id, version_id, level_key, kind, assessor_id, starts_on, due_on, status,
                        pay_kind, summary, coalesce(signed_at, '') FROM assessment WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?,
                        r.get(8)?, r.get(9)?, r.get(10)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(not_found)?;
        let (
            contractor_id,
            version_id,
            level_key,
            kind,
            assessor_id,
            starts_on,
            due_on,
            status,
            pay_kind,
            summary,
            signed_at,
        ) = head;
        let (pay, paid_on) = self.pay_of(id, &pay_kind)?;
        let ladder = self.ladder_version(&version_id)?;
        let level_name = ladder
            .content
            .levels
            .iter()
            .find(|l| l.key == level_key)
            .map(|l| l.name.clone())
            .unwrap_or_default();
        let rubric = self.rubric(id, &contractor_id, &ladder, &level_key)?;
        Ok(Assessment {
            id: id.to_string(),
            contractor_name: self.contractor(&contractor_id)?.name,
            contractor_id,
            role_id: ladder.role.id.clone(),
            role_name: ladder.role.name.clone(),
            version_id,
            version_number: ladder.version.number.unwrap_or(0),
            level_key,
            level_name,
            kind: enum_from(kind)?,
            assessor: self.assessor(&assessor_id)?,
            starts_on,
            due_on,
            status: enum_from(status)?,
            pay,
            paid_on,
            summary,
            scale: ladder.content.scale.clone(),
            rubric,
            signed_at: (!signed_at.is_empty()).then_some(signed_at),
        })
    }

    fn rubric(
        &self,
        id: &str,
        contractor_id: &str,
        ladder: &crate::ladder::Ladder,
        level_key: &str,
    ) -> Result<Vec<RubricRow>> {
        let progress = self.cell_progress(contractor_id, ladder)?;
        let mut cells = self.conn().prepare_cached(
            "SELECT domain_key, self_rating, assessor_rating, comment FROM assessment_cell WHERE assessment_id = ?1",
        )?;
        let stored: Vec<(String, Option<String>, Option<String>, String)> = cells
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut attached = self.conn().prepare_cached(
            "SELECT a.domain_key, e.id, e.title, e.file_sha256 FROM assessment_evidence a
             JOIN evidence e ON e.id = a.evidence_id WHERE a.assessment_id = ?1 ORDER BY e.created_at, e.id",
        )?;
        let evidence: Vec<(String, AttachedEvidence)> = attached
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    AttachedEvidence {
                        id: r.get(1)?,
                        title: r.get(2)?,
                        sha256: r.get(3)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        // In the ladder's domain order, so the rubric reads like the grid.
        Ok(ladder
            .content
            .domains
            .iter()
            .filter_map(|d| {
                let (_, self_rating, assessor_rating, comment) =
                    stored.iter().find(|s| s.0 == d.key)?.clone();
                let cell = ladder.content.cell(level_key, &d.key);
                Some(RubricRow {
                    domain_key: d.key.clone(),
                    domain_name: d.name.clone(),
                    outcomes: cell.map(|c| c.outcomes.clone()).unwrap_or_default(),
                    evidence_required: cell.map(|c| c.evidence.clone()).unwrap_or_default(),
                    self_rating,
                    assessor_rating,
                    comment,
                    evidence: evidence
                        .iter()
                        .filter(|(k, _)| k == &d.key)
                        .map(|(_, e)| e.clone())
                        .collect(),
                    evidence_progress: progress
                        .iter()
                        .find(|p| p.level_key == level_key && p.domain_key == d.key)
                        .cloned(),
                })
            })
            .collect())
    }

    /// Every assessment, the soonest due first.
    pub fn list_assessments(&self) -> Result<Vec<AssessmentRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.id, c.name, r.name, l.name, a.status, a.due_on, s.name, a.contractor_id, a.role_id, a.level_key
             FROM assessment a JOIN contractor c ON c.id = a.contractor_id JOIN role r ON r.id = a.role_id
             JOIN ladder_level l ON l.version_id = a.version_id AND l.key = a.level_key
             JOIN assessor s ON s.id = a.assessor_id
             ORDER BY a.due_on, c.name, a.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(AssessmentRow {
                id: r.get(0)?,
                contractor_id: r.get(7)?,
                contractor_name: r.get(1)?,
                role_id: r.get(8)?,
                role_name: r.get(2)?,
                level_key: r.get(9)?,
                level_name: r.get(3)?,
                status: enum_from(r.get(4)?)?,
                due_on: r.get(5)?,
                assessor_name: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn editable(&self, id: &str) -> Result<Assessment> {
        let a = self.assessment(id)?;
        if matches!(
            a.status,
            AssessmentStatus::Signed | AssessmentStatus::Closed
        ) {
            return Err(CoreError::Invalid(
                "A signed assessment cannot be changed.".into(),
            ));
        }
        Ok(a)
    }

    /// Rates one rubric cell. Ratings are words of the scale, or empty for "not rated yet".
    pub fn rate_cell(
        &mut self,
        id: &str,
        domain_key: &str,
        self_rating: Option<&str>,
        assessor_rating: Option<&str>,
        comment: &str,
    ) -> Result<Assessment> {
        let a = self.editable(id)?;
        if a.rubric.iter().all(|r| r.domain_key != domain_key) {
            return Err(CoreError::NotFound(
                "That cell is not in this assessment's rubric.".into(),
            ));
        }
        let check = |who: &str, rating: Option<&str>| -> Result<Option<String>> {
            match rating.map(str::trim).filter(|r| !r.is_empty()) {
                None => Ok(None),
                Some(r) if a.scale.contains(r) => Ok(Some(r.to_string())),
                Some(r) => Err(CoreError::Invalid(format!(
                    "'{r}' is not on the rating scale ({}) for the {who} rating.",
                    a.scale.ratings.join(", ")
                ))),
            }
        };
        let (self_rating, assessor_rating) = (
            check("self", self_rating)?,
            check("assessor", assessor_rating)?,
        );
        let comment = clean_text("The comment", comment)?;
        let tx = write_tx(self.conn_mut())?;
        tx.execute(
            "UPDATE assessment_cell SET self_rating = ?3, assessor_rating = ?4, comment = ?5
             WHERE assessment_id = ?1 AND domain_key = ?2",
            params![id, domain_key, self_rating, assessor_rating, comment],
        )?;
        tx.execute(
            "UPDATE assessment SET status = CASE status WHEN 'planned' THEN 'in_progress' ELSE status END,
               updated_at = ?2 WHERE id = ?1",
            params![id, clock::now()],
        )?;
        tx.commit()?;
        self.assessment(id)
    }

    /// Attaches one of the contractor's evidence items to a rubric cell.
    pub fn attach_evidence(
        &mut self,
        id: &str,
        domain_key: &str,
        evidence_id: &str,
    ) -> Result<Assessment> {
        let a = self.editable(id)?;
        if a.rubric.iter().all(|r| r.domain_key != domain_key) {
            return Err(CoreError::NotFound(
                "That cell is not in this assessment's rubric.".into(),
            ));
        }
        if self.evidence(evidence_id)?.contractor_id != a.contractor_id {
            return Err(CoreError::Invalid(
                "That evidence belongs to someone else.".into(),
            ));
        }
        self.conn().execute(
            "INSERT OR IGNORE INTO assessment_evidence (assessment_id, domain_key, evidence_id) VALUES (?1, ?2, ?3)",
            params![id, domain_key, evidence_id],
        )?;
        self.assessment(id)
    }

    pub fn detach_evidence(
        &mut self,
        id: &str,
        domain_key: &str,
        evidence_id: &str,
    ) -> Result<Assessment> {
        self.editable(id)?;
        self.conn().execute(
            "DELETE FROM assessment_evidence WHERE assessment_id = ?1 AND domain_key = ?2 AND evidence_id = ?3",
            params![id, domain_key, evidence_id],
        )?;
        self.assessment(id)
    }

    pub fn set_assessment_summary(&mut self, id: &str, summary: &str) -> Result<Assessment> {
        self.editable(id)?;
        let summary = clean_text("The summary", summary)?;
        self.conn().execute(
            "UPDATE assessment SET summary = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, summary, clock::now()],
        )?;
        self.assessment(id)
    }

    /// Moves an assessment along planned → in progress → submitted (and back to in progress),
    /// and signed → closed. Signing itself is `sign_assessment`.
    pub fn set_assessment_status(&mut self, id: &str, to: AssessmentStatus) -> Result<Assessment> {
        use AssessmentStatus::*;
        let from = self.assessment(id)?.status;
        let allowed = matches!(
            (from, to),
            (Planned, InProgress)
                | (InProgress, Submitted)
                | (Submitted, InProgress)
                | (Signed, Closed)
        );
        if !allowed {
            let word = |s| enum_text(s).replace('_', " ");
            return Err(CoreError::Invalid(format!(
                "An assessment that is {} can't become {}{}.",
                word(from),
                word(to),
                if to == Signed {
                    "; the assessor signs it"
                } else {
                    ""
                }
            )));
        }
        self.conn().execute(
            "UPDATE assessment SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, enum_text(to), clock::now()],
        )?;
        self.assessment(id)
    }
}
