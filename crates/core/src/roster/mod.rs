//! The contractor roster: people, their level in each role with its history, their
//! engagements, and the pay band of each role level.

mod contractors;
pub mod csv_import;
mod engagements;
mod levels;
pub(crate) mod pay_bands;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use contractors::RosterQuery;
// Bulk writers for the seed generator (they skip the per-call lookups the services do).
pub(crate) use contractors::{clean_input as contractors_clean, insert as contractors_insert};
pub(crate) use engagements::{clean as engagements_clean, insert as engagements_insert};
pub(crate) use levels::{ensure_contractor, insert_level as levels_insert};
pub use pay_bands::{amount, clean_currency, parse_amount, RateCheck};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContractorStatus {
    Active,
    Inactive,
    Archived,
}

impl ContractorStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ContractorStatus::Active => "active",
            ContractorStatus::Inactive => "inactive",
            ContractorStatus::Archived => "archived",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "active" | "" => Some(ContractorStatus::Active),
            "inactive" => Some(ContractorStatus::Inactive),
            "archived" => Some(ContractorStatus::Archived),
            _ => None,
        }
    }
}

/// What a person types in the contractor form (or a CSV row says).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContractorInput {
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<ContractorStatus>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

/// A person's current level in one role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoleLevel {
    pub role_id: String,
    pub role_name: String,
    pub level_key: String,
    /// The level's name in the role's current ladder (empty if the level was removed since).
    pub level_name: String,
    pub effective_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Contractor {
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub location: String,
    pub status: ContractorStatus,
    pub tags: Vec<String>,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
    pub levels: Vec<RoleLevel>,
}

/// One line of the roster list: enough to scan and filter 10,000 people quickly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RosterRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub location: String,
    pub status: ContractorStatus,
    pub tags: Vec<String>,
    /// "Backend engineer · Engineer", one per role held.
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RosterPage {
    pub rows: Vec<RosterRow>,
    /// How many people match the query in all (the page holds at most `limit`).
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LevelChange {
    pub id: String,
    pub role_id: String,
    pub role_name: String,
    pub level_key: String,
    pub level_name: String,
    pub effective_on: String,
    pub reason: String,
    pub recorded_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RateUnit {
    Hour,
    Day,
    Month,
    Fixed,
}

impl RateUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            RateUnit::Hour => "hour",
            RateUnit::Day => "day",
            RateUnit::Month => "month",
            RateUnit::Fixed => "fixed",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "hour" => Some(RateUnit::Hour),
            "day" => Some(RateUnit::Day),
            "month" => Some(RateUnit::Month),
            "fixed" => Some(RateUnit::Fixed),
            _ => None,
        }
    }
}

/// An amount in integer minor units (cents) of an ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Money {
    #[ts(type = "number")]
    pub minor: i64,
    pub currency: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EngagementOutcome {
    Open,
    Renewed,
    Ended,
}

impl EngagementOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            EngagementOutcome::Open => "open",
            EngagementOutcome::Renewed => "renewed",
            EngagementOutcome::Ended => "ended",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "open" => Some(EngagementOutcome::Open),
            "renewed" => Some(EngagementOutcome::Renewed),
            "ended" => Some(EngagementOutcome::Ended),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EngagementInput {
    pub role_id: Option<String>,
    pub client: String,
    #[serde(default)]
    pub project: String,
    /// YYYY-MM-DD
    pub start_on: String,
    /// YYYY-MM-DD; none for open-ended work.
    pub end_on: Option<String>,
    pub renewal_window_days: u32,
    pub rate: Money,
    pub rate_unit: RateUnit,
    pub hours_per_week: Option<u32>,
    pub outcome: EngagementOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Engagement {
    pub id: String,
    pub contractor_id: String,
    pub role_name: Option<String>,
    #[serde(flatten)]
    pub input: EngagementInput,
    /// The day the renewal window opens (end minus the window), when there is an end.
    pub renewal_opens_on: Option<String>,
    /// Set when the rate is outside the pay band of the person's level in that role.
    pub rate_check: Option<RateCheck>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayBand {
    pub role_id: String,
    pub level_key: String,
    pub min: Money,
    #[ts(type = "number")]
    pub max_minor: i64,
    pub rate_unit: RateUnit,
}

/// A contractor with everything the profile page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub contractor: Contractor,
    pub level_history: Vec<LevelChange>,
    pub engagements: Vec<Engagement>,
    /// The pay band of each current level, where one is set.
    pub bands: Vec<PayBand>,
}
