//! A pilot's review as a printed report: the figures of `pilot_review` in words, the charts'
//! numbers, the return with its assumptions, and the definitions.

use guildbook_pdf as pdf;

use super::{pdf_error, printed_at, Paper};
use crate::dates;
use crate::error::Result;
use crate::insights::kpi::{definition, Figure};
use crate::insights::pilot::PilotReview;
use crate::insights::words;
use crate::roster::amount;
use crate::workspace::Workspace;

fn bar(label: &str, unit: crate::insights::kpi::KpiUnit, f: &Figure) -> pdf::ReportBar {
    let shown = |x: Option<f64>| {
        if f.hidden {
            None
        } else {
            x.map(|x| words::plotted(unit, x))
        }
    };
    pdf::ReportBar {
        label: label.into(),
        value: shown(f.value),
        low: shown(f.low),
        high: shown(f.high),
    }
}

/// "43716.32" → "43,716.32": amounts in a report are read, not typed back.
fn grouped(amount: &str) -> String {
    let (sign, rest) = amount.strip_prefix('-').map_or(("", amount), |r| ("-", r));
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

fn report_model(review: &PilotReview, branding: pdf::Branding, paper: Paper) -> pdf::ReportModel {
    let p = &review.pilot;
    let roi = &review.roi;
    let money = |minor: i64| {
        format!(
            "{} {}",
            roi.currency,
            grouped(&amount(minor, &roi.currency))
        )
    };
    let kpis = review
        .kpis
        .iter()
        .map(|k| {
            let d = definition(k.kpi);
            pdf::ReportKpi {
                name: d.name.into(),
                formula: d.formula.into(),
                figures: [&k.baseline, &k.day90, &k.day180].map(|f| words::figure(d, f)),
                verdict: words::verdict(k.verdict180).into(),
                bars: vec![
                    bar("Baseline", d.unit, &k.baseline),
                    bar("90 days", d.unit, &k.day90),
                    bar("180 days", d.unit, &k.day180),
                    bar("Credentialed", d.unit, &k.split.credentialed),
                    bar("Not credentialed", d.unit, &k.split.not_credentialed),
                ],
                unit: words::unit(d.unit).into(),
                note: k.split.note.clone(),
            }
        })
        .collect();
    let a = &p.assumptions;
    pdf::ReportModel {
        page: paper.size(),
        branding,
        title: p.name.clone(),
        subtitle: format!("{} · started {}", p.role_name, dates::long(&p.starts_on)),
        windows: review
            .windows
            .iter()
            .map(|w| {
                format!(
                    "{}: {} – {}{}",
                    w.label,
                    dates::long(&w.from),
                    dates::long(&w.to),
                    if w.complete {
                        ""
                    } else {
                        " (still in progress)"
                    }
                )
            })
            .chain(
                p.credential_name.as_ref().map(|c| {
                    format!("Credentialed means holding {c} on the day an engagement began.")
                }),
            )
            .collect(),
        kpis,
        roi: pdf::ReportRoi {
            headline: format!(
                "{} · {} saved for {} spent, {} – {}",
                words::roi(roi.roi),
                money(roi.savings_minor),
                money(roi.cost_minor),
                dates::long(&roi.from),
                dates::long(&roi.to)
            ),
            costs: roi
                .costs
                .iter()
                .map(|c| (c.label.clone(), money(c.minor)))
                .collect(),
            savings: roi
                .savings
                .iter()
                .map(|s| (s.label.clone(), s.detail.clone(), money(s.minor)))
                .collect(),
            assumptions: vec![
                ("Cost of a ramp day".into(), money(a.ramp_day_minor)),
                ("Cost of a rework hour".into(), money(a.rework_hour_minor)),
                (
                    "Sourcing cost per hire".into(),
                    money(a.sourcing_cost_minor),
                ),
            ],
            sensitivity: roi
                .sensitivity
                .iter()
                .map(|s| {
                    (
                        s.assumption.clone(),
                        words::roi(s.roi_at_half),
                        words::roi(s.roi_at_one_and_a_half),
                    )
                })
                .collect(),
        },
        method: words::METHOD.iter().map(|s| s.to_string()).collect(),
        printed_at: printed_at(),
        printed_on: dates::long(&dates::format(dates::today_here())),
    }
}

impl Workspace {
    /// A pilot's review on `as_of` (today when absent) as a PDF report.
    pub fn pilot_report_pdf(
        &self,
        fonts: &pdf::Fonts,
        pilot: &str,
        paper: Paper,
        as_of: Option<&str>,
    ) -> Result<Vec<u8>> {
        let review = self.pilot_review(pilot, as_of)?;
        let model = report_model(&review, self.branding()?, paper);
        pdf::render_report(fonts, &model).map_err(pdf_error)
    }
}
