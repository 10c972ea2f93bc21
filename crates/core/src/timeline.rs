//! A contractor's progression timeline: level changes, assessments, evidence
//! added, review decisions and progression decisions, newest first.

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Level,
    Assessment,
    Signed,
    Evidence,
    Review,
    Decision,
    /// A delivery event (a merged PR, a milestone, an incident…): what the KPIs count.
    Delivery,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEvent {
    /// `YYYY-MM-DD`, or an RFC 3339 time for things recorded as they happened.
    pub at: String,
    pub kind: TimelineKind,
    pub title: String,
    pub detail: String,
    /// What to open: an assessment or evidence id (a delivery event's own id).
    pub target: Option<String>,
}

/// Each source: its kind and a query giving (at, title, detail, target) for one person.
const SOURCES: [(TimelineKind, &str); 7] = [
    (
        TimelineKind::Level,
        "SELECT h.effective_on, r.name || ' · ' || coalesce(l.name, h.level_key), h.reason, NULL
         FROM contractor_level h JOIN role r ON r.id = h.role_id
         LEFT JOIN role_level_name l ON l.role_id = h.role_id AND l.level_key = h.level_key
         WHERE h.contractor_id = ?1",
    ),
    (
        TimelineKind::Assessment,
        "SELECT a.starts_on, 'Assessment for ' || l.name || ' started', replace(a.kind, '_', ' ') || ' · ' || s.name, a.id
         FROM assessment a JOIN ladder_level l ON l.version_id = a.version_id AND l.key = a.level_key
         JOIN assessor s ON s.id = a.assessor_id WHERE a.contractor_id = ?1",
    ),
    (
        TimelineKind::Signed,
        "SELECT a.signed_at, 'Assessment for ' || l.name || ' signed', 'by ' || s.name, a.id
         FROM assessment a JOIN ladder_level l ON l.version_id = a.version_id AND l.key = a.level_key
         JOIN assessor s ON s.id = a.assessor_id WHERE a.contractor_id = ?1 AND a.signed_at IS NOT NULL",
    ),
    (
        TimelineKind::Evidence,
        "SELECT e.created_at, e.title || CASE WHEN e.revision > 1 THEN ' v' || e.revision ELSE '' END,
                CASE WHEN e.revision > 1 THEN e.change_note ELSE replace(e.kind, '_', ' ') END, e.id
         FROM evidence e WHERE e.contractor_id = ?1",
    ),
    (
        TimelineKind::Review,
        "SELECT d.decided_at, e.title || ': ' || CASE d.decision WHEN 'approved' THEN 'approved' ELSE 'changes requested' END,
                d.reviewer || CASE WHEN d.reason != '' THEN ' — ' || d.reason ELSE '' END, e.id
         FROM review_decision d JOIN evidence e ON e.id = d.evidence_id WHERE e.contractor_id = ?1",
    ),
    (
        TimelineKind::Decision,
        "SELECT p.decided_at, CASE p.outcome WHEN 'advance' THEN 'Advanced to ' || l.name WHEN 'hold' THEN 'Held at the current level'
                ELSE 'Not yet ready for ' || l.name END, 'decided by ' || p.decided_by, a.id
         FROM progression_decision p JOIN assessment a ON a.id = p.assessment_id
         JOIN ladder_level l ON l.version_id = a.version_id AND l.key = a.level_key WHERE a.contractor_id = ?1",
    ),
    (
        TimelineKind::Delivery,
        "SELECT v.on_date, CASE v.kind WHEN 'first_deliverable' THEN 'First deliverable'
                WHEN 'pr_merged' THEN 'Pull request merged'
                WHEN 'defect' THEN 'Defect found ' || replace(v.stage, '_', ' ')
                WHEN 'rework_hours' THEN 'Rework: ' || v.hours || ' h'
                WHEN 'incident' THEN 'Incident in ' || coalesce(w.name, 'a work area')
                ELSE 'Milestone ' || CASE v.outcome WHEN 'on_time' THEN 'on time' ELSE v.outcome END END,
                coalesce(g.client, '') || CASE WHEN v.note <> '' AND g.client IS NOT NULL THEN ' — ' ELSE '' END || v.note, CAST(v.id AS TEXT)
         FROM delivery_event v LEFT JOIN engagement g ON g.id = v.engagement_id
         LEFT JOIN work_area w ON w.id = v.work_area_id WHERE v.contractor_id = ?1",
    ),
];

impl Workspace {
    pub fn timeline(&self, contractor_id: &str) -> Result<Vec<TimelineEvent>> {
        crate::roster::ensure_contractor(self.conn(), contractor_id)?;
        let mut events = Vec::new();
        for (kind, sql) in SOURCES {
            let mut stmt = self.conn().prepare_cached(sql)?;
            let rows = stmt.query_map([contractor_id], |r| {
                Ok(TimelineEvent {
                    at: r.get(0)?,
                    kind,
                    title: r.get(1)?,
                    detail: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    target: r.get(3)?,
                })
            })?;
            for row in rows {
                events.push(row?);
            }
        }
        // Dates and times compare as text; a bare date sorts before that day's times.
        events.sort_by(|a, b| b.at.cmp(&a.at).then(a.title.cmp(&b.title)));
        Ok(events)
    }
}
