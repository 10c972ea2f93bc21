//! Career ladders: roles, their versioned ladders of levels × domains, and the
//! cells that say what a person at that level visibly does and what evidence proves it.

mod diff;
mod edit;
pub mod format;
mod load;
pub mod roles;
mod rows;
pub mod templates;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use diff::{diff_versions, CellChange, ChangeKind, HeaderChange, LadderDiff};
pub use edit::LadderEdit;
pub use roles::{NewRole, RolePatch};
pub(crate) use rows::ensure_role_exists;

pub const MAX_LEVELS: usize = 20;
pub const MAX_DOMAINS: usize = 30;
pub const MAX_OUTCOMES: usize = 40;
pub const MAX_EVIDENCE: usize = 20;
pub const MAX_EVIDENCE_COUNT: u32 = 99;
pub const MAX_RATINGS: usize = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    Technical,
    Creative,
    Other,
}

impl RoleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleKind::Technical => "technical",
            RoleKind::Creative => "creative",
            RoleKind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "technical" => Some(RoleKind::Technical),
            "creative" => Some(RoleKind::Creative),
            "other" => Some(RoleKind::Other),
            _ => None,
        }
    }
}

/// The kinds of evidence a cell can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    CodeSample,
    ReleaseNote,
    ClientFeedback,
    LeadAssessment,
    RevisionLog,
    AbTestResult,
    ClientTestimonial,
    DesignFile,
    Document,
    Link,
    Note,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 11] = [
        EvidenceKind::CodeSample,
        EvidenceKind::ReleaseNote,
        EvidenceKind::ClientFeedback,
        EvidenceKind::LeadAssessment,
        EvidenceKind::RevisionLog,
        EvidenceKind::AbTestResult,
        EvidenceKind::ClientTestimonial,
        EvidenceKind::DesignFile,
        EvidenceKind::Document,
        EvidenceKind::Link,
        EvidenceKind::Note,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EvidenceKind::CodeSample => "code sample",
            EvidenceKind::ReleaseNote => "release note",
            EvidenceKind::ClientFeedback => "client feedback",
            EvidenceKind::LeadAssessment => "signed lead assessment",
            EvidenceKind::RevisionLog => "revision log",
            EvidenceKind::AbTestResult => "A/B test result",
            EvidenceKind::ClientTestimonial => "client testimonial",
            EvidenceKind::DesignFile => "design file",
            EvidenceKind::Document => "document",
            EvidenceKind::Link => "link",
            EvidenceKind::Note => "note",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceRequirement {
    pub kind: EvidenceKind,
    pub count: u32,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Level {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// A domain has the same shape as a level: a stable key, a name and a description.
pub type Domain = Level;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    pub level_key: String,
    pub domain_key: String,
    pub outcomes: Vec<String>,
    pub evidence: Vec<EvidenceRequirement>,
}

/// How assessors rate a cell: words from the lowest to the highest. Ratings from `meets_from` on
/// count as meeting the level; the ones below it do not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RatingScale {
    pub ratings: Vec<String>,
    pub meets_from: u32,
}

impl Default for RatingScale {
    fn default() -> Self {
        RatingScale {
            ratings: vec!["not yet".into(), "meets".into(), "exceeds".into()],
            meets_from: 1,
        }
    }
}

impl RatingScale {
    pub fn contains(&self, rating: &str) -> bool {
        self.ratings.iter().any(|r| r == rating)
    }
    /// Whether a rating counts as meeting the level.
    pub fn meets(&self, rating: &str) -> bool {
        self.ratings
            .iter()
            .position(|r| r == rating)
            .is_some_and(|i| i as u32 >= self.meets_from)
    }
    pub fn is_default(&self) -> bool {
        *self == RatingScale::default()
    }
}

/// Everything inside one ladder version. Undo and redo restore a whole `LadderContent`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LadderContent {
    pub levels: Vec<Level>,
    pub domains: Vec<Domain>,
    pub cells: Vec<Cell>,
    #[serde(default)]
    pub scale: RatingScale,
}

impl LadderContent {
    pub fn cell(&self, level_key: &str, domain_key: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.level_key == level_key && c.domain_key == domain_key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VersionStatus {
    Draft,
    Published,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionInfo {
    pub id: String,
    pub status: VersionStatus,
    /// 1, 2, 3 … once published; none while a draft.
    pub number: Option<u32>,
    /// The published number a draft started from.
    pub based_on: Option<u32>,
    pub created_at: String,
    pub published_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoleRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoleSummary {
    pub id: String,
    pub name: String,
    pub description: String,
    pub kind: RoleKind,
    pub pilot: bool,
    pub archived: bool,
    /// The newest published version number, if any.
    pub published_version: Option<u32>,
    pub has_draft: bool,
    pub level_count: u32,
    pub domain_count: u32,
    pub updated_at: String,
}

/// A role with one version of its ladder, as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Ladder {
    pub role: RoleSummary,
    pub version: VersionInfo,
    pub content: LadderContent,
    pub related: Vec<RoleRef>,
}
