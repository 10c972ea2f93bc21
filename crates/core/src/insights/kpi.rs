//! The program's KPIs, each defined with its formula, computed per role, cohort (a contractor
//! tag), credential and period, for everyone and split by credentialed vs not. Every figure
//! carries its n and an interval where one exists, and hides groups too small to show.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::kpi_queries::{self, Ended, EngagementStart, EngagementWork, Incident};
use super::stats;
use crate::error::Result;
use crate::workspace::Workspace;
use crate::{dates, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KpiId {
    TimeToFirstDeliverable,
    RampTime,
    TimeToFirstPr,
    PostReleaseDefectRate,
    ReworkRate,
    FirstQuarterSuccess,
    RepeatEngagementRate,
    GatedIncidents,
}

/// How a KPI is read: days (lower is better), or a share / a rate per 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KpiUnit {
    Days,
    Share,
    Per100,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiDefinition {
    pub id: KpiId,
    pub name: &'static str,
    pub formula: &'static str,
    pub unit: KpiUnit,
    pub higher_is_better: bool,
    /// What its n counts.
    pub counts: &'static str,
}

pub const DEFINITIONS: [KpiDefinition; 8] = [
    KpiDefinition {
        id: KpiId::TimeToFirstDeliverable,
        name: "Time to first deliverable",
        formula: "Median days from an engagement's start to its first first_deliverable event, over engagements that started in the period.",
        unit: KpiUnit::Days,
        higher_is_better: false,
        counts: "engagements",
    },
    KpiDefinition {
        id: KpiId::RampTime,
        name: "Ramp time",
        formula: "Median days from an engagement's start to its first milestone delivered on time, over engagements that started in the period.",
        unit: KpiUnit::Days,
        higher_is_better: false,
        counts: "engagements",
    },
    KpiDefinition {
        id: KpiId::TimeToFirstPr,
        name: "Time to first merged PR",
        formula: "Days from an engagement's start to its first pr_merged event (mean and median), over engagements that started in the period.",
        unit: KpiUnit::Days,
        higher_is_better: false,
        counts: "engagements",
    },
    KpiDefinition {
        id: KpiId::PostReleaseDefectRate,
        name: "Post-release defect rate",
        formula: "Defects found after release ÷ pull requests merged, both dated in the period.",
        unit: KpiUnit::Share,
        higher_is_better: false,
        counts: "merged PRs",
    },
    KpiDefinition {
        id: KpiId::ReworkRate,
        name: "Rework rate",
        formula: "Rework hours ÷ hours engaged (each engagement's hours per week over its days in the period).",
        unit: KpiUnit::Share,
        higher_is_better: false,
        counts: "engagements",
    },
    KpiDefinition {
        id: KpiId::FirstQuarterSuccess,
        name: "First-quarter delivery success",
        formula: "Milestones on time ÷ all milestones in the first 90 days of engagements that started in the period.",
        unit: KpiUnit::Share,
        higher_is_better: true,
        counts: "milestones",
    },
    KpiDefinition {
        id: KpiId::RepeatEngagementRate,
        name: "Repeat-engagement rate",
        formula: "Engagements that ended in the period and were followed by another engagement of the same person within 90 days ÷ engagements that ended (those ended less than 90 days ago are not judged yet).",
        unit: KpiUnit::Share,
        higher_is_better: true,
        counts: "ended engagements",
    },
    KpiDefinition {
        id: KpiId::GatedIncidents,
        name: "Incidents on gated paths",
        formula: "Incidents in work areas that require credentials, per 100 pull requests merged in the period; split by whether the person was cleared for the area on the incident's day.",
        unit: KpiUnit::Per100,
        higher_is_better: false,
        counts: "merged PRs",
    },
];

pub fn definition(id: KpiId) -> &'static KpiDefinition {
    DEFINITIONS
        .iter()
        .find(|d| d.id == id)
        .expect("every KPI is defined")
}

/// Which work the KPIs look at. Dates are inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiQuery {
    pub role_id: Option<String>,
    /// A contractor tag: a person with two cohort tags counts in both.
    pub cohort: Option<String>,
    /// "Credentialed" means holding this credential when the engagement began (any credential
    /// when absent).
    pub credential_id: Option<String>,
    pub from: String,
    pub to: String,
    /// The day the figures are computed on (today when absent): engagements that ended less than
    /// 90 days before it are not judged for repeats yet.
    pub as_of: Option<String>,
}

/// One figure with its sample: a median (days) or a rate, its 95% interval where one exists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// None when there is no data or the group is hidden.
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The mean, for time to first merged PR.
    pub mean: Option<f64>,
    /// How many of what the KPI counts (engagements, PRs, milestones).
    pub n: u32,
    /// For rates: what was counted over what (defects over PRs, hours over hours).
    pub numerator: f64,
    pub denominator: f64,
    pub people: u32,
    /// Fewer than 5 people, or hidden with a smaller group so no one is found by subtraction.
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiResult {
    pub kpi: KpiId,
    pub all: Figure,
    pub credentialed: Figure,
    pub not_credentialed: Figure,
    /// Something the reader should know about this figure, in words.
    pub note: Option<String>,
}

/// One record behind a figure, for the table a click opens.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KpiRow {
    pub contractor_id: String,
    pub contractor_name: String,
    pub engagement_id: String,
    pub client: String,
    pub started_on: String,
    pub credentialed: bool,
    /// Days, or the counts the rate adds up ("2 of 5 on time").
    pub value: String,
}

/// The rows a KPI is computed from, fetched once for all KPIs.
pub(crate) struct Facts {
    pub starts: Vec<EngagementStart>,
    pub work: Vec<EngagementWork>,
    pub ended: Vec<Ended>,
    pub pending_repeats: u32,
    pub incidents: Vec<Incident>,
}

/// Which group of a split a record is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    All,
    Credentialed,
    NotCredentialed,
}

impl Group {
    fn holds(self, credentialed: bool) -> bool {
        match self {
            Group::All => true,
            Group::Credentialed => credentialed,
            Group::NotCredentialed => !credentialed,
        }
    }
}

fn people<'a>(ids: impl Iterator<Item = &'a str>) -> u32 {
    ids.collect::<std::collections::HashSet<_>>().len() as u32
}

/// A median-of-days figure from each record's days (None: the event has not happened).
fn days_figure(values: Vec<(&str, f64)>, with_mean: bool) -> Figure {
    let mut days: Vec<f64> = values.iter().map(|v| v.1).collect();
    days.sort_by(f64::total_cmp);
    let interval = stats::median_interval(&days);
    Figure {
        value: stats::median(&days),
        low: interval.map(|i| i.0),
        high: interval.map(|i| i.1),
        mean: if with_mean { stats::mean(&days) } else { None },
        n: days.len() as u32,
        numerator: 0.0,
        denominator: 0.0,
        people: people(values.iter().map(|v| v.0)),
        hidden: false,
    }
}

/// A rate figure: k over n, with Wilson's interval when it is a share of counts.
fn rate_figure(k: f64, n: f64, count: u32, people: u32, scale: f64, counted: bool) -> Figure {
    let interval = if counted {
        stats::wilson(k as u64, n as u64)
    } else {
        None
    };
    Figure {
        value: (n > 0.0).then(|| k / n * scale),
        low: interval.map(|i| i.0 * scale),
        high: interval.map(|i| i.1 * scale),
        mean: None,
        n: count,
        numerator: k,
        denominator: n,
        people,
        hidden: false,
    }
}

impl Facts {
    fn figure(&self, kpi: KpiId, group: Group) -> Figure {
        let starts = self
            .starts
            .iter()
            .filter(|s| group.holds(s.of.credentialed));
        let work = || self.work.iter().filter(|w| group.holds(w.of.credentialed));
        let first = |pick: fn(&EngagementStart) -> Option<f64>| {
            starts
                .clone()
                .filter_map(|s| pick(s).map(|d| (s.of.contractor_id.as_str(), d)))
                .collect::<Vec<_>>()
        };
        match kpi {
            KpiId::TimeToFirstDeliverable => days_figure(first(|s| s.first_deliverable), false),
            KpiId::RampTime => days_figure(first(|s| s.first_on_time), false),
            KpiId::TimeToFirstPr => days_figure(first(|s| s.first_pr), true),
            KpiId::FirstQuarterSuccess => {
                let with: Vec<_> = starts.filter(|s| s.milestones > 0).collect();
                let (k, n) = with
                    .iter()
                    .fold((0, 0), |(k, n), s| (k + s.on_time, n + s.milestones));
                let who = people(with.iter().map(|s| s.of.contractor_id.as_str()));
                rate_figure(k as f64, n as f64, n, who, 1.0, true)
            }
            KpiId::PostReleaseDefectRate => {
                let with: Vec<_> = work().filter(|w| w.prs > 0 || w.defects > 0).collect();
                let (k, n) = with
                    .iter()
                    .fold((0, 0), |(k, n), w| (k + w.defects, n + w.prs));
                let who = people(with.iter().map(|w| w.of.contractor_id.as_str()));
                rate_figure(k as f64, n as f64, n, who, 1.0, true)
            }
            KpiId::ReworkRate => {
                let with: Vec<_> = work().filter(|w| w.hours_engaged > 0.0).collect();
                let k = with.iter().map(|w| w.rework_hours).sum();
                let n = with.iter().map(|w| w.hours_engaged).sum();
                let who = people(with.iter().map(|w| w.of.contractor_id.as_str()));
                rate_figure(k, n, with.len() as u32, who, 1.0, false)
            }
            KpiId::RepeatEngagementRate => {
                let with: Vec<_> = self
                    .ended
                    .iter()
                    .filter(|e| group.holds(e.of.credentialed))
                    .collect();
                let k = with.iter().filter(|e| e.followed).count();
                let who = people(with.iter().map(|e| e.of.contractor_id.as_str()));
                rate_figure(
                    k as f64,
                    with.len() as f64,
                    with.len() as u32,
                    who,
                    1.0,
                    true,
                )
            }
            KpiId::GatedIncidents => {
                let prs: u32 = work().map(|w| w.prs).sum();
                let k = self
                    .incidents
                    .iter()
                    .filter(|i| group.holds(i.credentialed))
                    .count();
                let who = people(
                    work()
                        .filter(|w| w.prs > 0)
                        .map(|w| w.of.contractor_id.as_str()),
                );
                rate_figure(k as f64, prs as f64, prs, who, 100.0, true)
            }
        }
    }

    fn note(&self, kpi: KpiId) -> Option<String> {
        match kpi {
            KpiId::RepeatEngagementRate if self.pending_repeats > 0 => Some(format!(
                "{} engagement{} ended less than 90 days ago and {} not judged yet.",
                self.pending_repeats,
                if self.pending_repeats == 1 { "" } else { "s" },
                if self.pending_repeats == 1 {
                    "is"
                } else {
                    "are"
                }
            )),
            KpiId::GatedIncidents if !self.incidents.is_empty() => {
                let uncleared = self.incidents.iter().filter(|i| !i.cleared).count();
                Some(format!(
                    "{uncleared} of {} incident{} involved someone not cleared for the area that day.",
                    self.incidents.len(),
                    if self.incidents.len() == 1 { "" } else { "s" }
                ))
            }
            _ => None,
        }
    }

    pub fn result(&self, kpi: KpiId) -> KpiResult {
        let mut all = self.figure(kpi, Group::All);
        let mut yes = self.figure(kpi, Group::Credentialed);
        let mut no = self.figure(kpi, Group::NotCredentialed);
        all.hidden = all.people < stats::MIN_PEOPLE;
        let hide = stats::hidden_groups(&[yes.people, no.people]);
        yes.hidden = hide[0] || all.hidden;
        no.hidden = hide[1] || all.hidden;
        for figure in [&mut all, &mut yes, &mut no] {
            if figure.hidden {
                *figure = Figure {
                    n: figure.n,
                    people: figure.people,
                    hidden: true,
                    ..Figure::default()
                };
            }
        }
        KpiResult {
            kpi,
            all,
            credentialed: yes,
            not_credentialed: no,
            note: self.note(kpi),
        }
    }
}

/// Checks a query's dates: real days, in order.
pub(crate) fn check_query(q: &KpiQuery) -> Result<KpiQuery> {
    let mut q = q.clone();
    q.from = dates::clean("The period's first day", &q.from)?;
    q.to = dates::clean("The period's last day", &q.to)?;
    if q.to < q.from {
        return Err(crate::CoreError::Invalid(format!(
            "The period ends ({}) before it starts ({}).",
            q.to, q.from
        )));
    }
    q.as_of = Some(match &q.as_of {
        Some(d) => dates::clean("The day of the figures", d)?,
        None => dates::format(dates::today_here()),
    });
    for v in [&mut q.role_id, &mut q.cohort, &mut q.credential_id] {
        if v.as_deref().is_some_and(|s| s.trim().is_empty()) {
            *v = None;
        }
    }
    if let Some(c) = &q.cohort {
        q.cohort = Some(text::clean_name("The cohort", c)?);
    }
    Ok(q)
}

impl Workspace {
    /// Every KPI for a query.
    pub fn kpis(&self, query: &KpiQuery) -> Result<Vec<KpiResult>> {
        let q = check_query(query)?;
        let facts = kpi_queries::facts(self.conn(), &q)?;
        Ok(DEFINITIONS.iter().map(|d| facts.result(d.id)).collect())
    }

    /// The records behind one KPI's figure (for everyone, or one side of the credential split),
    /// for people to check the number. A figure too small to show has no records to show either.
    pub fn kpi_rows(
        &self,
        query: &KpiQuery,
        kpi: KpiId,
        credentialed: Option<bool>,
    ) -> Result<Vec<KpiRow>> {
        let q = check_query(query)?;
        let facts = kpi_queries::facts(self.conn(), &q)?;
        let result = facts.result(kpi);
        let figure = match credentialed {
            None => &result.all,
            Some(true) => &result.credentialed,
            Some(false) => &result.not_credentialed,
        };
        if figure.hidden {
            return Err(crate::CoreError::Invalid(format!(
                "{} for this group covers fewer than {} people, so its records are not shown.",
                definition(kpi).name,
                stats::MIN_PEOPLE
            )));
        }
        Ok(kpi_queries::rows(&facts, kpi)
            .into_iter()
            .filter(|r| credentialed.is_none_or(|c| c == r.credentialed))
            .collect())
    }
}
