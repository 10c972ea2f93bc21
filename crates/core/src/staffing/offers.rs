//! Offers: work offered to a candidate, then accepted (which makes the engagement), declined
//! with the contractor's reason, or withdrawn. Nothing is deleted and an answer never changes:
//! a decline is evidence that the contractor is free to refuse work.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::NeedStatus;
use crate::error::{CoreError, Result};
use crate::roster::{amount, Engagement, EngagementInput, EngagementOutcome, Money, RateUnit};
use crate::store::{enum_text, write_tx};
use crate::text::{clean_name, clean_text};
use crate::workspace::Workspace;
use crate::{clock, new_id};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    Sent,
    Accepted,
    Declined,
    Withdrawn,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OfferInput {
    pub need_id: String,
    pub contractor_id: String,
    /// In the need's currency and unit.
    #[ts(type = "number")]
    pub rate_minor: i64,
    #[serde(default)]
    pub note: String,
    pub sent_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    pub id: String,
    pub need_id: String,
    pub need_title: String,
    pub contractor_id: String,
    pub contractor_name: String,
    pub rate: Money,
    pub rate_unit: RateUnit,
    pub note: String,
    pub status: OfferStatus,
    pub sent_by: String,
    pub sent_at: String,
    pub decided_at: Option<String>,
    pub decline_reason: Option<String>,
    /// The engagement an accepted offer made.
    pub engagement_id: Option<String>,
}

const OFFER_SELECT: &str = "SELECT o.id, o.need_id, n.title, o.contractor_id, c.name, o.rate_minor,
    o.currency, o.rate_unit, o.note, o.status, o.sent_by, o.sent_at, o.decided_at, o.decline_reason,
    o.engagement_id
    FROM offer o JOIN staffing_need n ON n.id = o.need_id JOIN contractor c ON c.id = o.contractor_id";

fn status_from(text: &str) -> OfferStatus {
    match text {
        "accepted" => OfferStatus::Accepted,
        "declined" => OfferStatus::Declined,
        "withdrawn" => OfferStatus::Withdrawn,
        _ => OfferStatus::Sent,
    }
}

fn offer_from_row(r: &Row) -> rusqlite::Result<Offer> {
    Ok(Offer {
        id: r.get(0)?,
        need_id: r.get(1)?,
        need_title: r.get(2)?,
        contractor_id: r.get(3)?,
        contractor_name: r.get(4)?,
        rate: Money {
            minor: r.get(5)?,
            currency: r.get(6)?,
        },
        rate_unit: RateUnit::parse(&r.get::<_, String>(7)?).unwrap_or(RateUnit::Hour),
        note: r.get(8)?,
        status: status_from(&r.get::<_, String>(9)?),
        sent_by: r.get(10)?,
        sent_at: r.get(11)?,
        decided_at: r.get(12)?,
        decline_reason: r.get(13)?,
        engagement_id: r.get(14)?,
    })
}

/// The newest offer on a need per person.
pub(crate) fn latest_by_person(
    conn: &Connection,
    need_id: &str,
) -> Result<HashMap<String, OfferStatus>> {
    let mut stmt = conn.prepare_cached(
        "SELECT contractor_id, status FROM offer WHERE need_id = ?1 ORDER BY sent_at, id",
    )?;
    let rows = stmt.query_map([need_id], |r| {
        Ok((r.get::<_, String>(0)?, status_from(&r.get::<_, String>(1)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Withdraws a need's open offers, except `keep`.
pub(crate) fn withdraw_open(
    conn: &Connection,
    need_id: &str,
    keep: Option<&str>,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE offer SET status = 'withdrawn', decided_at = ?3
         WHERE need_id = ?1 AND status = 'sent' AND id IS NOT ?2",
        params![need_id, keep, now],
    )?;
    Ok(())
}

fn offer_not_found() -> CoreError {
    CoreError::NotFound("That offer no longer exists.".into())
}

impl Workspace {
    pub fn offer(&self, id: &str) -> Result<Offer> {
        self.conn()
            .query_row(
                &format!("{OFFER_SELECT} WHERE o.id = ?1"),
                [id],
                offer_from_row,
            )
            .optional()?
            .ok_or_else(offer_not_found)
    }

    /// A need's offers, newest first.
    pub fn need_offers(&self, need_id: &str) -> Result<Vec<Offer>> {
        self.need(need_id)?;
        let mut stmt = self.conn().prepare_cached(&format!(
            "{OFFER_SELECT} WHERE o.need_id = ?1 ORDER BY o.sent_at DESC, o.id DESC"
        ))?;
        let rows = stmt.query_map([need_id], offer_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A person's offers, newest first: the record of work they took and work they refused.
    pub fn contractor_offers(&self, contractor_id: &str) -> Result<Vec<Offer>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{OFFER_SELECT} WHERE o.contractor_id = ?1 ORDER BY o.sent_at DESC, o.id DESC"
        ))?;
        let rows = stmt.query_map([contractor_id], offer_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Why `contractor_id` can't take `need_id`'s work now, in words; None when they can.
    fn not_available(&self, need_id: &str, contractor_id: &str) -> Result<Option<String>> {
        let need = self.need(need_id)?;
        let person = self.contractor(contractor_id)?;
        let found = self.match_candidates(&need.query())?;
        if found
            .candidates
            .iter()
            .any(|c| c.contractor_id == person.id)
        {
            return Ok(None);
        }
        Ok(Some(
            match found
                .filtered_out
                .iter()
                .find(|f| f.contractor_id == person.id)
            {
                Some(f) => format!(
                    "{} can't take this work: {}.",
                    person.name,
                    f.why.join("; ")
                ),
                None => format!(
                    "{} holds no level in {}, so this work isn't theirs to take.",
                    person.name, need.role_name
                ),
            },
        ))
    }

    /// Offers the need's work to a candidate who passes its filters today.
    pub fn send_offer(&mut self, input: &OfferInput) -> Result<Offer> {
        let need = self.need(&input.need_id)?;
        if need.status != NeedStatus::Open {
            return Err(CoreError::Invalid(
                "This need is no longer open; reopen it to make offers.".into(),
            ));
        }
        let sent_by = clean_name("Who sends the offer", &input.sent_by)?;
        let note = clean_text("The note", &input.note)?;
        if input.rate_minor < 0 {
            return Err(CoreError::Invalid("A rate can't be negative.".into()));
        }
        if let Some(ceiling) = need.rate_ceiling_minor {
            if input.rate_minor > ceiling {
                return Err(CoreError::Invalid(format!(
                    "The rate {} is above the need's ceiling of {} {}.",
                    amount(input.rate_minor, &need.currency),
                    need.currency,
                    amount(ceiling, &need.currency)
                )));
            }
        }
        if let Some(why) = self.not_available(&need.id, &input.contractor_id)? {
            return Err(CoreError::Invalid(why));
        }
        let id = new_id();
        let open = self.conn().execute(
            "INSERT INTO offer (id, need_id, contractor_id, rate_minor, currency, rate_unit, note, sent_by, sent_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
            params![
                id,
                need.id,
                input.contractor_id,
                input.rate_minor,
                need.currency,
                need.rate_unit.as_str(),
                note,
                sent_by,
                clock::now()
            ],
        )?;
        if open == 0 {
            return Err(CoreError::Duplicate(
                "An offer to this person for this need is waiting for an answer already.".into(),
            ));
        }
        self.offer(&id)
    }

    fn open_offer(&self, id: &str) -> Result<Offer> {
        let offer = self.offer(id)?;
        if offer.status != OfferStatus::Sent {
            return Err(CoreError::Invalid(format!(
                "This offer was {} already; an answer, once recorded, stays.",
                enum_text(offer.status)
            )));
        }
        Ok(offer)
    }

    /// The contractor said yes: the engagement is made from the need and the offer, the need is
    /// filled and its other open offers are withdrawn — all in one transaction. Refused when the
    /// person can no longer take the work (another engagement since, a credential revoked).
    pub fn accept_offer(&mut self, id: &str) -> Result<(Offer, Engagement)> {
        let offer = self.open_offer(id)?;
        let need = self.need(&offer.need_id)?;
        if let Some(why) = self.not_available(&need.id, &offer.contractor_id)? {
            return Err(CoreError::Invalid(format!(
                "{why} Withdraw the offer, or change the need."
            )));
        }
        let input = crate::roster::engagements_clean(&EngagementInput {
            role_id: Some(need.role_id.clone()),
            client: if need.client.is_empty() {
                need.title.clone()
            } else {
                need.client.clone()
            },
            project: need.title.clone(),
            start_on: need.start_on.clone(),
            end_on: Some(need.end_on.clone()),
            renewal_window_days: 30,
            rate: offer.rate.clone(),
            rate_unit: offer.rate_unit,
            hours_per_week: Some(need.hours_per_week),
            outcome: EngagementOutcome::Open,
        })?;
        let now = clock::now();
        let tx = write_tx(self.conn_mut())?;
        let engagement = crate::roster::engagements_insert(&tx, &offer.contractor_id, &input)?;
        tx.execute(
            "UPDATE offer SET status = 'accepted', decided_at = ?2, engagement_id = ?3 WHERE id = ?1",
            params![id, now, engagement],
        )?;
        tx.execute(
            "UPDATE staffing_need SET status = 'filled', updated_at = ?2 WHERE id = ?1",
            params![need.id, now],
        )?;
        withdraw_open(&tx, &need.id, Some(id), &now)?;
        tx.commit()?;
        Ok((self.offer(id)?, self.engagement(&engagement)?))
    }

    /// The contractor said no, for `reason` (kept: it shows they choose their work).
    pub fn decline_offer(&mut self, id: &str, reason: &str) -> Result<Offer> {
        self.open_offer(id)?;
        let reason = clean_text("The reason", reason)?;
        if reason.is_empty() {
            return Err(CoreError::Invalid(
                "Say why the offer was declined, in the contractor's words if you have them."
                    .into(),
            ));
        }
        self.conn().execute(
            "UPDATE offer SET status = 'declined', decided_at = ?2, decline_reason = ?3 WHERE id = ?1",
            params![id, clock::now(), reason],
        )?;
        self.offer(id)
    }

    pub fn withdraw_offer(&mut self, id: &str) -> Result<Offer> {
        self.open_offer(id)?;
        self.conn().execute(
            "UPDATE offer SET status = 'withdrawn', decided_at = ?2 WHERE id = ?1",
            params![id, clock::now()],
        )?;
        self.offer(id)
    }
}
