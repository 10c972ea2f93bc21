//! Progression: from a signed assessment, the app proposes advance, hold or not
//! yet, and says why per cell. Applying an advance changes the person's level and proposes the
//! pay band of the new level for their next engagement; related roles suggest sideways moves.

pub mod renewals;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::assessment::{Assessment, AssessmentStatus};
use crate::error::{CoreError, Result};
use crate::ladder::Ladder;
use crate::roster::{Contractor, PayBand};
use crate::text::clean_name;
use crate::workspace::Workspace;
use crate::{clock, dates, new_id};

/// What advancing in a role takes, and how early its renewal reviews are due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AdvancementRule {
    /// Domains of the target level that must be rated met; None: every domain.
    pub min_domains: Option<u32>,
    /// Whether each met cell's evidence requirements must be complete too.
    pub require_evidence: bool,
    /// Days before an engagement ends that its review is due.
    pub review_lead_days: u32,
}

impl Default for AdvancementRule {
    fn default() -> Self {
        Self {
            min_domains: None,
            require_evidence: true,
            review_lead_days: 30,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    NotYet,
    Hold,
    Advance,
}

/// One cell of the target level, judged.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CellVerdict {
    pub domain_key: String,
    pub domain_name: String,
    pub rating: Option<String>,
    pub rated_met: bool,
    pub evidence_complete: bool,
    /// In words: "meets; evidence complete", "not yet", "meets; 1 of 2 code samples".
    pub reason: String,
}

/// A move to a related role at the level in the same place on its ladder.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SidewaysMove {
    pub role_id: String,
    pub role_name: String,
    pub level_key: String,
    pub level_name: String,
}

/// The decision recorded on an assessment: what was decided, by whom, when.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordedDecision {
    pub outcome: Outcome,
    pub decided_by: String,
    pub decided_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Proposal {
    pub outcome: Outcome,
    /// One sentence: why.
    pub reason: String,
    pub cells: Vec<CellVerdict>,
    pub domains_met: u32,
    pub domains_required: u32,
    /// The pay band of the target level, proposed for the next engagement after an advance.
    pub next_band: Option<PayBand>,
    pub sideways: Vec<SidewaysMove>,
    /// Already decided: the outcome then (ratings and evidence may have moved since).
    pub decided: Option<RecordedDecision>,
}

/// The rule itself, over (rated met, evidence complete) per cell: enough cells rated met is
/// "hold" until enough of them also have their evidence. Pure, so it can be tested over every
/// combination.
pub fn decide(rule: &AdvancementRule, cells: &[(bool, bool)]) -> Outcome {
    let total = cells.len() as u32;
    let required = rule.min_domains.unwrap_or(total).min(total);
    let met = cells.iter().filter(|(m, _)| *m).count() as u32;
    // Met with its evidence, or met when evidence is not asked for.
    let proven = cells
        .iter()
        .filter(|(m, e)| *m && (*e || !rule.require_evidence))
        .count() as u32;
    if total == 0 || met < required {
        Outcome::NotYet
    } else if proven < required {
        Outcome::Hold
    } else {
        Outcome::Advance
    }
}

/// The level at the same relative place on another ladder (first ↔ first, last ↔ last).
pub fn mapped_level(index: usize, from_levels: usize, to_levels: usize) -> usize {
    if from_levels <= 1 || to_levels <= 1 {
        return 0;
    }
    let at = index as f64 / (from_levels - 1) as f64;
    ((at * (to_levels - 1) as f64).round() as usize).min(to_levels - 1)
}

impl Workspace {
    pub fn advancement_rule(&self, role_id: &str) -> Result<AdvancementRule> {
        Ok(self
            .conn()
            .query_row(
                "SELECT min_domains, require_evidence, review_lead_days FROM advancement_rule WHERE role_id = ?1",
                [role_id],
                |r| Ok(AdvancementRule { min_domains: r.get(0)?, require_evidence: r.get(1)?, review_lead_days: r.get(2)? }),
            )
            .optional()?
            .unwrap_or_default())
    }

    pub fn set_advancement_rule(
        &mut self,
        role_id: &str,
        rule: &AdvancementRule,
    ) -> Result<AdvancementRule> {
        let ladder = self.ladder(role_id)?;
        let domains = ladder.content.domains.len() as u32;
        if let Some(n) = rule.min_domains {
            if n == 0 || n > domains {
                return Err(CoreError::Invalid(format!(
                    "The rule must ask for 1 to {domains} domains (this ladder has {domains})."
                )));
            }
        }
        if rule.review_lead_days > 365 {
            return Err(CoreError::Invalid(
                "A review is due at most 365 days before an engagement ends.".into(),
            ));
        }
        self.conn().execute(
            "INSERT INTO advancement_rule (role_id, min_domains, require_evidence, review_lead_days) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (role_id) DO UPDATE SET min_domains = ?2, require_evidence = ?3, review_lead_days = ?4",
            params![role_id, rule.min_domains, rule.require_evidence, rule.review_lead_days],
        )?;
        self.advancement_rule(role_id)
    }

    /// What a signed assessment proposes, cell by cell.
    pub fn propose(&self, assessment_id: &str) -> Result<Proposal> {
        let a = self.assessment(assessment_id)?;
        if !matches!(
            a.status,
            AssessmentStatus::Signed | AssessmentStatus::Closed
        ) {
            return Err(CoreError::Invalid(
                "Progression is proposed once the assessment is signed.".into(),
            ));
        }
        if let crate::assessment::Integrity::Tampered { reason } =
            self.assessment_integrity(assessment_id)?
        {
            return Err(CoreError::Invalid(format!(
                "This assessment was changed after it was signed, so nothing is proposed from it. {reason}"
            )));
        }
        let ladder = self.ladder_version(&a.version_id)?;
        let rule = self.advancement_rule(&a.role_id)?;
        let progress = self.cell_progress(&a.contractor_id, &ladder)?;
        let cells: Vec<CellVerdict> = a
            .rubric
            .iter()
            .map(|row| {
                let rated_met = row
                    .assessor_rating
                    .as_ref()
                    .is_some_and(|r| a.scale.meets(r));
                let cell = progress
                    .iter()
                    .find(|p| p.level_key == a.level_key && p.domain_key == row.domain_key);
                let evidence_complete = cell.is_none_or(|p| p.met);
                let rating = row
                    .assessor_rating
                    .clone()
                    .unwrap_or_else(|| "not rated".into());
                let reason = match (rated_met, cell) {
                    (false, _) => rating,
                    (true, Some(p)) if !p.met => format!("{rating}; {}", p.summary),
                    (true, _) => format!("{rating}; evidence complete"),
                };
                CellVerdict {
                    domain_key: row.domain_key.clone(),
                    domain_name: row.domain_name.clone(),
                    rating: row.assessor_rating.clone(),
                    rated_met,
                    evidence_complete,
                    reason,
                }
            })
            .collect();
        let judged: Vec<(bool, bool)> = cells
            .iter()
            .map(|c| (c.rated_met, c.evidence_complete))
            .collect();
        let outcome = decide(&rule, &judged);
        let total = cells.len() as u32;
        let required = rule.min_domains.unwrap_or(total).min(total);
        let met = cells.iter().filter(|c| c.rated_met).count() as u32;
        let reason = match outcome {
            Outcome::Advance if rule.require_evidence => {
                format!(
                    "{met} of {total} domains meet {} with their evidence.",
                    a.level_name
                )
            }
            Outcome::Advance => format!(
                "{met} of {total} domains meet {}; this role does not ask for evidence.",
                a.level_name
            ),
            Outcome::Hold => format!(
                "The ratings meet {}, but evidence is missing: {}.",
                a.level_name,
                cells
                    .iter()
                    .filter(|c| c.rated_met && !c.evidence_complete)
                    .map(|c| c.domain_name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Outcome::NotYet => format!(
                "{met} of {total} domains meet {}; {required} are needed.",
                a.level_name
            ),
        };
        let next_band = self
            .pay_bands(&a.role_id)?
            .into_iter()
            .find(|b| b.level_key == a.level_key);
        let decided = self
            .conn()
            .query_row(
                "SELECT outcome, decided_by, decided_at FROM progression_decision WHERE assessment_id = ?1",
                [assessment_id],
                |r| {
                    let outcome: String = r.get(0)?;
                    Ok(RecordedDecision {
                        outcome: serde_json::from_value(serde_json::Value::String(outcome)).unwrap_or(Outcome::Hold),
                        decided_by: r.get(1)?,
                        decided_at: r.get(2)?,
                    })
                },
            )
            .optional()?;
        Ok(Proposal {
            outcome,
            reason,
            cells,
            domains_met: met,
            domains_required: required,
            next_band,
            sideways: self.sideways_moves(&ladder, &a)?,
            decided,
        })
    }

    fn sideways_moves(&self, ladder: &Ladder, a: &Assessment) -> Result<Vec<SidewaysMove>> {
        let index = ladder
            .content
            .levels
            .iter()
            .position(|l| l.key == a.level_key)
            .unwrap_or(0);
        let mut moves = Vec::new();
        for related in &ladder.related {
            let other = self.ladder(&related.id)?;
            if other.content.levels.is_empty() {
                continue;
            }
            let level = &other.content.levels[mapped_level(
                index,
                ladder.content.levels.len(),
                other.content.levels.len(),
            )];
            moves.push(SidewaysMove {
                role_id: other.role.id.clone(),
                role_name: other.role.name.clone(),
                level_key: level.key.clone(),
                level_name: level.name.clone(),
            });
        }
        Ok(moves)
    }

    /// Records the decision on a signed assessment; for an advance, the person's level changes
    /// today. The assessment closes. Returns the person as they are now.
    pub fn apply_progression(
        &mut self,
        assessment_id: &str,
        decided_by: &str,
    ) -> Result<Contractor> {
        let decided_by = clean_name("The name of who decides", decided_by)?;
        let proposal = self.propose(assessment_id)?;
        if let Some(d) = &proposal.decided {
            return Err(CoreError::Invalid(format!(
                "{} already decided this on {}.",
                d.decided_by, d.decided_at
            )));
        }
        let a = self.assessment(assessment_id)?;
        let from: Option<String> = current_level_key(self, &a)?;
        let advance = proposal.outcome == Outcome::Advance;
        if advance {
            self.set_contractor_level(
                &a.contractor_id,
                &a.role_id,
                &a.level_key,
                &dates::format(dates::today()),
                &format!(
                    "Advanced after a signed assessment ({} by {})",
                    a.level_name, a.assessor.name
                ),
            )?;
        }
        let outcome = serde_json::to_value(proposal.outcome).ok();
        self.conn().execute(
            "INSERT INTO progression_decision (id, assessment_id, outcome, decided_by, decided_at, from_level, to_level)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                new_id(),
                assessment_id,
                outcome.as_ref().and_then(|v| v.as_str()).unwrap_or("hold"),
                decided_by,
                clock::now(),
                from,
                advance.then_some(&a.level_key)
            ],
        )?;
        if a.status == AssessmentStatus::Signed {
            self.set_assessment_status(assessment_id, AssessmentStatus::Closed)?;
        }
        self.contractor(&a.contractor_id)
    }
}

fn current_level_key(ws: &Workspace, a: &Assessment) -> Result<Option<String>> {
    Ok(ws
        .contractor(&a.contractor_id)?
        .levels
        .into_iter()
        .find(|l| l.role_id == a.role_id)
        .map(|l| l.level_key))
}
