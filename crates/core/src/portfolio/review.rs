//! Visual portfolio review: the gallery of a person's artifacts, regions drawn on
//! an image or PDF page with a comment tied to a rubric cell, and review decisions.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::evidence::Evidence;
use crate::ladder::{EvidenceRequirement, Ladder};
use crate::text::{clean_name, clean_text};
use crate::workspace::Workspace;
use crate::{clock, new_id};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    Rect,
    Pin,
}

/// Where an annotation sits: page (1 for images) and fractions (0–1) of the page's width and
/// height, so it holds at every zoom. A pin has width and height 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub page: u32,
    pub shape: Shape,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A rubric cell: a level × domain of one ladder version.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CellRef {
    pub version_id: String,
    pub level_key: String,
    pub domain_key: String,
}

/// A rubric cell with what a reviewer reads beside the canvas.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RubricCell {
    pub cell: CellRef,
    pub role_id: String,
    pub role_name: String,
    pub level_name: String,
    pub domain_name: String,
    pub outcomes: Vec<String>,
    pub evidence: Vec<EvidenceRequirement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnnotationInput {
    pub region: Region,
    pub comment: String,
    #[serde(default)]
    pub cell: Option<CellRef>,
    pub author: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    pub id: String,
    pub evidence_id: String,
    pub region: Region,
    pub comment: String,
    pub cell: Option<RubricCell>,
    pub author: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    ChangesRequested,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecisionInput {
    pub decision: Decision,
    pub reason: String,
    pub reviewer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewDecision {
    pub id: String,
    pub evidence_id: String,
    pub decision: Decision,
    pub reason: String,
    pub reviewer: String,
    pub decided_at: String,
}

/// One artifact in the gallery: its newest version, how many versions it has, and where review
/// of that version stands.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PortfolioItem {
    pub evidence: Evidence,
    pub versions: u32,
    pub annotations: u32,
    pub decision: Option<ReviewDecision>,
}

fn decision_str(d: Decision) -> &'static str {
    match d {
        Decision::Approved => "approved",
        Decision::ChangesRequested => "changes_requested",
    }
}

fn decision_row(r: &Row) -> rusqlite::Result<ReviewDecision> {
    let decision: String = r.get(2)?;
    Ok(ReviewDecision {
        id: r.get(0)?,
        evidence_id: r.get(1)?,
        decision: if decision == "approved" {
            Decision::Approved
        } else {
            Decision::ChangesRequested
        },
        reason: r.get(3)?,
        reviewer: r.get(4)?,
        decided_at: r.get(5)?,
    })
}

fn fraction(what: &str, v: f64) -> Result<f64> {
    if v.is_finite() && (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(CoreError::Invalid(format!(
            "The region's {what} must lie on the page (0 to 1, got {v})."
        )))
    }
}

fn clean_region(r: &Region) -> Result<Region> {
    if r.page == 0 {
        return Err(CoreError::Invalid("Pages are numbered from 1.".into()));
    }
    let (x, y) = (fraction("left edge", r.x)?, fraction("top edge", r.y)?);
    let (w, h) = match r.shape {
        Shape::Pin => (0.0, 0.0),
        Shape::Rect => {
            let (w, h) = (fraction("width", r.w)?, fraction("height", r.h)?);
            if w <= 0.0 || h <= 0.0 {
                return Err(CoreError::Invalid(
                    "Draw a rectangle with some width and height, or place a pin.".into(),
                ));
            }
            // A rectangle dragged past the edge is clipped to the page.
            (w.min(1.0 - x), h.min(1.0 - y))
        }
    };
    Ok(Region {
        page: r.page,
        shape: r.shape,
        x,
        y,
        w,
        h,
    })
}

/// Ladder versions read once per call, for naming the cells of many annotations.
struct RubricLookup<'a> {
    ws: &'a Workspace,
    versions: HashMap<String, Ladder>,
}

impl<'a> RubricLookup<'a> {
    fn new(ws: &'a Workspace) -> Self {
        Self {
            ws,
            versions: HashMap::new(),
        }
    }

    fn cell(&mut self, cell: &CellRef) -> Result<RubricCell> {
        if !self.versions.contains_key(&cell.version_id) {
            let ladder = self.ws.ladder_version(&cell.version_id)?;
            self.versions.insert(cell.version_id.clone(), ladder);
        }
        let ladder = &self.versions[&cell.version_id];
        let c = &ladder.content;
        let level = c.levels.iter().find(|l| l.key == cell.level_key);
        let domain = c.domains.iter().find(|d| d.key == cell.domain_key);
        let (Some(level), Some(domain)) = (level, domain) else {
            return Err(CoreError::NotFound(
                "That cell is not in this ladder version.".into(),
            ));
        };
        let content = c
            .cells
            .iter()
            .find(|x| x.level_key == cell.level_key && x.domain_key == cell.domain_key);
        Ok(RubricCell {
            cell: cell.clone(),
            role_id: ladder.role.id.clone(),
            role_name: ladder.role.name.clone(),
            level_name: level.name.clone(),
            domain_name: domain.name.clone(),
            outcomes: content.map(|x| x.outcomes.clone()).unwrap_or_default(),
            evidence: content.map(|x| x.evidence.clone()).unwrap_or_default(),
        })
    }
}

impl Workspace {
    /// Files dropped on a contractor (or picked in the dialog), each stored and recorded; dropped
    /// on a ladder cell, each is linked to that cell as well. Stops at the first file that fails,
    /// keeping the ones before it.
    pub fn add_evidence_files(
        &mut self,
        contractor_id: &str,
        paths: &[std::path::PathBuf],
        cell: Option<&CellRef>,
    ) -> Result<Vec<Evidence>> {
        let target = match cell {
            Some(c) => {
                RubricLookup::new(self).cell(c)?;
                let key = (c.level_key.clone(), c.domain_key.clone());
                Some((self.ladder_version(&c.version_id)?, key))
            }
            None => None,
        };
        crate::roster::ensure_contractor(self.conn(), contractor_id)?;
        // All the files or none: one transaction (files copied before a failure stay in the
        // vault unreferenced, which costs nothing and is never shown).
        let tx = self.conn().unchecked_transaction()?;
        let mut ids = Vec::with_capacity(paths.len());
        for path in paths {
            let id = self.insert_file_evidence(&tx, contractor_id, path, None)?;
            if let Some((ladder, key)) = &target {
                crate::completeness::insert_links(&tx, &id, ladder, std::slice::from_ref(key))?;
            }
            crate::fault::point("evidence-files-between");
            ids.push(id);
        }
        tx.commit()?;
        ids.iter().map(|id| self.evidence(id)).collect()
    }

    /// A person's artifacts that have a file, newest version of each, newest first.
    pub fn portfolio(&self, contractor_id: &str) -> Result<Vec<PortfolioItem>> {
        crate::roster::ensure_contractor(self.conn(), contractor_id)?;
        // Rows come newest first, so the first row of an artifact is its newest version.
        let mut versions: HashMap<String, u32> = HashMap::new();
        let mut newest: Vec<Evidence> = Vec::new();
        for e in self.evidence_for(contractor_id)? {
            if e.file.is_none() {
                continue;
            }
            let n = versions.entry(e.artifact_id.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                newest.push(e);
            }
        }
        // Counts and current decisions for all of the person's items at once, not per tile.
        let mut annotations: HashMap<String, u32> = HashMap::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.evidence_id, count(*) FROM annotation a JOIN evidence e ON e.id = a.evidence_id
             WHERE e.contractor_id = ?1 GROUP BY a.evidence_id",
        )?;
        for row in stmt.query_map([contractor_id], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (id, n) = row?;
            annotations.insert(id, n);
        }
        let mut decisions: HashMap<String, ReviewDecision> = HashMap::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT d.id, d.evidence_id, d.decision, d.reason, d.reviewer, d.decided_at
             FROM review_decision d JOIN evidence e ON e.id = d.evidence_id
             WHERE e.contractor_id = ?1 ORDER BY d.decided_at, d.id",
        )?;
        for row in stmt.query_map([contractor_id], decision_row)? {
            let d = row?;
            decisions.insert(d.evidence_id.clone(), d); // the newest comes last and wins
        }
        let items = newest
            .into_iter()
            .map(|e| PortfolioItem {
                versions: versions[&e.artifact_id],
                annotations: annotations.get(&e.id).copied().unwrap_or(0),
                decision: decisions.remove(&e.id),
                evidence: e,
            })
            .collect();
        Ok(items)
    }

    /// The cells an evidence item is linked to, with their outcomes: the rubric beside the canvas.
    pub fn evidence_rubric(&self, evidence_id: &str) -> Result<Vec<RubricCell>> {
        self.evidence(evidence_id)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT version_id, level_key, domain_key FROM evidence_cell WHERE evidence_id = ?1
             ORDER BY role_id, level_key, domain_key",
        )?;
        let refs = stmt
            .query_map([evidence_id], |r| {
                Ok(CellRef {
                    version_id: r.get(0)?,
                    level_key: r.get(1)?,
                    domain_key: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut lookup = RubricLookup::new(self);
        // A link whose level or domain was later removed from the ladder names nothing: skip it.
        Ok(refs.iter().filter_map(|c| lookup.cell(c).ok()).collect())
    }

    pub fn annotations(&self, evidence_id: &str) -> Result<Vec<Annotation>> {
        self.evidence(evidence_id)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, evidence_id, page, shape, x, y, w, h, comment, version_id, level_key, domain_key,
                    author, created_at
             FROM annotation WHERE evidence_id = ?1 ORDER BY page, created_at, id",
        )?;
        let rows = stmt
            .query_map([evidence_id], |r| {
                let shape: String = r.get(3)?;
                let cell = match r.get::<_, Option<String>>(9)? {
                    Some(version_id) => Some(CellRef {
                        version_id,
                        level_key: r.get(10)?,
                        domain_key: r.get(11)?,
                    }),
                    None => None,
                };
                Ok((
                    Annotation {
                        id: r.get(0)?,
                        evidence_id: r.get(1)?,
                        region: Region {
                            page: r.get(2)?,
                            shape: if shape == "pin" {
                                Shape::Pin
                            } else {
                                Shape::Rect
                            },
                            x: r.get(4)?,
                            y: r.get(5)?,
                            w: r.get(6)?,
                            h: r.get(7)?,
                        },
                        comment: r.get(8)?,
                        cell: None,
                        author: r.get(12)?,
                        created_at: r.get(13)?,
                    },
                    cell,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut lookup = RubricLookup::new(self);
        Ok(rows
            .into_iter()
            .map(|(mut a, cell)| {
                a.cell = cell.and_then(|c| lookup.cell(&c).ok());
                a
            })
            .collect())
    }

    pub fn add_annotation(
        &mut self,
        evidence_id: &str,
        input: &AnnotationInput,
    ) -> Result<Annotation> {
        let evidence = self.evidence(evidence_id)?;
        if evidence.file.is_none() {
            return Err(CoreError::Invalid(
                "Only files (images and PDFs) can be annotated.".into(),
            ));
        }
        let region = clean_region(&input.region)?;
        let comment = clean_text("The comment", &input.comment)?;
        if comment.is_empty() {
            return Err(CoreError::Invalid(
                "Write a comment for the annotation.".into(),
            ));
        }
        let author = clean_name("The reviewer's name", &input.author)?;
        let cell = match &input.cell {
            Some(c) => Some(RubricLookup::new(self).cell(c)?),
            None => None,
        };
        let id = new_id();
        self.conn().execute(
            "INSERT INTO annotation (id, evidence_id, page, shape, x, y, w, h, comment, role_id, version_id,
               level_key, domain_key, author, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                id,
                evidence_id,
                region.page,
                if region.shape == Shape::Pin { "pin" } else { "rect" },
                region.x,
                region.y,
                region.w,
                region.h,
                comment,
                cell.as_ref().map(|c| &c.role_id),
                cell.as_ref().map(|c| &c.cell.version_id),
                cell.as_ref().map(|c| &c.cell.level_key),
                cell.as_ref().map(|c| &c.cell.domain_key),
                author,
                clock::now()
            ],
        )?;
        self.annotations(evidence_id)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| CoreError::NotFound("The annotation was not saved.".into()))
    }

    pub fn delete_annotation(&mut self, id: &str) -> Result<()> {
        let n = self
            .conn()
            .execute("DELETE FROM annotation WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(CoreError::NotFound(
                "That annotation no longer exists.".into(),
            ));
        }
        Ok(())
    }

    /// Records a review decision on one version of an artifact. Earlier decisions are kept.
    pub fn decide(&mut self, evidence_id: &str, input: &DecisionInput) -> Result<ReviewDecision> {
        self.evidence(evidence_id)?;
        let reason = clean_text("The reason", &input.reason)?;
        if reason.is_empty() && input.decision == Decision::ChangesRequested {
            return Err(CoreError::Invalid(
                "Say what should change, so the contractor knows what to do next.".into(),
            ));
        }
        let reviewer = clean_name("The reviewer's name", &input.reviewer)?;
        self.conn().execute(
            "INSERT INTO review_decision (id, evidence_id, decision, reason, reviewer, decided_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                new_id(),
                evidence_id,
                decision_str(input.decision),
                reason,
                reviewer,
                clock::now()
            ],
        )?;
        self.current_decision(evidence_id)?
            .ok_or_else(|| CoreError::NotFound("The decision was not saved.".into()))
    }

    /// Every decision on one version, newest first.
    pub fn decisions(&self, evidence_id: &str) -> Result<Vec<ReviewDecision>> {
        self.evidence(evidence_id)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, evidence_id, decision, reason, reviewer, decided_at FROM review_decision
             WHERE evidence_id = ?1 ORDER BY decided_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([evidence_id], decision_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The current decision on a version, if any.
    pub fn current_decision(&self, evidence_id: &str) -> Result<Option<ReviewDecision>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, evidence_id, decision, reason, reviewer, decided_at FROM review_decision
                 WHERE evidence_id = ?1 ORDER BY decided_at DESC, id DESC LIMIT 1",
                [evidence_id],
                decision_row,
            )
            .optional()?)
    }
}
