//! KPI figures in words, the same in the command line's output and the printed report:
//! "38 days", "95%: 31–45 days", "n 14 engagements · 12 people".

use super::kpi::{Figure, KpiDefinition, KpiUnit};
use super::pilot::Verdict;
use super::trim_number;

/// A value in its unit: "38 days", "86.2%", "2.5 per 100 PRs".
pub fn value(unit: KpiUnit, x: f64) -> String {
    match unit {
        KpiUnit::Days => format!("{x:.0} days"),
        KpiUnit::Share => format!("{:.1}%", x * 100.0),
        KpiUnit::Per100 => format!("{} per 100 PRs", trim_number((x * 10.0).round() / 10.0)),
    }
}

/// The unit once, for a chart's axis.
pub fn unit(unit: KpiUnit) -> &'static str {
    match unit {
        KpiUnit::Days => "days",
        KpiUnit::Share => "%",
        KpiUnit::Per100 => "per 100 PRs",
    }
}

/// A number as a chart draws it: days, percentage points, or per 100.
pub fn plotted(unit: KpiUnit, x: f64) -> f64 {
    if unit == KpiUnit::Share {
        x * 100.0
    } else {
        x
    }
}

/// The figure's headline, its interval and mean where it has them, and its sample.
pub fn figure(d: &KpiDefinition, f: &Figure) -> Vec<String> {
    let people = format!(
        "{} {}",
        f.people,
        if f.people == 1 { "person" } else { "people" }
    );
    let sample = format!("n {} {} · {people}", f.n, d.counts);
    if f.hidden {
        return vec!["Too few people to show".into(), sample];
    }
    let Some(v) = f.value else {
        return vec!["No data".into(), sample];
    };
    let mut lines = vec![value(d.unit, v)];
    if let (Some(l), Some(h)) = (f.low, f.high) {
        lines.push(format!("95%: {} to {}", value(d.unit, l), value(d.unit, h)));
    }
    if let Some(m) = f.mean {
        lines.push(format!("mean {m:.1} days"));
    }
    lines.push(sample);
    lines
}

pub fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Improved => "Improved",
        Verdict::Worse => "Worse",
        Verdict::NoClearChange => "No clear change",
        Verdict::TooFew => "Too few to say",
        Verdict::NoInterval => "No interval (hours)",
    }
}

/// A return as a signed whole percentage: "+197%", "−12%", "—" without costs.
pub fn roi(r: Option<f64>) -> String {
    match r {
        None => "—".into(),
        Some(r) => {
            let pct = (r * 100.0).round() as i64;
            let sign = if pct > 0 {
                "+"
            } else if pct < 0 {
                "−"
            } else {
                ""
            };
            format!("{sign}{}%", pct.abs())
        }
    }
}

/// How to read every figure, as the report prints it.
pub const METHOD: [&str; 4] = [
    "Every figure shows its n: how many engagements, merged PRs or milestones it counts, and how many people.",
    "Rates carry a 95% Wilson interval; medians a distribution-free interval from the order statistics (none below six values).",
    "A change is called an improvement only when the intervals allow it: Newcombe's interval for a difference of rates must leave out zero, and the intervals of two medians must not overlap.",
    "Groups of fewer than five people are not shown, and neither is the next-smallest group beside them, so no one can be found by subtraction.",
];
