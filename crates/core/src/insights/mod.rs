//! Program insights: the delivery events people's work produces, the KPIs computed from them per
//! role, cohort, credential and period, pilots compared with a baseline, and the program's ROI.

pub mod costs;
pub mod events;
mod events_csv;
pub mod kpi;
mod kpi_queries;
pub mod pilot;
pub mod roi;
pub mod stats;
pub mod words;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What happened in someone's delivery work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    FirstDeliverable,
    PrMerged,
    Defect,
    ReworkHours,
    Incident,
    Milestone,
}

impl EventKind {
    pub fn label(self) -> &'static str {
        match self {
            EventKind::FirstDeliverable => "First deliverable",
            EventKind::PrMerged => "Pull request merged",
            EventKind::Defect => "Defect",
            EventKind::ReworkHours => "Rework",
            EventKind::Incident => "Incident",
            EventKind::Milestone => "Milestone",
        }
    }
}

/// When a defect was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DefectStage {
    BeforeRelease,
    AfterRelease,
}

/// How a milestone went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneOutcome {
    OnTime,
    Late,
    Failed,
}

/// A delivery event as a person enters it (or a CSV row names it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryEventInput {
    pub contractor_id: String,
    /// `YYYY-MM-DD`: the day where the work was done.
    pub date: String,
    pub kind: EventKind,
    /// Rework hours (only for `rework_hours`).
    pub hours: Option<f64>,
    pub stage: Option<DefectStage>,
    pub outcome: Option<MilestoneOutcome>,
    /// The work area an incident happened in.
    pub work_area_id: Option<String>,
    /// The engagement it belongs to; when absent, the person's engagement covering the day.
    pub engagement_id: Option<String>,
    pub note: String,
}

/// A stored delivery event, with the names it points at.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryEvent {
    pub id: String,
    pub contractor_id: String,
    pub contractor_name: String,
    pub engagement_id: Option<String>,
    /// The client of that engagement.
    pub engagement_client: Option<String>,
    pub date: String,
    pub kind: EventKind,
    pub hours: Option<f64>,
    pub stage: Option<DefectStage>,
    pub outcome: Option<MilestoneOutcome>,
    pub work_area_id: Option<String>,
    pub work_area_name: Option<String>,
    pub note: String,
}

impl DeliveryEvent {
    /// One line for the timeline: "Defect · after release", "Rework · 3.5 h".
    pub fn title(&self) -> String {
        let detail = match (self.kind, self.hours, self.stage, self.outcome) {
            (_, Some(h), _, _) => format!("{} h", trim_number(h)),
            (_, _, Some(DefectStage::AfterRelease), _) => "after release".into(),
            (_, _, Some(DefectStage::BeforeRelease), _) => "before release".into(),
            (_, _, _, Some(MilestoneOutcome::OnTime)) => "on time".into(),
            (_, _, _, Some(MilestoneOutcome::Late)) => "late".into(),
            (_, _, _, Some(MilestoneOutcome::Failed)) => "failed".into(),
            _ => String::new(),
        };
        let area = self.work_area_name.as_deref().unwrap_or_default();
        [self.kind.label(), &detail, area]
            .iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// 3.5 → "3.5", 2.0 → "2".
pub fn trim_number(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
