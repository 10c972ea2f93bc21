//! The 1EdTech OB 3.0 AchievementCredential JSON Schema, bundled and compiled once.

use serde_json::Value;

use crate::contexts::{VC_V1, VC_V2};
use crate::error::{BadgeError, Result};

const ACHIEVEMENT_CREDENTIAL: &str =
    include_str!("../schemas/ob_v3p0_achievementcredential_schema.json");

/// How many schema errors a report lists before summarising.
const ERRORS_SHOWN: usize = 3;

pub struct SchemaValidator {
    validator: jsonschema::Validator,
}

impl SchemaValidator {
    pub fn new() -> Result<Self> {
        let schema: Value = serde_json::from_str(ACHIEVEMENT_CREDENTIAL)?;
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| BadgeError::Schema(e.to_string()))?;
        Ok(Self { validator })
    }

    /// The schema errors of `credential`, each with the JSON path it concerns.
    pub fn errors(&self, credential: &Value) -> Vec<String> {
        self.validator
            .iter_errors(credential)
            .map(|e| {
                let path = e.instance_path().to_string();
                let path = if path.is_empty() {
                    "/".to_owned()
                } else {
                    path
                };
                format!("{path}: {e}")
            })
            .collect()
    }

    /// A one-paragraph summary of the schema errors, or `None` when the credential conforms.
    pub fn summary(&self, credential: &Value) -> Option<String> {
        let errors = self.errors(credential);
        if errors.is_empty() {
            return None;
        }
        let mut text = errors
            .iter()
            .take(ERRORS_SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ");
        if errors.len() > ERRORS_SHOWN {
            text.push_str(&format!(" (and {} more)", errors.len() - ERRORS_SHOWN));
        }
        Some(text)
    }
}

/// A VC 1.1 credential seen as VC 2.0 (context, `issuanceDate` → `validFrom`, `expirationDate` →
/// `validUntil`), so the rest of it can still be checked against the OB 3.0 schema, which
/// describes VC 2.0 credentials only. 1EdTech accepts VC 1.1 badges with a warning.
pub fn as_vc2(credential: &Value) -> Option<Value> {
    let contexts = credential.get("@context")?.as_array()?;
    if contexts.first()?.as_str()? != VC_V1 {
        return None;
    }
    let mut upgraded = credential.clone();
    upgraded["@context"][0] = Value::String(VC_V2.into());
    let map = upgraded.as_object_mut()?;
    for (old, new) in [
        ("issuanceDate", "validFrom"),
        ("expirationDate", "validUntil"),
    ] {
        if let Some(value) = map.remove(old) {
            map.entry(new).or_insert(value);
        }
    }
    Some(upgraded)
}
