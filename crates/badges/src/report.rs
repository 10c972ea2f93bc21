//! What a verification found, in terms the UI can show as they are.

use serde::{Deserialize, Serialize};

/// The overall answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// Every check passed.
    Valid,
    /// At least one check failed.
    Invalid,
    /// Nothing failed, but something could not be checked offline (each such check says why).
    Undetermined,
}

/// The result of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    Passed,
    Failed,
    NotChecked,
}

/// One named check ("format", "proof", "key", "schema", "credentialSchema", "dates",
/// "revocation") with a sentence saying what was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub name: String,
    pub outcome: Outcome,
    pub detail: String,
}

impl Check {
    pub fn new(name: &str, outcome: Outcome, detail: impl Into<String>) -> Self {
        Self {
            name: name.to_owned(),
            outcome,
            detail: detail.into(),
        }
    }
}

/// Everything a verification found, plus what the badge says about itself.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub verdict: Verdict,
    /// "png", "svg", "json", "jwt", or "unknown" when the input is none of these.
    pub format: String,
    pub checks: Vec<Check>,
    /// True when a verified signature was made by one of `VerifyOptions::trusted_keys`.
    /// A badge can be intact and signed by a key carried in the badge itself (did:key, a JWK in
    /// the JWT header) without that key being known to belong to the issuer it names.
    pub key_trusted: bool,
    pub credential: Option<serde_json::Value>,
    pub name: Option<String>,
    pub issuer_name: Option<String>,
    pub holder_name: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
}

impl Report {
    /// The check with this name, if it was run.
    pub fn check(&self, name: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.name == name)
    }
}

/// Invalid if any check failed, else undetermined if any could not be run, else valid.
pub fn verdict_of(checks: &[Check]) -> Verdict {
    if checks.iter().any(|c| c.outcome == Outcome::Failed) {
        Verdict::Invalid
    } else if checks.iter().any(|c| c.outcome == Outcome::NotChecked) {
        Verdict::Undetermined
    } else {
        Verdict::Valid
    }
}

/// What the verifier may use. Nothing here is fetched: keys and status lists are passed in.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyOptions {
    /// The current time, RFC 3339.
    pub now: String,
    /// A JWK Set: the organisation's own keys and imported ones; may be empty.
    pub trusted_keys: serde_json::Value,
    /// Status list credentials available locally. Each is the list credential itself (found by
    /// its `id`), or `{ "url": …, "credential": … }` when it was downloaded from another URL.
    pub status_lists: Vec<serde_json::Value>,
    /// Larger inputs are refused without being read.
    pub max_bytes: u64,
}

/// 10 MiB: far above any real badge image, far below trouble.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

impl Default for VerifyOptions {
    fn default() -> Self {
        Self {
            now: crate::dates::now_rfc3339().unwrap_or_default(),
            trusted_keys: serde_json::json!({ "keys": [] }),
            status_lists: Vec::new(),
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}
