//! Staffing from the credentialed pool: a need (work to staff: role, level, work area, dates,
//! hours, rate ceiling), the people who can take it now with their reasons, offers, and the
//! preferred pool the organisation invites first.

pub mod matching;
pub mod offers;
pub mod pool;
mod ranking;

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::credentials::CredentialRef;
use crate::error::{CoreError, Result};
use crate::roster::RateUnit;
use crate::store::write_tx;
use crate::text::{clean_name, clean_text};
use crate::workspace::Workspace;
use crate::{clock, dates, new_id};

pub use matching::{Candidate, FilteredOut, MatchQuery, MatchResult};
pub use offers::{Offer, OfferInput, OfferStatus};
pub use pool::{PoolMember, PoolRule, PoolRuleInput};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NeedStatus {
    Open,
    /// An offer was accepted.
    Filled,
    /// Closed without staffing it.
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NeedInput {
    pub title: String,
    pub role_id: String,
    pub min_level_key: String,
    #[serde(default)]
    pub work_area_id: Option<String>,
    /// Credentials required besides the work area's.
    #[serde(default)]
    pub credential_ids: Vec<String>,
    pub start_on: String,
    /// The last day of the work.
    pub end_on: String,
    pub hours_per_week: u32,
    /// The most the need can pay, in minor units of `currency` per `rate_unit`.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub rate_ceiling_minor: Option<i64>,
    pub currency: String,
    pub rate_unit: RateUnit,
    /// A preferred place or time zone: ranks people there higher, filters no one.
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub client: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Need {
    pub id: String,
    pub title: String,
    pub role_id: String,
    pub role_name: String,
    pub min_level_key: String,
    pub min_level_name: String,
    pub work_area: Option<CredentialRef>,
    pub credentials: Vec<CredentialRef>,
    pub start_on: String,
    pub end_on: String,
    pub hours_per_week: u32,
    #[ts(type = "number | null")]
    pub rate_ceiling_minor: Option<i64>,
    pub currency: String,
    pub rate_unit: RateUnit,
    pub location: String,
    pub client: String,
    pub note: String,
    pub status: NeedStatus,
    /// Offers sent and not answered yet.
    pub open_offers: u32,
    pub created_at: String,
}

impl Need {
    /// The question matching answers for this need.
    pub fn query(&self) -> MatchQuery {
        MatchQuery {
            role_id: self.role_id.clone(),
            min_level_key: self.min_level_key.clone(),
            work_area_id: self.work_area.as_ref().map(|a| a.id.clone()),
            credential_ids: self.credentials.iter().map(|c| c.id.clone()).collect(),
            start_on: self.start_on.clone(),
            end_on: self.end_on.clone(),
            hours_per_week: self.hours_per_week,
            rate_ceiling_minor: self.rate_ceiling_minor,
            currency: self.currency.clone(),
            rate_unit: self.rate_unit,
            location: self.location.clone(),
            need_id: Some(self.id.clone()),
        }
    }
}

fn need_not_found() -> CoreError {
    CoreError::NotFound("That staffing need no longer exists.".into())
}

const NEED_SELECT: &str = "SELECT n.id, n.title, n.role_id, r.name, n.min_level_key,
    coalesce(l.name, n.min_level_key), n.work_area_id, w.name, n.start_on, n.end_on,
    n.hours_per_week, n.rate_ceiling_minor, n.currency, n.rate_unit, n.location, n.client, n.note,
    n.status, (SELECT count(*) FROM offer o WHERE o.need_id = n.id AND o.status = 'sent'),
    n.created_at
    FROM staffing_need n JOIN role r ON r.id = n.role_id
    LEFT JOIN role_level_name l ON l.role_id = n.role_id AND l.level_key = n.min_level_key
    LEFT JOIN work_area w ON w.id = n.work_area_id";

fn need_from_row(r: &Row) -> rusqlite::Result<Need> {
    let area: Option<String> = r.get(6)?;
    Ok(Need {
        id: r.get(0)?,
        title: r.get(1)?,
        role_id: r.get(2)?,
        role_name: r.get(3)?,
        min_level_key: r.get(4)?,
        min_level_name: r.get(5)?,
        work_area: match area {
            Some(id) => Some(CredentialRef {
                id,
                name: r.get(7)?,
            }),
            None => None,
        },
        credentials: Vec::new(),
        start_on: r.get(8)?,
        end_on: r.get(9)?,
        hours_per_week: r.get(10)?,
        rate_ceiling_minor: r.get(11)?,
        currency: r.get(12)?,
        rate_unit: RateUnit::parse(&r.get::<_, String>(13)?).unwrap_or(RateUnit::Hour),
        location: r.get(14)?,
        client: r.get(15)?,
        note: r.get(16)?,
        status: match r.get::<_, String>(17)?.as_str() {
            "filled" => NeedStatus::Filled,
            "closed" => NeedStatus::Closed,
            _ => NeedStatus::Open,
        },
        open_offers: r.get(18)?,
        created_at: r.get(19)?,
    })
}

/// Checks a need's dates, hours and money; returns them cleaned.
pub(crate) fn clean_window(
    start_on: &str,
    end_on: &str,
    hours_per_week: u32,
) -> Result<(String, String)> {
    let start = dates::parse("The start date", start_on)?;
    let end = dates::parse("The end date", end_on)?;
    if end < start {
        return Err(CoreError::Invalid(format!(
            "The need ends ({}) before it starts ({}).",
            dates::format(end),
            dates::format(start)
        )));
    }
    if !(1..=168).contains(&hours_per_week) {
        return Err(CoreError::Invalid(
            "Hours per week must be between 1 and 168.".into(),
        ));
    }
    Ok((dates::format(start), dates::format(end)))
}

impl Workspace {
    /// Adds a staffing need; every id in it must name a live record.
    pub fn add_need(&mut self, input: &NeedInput) -> Result<Need> {
        let title = clean_name("The need's title", &input.title)?;
        let (start_on, end_on) =
            clean_window(&input.start_on, &input.end_on, input.hours_per_week)?;
        let ladder = self.published_ladder(&input.role_id).map_err(|_| {
            CoreError::Invalid(
                "Publish the role's ladder first: a need asks for one of its levels.".into(),
            )
        })?;
        if !ladder
            .content
            .levels
            .iter()
            .any(|l| l.key == input.min_level_key)
        {
            return Err(CoreError::Invalid(format!(
                "{} has no level with the key '{}'.",
                ladder.role.name,
                crate::text::shown(&input.min_level_key)
            )));
        }
        let area = match input.work_area_id.as_deref().filter(|a| !a.is_empty()) {
            Some(a) => Some(self.work_area(a)?.id),
            None => None,
        };
        let mut credentials = Vec::new();
        for c in &input.credential_ids {
            let id = self.credential(c)?.id;
            if !credentials.contains(&id) {
                credentials.push(id);
            }
        }
        if matches!(input.rate_ceiling_minor, Some(m) if m < 0) {
            return Err(CoreError::Invalid("A rate can't be negative.".into()));
        }
        let currency = crate::roster::clean_currency(&input.currency)?;
        let location = clean_text("The location", &input.location)?;
        let client = clean_text("The client", &input.client)?;
        let note = clean_text("The note", &input.note)?;
        let id = new_id();
        let now = clock::now();
        let tx = write_tx(self.conn_mut())?;
        tx.execute(
            "INSERT INTO staffing_need (id, title, role_id, min_level_key, work_area_id, start_on, end_on,
               hours_per_week, rate_ceiling_minor, currency, rate_unit, location, client, note, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
            params![
                id,
                title,
                ladder.role.id,
                input.min_level_key,
                area,
                start_on,
                end_on,
                input.hours_per_week,
                input.rate_ceiling_minor,
                currency,
                input.rate_unit.as_str(),
                location,
                client,
                note,
                now
            ],
        )?;
        for c in &credentials {
            tx.execute(
                "INSERT INTO staffing_need_credential (need_id, credential_id) VALUES (?1, ?2)",
                params![id, c],
            )?;
        }
        tx.commit()?;
        self.need(&id)
    }

    pub fn need(&self, id: &str) -> Result<Need> {
        let mut need = self
            .conn()
            .query_row(
                &format!("{NEED_SELECT} WHERE n.id = ?1"),
                [id],
                need_from_row,
            )
            .optional()?
            .ok_or_else(need_not_found)?;
        need.credentials = self
            .conn()
            .prepare_cached(
                "SELECT c.id, c.name FROM staffing_need_credential x JOIN credential c ON c.id = x.credential_id
                 WHERE x.need_id = ?1 ORDER BY c.name COLLATE NOCASE",
            )?
            .query_map([id], |r| {
                Ok(CredentialRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(need)
    }

    /// Open needs first (soonest start first), then filled and closed ones, newest first.
    pub fn needs(&self) -> Result<Vec<Need>> {
        let ids: Vec<String> = self
            .conn()
            .prepare_cached(
                "SELECT id FROM staffing_need
                 ORDER BY status <> 'open', CASE WHEN status = 'open' THEN start_on END, created_at DESC",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.iter().map(|id| self.need(id)).collect()
    }

    /// Closes an open need without staffing it (open offers are withdrawn), or reopens one.
    pub fn set_need_status(&mut self, id: &str, status: NeedStatus) -> Result<Need> {
        let need = self.need(id)?;
        if status == NeedStatus::Filled {
            return Err(CoreError::Invalid(
                "A need is filled by accepting an offer.".into(),
            ));
        }
        if need.status == NeedStatus::Filled {
            return Err(CoreError::Invalid(
                "This need was filled by an accepted offer; it stays filled.".into(),
            ));
        }
        let now = clock::now();
        let tx = write_tx(self.conn_mut())?;
        tx.execute(
            "UPDATE staffing_need SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, crate::store::enum_text(status), now],
        )?;
        if status == NeedStatus::Closed {
            offers::withdraw_open(&tx, id, None, &now)?;
        }
        tx.commit()?;
        self.need(id)
    }
}
