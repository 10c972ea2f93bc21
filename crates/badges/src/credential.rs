//! The app's award model and the unsigned OpenBadgeCredential built from it.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::contexts::{OB_V3, VC_V2};

/// The organisation that issues badges.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Issuer {
    /// A URI: the organisation's URL or a `urn:uuid:…`.
    pub id: String,
    pub name: String,
    pub url: Option<String>,
    pub email: Option<String>,
    /// An `https:` or `data:` URL.
    pub image: Option<String>,
}

/// Where an achievement sits in a framework, e.g. a cell of a career ladder.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Alignment {
    pub target_name: String,
    pub target_description: String,
    pub target_code: String,
    pub target_framework: String,
    pub target_url: Option<String>,
}

/// What the badge is for.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AchievementModel {
    /// `urn:uuid:…`
    pub id: String,
    pub name: String,
    pub description: String,
    pub criteria_narrative: String,
    /// A `data:` URL (PNG or SVG).
    pub image: Option<String>,
    pub alignments: Vec<Alignment>,
}

/// A piece of evidence the award rests on.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceRef {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// The award's entry in a revocation status list.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct StatusRef {
    pub list_url: String,
    pub index: u32,
}

/// One award of an achievement to one person.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AwardModel {
    /// `urn:uuid:…`
    pub id: String,
    pub issuer: Issuer,
    pub achievement: AchievementModel,
    pub recipient_name: String,
    /// `urn:uuid:…`
    pub recipient_id: String,
    /// RFC 3339, UTC.
    pub valid_from: String,
    pub valid_until: Option<String>,
    pub evidence: Vec<EvidenceRef>,
    pub status: Option<StatusRef>,
}

/// The OB 3.0 alignment target type for a cell of a Guildbook career ladder.
const LADDER_CELL: &str = "ext:GuildbookLadderCell";

/// The unsigned OpenBadgeCredential (VC Data Model 2.0, OB context 3.0.3) for an award.
pub fn build_credential(model: &AwardModel) -> Value {
    let mut credential = json!({
        "@context": [VC_V2, OB_V3],
        "id": model.id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(&model.issuer),
        "validFrom": model.valid_from,
        "name": model.achievement.name,
        "credentialSubject": {
            "id": model.recipient_id,
            "type": ["AchievementSubject"],
            // The recipient's name, in the clear: the badge is meant to be shown.
            "identifier": [{
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": false,
                "identityHash": model.recipient_name,
            }],
            "achievement": achievement(&model.achievement),
        },
    });
    if let Some(until) = &model.valid_until {
        credential["validUntil"] = json!(until);
    }
    if !model.evidence.is_empty() {
        credential["evidence"] = model
            .evidence
            .iter()
            .map(|e| {
                json!({
                    "id": e.id,
                    "type": ["Evidence"],
                    "name": e.name,
                    "description": e.description,
                })
            })
            .collect();
    }
    if let Some(status) = &model.status {
        credential["credentialStatus"] = status_entry(status);
    }
    credential
}

/// The issuer id of any credential, whether `issuer` is a string or a profile object.
pub fn issuer_id(credential: &Value) -> Option<&str> {
    let issuer = credential.get("issuer")?;
    issuer.as_str().or_else(|| issuer.get("id")?.as_str())
}

fn issuer_profile(issuer: &Issuer) -> Value {
    let mut profile = Map::new();
    profile.insert("id".into(), json!(issuer.id));
    profile.insert("type".into(), json!(["Profile"]));
    profile.insert("name".into(), json!(issuer.name));
    if let Some(url) = &issuer.url {
        profile.insert("url".into(), json!(url));
    }
    if let Some(email) = &issuer.email {
        profile.insert("email".into(), json!(email));
    }
    if let Some(image) = &issuer.image {
        profile.insert("image".into(), image_object(image));
    }
    Value::Object(profile)
}

fn achievement(model: &AchievementModel) -> Value {
    let mut achievement = json!({
        "id": model.id,
        "type": ["Achievement"],
        "name": model.name,
        "description": model.description,
        "criteria": { "narrative": model.criteria_narrative },
    });
    if let Some(image) = &model.image {
        achievement["image"] = image_object(image);
    }
    if !model.alignments.is_empty() {
        achievement["alignment"] = model
            .alignments
            .iter()
            .map(|a| alignment(&model.id, a))
            .collect();
    }
    achievement
}

fn alignment(achievement_id: &str, a: &Alignment) -> Value {
    // OB requires a targetUrl; a cell without a public page is named under the achievement.
    let url = a
        .target_url
        .clone()
        .unwrap_or_else(|| format!("{achievement_id}#{}", a.target_code));
    json!({
        "type": ["Alignment"],
        "targetName": a.target_name,
        "targetDescription": a.target_description,
        "targetCode": a.target_code,
        "targetFramework": a.target_framework,
        "targetType": LADDER_CELL,
        "targetUrl": url,
    })
}

/// The award's `credentialStatus`: its entry in a Bitstring Status List. Built here with the
/// rest of the credential, so that building one needs nothing from `status`, which publishes
/// the lists and checks entries against them.
fn status_entry(status: &StatusRef) -> Value {
    json!({
        "id": format!("{}#{}", status.list_url, status.index),
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": status.index.to_string(),
        "statusListCredential": status.list_url,
    })
}

fn image_object(url: &str) -> Value {
    json!({ "id": url, "type": "Image" })
}
