//! The ranking of the people who pass a need's filters: a score out of 100 and every point of it
//! in words. Its facts are read for all of them at once — a handful of set-wise queries, so a
//! match over thousands of people stays one quick screen.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::pool::{id_set, records, PoolRule, Record};
use crate::dates;
use crate::error::Result;

/// Someone who passed the filters, with what the ranking needs of them.
pub(super) struct Passed<'a> {
    pub id: &'a str,
    pub level_key: &'a str,
    pub level_name: &'a str,
    pub location: &'a str,
    /// Levels above the need's minimum.
    pub steps: usize,
}

/// What the need brings to the ranking.
pub(super) struct Scope<'a> {
    pub role_id: &'a str,
    pub min_name: &'a str,
    /// The role's cells per level (its domains).
    pub cells: u32,
    pub start: &'a str,
    pub end: &'a str,
    /// The preferred location, lower-cased; empty for none.
    pub location: String,
    pub pool: &'a PoolRule,
}

/// What the ranking weighs for one person.
struct Facts {
    level_steps: usize,
    cells_with_evidence: u32,
    cells: u32,
    record: Record,
    expiring: Vec<(String, String)>,
    in_pool: bool,
    near: bool,
}

/// The score, its reasons and pool membership of each of `passed`, in their order.
pub(super) fn rank_all(
    conn: &Connection,
    passed: &[Passed],
    scope: &Scope,
) -> Result<Vec<(u32, Vec<String>, bool)>> {
    let ids: Vec<&str> = passed.iter().map(|p| p.id).collect();
    let set = id_set(&ids)?;
    let today = dates::format(dates::today());
    let records = records(conn, &ids, scope.pool.credential_id.as_deref(), &today)?;
    let evidence = evidence_cells(conn, &set, scope.role_id)?;
    let mut expiring = expiring(conn, &set, scope.start, scope.end)?;
    Ok(passed
        .iter()
        .map(|p| {
            let record = records.get(p.id).copied().unwrap_or_default();
            let facts = Facts {
                level_steps: p.steps,
                cells_with_evidence: evidence
                    .get(&(p.id.to_string(), p.level_key.to_string()))
                    .copied()
                    .unwrap_or(0)
                    .min(scope.cells),
                cells: scope.cells,
                in_pool: scope.pool.admits(&record),
                record,
                expiring: expiring.remove(p.id).unwrap_or_default(),
                near: !scope.location.is_empty()
                    && p.location.to_lowercase().contains(&scope.location),
            };
            let (score, reasons) = rank(&facts, p.level_name, scope.min_name);
            (score, reasons, facts.in_pool)
        })
        .collect())
}

/// Cells with evidence, by (person, level), over the role.
fn evidence_cells(
    conn: &Connection,
    set: &str,
    role_id: &str,
) -> Result<HashMap<(String, String), u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.contractor_id, x.level_key, count(DISTINCT x.domain_key) FROM evidence e
         JOIN evidence_cell x ON x.evidence_id = e.id
         WHERE e.contractor_id IN (SELECT value FROM json_each(?1)) AND x.role_id = ?2
         GROUP BY e.contractor_id, x.level_key",
    )?;
    let rows = stmt.query_map(params![set, role_id], |r| {
        Ok(((r.get(0)?, r.get(1)?), r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Live credentials (not yet renewed) that expire during the window, by person, soonest first.
fn expiring(
    conn: &Connection,
    set: &str,
    start: &str,
    end: &str,
) -> Result<HashMap<String, Vec<(String, String)>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.contractor_id, c.name, a.expires_on FROM award a JOIN credential c ON c.id = a.credential_id
         WHERE a.contractor_id IN (SELECT value FROM json_each(?1)) AND a.revoked_at IS NULL
           AND a.expires_on > ?2 AND a.expires_on <= ?3
           AND NOT EXISTS (SELECT 1 FROM award r WHERE r.renews_id = a.id)
         ORDER BY a.expires_on, c.name",
    )?;
    let mut by_person: HashMap<String, Vec<(String, String)>> = HashMap::new();
    let mut rows = stmt.query(params![set, start, end])?;
    while let Some(row) = rows.next()? {
        by_person
            .entry(row.get(0)?)
            .or_default()
            .push((row.get(1)?, row.get(2)?));
    }
    Ok(by_person)
}

/// The score and its reasons; `level_name`/`min_name` for the level's words.
fn rank(f: &Facts, level_name: &str, min_name: &str) -> (u32, Vec<String>) {
    let mut score: i32 = 50;
    let mut reasons = Vec::new();
    if f.in_pool {
        score += 10;
        reasons.push("In the preferred pool".to_string());
    }
    match f.level_steps {
        0 => reasons.push(format!("At {level_name}, the minimum level")),
        steps => {
            score += 10 * steps.min(2) as i32;
            let above = match steps {
                1 => "one level".to_string(),
                n => format!("{n} levels"),
            };
            reasons.push(format!(
                "At {level_name}, {above} above the minimum {min_name}"
            ));
        }
    }
    if let Some(share) = (15 * f.cells_with_evidence).checked_div(f.cells) {
        score += share as i32;
        reasons.push(format!(
            "Evidence on {} of {} cells at {level_name}",
            f.cells_with_evidence, f.cells
        ));
    }
    if f.record.earlier > 0 {
        score += 5 * f.record.renewed.min(3) as i32;
        reasons.push(format!(
            "{} earlier engagement{}, {} renewed",
            f.record.earlier,
            if f.record.earlier == 1 { "" } else { "s" },
            f.record.renewed
        ));
    }
    // A delivery record counts once it says something: three milestones or more.
    if f.record.milestones >= 3 {
        score += (20 * f.record.on_time / f.record.milestones) as i32 - 10;
        reasons.push(format!(
            "{} of {} milestones on time in the last year",
            f.record.on_time, f.record.milestones
        ));
    }
    for (credential, on) in &f.expiring {
        score -= 5;
        reasons.push(format!(
            "{credential} expires on {}, during the need",
            dates::long(on)
        ));
    }
    if f.near {
        score += 5;
        reasons.push("Based where the need prefers".to_string());
    }
    (score.clamp(0, 100) as u32, reasons)
}
