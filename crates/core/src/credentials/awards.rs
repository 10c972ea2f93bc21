//! Awards: a credential granted to a person, from a signed assessment that meets its criteria or
//! by hand with a reason. Awards expire, are renewed by a new award, and are revoked with a
//! reason; none is ever deleted. Status is worked out from the dates on every read.

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use time::{Date, Month};
use ts_rs::TS;

use super::HolderCounts;
use crate::assessment::{AssessmentStatus, Integrity};
use crate::error::{CoreError, Result};
use crate::store::write_tx;
use crate::text::{clean_name, clean_text};
use crate::workspace::Workspace;
use crate::{clock, dates, new_id};

/// How far ahead an expiry counts as "expiring soon".
pub const EXPIRING_WITHIN_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AwardStatus {
    Active,
    Expiring,
    Expired,
    Revoked,
}

impl AwardStatus {
    pub fn word(self) -> &'static str {
        match self {
            AwardStatus::Active => "active",
            AwardStatus::Expiring => "expiring",
            AwardStatus::Expired => "expired",
            AwardStatus::Revoked => "revoked",
        }
    }
    /// Whether the award counts: for clearance and prerequisites.
    pub fn holds(self) -> bool {
        matches!(self, AwardStatus::Active | AwardStatus::Expiring)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Award {
    pub id: String,
    pub credential_id: String,
    pub credential_name: String,
    pub contractor_id: String,
    pub contractor_name: String,
    pub assessment_id: Option<String>,
    /// Why, for an award made by hand.
    pub reason: String,
    pub awarded_by: String,
    pub issued_on: String,
    pub expires_on: Option<String>,
    pub status: AwardStatus,
    pub revoked_at: Option<String>,
    pub revoked_by: Option<String>,
    pub revoked_reason: Option<String>,
    /// The award this one renews, and the one that renewed it.
    pub renews_id: Option<String>,
    pub renewed_by_id: Option<String>,
    /// Its place in the issuer's revocation list.
    pub status_index: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewAward {
    pub credential_id: String,
    pub contractor_id: String,
    /// A signed assessment that meets the criteria; none for an award made by hand.
    pub assessment_id: Option<String>,
    /// Required when there is no assessment.
    #[serde(default)]
    pub reason: String,
    pub awarded_by: String,
    /// Valid from this date; today when none.
    pub issued_on: Option<String>,
    /// The award this one renews.
    pub renews_id: Option<String>,
}

/// `date` plus whole calendar months; a day past the month's end becomes its last day.
pub fn add_months(date: Date, months: u32) -> Date {
    let total = date.year() * 12 + (date.month() as i32 - 1) + months as i32;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u8 + 1);
    let month = Month::try_from(month).expect("1..=12");
    let last = month.length(year);
    Date::from_calendar_date(year, month, date.day().min(last)).expect("a day within the month")
}

/// The status on `today` from the dates alone.
pub fn status_on(today: Date, expires_on: Option<&str>, revoked: bool) -> AwardStatus {
    if revoked {
        return AwardStatus::Revoked;
    }
    match expires_on.and_then(|d| dates::parse("", d).ok()) {
        Some(end) if end <= today => AwardStatus::Expired,
        Some(end) if (end - today).whole_days() <= EXPIRING_WITHIN_DAYS => AwardStatus::Expiring,
        _ => AwardStatus::Active,
    }
}

const AWARD_COLUMNS: &str = "a.id, a.credential_id, c.name, a.contractor_id, p.name, a.assessment_id, a.reason,
    a.awarded_by, a.issued_on, a.expires_on, a.revoked_at, a.revoked_by, a.revoked_reason, a.renews_id,
    (SELECT r.id FROM award r WHERE r.renews_id = a.id), a.status_index";
const AWARD_FROM: &str =
    "FROM award a JOIN credential c ON c.id = a.credential_id JOIN contractor p ON p.id = a.contractor_id";

fn award_from_row(row: &Row, today: Date) -> rusqlite::Result<Award> {
    let expires_on: Option<String> = row.get(9)?;
    let revoked_at: Option<String> = row.get(10)?;
    Ok(Award {
        id: row.get(0)?,
        credential_id: row.get(1)?,
        credential_name: row.get(2)?,
        contractor_id: row.get(3)?,
        contractor_name: row.get(4)?,
        assessment_id: row.get(5)?,
        reason: row.get(6)?,
        awarded_by: row.get(7)?,
        issued_on: row.get(8)?,
        status: status_on(today, expires_on.as_deref(), revoked_at.is_some()),
        expires_on,
        revoked_at,
        revoked_by: row.get(11)?,
        revoked_reason: row.get(12)?,
        renews_id: row.get(13)?,
        renewed_by_id: row.get(14)?,
        status_index: row.get(15)?,
    })
}

fn award_not_found() -> CoreError {
    CoreError::NotFound("That award no longer exists.".into())
}

impl Workspace {
    fn awards_where(&self, condition: &str, param: &str) -> Result<Vec<Award>> {
        let today = crate::dates::today_here();
        let sql = format!(
            "SELECT {AWARD_COLUMNS} {AWARD_FROM} WHERE {condition} ORDER BY a.issued_on DESC, p.name, a.id"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map([param], |r| award_from_row(r, today))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn award(&self, id: &str) -> Result<Award> {
        self.awards_where("a.id = ?1", id)?
            .pop()
            .ok_or_else(award_not_found)
    }

    /// Every award, newest first (`guildbook award list`).
    pub fn all_awards(&self) -> Result<Vec<Award>> {
        self.awards_where("?1 = ?1", "")
    }

    /// A person's wallet: every award they were given, newest first.
    pub fn awards_of(&self, contractor_id: &str) -> Result<Vec<Award>> {
        self.awards_where("a.contractor_id = ?1", contractor_id)
    }

    /// Who holds (or held) a credential, newest first.
    pub fn holders(&self, credential_id: &str) -> Result<Vec<Award>> {
        self.awards_where("a.credential_id = ?1", credential_id)
    }

    /// Awards that expire within `EXPIRING_WITHIN_DAYS` and were not renewed, soonest first: for Home.
    pub fn expiring_awards(&self) -> Result<Vec<Award>> {
        let today = crate::dates::today_here();
        let window = format!(
            "a.revoked_at IS NULL AND a.expires_on > '{}' AND a.expires_on <= '{}'
             AND NOT EXISTS (SELECT 1 FROM award r WHERE r.renews_id = a.id) AND ?1 = ?1",
            dates::format(today),
            dates::format(today + time::Duration::days(EXPIRING_WITHIN_DAYS))
        );
        let mut list = self.awards_where(&window, "")?;
        list.sort_by(|a, b| a.expires_on.cmp(&b.expires_on));
        Ok(list)
    }

    /// Counts by status of the newest award per person (a renewed award counts once), counted
    /// by the store: a credential may have tens of thousands of awards.
    pub(crate) fn holder_counts(&self, credential_id: &str) -> Result<HolderCounts> {
        let today = crate::dates::today_here();
        let soon = dates::format(today + time::Duration::days(EXPIRING_WITHIN_DAYS));
        let today = dates::format(today);
        Ok(self.conn().prepare_cached(
            "SELECT coalesce(sum(revoked_at IS NULL AND (expires_on IS NULL OR expires_on > ?3)), 0),
                    coalesce(sum(revoked_at IS NULL AND expires_on > ?2 AND expires_on <= ?3), 0),
                    coalesce(sum(revoked_at IS NULL AND expires_on <= ?2), 0),
                    coalesce(sum(revoked_at IS NOT NULL), 0)
             FROM award a WHERE a.credential_id = ?1
               AND NOT EXISTS (SELECT 1 FROM award r WHERE r.renews_id = a.id)",
        )?
        .query_row(params![credential_id, today, soon], |r| {
            Ok(HolderCounts {
                active: r.get(0)?,
                expiring: r.get(1)?,
                expired: r.get(2)?,
                revoked: r.get(3)?,
            })
        })?)
    }

    /// Whether the person holds the credential today (an active or expiring award).
    pub fn holds_credential(&self, contractor_id: &str, credential_id: &str) -> Result<bool> {
        let today = crate::dates::today_here();
        let mut stmt = self.conn().prepare_cached(
            "SELECT expires_on, revoked_at IS NOT NULL FROM award WHERE contractor_id = ?1 AND credential_id = ?2",
        )?;
        let rows = stmt.query_map(params![contractor_id, credential_id], |r| {
            Ok((r.get::<_, Option<String>>(0)?, r.get::<_, bool>(1)?))
        })?;
        for row in rows {
            let (expires, revoked) = row?;
            if status_on(today, expires.as_deref(), revoked).holds() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Why a signed assessment does or doesn't earn a credential: empty when it does.
    pub fn award_gaps(&self, credential_id: &str, assessment_id: &str) -> Result<Vec<String>> {
        let credential = self.credential(credential_id)?;
        let a = self.assessment(assessment_id)?;
        let mut gaps = Vec::new();
        if !matches!(
            a.status,
            AssessmentStatus::Signed | AssessmentStatus::Closed
        ) {
            return Ok(vec!["the assessment is not signed yet".into()]);
        }
        if let Integrity::Tampered { .. } = self.assessment_integrity(assessment_id)? {
            return Ok(vec!["the assessment was changed after it was signed".into()]);
        }
        if let Some(c) = &credential.criteria {
            if a.role_id != c.role_id || a.level_key != c.level_key {
                return Ok(vec![format!(
                    "the assessment is of {} · {}, not {} · {}",
                    a.role_name, a.level_name, c.role_name, c.level_name
                )]);
            }
            let proposal = self.propose(assessment_id)?;
            for (key, name) in &c.domains {
                match proposal.cells.iter().find(|v| &v.domain_key == key) {
                    None => gaps.push(format!("{name} is not in the assessment")),
                    Some(v) if !v.rated_met => gaps.push(format!("{name}: {}", v.reason)),
                    Some(v) if c.require_evidence && !v.evidence_complete => {
                        gaps.push(format!("{name}: {}", v.reason))
                    }
                    Some(_) => {}
                }
            }
        }
        for p in &credential.prerequisites {
            if !self.holds_credential(&a.contractor_id, &p.id)? {
                gaps.push(format!("does not hold '{}'", p.name));
            }
        }
        Ok(gaps)
    }

    /// Grants a credential: from a signed assessment that meets the criteria (checked here), or by
    /// hand with a reason. Expiry follows from the credential's validity.
    pub fn award_credential(&mut self, input: &NewAward) -> Result<Award> {
        let credential = self.credential(&input.credential_id)?;
        if credential.archived {
            return Err(CoreError::Invalid(format!(
                "'{}' is archived; restore it before awarding it.",
                credential.name
            )));
        }
        let person = self.contractor(&input.contractor_id)?;
        let awarded_by = clean_name("The name of who awards it", &input.awarded_by)?;
        let reason = clean_text("The reason", &input.reason)?;
        match &input.assessment_id {
            Some(a) => {
                if self.assessment(a)?.contractor_id != person.id {
                    return Err(CoreError::Invalid(
                        "That assessment is of someone else.".into(),
                    ));
                }
                let gaps = self.award_gaps(&credential.id, a)?;
                if !gaps.is_empty() {
                    return Err(CoreError::Invalid(format!(
                        "{} does not earn '{}' from this assessment: {}.",
                        person.name,
                        credential.name,
                        gaps.join("; ")
                    )));
                }
            }
            None if reason.is_empty() => {
                return Err(CoreError::Invalid(
                    "An award without an assessment needs a reason.".into(),
                ))
            }
            None => {}
        }
        if let Some(old) = &input.renews_id {
            let old = self.award(old)?;
            if old.contractor_id != person.id || old.credential_id != credential.id {
                return Err(CoreError::Invalid(
                    "A renewal is of the same credential for the same person.".into(),
                ));
            }
            if old.status == AwardStatus::Revoked {
                return Err(CoreError::Invalid(
                    "A revoked award is not renewed; award the credential anew.".into(),
                ));
            }
            if old.renewed_by_id.is_some() {
                return Err(CoreError::Invalid("That award was renewed already.".into()));
            }
        }
        let issued = match input.issued_on.as_deref().filter(|d| !d.trim().is_empty()) {
            Some(d) => dates::parse("The award date", d)?,
            None => crate::dates::today_here(),
        };
        let expires = credential
            .validity_months
            .map(|m| dates::format(add_months(issued, m)));
        let id = new_id();
        let tx = write_tx(self.conn_mut())?;
        let index: u32 = tx.query_row(
            "SELECT coalesce(max(status_index), -1) + 1 FROM award",
            [],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO award (id, credential_id, contractor_id, assessment_id, reason, awarded_by, issued_on,
               expires_on, renews_id, status_index, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                id,
                credential.id,
                person.id,
                input.assessment_id,
                reason,
                awarded_by,
                dates::format(issued),
                expires,
                input.renews_id,
                index,
                clock::now()
            ],
        )?;
        tx.commit()?;
        self.award(&id)
    }

    /// Revokes an award: kept, with who, when and why; the revocation list marks it.
    pub fn revoke_award(&mut self, id: &str, reason: &str, by: &str) -> Result<Award> {
        let award = self.award(id)?;
        if award.status == AwardStatus::Revoked {
            return Err(CoreError::Invalid(format!(
                "This award was revoked already, on {}.",
                award.revoked_at.unwrap_or_default()
            )));
        }
        let reason = clean_text("The reason", reason)?;
        if reason.is_empty() {
            return Err(CoreError::Invalid(
                "Say why the award is revoked; the reason is kept with it.".into(),
            ));
        }
        let by = clean_name("The name of who revokes it", by)?;
        self.conn().execute(
            "UPDATE award SET revoked_at = ?2, revoked_by = ?3, revoked_reason = ?4 WHERE id = ?1",
            params![id, clock::now(), by, reason],
        )?;
        self.award(id)
    }

    /// The status-list bits that are set: every revoked award's index.
    pub fn revoked_indexes(&self) -> Result<Vec<u32>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT status_index FROM award WHERE revoked_at IS NOT NULL ORDER BY status_index",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Finds an award by its id, or fails with a message for people.
    pub fn find_award(&self, id: &str) -> Result<Award> {
        let found: Option<String> = self
            .conn()
            .query_row("SELECT id FROM award WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        match found {
            Some(id) => self.award(&id),
            None => Err(CoreError::NotFound(format!("No award has the id '{id}'."))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_are_calendar_months_clamped_to_the_month_end() {
        assert_eq!(add_months(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(add_months(date!(2028 - 01 - 31), 1), date!(2028 - 02 - 29));
        assert_eq!(add_months(date!(2026 - 11 - 15), 2), date!(2027 - 01 - 15));
        assert_eq!(add_months(date!(2026 - 03 - 31), 12), date!(2027 - 03 - 31));
        assert_eq!(
            add_months(date!(2026 - 12 - 01), 120),
            date!(2036 - 12 - 01)
        );
    }

    #[test]
    fn status_follows_the_dates() {
        let today = date!(2026 - 11 - 26);
        assert_eq!(status_on(today, None, false), AwardStatus::Active);
        assert_eq!(
            status_on(today, Some("2027-06-01"), false),
            AwardStatus::Active
        );
        assert_eq!(
            status_on(today, Some("2026-12-26"), false),
            AwardStatus::Expiring
        );
        assert_eq!(
            status_on(today, Some("2026-12-27"), false),
            AwardStatus::Active
        );
        assert_eq!(
            status_on(today, Some("2026-11-26"), false),
            AwardStatus::Expired
        );
        assert_eq!(
            status_on(today, Some("2027-06-01"), true),
            AwardStatus::Revoked
        );
    }
}
