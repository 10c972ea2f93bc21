//! A pilot's return: what the program cost over its first 180 days against what the KPI changes
//! saved, with every assumption listed and how far the result moves when each one does.

use serde::Serialize;
use ts_rs::TS;

use super::kpi::{Figure, KpiId};
use super::pilot::{Pilot, PilotKpi, PilotWindow};
use crate::error::Result;
use crate::workspace::Workspace;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MoneyLine {
    pub label: String,
    #[ts(type = "number")]
    pub minor: i64,
    /// How it was worked out, in words.
    pub detail: String,
}

/// The ROI when one assumption is half or one and a half times what was entered.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Sensitivity {
    pub assumption: String,
    pub roi_at_half: Option<f64>,
    pub roi_at_one_and_a_half: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Roi {
    pub currency: String,
    pub from: String,
    pub to: String,
    pub costs: Vec<MoneyLine>,
    #[ts(type = "number")]
    pub cost_minor: i64,
    pub savings: Vec<MoneyLine>,
    #[ts(type = "number")]
    pub savings_minor: i64,
    /// (savings − cost) ÷ cost; None without costs.
    pub roi: Option<f64>,
    pub sensitivity: Vec<Sensitivity>,
}

/// One saving: a KPI's change from the baseline times a volume times an assumption's unit cost.
struct Saving {
    label: &'static str,
    assumption: &'static str,
    unit_minor: i64,
    /// change × volume, or None when either figure can't be shown.
    quantity: Option<f64>,
    detail: String,
}

fn pair(kpis: &[PilotKpi], kpi: KpiId) -> (&Figure, &Figure) {
    let k = kpis
        .iter()
        .find(|k| k.kpi == kpi)
        .expect("every KPI is reviewed");
    (&k.baseline, &k.day180)
}

fn shown(f: &Figure) -> Option<f64> {
    if f.hidden {
        None
    } else {
        f.value
    }
}

fn savings(pilot: &Pilot, kpis: &[PilotKpi]) -> Vec<Saving> {
    let a = &pilot.assumptions;
    let (base, now) = pair(kpis, KpiId::RampTime);
    let ramp = shown(base)
        .zip(shown(now))
        .map(|(b, n)| (b - n, now.n as f64));
    let (base_r, now_r) = pair(kpis, KpiId::ReworkRate);
    let rework = shown(base_r)
        .zip(shown(now_r))
        .map(|(b, n)| (b - n, now_r.denominator));
    let (base_s, now_s) = pair(kpis, KpiId::RepeatEngagementRate);
    let repeat = shown(base_s)
        .zip(shown(now_s))
        .map(|(b, n)| (n - b, now_s.denominator));
    let missing = "not counted: a figure is hidden or has no data".to_string();
    vec![
        Saving {
            label: "Shorter ramp",
            assumption: "Cost of a ramp day",
            unit_minor: a.ramp_day_minor,
            quantity: ramp.map(|(d, n)| d * n),
            detail: ramp
                .map(|(d, n)| format!("{d:.1} days shorter (median) × {n:.0} engagements"))
                .unwrap_or_else(|| missing.clone()),
        },
        Saving {
            label: "Less rework",
            assumption: "Cost of a rework hour",
            unit_minor: a.rework_hour_minor,
            quantity: rework.map(|(d, h)| d * h),
            detail: rework
                .map(|(d, h)| format!("{:.1} points less rework × {h:.0} hours engaged", d * 100.0))
                .unwrap_or_else(|| missing.clone()),
        },
        Saving {
            label: "Repeat engagements (no new sourcing)",
            assumption: "Sourcing cost per hire",
            unit_minor: a.sourcing_cost_minor,
            quantity: repeat.map(|(d, n)| d * n),
            detail: repeat
                .map(|(d, n)| {
                    format!(
                        "{:.1} points more repeats × {n:.0} ended engagements",
                        d * 100.0
                    )
                })
                .unwrap_or(missing),
        },
    ]
}

fn total(savings: &[Saving], scale: impl Fn(usize) -> f64) -> f64 {
    savings
        .iter()
        .enumerate()
        .map(|(i, s)| s.quantity.unwrap_or(0.0) * s.unit_minor as f64 * scale(i))
        .sum()
}

fn ratio(savings: f64, cost: f64) -> Option<f64> {
    (cost > 0.0).then(|| (savings - cost) / cost)
}

pub(crate) fn roi(
    ws: &Workspace,
    pilot: &Pilot,
    window: &PilotWindow,
    kpis: &[PilotKpi],
) -> Result<Roi> {
    let currency = &pilot.assumptions.currency;
    let mut costs: Vec<MoneyLine> = Vec::new();
    for line in ws.costs_in_window(&pilot.role_id, currency, &window.from, &window.to)? {
        match costs.iter_mut().find(|c| c.label == line.label) {
            Some(c) => c.minor += line.minor.round() as i64,
            None => costs.push(MoneyLine {
                label: line.label.into(),
                minor: line.minor.round() as i64,
                detail: String::new(),
            }),
        }
    }
    let cost: i64 = costs.iter().map(|c| c.minor).sum();
    let found = savings(pilot, kpis);
    let saved = total(&found, |_| 1.0);
    let sensitivity = found
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let at = |m: f64| ratio(total(&found, |j| if j == i { m } else { 1.0 }), cost as f64);
            Sensitivity {
                assumption: s.assumption.into(),
                roi_at_half: at(0.5),
                roi_at_one_and_a_half: at(1.5),
            }
        })
        .collect();
    Ok(Roi {
        currency: currency.clone(),
        from: window.from.clone(),
        to: window.to.clone(),
        cost_minor: cost,
        costs,
        savings: found
            .iter()
            .map(|s| MoneyLine {
                label: s.label.into(),
                minor: (s.quantity.unwrap_or(0.0) * s.unit_minor as f64).round() as i64,
                detail: s.detail.clone(),
            })
            .collect(),
        savings_minor: saved.round() as i64,
        roi: ratio(saved, cost as f64),
        sensitivity,
    })
}
