//! Reviews tied to contract renewals: each open engagement with an end date has a
//! review due a lead time before it ends (per role, default 30 days). The queue sorts them into
//! overdue, this week, this month, later and done; starting one creates or opens its assessment.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use time::{Date, Duration};
use ts_rs::TS;

use crate::assessment::{AssessmentKind, AssessmentStatus, NewAssessment, Pay};
use crate::dates;
use crate::error::{CoreError, Result};
use crate::ladder::RoleKind;
use crate::workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReviewBucket {
    Overdue,
    ThisWeek,
    ThisMonth,
    Later,
    Done,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewItem {
    pub engagement_id: String,
    pub contractor_id: String,
    pub contractor_name: String,
    pub role_id: String,
    pub role_name: String,
    pub client: String,
    pub project: String,
    pub end_on: String,
    pub due_on: String,
    /// Negative when overdue.
    #[ts(type = "number")]
    pub days_left: i64,
    pub bucket: ReviewBucket,
    pub assessment_id: Option<String>,
    pub assessment_status: Option<AssessmentStatus>,
    pub assessor_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewFilter {
    pub role_id: Option<String>,
    pub assessor_id: Option<String>,
    /// Only reviews due within this many days (overdue ones always show).
    pub within_days: Option<u32>,
    /// Include the done ones.
    #[serde(default)]
    pub include_done: bool,
}

/// The review of an engagement ending `end_on` is due `lead_days` before it.
pub fn due_date(end_on: Date, lead_days: u32) -> Date {
    end_on - Duration::days(lead_days as i64)
}

pub fn bucket(today: Date, due: Date, done: bool) -> ReviewBucket {
    let days = (due - today).whole_days();
    match () {
        _ if done => ReviewBucket::Done,
        _ if days < 0 => ReviewBucket::Overdue,
        _ if days <= 7 => ReviewBucket::ThisWeek,
        _ if days <= 30 => ReviewBucket::ThisMonth,
        _ => ReviewBucket::Later,
    }
}

impl Workspace {
    /// The renewal reviews as of `today`, the most urgent first.
    pub fn review_queue(&self, today: Date, filter: &ReviewFilter) -> Result<Vec<ReviewItem>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT e.id, e.contractor_id, c.name, e.role_id, r.name, e.client, e.project, e.end_on,
                    coalesce(ar.review_lead_days, 30), a.id, a.status, s.id, s.name
             FROM engagement e
             JOIN contractor c ON c.id = e.contractor_id AND c.status != 'archived'
             JOIN role r ON r.id = e.role_id
             LEFT JOIN advancement_rule ar ON ar.role_id = e.role_id
             LEFT JOIN engagement_review er ON er.engagement_id = e.id
             LEFT JOIN assessment a ON a.id = er.assessment_id
             LEFT JOIN assessor s ON s.id = a.assessor_id
             WHERE e.end_on IS NOT NULL AND e.outcome = 'open'
               AND (?1 IS NULL OR e.role_id = ?1) AND (?2 IS NULL OR s.id = ?2)",
        )?;
        let rows = stmt.query_map(params![filter.role_id, filter.assessor_id], |r| {
            Ok((
                (
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ),
                (
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                ),
                (
                    r.get::<_, u32>(8)?,
                    r.get::<_, Option<String>>(9)?,
                    r.get::<_, Option<String>>(10)?,
                ),
                r.get::<_, Option<String>>(12)?,
            ))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (
                (engagement_id, contractor_id, contractor_name, role_id),
                (role_name, client, project, end_on),
                (lead, assessment_id, status),
                assessor_name,
            ) = row?;
            let Ok(end) = dates::parse("The end date", &end_on) else {
                continue;
            };
            let due = due_date(end, lead);
            let status: Option<AssessmentStatus> =
                status.and_then(|s| serde_json::from_value(serde_json::Value::String(s)).ok());
            let done = matches!(
                status,
                Some(AssessmentStatus::Signed | AssessmentStatus::Closed)
            );
            let bucket = bucket(today, due, done);
            let days_left = (due - today).whole_days();
            if bucket == ReviewBucket::Done && !filter.include_done {
                continue;
            }
            if let Some(within) = filter.within_days {
                if bucket != ReviewBucket::Overdue && days_left > within as i64 {
                    continue;
                }
            }
            items.push(ReviewItem {
                engagement_id,
                contractor_id,
                contractor_name,
                role_id,
                role_name,
                client,
                project,
                end_on,
                due_on: dates::format(due),
                days_left,
                bucket,
                assessment_id,
                assessment_status: status,
                assessor_name,
            });
        }
        items.sort_by(|a, b| {
            (a.bucket, &a.due_on, &a.contractor_name).cmp(&(
                b.bucket,
                &b.due_on,
                &b.contractor_name,
            ))
        });
        Ok(items)
    }

    /// Opens the review's assessment, or creates it: the person's next level in the role (their
    /// current one when at the top), paid as part of the engagement's billable work, due on the
    /// review date (or today when that has passed). Returns the assessment id.
    pub fn start_review(
        &mut self,
        engagement_id: &str,
        assessor_id: &str,
        today: Date,
    ) -> Result<String> {
        let existing: Option<String> = self
            .conn()
            .query_row(
                "SELECT assessment_id FROM engagement_review WHERE engagement_id = ?1",
                [engagement_id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            return Ok(id);
        }
        let e = self.engagement(engagement_id)?;
        let role_id = e.input.role_id.clone().ok_or_else(|| {
            CoreError::Invalid(
                "This engagement has no role, so there is no ladder to review against.".into(),
            )
        })?;
        let end = e
            .input
            .end_on
            .as_deref()
            .ok_or_else(|| CoreError::Invalid("This engagement has no end date.".into()))?;
        let due = due_date(
            dates::parse("The end date", end)?,
            self.advancement_rule(&role_id)?.review_lead_days,
        )
        .max(today);
        let ladder = self.published_ladder(&role_id)?;
        let current = self
            .contractor(&e.contractor_id)?
            .levels
            .into_iter()
            .find(|l| l.role_id == role_id)
            .and_then(|l| {
                ladder
                    .content
                    .levels
                    .iter()
                    .position(|x| x.key == l.level_key)
            });
        let target = current.map_or(0, |i| {
            (i + 1).min(ladder.content.levels.len().saturating_sub(1))
        });
        let level_key = ladder
            .content
            .levels
            .get(target)
            .map(|l| l.key.clone())
            .ok_or_else(|| CoreError::Invalid("The role's ladder has no levels.".into()))?;
        let kind = match ladder.role.kind {
            RoleKind::Creative => AssessmentKind::PortfolioReview,
            _ => AssessmentKind::PaidTask,
        };
        let a = self.create_assessment(&NewAssessment {
            contractor_id: e.contractor_id.clone(),
            role_id,
            level_key,
            kind,
            assessor_id: assessor_id.to_string(),
            starts_on: dates::format(today),
            due_on: dates::format(due),
            pay: Pay::Billable {
                engagement_id: engagement_id.to_string(),
            },
        })?;
        self.conn().execute(
            "INSERT INTO engagement_review (engagement_id, assessment_id) VALUES (?1, ?2)",
            params![engagement_id, a.id],
        )?;
        Ok(a.id)
    }
}
