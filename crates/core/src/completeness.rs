//! How far a person's evidence meets each cell's requirements: "1 of 2 code samples; signed lead
//! assessment missing". An artifact counts once, whichever of its versions were linked.

use std::collections::HashMap;

use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::ladder::{EvidenceKind, Ladder};
use crate::workspace::Workspace;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequirementProgress {
    pub kind: EvidenceKind,
    pub required: u32,
    pub have: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CellProgress {
    pub level_key: String,
    pub domain_key: String,
    pub requirements: Vec<RequirementProgress>,
    pub met: bool,
    /// In words, for the grid: "1 of 2 code samples; signed lead assessment missing".
    pub summary: String,
}

fn plural(kind: EvidenceKind, n: u32) -> String {
    let label = kind.label();
    if n == 1 || kind == EvidenceKind::ClientFeedback {
        label.to_string()
    } else {
        format!("{label}s")
    }
}

/// The words for one cell's progress.
pub fn summary(requirements: &[RequirementProgress]) -> String {
    if requirements.is_empty() {
        return "No evidence required".into();
    }
    let open: Vec<String> = requirements
        .iter()
        .filter(|r| r.have < r.required)
        .map(|r| match (r.have, r.required) {
            (0, 1) => format!("{} missing", r.kind.label()),
            (have, required) => format!("{have} of {required} {}", plural(r.kind, required)),
        })
        .collect();
    if open.is_empty() {
        "Evidence complete".into()
    } else {
        open.join("; ")
    }
}

impl Workspace {
    /// Links an evidence item to cells of the ladder version `version_id`.
    pub fn link_evidence(
        &mut self,
        evidence_id: &str,
        version_id: &str,
        cells: &[(String, String)],
    ) -> Result<()> {
        let ladder = self.ladder_version(version_id)?;
        self.evidence(evidence_id)?;
        let tx = crate::store::write_tx(self.conn_mut())?;
        insert_links(&tx, evidence_id, &ladder, cells)?;
        tx.commit()?;
        Ok(())
    }

    pub fn unlink_evidence(
        &mut self,
        evidence_id: &str,
        role_id: &str,
        level_key: &str,
        domain_key: &str,
    ) -> Result<()> {
        self.conn().execute(
            "DELETE FROM evidence_cell WHERE evidence_id = ?1 AND role_id = ?2 AND level_key = ?3 AND domain_key = ?4",
            params![evidence_id, role_id, level_key, domain_key],
        )?;
        Ok(())
    }

    /// Progress of every cell of `ladder` that asks for evidence, for one person.
    pub fn cell_progress(&self, contractor_id: &str, ladder: &Ladder) -> Result<Vec<CellProgress>> {
        // (level, domain, kind) -> how many distinct artifacts are linked to the cell.
        let mut have: HashMap<(String, String, String), u32> = HashMap::new();
        let mut stmt = self.conn().prepare_cached(
            // Start from the person's evidence (a few dozen rows), not from the role's links (which
            // may be hundreds of thousands): the unary + keeps SQLite off the role index.
            "SELECT l.level_key, l.domain_key, e.kind, count(DISTINCT e.artifact_id)
             FROM evidence e JOIN evidence_cell l ON l.evidence_id = e.id
             WHERE e.contractor_id = ?1 AND +l.role_id = ?2
             GROUP BY l.level_key, l.domain_key, e.kind",
        )?;
        let rows = stmt.query_map(params![contractor_id, ladder.role.id], |r| {
            Ok(((r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?))
        })?;
        for row in rows {
            let (key, n) = row?;
            have.insert(key, n);
        }
        Ok(ladder
            .content
            .cells
            .iter()
            .filter(|c| !c.evidence.is_empty())
            .map(|c| {
                let requirements: Vec<RequirementProgress> = c
                    .evidence
                    .iter()
                    .map(|req| {
                        let kind = serde_json::to_value(req.kind)
                            .ok()
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_default();
                        let n = have
                            .get(&(c.level_key.clone(), c.domain_key.clone(), kind))
                            .copied()
                            .unwrap_or(0);
                        RequirementProgress {
                            kind: req.kind,
                            required: req.count,
                            have: n.min(req.count),
                        }
                    })
                    .collect();
                CellProgress {
                    level_key: c.level_key.clone(),
                    domain_key: c.domain_key.clone(),
                    met: requirements.iter().all(|r| r.have >= r.required),
                    summary: summary(&requirements),
                    requirements,
                }
            })
            .collect())
    }
}

/// Links evidence to cells of `ladder` with `conn` (in the caller's transaction).
pub(crate) fn insert_links(
    conn: &rusqlite::Connection,
    evidence_id: &str,
    ladder: &crate::ladder::Ladder,
    cells: &[(String, String)],
) -> Result<()> {
    for (level_key, domain_key) in cells {
        if ladder.content.levels.iter().all(|l| &l.key != level_key)
            || ladder.content.domains.iter().all(|d| &d.key != domain_key)
        {
            return Err(CoreError::NotFound(
                "That cell is not in this ladder version.".into(),
            ));
        }
        conn.execute(
            "INSERT OR IGNORE INTO evidence_cell (evidence_id, role_id, version_id, level_key, domain_key)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![evidence_id, ladder.role.id, ladder.version.id, level_key, domain_key],
        )?;
    }
    Ok(())
}
