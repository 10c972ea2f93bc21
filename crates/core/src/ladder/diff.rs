//! Cell-by-cell differences between two ladder versions. Levels and domains are matched by their
//! stable keys, so a renamed level shows as renamed, not as removed and added.

use serde::Serialize;
use ts_rs::TS;

use super::*;
use crate::error::Result;
use crate::workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeaderChange {
    pub key: String,
    pub kind: ChangeKind,
    pub before: Option<Level>,
    pub after: Option<Level>,
    pub renamed: bool,
    pub moved: bool,
    pub described: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CellChange {
    pub level_key: String,
    pub domain_key: String,
    pub level_name: String,
    pub domain_name: String,
    pub kind: ChangeKind,
    pub outcomes_added: Vec<String>,
    pub outcomes_removed: Vec<String>,
    pub evidence_added: Vec<EvidenceRequirement>,
    pub evidence_removed: Vec<EvidenceRequirement>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LadderDiff {
    pub from: VersionInfo,
    pub to: VersionInfo,
    pub levels: Vec<HeaderChange>,
    pub domains: Vec<HeaderChange>,
    pub cells: Vec<CellChange>,
    /// The rating scale before and after, when it changed.
    pub scale: Option<(RatingScale, RatingScale)>,
}

fn header_changes(before: &[Level], after: &[Level]) -> Vec<HeaderChange> {
    let mut changes = Vec::new();
    for b in before {
        match after.iter().position(|a| a.key == b.key) {
            None => changes.push(HeaderChange {
                key: b.key.clone(),
                kind: ChangeKind::Removed,
                before: Some(b.clone()),
                after: None,
                renamed: false,
                moved: false,
                described: false,
            }),
            Some(j) => {
                let a = &after[j];
                let (renamed, described) = (a.name != b.name, a.description != b.description);
                // "Moved" means its place among the headers both versions share changed.
                let rank = |list: &[Level], key: &str, other: &[Level]| {
                    list.iter()
                        .filter(|l| other.iter().any(|o| o.key == l.key))
                        .position(|l| l.key == key)
                };
                let moved = rank(before, &b.key, after) != rank(after, &b.key, before);
                if renamed || described || moved {
                    changes.push(HeaderChange {
                        key: b.key.clone(),
                        kind: ChangeKind::Changed,
                        before: Some(b.clone()),
                        after: Some(a.clone()),
                        renamed,
                        moved,
                        described,
                    });
                }
            }
        }
    }
    for a in after
        .iter()
        .filter(|a| !before.iter().any(|b| b.key == a.key))
    {
        changes.push(HeaderChange {
            key: a.key.clone(),
            kind: ChangeKind::Added,
            before: None,
            after: Some(a.clone()),
            renamed: false,
            moved: false,
            described: false,
        });
    }
    changes
}

fn minus<T: PartialEq + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    a.iter().filter(|x| !b.contains(x)).cloned().collect()
}

/// What changed from `before` to `after`, cell by cell, in grid order of `after` (then `before`).
pub fn diff_content(
    before: &LadderContent,
    after: &LadderContent,
) -> (Vec<HeaderChange>, Vec<HeaderChange>, Vec<CellChange>) {
    let name_of = |key: &str, a: &[Level], b: &[Level]| {
        a.iter()
            .chain(b)
            .find(|l| l.key == key)
            .map(|l| l.name.clone())
            .unwrap_or_default()
    };
    let empty = Cell {
        level_key: String::new(),
        domain_key: String::new(),
        outcomes: vec![],
        evidence: vec![],
    };
    let mut keys: Vec<(String, String)> = Vec::new();
    for cell in after.cells.iter().chain(&before.cells) {
        let k = (cell.level_key.clone(), cell.domain_key.clone());
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let cells = keys
        .into_iter()
        .filter_map(|(lk, dk)| {
            let b = before.cell(&lk, &dk);
            let a = after.cell(&lk, &dk);
            let kind = match (b, a) {
                (None, Some(_)) => ChangeKind::Added,
                (Some(_), None) => ChangeKind::Removed,
                (Some(b), Some(a)) if a != b => ChangeKind::Changed,
                _ => return None,
            };
            let (b, a) = (b.unwrap_or(&empty), a.unwrap_or(&empty));
            Some(CellChange {
                level_name: name_of(&lk, &after.levels, &before.levels),
                domain_name: name_of(&dk, &after.domains, &before.domains),
                level_key: lk,
                domain_key: dk,
                kind,
                outcomes_added: minus(&a.outcomes, &b.outcomes),
                outcomes_removed: minus(&b.outcomes, &a.outcomes),
                evidence_added: minus(&a.evidence, &b.evidence),
                evidence_removed: minus(&b.evidence, &a.evidence),
            })
        })
        .collect();
    (
        header_changes(&before.levels, &after.levels),
        header_changes(&before.domains, &after.domains),
        cells,
    )
}

/// Differences between two versions of the same role's ladder.
pub fn diff_versions(ws: &Workspace, from_version: &str, to_version: &str) -> Result<LadderDiff> {
    let from = ws.ladder_version(from_version)?;
    let to = ws.ladder_version(to_version)?;
    if from.role.id != to.role.id {
        return Err(crate::CoreError::Invalid(
            "Both versions must belong to the same role.".into(),
        ));
    }
    let (levels, domains, cells) = diff_content(&from.content, &to.content);
    Ok(LadderDiff {
        from: from.version,
        to: to.version,
        levels,
        domains,
        cells,
        scale: (from.content.scale != to.content.scale)
            .then(|| (from.content.scale.clone(), to.content.scale.clone())),
    })
}
