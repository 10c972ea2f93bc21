//! What the program costs: learning content, credentialing, mentor hours × rate, other costs,
//! per period and optionally per role — plus the assessment stipends already recorded.

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::roster::pay_bands::clean_currency;
use crate::store::{enum_from, enum_text};
use crate::workspace::Workspace;
use crate::{clock, dates, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CostCategory {
    LearningContent,
    Credentialing,
    MentorHours,
    Other,
}

impl CostCategory {
    pub fn label(self) -> &'static str {
        match self {
            CostCategory::LearningContent => "Learning content",
            CostCategory::Credentialing => "Credentialing",
            CostCategory::MentorHours => "Mentor hours",
            CostCategory::Other => "Other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgramCostInput {
    /// The role it was spent on; the whole program when absent.
    pub role_id: Option<String>,
    pub category: CostCategory,
    pub period_start: String,
    pub period_end: String,
    /// The amount in minor units; for mentor hours it is worked out from hours × rate.
    #[ts(type = "number")]
    pub amount_minor: i64,
    pub currency: String,
    pub hours: Option<f64>,
    #[ts(type = "number | null")]
    pub rate_minor: Option<i64>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgramCost {
    pub id: String,
    pub role_id: Option<String>,
    pub category: CostCategory,
    pub period_start: String,
    pub period_end: String,
    #[ts(type = "number")]
    pub amount_minor: i64,
    pub currency: String,
    pub hours: Option<f64>,
    #[ts(type = "number | null")]
    pub rate_minor: Option<i64>,
    pub note: String,
}

fn clean(input: &ProgramCostInput) -> Result<ProgramCostInput> {
    let mut c = input.clone();
    c.period_start = dates::clean("The period's first day", &c.period_start)?;
    c.period_end = dates::clean("The period's last day", &c.period_end)?;
    if c.period_end < c.period_start {
        return Err(CoreError::Invalid(
            "The cost's period ends before it starts.".into(),
        ));
    }
    c.currency = clean_currency(&c.currency)?;
    c.note = text::clean_text("The note", &c.note)?;
    match (c.category, c.hours, c.rate_minor) {
        (CostCategory::MentorHours, Some(h), Some(rate)) => {
            if !(h.is_finite() && (0.0..=100_000.0).contains(&h)) || rate < 0 {
                return Err(CoreError::Invalid(
                    "Mentor hours and their rate must be zero or more.".into(),
                ));
            }
            c.amount_minor = (h * rate as f64).round() as i64;
        }
        (CostCategory::MentorHours, _, _) => {
            return Err(CoreError::Invalid(
                "Mentor time needs its hours and the hourly rate.".into(),
            ))
        }
        _ => {
            (c.hours, c.rate_minor) = (None, None);
        }
    }
    if c.amount_minor < 0 {
        return Err(CoreError::Invalid("A cost can't be negative.".into()));
    }
    Ok(c)
}

fn from_row(r: &Row) -> rusqlite::Result<ProgramCost> {
    Ok(ProgramCost {
        id: r.get(0)?,
        role_id: r.get(1)?,
        category: enum_from(r.get(2)?)?,
        period_start: r.get(3)?,
        period_end: r.get(4)?,
        amount_minor: r.get(5)?,
        currency: r.get(6)?,
        hours: r.get(7)?,
        rate_minor: r.get(8)?,
        note: r.get(9)?,
    })
}

const COST_SELECT: &str = "SELECT id, role_id, category, period_start, period_end, amount_minor,
    currency, hours, rate_minor, note FROM program_cost";

/// A cost line over a window: how much of it falls in the window (costs spread evenly over
/// their period), in the window's currency.
pub(crate) struct CostInWindow {
    pub label: &'static str,
    pub minor: f64,
}

impl Workspace {
    pub fn add_program_cost(&mut self, input: &ProgramCostInput) -> Result<ProgramCost> {
        let c = clean(input)?;
        if let Some(role) = &c.role_id {
            self.find_role(role)?;
        }
        let id = crate::new_id();
        self.conn().execute(
            "INSERT INTO program_cost (id, role_id, category, period_start, period_end, amount_minor,
               currency, hours, rate_minor, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                id,
                c.role_id,
                enum_text(c.category),
                c.period_start,
                c.period_end,
                c.amount_minor,
                c.currency,
                c.hours,
                c.rate_minor,
                c.note,
                clock::now()
            ],
        )?;
        self.program_cost(&id)
    }

    pub fn program_cost(&self, id: &str) -> Result<ProgramCost> {
        self.conn()
            .query_row(&format!("{COST_SELECT} WHERE id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That cost no longer exists.".into()))
    }

    /// Every recorded cost, newest period first.
    pub fn program_costs(&self) -> Result<Vec<ProgramCost>> {
        let mut stmt = self.conn().prepare(&format!(
            "{COST_SELECT} ORDER BY period_start DESC, id DESC"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn delete_program_cost(&mut self, id: &str) -> Result<()> {
        if self
            .conn()
            .execute("DELETE FROM program_cost WHERE id = ?1", [id])?
            == 0
        {
            return Err(CoreError::NotFound("That cost no longer exists.".into()));
        }
        Ok(())
    }

    /// The costs of one role (and of the whole program) that fall in `from..=to`, in `currency`.
    pub(crate) fn costs_in_window(
        &self,
        role_id: &str,
        currency: &str,
        from: &str,
        to: &str,
    ) -> Result<Vec<CostInWindow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT category, amount_minor *
               (julianday(min(period_end, ?4)) - julianday(max(period_start, ?3)) + 1)
               / (julianday(period_end) - julianday(period_start) + 1)
             FROM program_cost
             WHERE (role_id IS NULL OR role_id = ?1) AND currency = ?2
               AND period_start <= ?4 AND period_end >= ?3",
        )?;
        let mut lines: Vec<CostInWindow> = stmt
            .query_map(params![role_id, currency, from, to], |r| {
                Ok(CostInWindow {
                    label: enum_from::<CostCategory>(r.get(0)?)?.label(),
                    minor: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let stipends: Option<i64> = self.conn().query_row(
            "SELECT sum(a.stipend_minor) FROM assessment a JOIN assessment_payment p ON p.assessment_id = a.id
             WHERE a.role_id = ?1 AND a.stipend_currency = ?2 AND p.paid_on BETWEEN ?3 AND ?4",
            params![role_id, currency, from, to],
            |r| r.get(0),
        )?;
        if let Some(minor) = stipends {
            lines.push(CostInWindow {
                label: "Assessment stipends",
                minor: minor as f64,
            });
        }
        Ok(lines)
    }
}
