//! Pilots: one role from a start day, its KPIs in a baseline window before it and at 90 and 180
//! days, credentialed vs not, and whether a change is an improvement the intervals allow.

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use time::Duration;
use ts_rs::TS;

use super::kpi::{definition, Figure, KpiId, KpiQuery, KpiResult, KpiUnit, DEFINITIONS};
use super::roi::{self, Roi};
use super::{kpi_queries, stats};
use crate::error::{CoreError, Result};
use crate::roster::pay_bands::clean_currency;
use crate::workspace::Workspace;
use crate::{clock, dates, text};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PilotInput {
    pub name: String,
    pub role_id: String,
    /// "Credentialed" means holding this credential when an engagement began.
    pub credential_id: Option<String>,
    pub starts_on: String,
    pub baseline_days: u32,
    pub assumptions: Assumptions,
}

/// What turns KPI changes into money, in minor units of `currency`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Assumptions {
    pub currency: String,
    /// What finding and onboarding someone new costs (a repeat engagement saves it).
    #[ts(type = "number")]
    pub sourcing_cost_minor: i64,
    #[ts(type = "number")]
    pub rework_hour_minor: i64,
    /// What a day of someone not yet up to speed costs.
    #[ts(type = "number")]
    pub ramp_day_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Pilot {
    pub id: String,
    pub name: String,
    pub role_id: String,
    pub role_name: String,
    pub credential_id: Option<String>,
    pub credential_name: Option<String>,
    pub starts_on: String,
    pub baseline_days: u32,
    pub assumptions: Assumptions,
}

/// A window of a pilot review; dates inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PilotWindow {
    pub label: String,
    pub from: String,
    pub to: String,
    /// False while the window has not ended yet (its figures are still moving).
    pub complete: bool,
}

/// What a change from the baseline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The 95% intervals allow calling it better.
    Improved,
    Worse,
    /// The intervals overlap: no claim either way.
    NoClearChange,
    /// Too few people, or too few values for an interval.
    TooFew,
    /// A ratio of hours, which has no interval here: shown, never called a change.
    NoInterval,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PilotKpi {
    pub kpi: KpiId,
    pub baseline: Figure,
    pub day90: Figure,
    pub day180: Figure,
    pub verdict90: Verdict,
    pub verdict180: Verdict,
    /// Credentialed vs not over the 180-day window.
    pub split: KpiResult,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PilotReview {
    pub pilot: Pilot,
    /// Baseline, first 90 days, first 180 days.
    pub windows: Vec<PilotWindow>,
    pub kpis: Vec<PilotKpi>,
    pub roi: Roi,
    pub as_of: String,
}

/// Whether `after` is better than `before`, as far as the intervals allow.
pub fn verdict(kpi: KpiId, before: &Figure, after: &Figure) -> Verdict {
    let d = definition(kpi);
    if before.hidden || after.hidden || before.value.is_none() || after.value.is_none() {
        return Verdict::TooFew;
    }
    if kpi == KpiId::ReworkRate {
        return Verdict::NoInterval;
    }
    // The direction of a clear change: up when `after` is surely higher.
    let up = match d.unit {
        // Rates of counts: Newcombe's interval for the difference must leave out zero.
        KpiUnit::Share | KpiUnit::Per100 => {
            let count = |f: &Figure| (f.numerator as u64, f.denominator as u64);
            let ((k1, n1), (k0, n0)) = (count(after), count(before));
            match stats::rate_difference(k1, n1, k0, n0) {
                Some((low, _)) if low > 0.0 => Some(true),
                Some((_, high)) if high < 0.0 => Some(false),
                Some(_) => None,
                None => return Verdict::TooFew,
            }
        }
        // Medians: the two intervals must not overlap.
        _ => match (before.low, before.high, after.low, after.high) {
            (Some(bl), Some(bh), Some(al), Some(ah)) => (ah < bl || al > bh).then_some(al > bh),
            _ => return Verdict::TooFew,
        },
    };
    match up {
        Some(up) if up == d.higher_is_better => Verdict::Improved,
        Some(_) => Verdict::Worse,
        None => Verdict::NoClearChange,
    }
}

fn clean(input: &PilotInput) -> Result<PilotInput> {
    let mut p = input.clone();
    p.name = text::clean_name("The pilot's name", &p.name)?;
    p.starts_on = dates::clean("The pilot's start", &p.starts_on)?;
    if !(30..=1095).contains(&p.baseline_days) {
        return Err(CoreError::Invalid(
            "The baseline is between 30 and 1,095 days before the pilot starts.".into(),
        ));
    }
    let a = &mut p.assumptions;
    a.currency = clean_currency(&a.currency)?;
    if a.sourcing_cost_minor < 0 || a.rework_hour_minor < 0 || a.ramp_day_minor < 0 {
        return Err(CoreError::Invalid(
            "The savings assumptions can't be negative.".into(),
        ));
    }
    if p.credential_id
        .as_deref()
        .is_some_and(|c| c.trim().is_empty())
    {
        p.credential_id = None;
    }
    Ok(p)
}

const PILOT_SELECT: &str =
    "SELECT p.id, p.name, p.role_id, r.name, p.credential_id, c.name, p.starts_on,
    p.baseline_days, p.currency, p.sourcing_cost_minor, p.rework_hour_minor, p.ramp_day_minor
  FROM pilot p JOIN role r ON r.id = p.role_id LEFT JOIN credential c ON c.id = p.credential_id";

fn from_row(r: &Row) -> rusqlite::Result<Pilot> {
    Ok(Pilot {
        id: r.get(0)?,
        name: r.get(1)?,
        role_id: r.get(2)?,
        role_name: r.get(3)?,
        credential_id: r.get(4)?,
        credential_name: r.get(5)?,
        starts_on: r.get(6)?,
        baseline_days: r.get(7)?,
        assumptions: Assumptions {
            currency: r.get(8)?,
            sourcing_cost_minor: r.get(9)?,
            rework_hour_minor: r.get(10)?,
            ramp_day_minor: r.get(11)?,
        },
    })
}

impl Pilot {
    /// Baseline (the days before the start), the first 90 and the first 180 days.
    pub fn windows(&self, as_of: &str) -> Result<Vec<PilotWindow>> {
        let start = dates::parse("The pilot's start", &self.starts_on)?;
        let day = |d: i64| dates::format(start + Duration::days(d));
        let window = |label: &str, from: String, to: String| PilotWindow {
            label: label.into(),
            complete: to.as_str() < as_of,
            from,
            to,
        };
        Ok(vec![
            window("Baseline", day(-(self.baseline_days as i64)), day(-1)),
            window("First 90 days", day(0), day(89)),
            window("First 180 days", day(0), day(179)),
        ])
    }
}

impl Workspace {
    pub fn create_pilot(&mut self, input: &PilotInput) -> Result<Pilot> {
        let p = clean(input)?;
        self.find_role(&p.role_id)?;
        if let Some(c) = &p.credential_id {
            self.credential(c)?;
        }
        let id = crate::new_id();
        let now = clock::now();
        let a = &p.assumptions;
        self.conn()
            .execute(
                "INSERT INTO pilot (id, name, role_id, credential_id, starts_on, baseline_days, currency,
                   sourcing_cost_minor, rework_hour_minor, ramp_day_minor, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                params![
                    id, p.name, p.role_id, p.credential_id, p.starts_on, p.baseline_days,
                    a.currency, a.sourcing_cost_minor, a.rework_hour_minor, a.ramp_day_minor, now
                ],
            )
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(f, _)
                    if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    CoreError::Invalid(format!("A pilot named “{}” already exists.", p.name))
                }
                other => other.into(),
            })?;
        self.pilot(&id)
    }

    /// Changes a pilot's savings assumptions (the ROI follows).
    pub fn set_pilot_assumptions(&mut self, id: &str, assumptions: &Assumptions) -> Result<Pilot> {
        let mut pilot = self.pilot(id)?;
        pilot.assumptions = assumptions.clone();
        let p = clean(&PilotInput {
            name: pilot.name.clone(),
            role_id: pilot.role_id.clone(),
            credential_id: pilot.credential_id.clone(),
            starts_on: pilot.starts_on.clone(),
            baseline_days: pilot.baseline_days,
            assumptions: pilot.assumptions,
        })?;
        let a = &p.assumptions;
        self.conn().execute(
            "UPDATE pilot SET currency = ?2, sourcing_cost_minor = ?3, rework_hour_minor = ?4,
               ramp_day_minor = ?5, updated_at = ?6 WHERE id = ?1",
            params![
                id,
                a.currency,
                a.sourcing_cost_minor,
                a.rework_hour_minor,
                a.ramp_day_minor,
                clock::now()
            ],
        )?;
        self.pilot(id)
    }

    /// A pilot by id or name.
    pub fn pilot(&self, id_or_name: &str) -> Result<Pilot> {
        self.conn()
            .query_row(
                &format!("{PILOT_SELECT} WHERE p.id = ?1 OR p.name = ?1 COLLATE NOCASE"),
                [id_or_name],
                from_row,
            )
            .optional()?
            .ok_or_else(|| {
                CoreError::NotFound(format!(
                    "There is no pilot named “{}”.",
                    text::shown(id_or_name)
                ))
            })
    }

    pub fn pilots(&self) -> Result<Vec<Pilot>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("{PILOT_SELECT} ORDER BY p.starts_on DESC, p.name"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The pilot's review on `as_of` (today when absent): every KPI at baseline, 90 and 180 days,
    /// the verdicts the intervals allow, credentialed vs not, and the ROI.
    pub fn pilot_review(&self, id: &str, as_of: Option<&str>) -> Result<PilotReview> {
        let pilot = self.pilot(id)?;
        let as_of = match as_of {
            Some(d) => dates::clean("The day of the review", d)?,
            None => dates::format(dates::today_here()),
        };
        let windows = pilot.windows(&as_of)?;
        let facts = windows
            .iter()
            .map(|w| {
                let q = KpiQuery {
                    role_id: Some(pilot.role_id.clone()),
                    cohort: None,
                    credential_id: pilot.credential_id.clone(),
                    from: w.from.clone(),
                    to: w.to.clone(),
                    as_of: Some(as_of.clone()),
                };
                kpi_queries::facts(self.conn(), &super::kpi::check_query(&q)?)
            })
            .collect::<Result<Vec<_>>>()?;
        let kpis: Vec<PilotKpi> = DEFINITIONS
            .iter()
            .map(|d| {
                let [base, d90, d180] = [0, 1, 2].map(|i| facts[i].result(d.id));
                PilotKpi {
                    kpi: d.id,
                    verdict90: verdict(d.id, &base.all, &d90.all),
                    verdict180: verdict(d.id, &base.all, &d180.all),
                    baseline: base.all,
                    day90: d90.all,
                    day180: d180.all.clone(),
                    split: d180,
                }
            })
            .collect();
        let roi = roi::roi(self, &pilot, &windows[2], &kpis)?;
        Ok(PilotReview {
            pilot,
            windows,
            kpis,
            roi,
            as_of,
        })
    }
}
