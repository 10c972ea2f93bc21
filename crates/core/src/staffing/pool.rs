//! The preferred pool: the people the organisation invites first. One rule HR can edit — a
//! credential they hold, how many of their engagements were renewed, and their share of
//! on-time milestones over the last year (where the record says enough) — applied on the fly,
//! so the pool is always what the records say today.

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

/// (engagements that ended before `today`, how many of all engagements were renewed).
pub(crate) fn renewals(conn: &Connection, contractor_id: &str, today: &str) -> Result<(u32, u32)> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FILTER (WHERE end_on < ?2), count(*) FILTER (WHERE outcome = 'renewed')
             FROM engagement WHERE contractor_id = ?1",
        )?
        .query_row(params![contractor_id, today], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// (milestones, on time) over the year before `today`.
pub(crate) fn delivery(conn: &Connection, contractor_id: &str, today: &str) -> Result<(u32, u32)> {
    let year_ago = dates::parse("today", today)? - time::Duration::days(365);
    Ok(conn
        .prepare_cached(
            "SELECT count(*), count(*) FILTER (WHERE outcome = 'on_time') FROM delivery_event
             WHERE contractor_id = ?1 AND kind = 'milestone' AND on_date > ?2 AND on_date <= ?3",
        )?
        .query_row(
            params![contractor_id, dates::format(year_ago), today],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
}

impl PoolRule {
    /// Whether a person with these facts belongs to the pool.
    pub(crate) fn admits(
        &self,
        conn: &Connection,
        contractor_id: &str,
        renewed: u32,
        (milestones, on_time): (u32, u32),
        today: &str,
    ) -> Result<bool> {
        if renewed < self.min_renewals {
            return Ok(false);
        }
        if let Some(percent) = self.min_on_time_percent {
            if milestones >= MIN_MILESTONES && on_time * 100 < percent * milestones {
                return Ok(false);
            }
        }
        match &self.credential_id {
            None => Ok(true),
            Some(credential) => {
                let held: bool = conn
                    .prepare_cached(
                        "SELECT EXISTS (SELECT 1 FROM award WHERE contractor_id = ?1 AND credential_id = ?2
                           AND revoked_at IS NULL AND issued_on <= ?3 AND (expires_on IS NULL OR expires_on > ?3))",
                    )?
                    .query_row(params![contractor_id, credential, today], |r| r.get(0))?;
                Ok(held)
            }
        }
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
        let mut members = Vec::new();
        for (id, name, ends_on, client) in rows {
            let (_, renewed) = renewals(conn, &id, &today_text)?;
            let record = delivery(conn, &id, &today_text)?;
            if !rule.admits(conn, &id, renewed, record, &today_text)? {
                continue;
            }
            let mut why = vec![format!(
                "{renewed} renewed engagement{}",
                if renewed == 1 { "" } else { "s" }
            )];
            if record.0 >= MIN_MILESTONES {
                why.push(format!("{} of {} milestones on time", record.1, record.0));
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
