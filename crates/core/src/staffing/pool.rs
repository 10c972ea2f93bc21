//! The preferred pool: the people the organisation invites first. One rule HR can edit — a
//! credential they hold, how many of their engagements were renewed, and their share of
//! on-time milestones over the last year (where the record says enough) — applied on the fly,
//! so the pool is always what the records say today.

use std::collections::HashMap;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::workspace::Workspace;
use crate::{clock, dates};

/// Below this many milestones in a year, the on-time share says nothing and is not applied.
pub const MIN_MILESTONES: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PoolRule {
    pub credential_id: Option<String>,
    pub credential_name: Option<String>,
    pub min_renewals: u32,
    pub min_on_time_percent: Option<u32>,
    /// The rule in one sentence.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PoolRuleInput {
    #[serde(default)]
    pub credential_id: Option<String>,
    pub min_renewals: u32,
    #[serde(default)]
    pub min_on_time_percent: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PoolMember {
    pub contractor_id: String,
    pub name: String,
    /// Why they are in the pool, in words.
    pub why: String,
    /// Their current engagement's end, when it ends soon (Home's list).
    pub engagement_ends_on: Option<String>,
    pub engagement_client: Option<String>,
}

/// What the pool rule and the ranking read of a person's record.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Record {
    /// Engagements that ended before today.
    pub earlier: u32,
    /// Engagements renewed, of all of them.
    pub renewed: u32,
    /// Milestones over the last year, and how many of them on time.
    pub milestones: u32,
    pub on_time: u32,
    /// Holds the pool rule's credential today (true when the rule names none).
    pub holds_credential: bool,
}

/// `ids` as a JSON array, for `IN (SELECT value FROM json_each(?))`: one query for a whole set.
pub(crate) fn id_set(ids: &[&str]) -> Result<String> {
    serde_json::to_string(ids).map_err(|e| CoreError::Invalid(e.to_string()))
}

/// The records of `ids` as of `today`: three set-wise reads however many people are asked
/// about (one per person cost the match ~2,000 queries at 10,000 contractors).
pub(crate) fn records(
    conn: &Connection,
    ids: &[&str],
    credential: Option<&str>,
    today: &str,
) -> Result<HashMap<String, Record>> {
    let set = id_set(ids)?;
    let year_ago = dates::format(dates::parse("today", today)? - time::Duration::days(365));
    let mut by_person: HashMap<String, Record> = ids
        .iter()
        .map(|id| {
            let r = Record {
                holds_credential: credential.is_none(),
                ..Record::default()
            };
            (id.to_string(), r)
        })
        .collect();
    let mut engagements = conn.prepare_cached(
        "SELECT contractor_id, count(*) FILTER (WHERE end_on < ?2), count(*) FILTER (WHERE outcome = 'renewed')
         FROM engagement WHERE contractor_id IN (SELECT value FROM json_each(?1)) GROUP BY contractor_id",
    )?;
    let mut rows = engagements.query(params![set, today])?;
    while let Some(row) = rows.next()? {
        if let Some(r) = by_person.get_mut(&row.get::<_, String>(0)?) {
            (r.earlier, r.renewed) = (row.get(1)?, row.get(2)?);
        }
    }
    let mut milestones = conn.prepare_cached(
        "SELECT contractor_id, count(*), count(*) FILTER (WHERE outcome = 'on_time') FROM delivery_event
         WHERE contractor_id IN (SELECT value FROM json_each(?1)) AND kind = 'milestone'
           AND on_date > ?2 AND on_date <= ?3
         GROUP BY contractor_id",
    )?;
    let mut rows = milestones.query(params![set, year_ago, today])?;
    while let Some(row) = rows.next()? {
        if let Some(r) = by_person.get_mut(&row.get::<_, String>(0)?) {
            (r.milestones, r.on_time) = (row.get(1)?, row.get(2)?);
        }
    }
    if let Some(credential) = credential {
        let mut holders = conn.prepare_cached(
            "SELECT DISTINCT contractor_id FROM award
             WHERE credential_id = ?2 AND contractor_id IN (SELECT value FROM json_each(?1))
               AND revoked_at IS NULL AND issued_on <= ?3 AND (expires_on IS NULL OR expires_on > ?3)",
        )?;
        let mut rows = holders.query(params![set, credential, today])?;
        while let Some(row) = rows.next()? {
            if let Some(r) = by_person.get_mut(&row.get::<_, String>(0)?) {
                r.holds_credential = true;
            }
        }
    }
    Ok(by_person)
}

impl PoolRule {
    /// Whether a person with this record belongs to the pool.
    pub(crate) fn admits(&self, r: &Record) -> bool {
        let on_time_ok = match self.min_on_time_percent {
            Some(percent) if r.milestones >= MIN_MILESTONES => {
                r.on_time * 100 >= percent * r.milestones
            }
            _ => true,
        };
        r.renewed >= self.min_renewals && on_time_ok && r.holds_credential
    }
}

fn summary(credential: Option<&str>, min_renewals: u32, on_time: Option<u32>) -> String {
    let mut parts = Vec::new();
    if let Some(c) = credential {
        parts.push(format!("hold {c}"));
    }
    parts.push(match min_renewals {
        0 => "any engagement history".to_string(),
        1 => "at least one renewed engagement".to_string(),
        n => format!("at least {n} renewed engagements"),
    });
    if let Some(p) = on_time {
        parts.push(format!(
            "{p}% or more of their milestones on time over the last year (when they have {MIN_MILESTONES} or more)"
        ));
    }
    format!("Active people who {}.", parts.join(", "))
}

impl Workspace {
    pub fn pool_rule(&self) -> Result<PoolRule> {
        let (credential_id, credential_name, min_renewals, min_on_time_percent) =
            self.conn().query_row(
                "SELECT p.credential_id, c.name, p.min_renewals, p.min_on_time_percent
                 FROM pool_rule p LEFT JOIN credential c ON c.id = p.credential_id WHERE p.id = 1",
                [],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get(2)?,
                        r.get(3)?,
                    ))
                },
            )?;
        Ok(PoolRule {
            summary: summary(
                credential_name.as_deref(),
                min_renewals,
                min_on_time_percent,
            ),
            credential_id,
            credential_name,
            min_renewals,
            min_on_time_percent,
        })
    }

    pub fn set_pool_rule(&mut self, input: &PoolRuleInput) -> Result<PoolRule> {
        let credential = match input.credential_id.as_deref().filter(|c| !c.is_empty()) {
            Some(c) => Some(self.credential(c)?.id),
            None => None,
        };
        if input.min_renewals > 100 {
            return Err(CoreError::Invalid(
                "At most 100 renewals can be asked for.".into(),
            ));
        }
        if matches!(input.min_on_time_percent, Some(p) if p > 100) {
            return Err(CoreError::Invalid(
                "A share on time is at most 100%.".into(),
            ));
        }
        self.conn().execute(
            "UPDATE pool_rule SET credential_id = ?1, min_renewals = ?2, min_on_time_percent = ?3, updated_at = ?4
             WHERE id = 1",
            params![credential, input.min_renewals, input.min_on_time_percent, clock::now()],
        )?;
        self.pool_rule()
    }

    /// Everyone the rule admits today, by name; with `ending_within` days, only those whose
    /// current engagement ends within that many days (soonest first) — Home's list.
    pub fn pool_members(&self, ending_within: Option<u32>) -> Result<Vec<PoolMember>> {
        let rule = self.pool_rule()?;
        let today = dates::today();
        let today_text = dates::format(today);
        let horizon = ending_within.map(|d| dates::format(today + time::Duration::days(d as i64)));
        let conn = self.conn();
        // Renewals are the cheapest test, so the query narrows on them first.
        let mut stmt = conn.prepare_cached(
            "SELECT c.id, c.name, e.end_on, e.client FROM contractor c
             LEFT JOIN engagement e ON e.id = (
               SELECT x.id FROM engagement x WHERE x.contractor_id = c.id AND x.start_on <= ?2
                 AND x.end_on >= ?2 ORDER BY x.end_on LIMIT 1)
             WHERE c.status = 'active'
               AND (SELECT count(*) FROM engagement r WHERE r.contractor_id = c.id AND r.outcome = 'renewed') >= ?1
               AND (?3 IS NULL OR e.end_on <= ?3)
             ORDER BY CASE WHEN ?3 IS NULL THEN c.name ELSE e.end_on END COLLATE NOCASE, c.name COLLATE NOCASE",
        )?;
        let rows: Vec<(String, String, Option<String>, Option<String>)> = stmt
            .query_map(params![rule.min_renewals, today_text, horizon], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let ids: Vec<&str> = rows.iter().map(|(id, ..)| id.as_str()).collect();
        let records = records(conn, &ids, rule.credential_id.as_deref(), &today_text)?;
        let mut members = Vec::new();
        for (id, name, ends_on, client) in rows {
            let record = records[&id];
            if !rule.admits(&record) {
                continue;
            }
            let renewed = record.renewed;
            let mut why = vec![format!(
                "{renewed} renewed engagement{}",
                if renewed == 1 { "" } else { "s" }
            )];
            if record.milestones >= MIN_MILESTONES {
                why.push(format!(
                    "{} of {} milestones on time",
                    record.on_time, record.milestones
                ));
            }
            if let Some(c) = &rule.credential_name {
                why.push(format!("holds {c}"));
            }
            members.push(PoolMember {
                contractor_id: id,
                name,
                why: why.join(", "),
                engagement_ends_on: ends_on,
                engagement_client: client,
            });
        }
        Ok(members)
    }
}
