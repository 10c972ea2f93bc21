//! How assessments are paid: a stipend (and when it was paid — bookkeeping kept apart from what the
//! assessor signs) or as part of billable work on an engagement; and what they cost per person,
//! role and quarter.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Assessment;
use crate::error::{CoreError, Result};
use crate::roster::Money;
use crate::workspace::Workspace;
use crate::{clock, dates};

/// How the assessment is paid: a stipend, or as part of billable work on an engagement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Pay {
    #[serde(rename_all = "camelCase")]
    Stipend {
        amount: Money,
        /// As entered when the assessment was made (part of what is signed). A payment recorded
        /// later is `Assessment::paid_on`.
        paid_on: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    Billable { engagement_id: String },
}

/// Assessment pay for one person in one role in one quarter (and currency).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayTotal {
    pub contractor_id: String,
    pub contractor_name: String,
    pub role_name: String,
    /// "2026-Q4".
    pub quarter: String,
    /// The stipends' sum; the currency is empty when all were billable.
    pub stipends: Money,
    pub stipend_count: u32,
    pub billable_count: u32,
}

impl Workspace {
    /// An assessment's pay as stored, and when the stipend was paid (recorded after the fact, or
    /// as entered at the start).
    pub(super) fn pay_of(&self, id: &str, pay_kind: &str) -> Result<(Pay, Option<String>)> {
        if pay_kind != "stipend" {
            let engagement_id = self.conn().query_row(
                "SELECT engagement_id FROM assessment WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            return Ok((Pay::Billable { engagement_id }, None));
        }
        let (amount, entered) = self.conn().query_row(
            "SELECT stipend_minor, stipend_currency, paid_on FROM assessment WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    Money {
                        minor: r.get(0)?,
                        currency: r.get(1)?,
                    },
                    r.get::<_, Option<String>>(2)?,
                ))
            },
        )?;
        let recorded: Option<String> = self
            .conn()
            .query_row(
                "SELECT paid_on FROM assessment_payment WHERE assessment_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        let paid_on = recorded.or(entered.clone());
        Ok((
            Pay::Stipend {
                amount,
                paid_on: entered,
            },
            paid_on,
        ))
    }

    /// What assessments cost: stipends summed per person, role and quarter (of the start date),
    /// and how many were integrated into billable work instead.
    pub fn assessment_pay_totals(&self) -> Result<Vec<PayTotal>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT c.id, c.name, r.name,
                    substr(a.starts_on, 1, 4) || '-Q' || ((CAST(substr(a.starts_on, 6, 2) AS INTEGER) + 2) / 3),
                    coalesce(a.stipend_currency, ''), sum(coalesce(a.stipend_minor, 0)),
                    sum(a.pay_kind = 'stipend'), sum(a.pay_kind = 'billable')
             FROM assessment a JOIN contractor c ON c.id = a.contractor_id JOIN role r ON r.id = a.role_id
             GROUP BY c.id, r.id, 4, 5 ORDER BY 4 DESC, c.name, r.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PayTotal {
                contractor_id: r.get(0)?,
                contractor_name: r.get(1)?,
                role_name: r.get(2)?,
                quarter: r.get(3)?,
                stipends: Money {
                    minor: r.get(5)?,
                    currency: r.get(4)?,
                },
                stipend_count: r.get(6)?,
                billable_count: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records when a stipend was paid. Bookkeeping: allowed before and after sign-off, since it
    /// changes nothing the assessor judged.
    pub fn record_stipend_paid(&mut self, id: &str, paid_on: &str) -> Result<Assessment> {
        let a = self.assessment(id)?;
        if !matches!(a.pay, Pay::Stipend { .. }) {
            return Err(CoreError::Invalid(
                "This assessment is paid through billable work, not a stipend.".into(),
            ));
        }
        let paid_on = dates::clean("The payment date", paid_on)?;
        if paid_on > dates::format(crate::dates::today_here()) {
            return Err(CoreError::Invalid(format!(
                "The payment date {paid_on} is in the future; record a payment once it is made."
            )));
        }
        self.conn().execute(
            "INSERT INTO assessment_payment (assessment_id, paid_on, recorded_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (assessment_id) DO UPDATE SET paid_on = ?2, recorded_at = ?3",
            params![id, paid_on, clock::now()],
        )?;
        self.assessment(id)
    }
}
