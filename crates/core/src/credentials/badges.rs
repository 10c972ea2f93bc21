//! Awards as Open Badges 3.0: each award exported as a signed OpenBadgeCredential (JSON with an
//! eddsa-rdfc-2022 proof, a VC-JWT, or baked into a PNG or SVG badge) with the issuer's current
//! key (`issuer_keys`), the revocation list to host, and verifying any badge with this workspace's
//! keys and its own records of what was revoked.

use std::path::Path;
use std::sync::OnceLock;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use guildbook_badges as ob;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::design::{outlined_svg, svg_to_png};
use super::{Award, AwardStatus, BadgeImage, Credential};
use crate::error::{CoreError, Result};
use crate::keystore::KeyStore;
use crate::workspace::Workspace;
use crate::{clock, new_id};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BadgeFormat {
    /// JSON with an embedded eddsa-rdfc-2022 proof.
    Json,
    /// A compact VC-JWT signed with ES256.
    Jwt,
    /// The badge image with the signed JSON baked in.
    Png,
    Svg,
}

impl BadgeFormat {
    pub fn extension(self) -> &'static str {
        match self {
            BadgeFormat::Json => "json",
            BadgeFormat::Jwt => "jwt",
            BadgeFormat::Png => "png",
            BadgeFormat::Svg => "svg",
        }
    }
}

/// What a verification found, for people: the verdict, each check by name, and what the badge
/// says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BadgeCheck {
    pub name: String,
    /// "passed", "failed" or "not_checked".
    pub outcome: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BadgeVerification {
    /// "valid", "invalid" or "undetermined".
    pub verdict: String,
    pub format: String,
    pub checks: Vec<BadgeCheck>,
    /// Signed by one of this workspace's keys (not only by a key the badge carries itself).
    pub key_trusted: bool,
    pub name: Option<String>,
    pub issuer_name: Option<String>,
    pub holder_name: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
}

pub(crate) fn verdict_word(v: ob::Verdict) -> &'static str {
    match v {
        ob::Verdict::Valid => "valid",
        ob::Verdict::Invalid => "invalid",
        ob::Verdict::Undetermined => "undetermined",
    }
}

fn outcome_word(o: ob::Outcome) -> &'static str {
    match o {
        ob::Outcome::Passed => "passed",
        ob::Outcome::Failed => "failed",
        ob::Outcome::NotChecked => "not_checked",
    }
}

impl From<ob::Check> for BadgeCheck {
    fn from(c: ob::Check) -> Self {
        BadgeCheck {
            outcome: outcome_word(c.outcome).into(),
            name: c.name,
            detail: c.detail,
        }
    }
}

impl From<ob::Report> for BadgeVerification {
    fn from(r: ob::Report) -> Self {
        BadgeVerification {
            verdict: verdict_word(r.verdict).into(),
            format: r.format,
            checks: r.checks.into_iter().map(BadgeCheck::from).collect(),
            key_trusted: r.key_trusted,
            name: r.name,
            issuer_name: r.issuer_name,
            holder_name: r.holder_name,
            valid_from: r.valid_from,
            valid_until: r.valid_until,
        }
    }
}

/// The signed badge size: large enough to print, small enough to send.
const PNG_SIZE: u32 = 512;

/// Parsed contexts are reused by every signature and verification in the process.
pub fn signer() -> Result<&'static ob::Signer> {
    static SIGNER: OnceLock<ob::Signer> = OnceLock::new();
    if let Some(s) = SIGNER.get() {
        return Ok(s);
    }
    let s = ob::Signer::new().map_err(badge_error)?;
    Ok(SIGNER.get_or_init(|| s))
}

pub fn verifier() -> Result<&'static ob::Verifier> {
    static VERIFIER: OnceLock<ob::Verifier> = OnceLock::new();
    if let Some(v) = VERIFIER.get() {
        return Ok(v);
    }
    let v = ob::Verifier::new().map_err(badge_error)?;
    Ok(VERIFIER.get_or_init(|| v))
}

fn badge_error(e: ob::BadgeError) -> CoreError {
    CoreError::Invalid(e.to_string())
}

/// A `data:` URL for bytes of a media type.
fn data_url(media_type: &str, bytes: &[u8]) -> String {
    format!("data:{media_type};base64,{}", B64.encode(bytes))
}

impl Workspace {
    /// Where the revocation list is published: beside the issuer's web address, or a fixed
    /// `urn:uuid` when there is none.
    fn status_list_url(&self) -> Result<String> {
        let url = self.issuer_profile()?.url;
        if !url.is_empty() {
            return Ok(format!("{url}/badges/revocations.json"));
        }
        self.conn().execute(
            "INSERT OR IGNORE INTO setting (key, value) VALUES ('status_list_urn', ?1)",
            [format!("urn:uuid:{}", new_id())],
        )?;
        Ok(self.conn().query_row(
            "SELECT value FROM setting WHERE key = 'status_list_urn'",
            [],
            |r| r.get(0),
        )?)
    }

    fn badge_issuer(&self) -> Result<ob::Issuer> {
        let p = self.issuer_profile()?;
        let image = match &p.image_sha256 {
            Some(sha) => Some(data_url(
                &self.vault_file_info(sha)?.0,
                &self.read_vault_file(sha, "the organisation logo")?,
            )),
            None => None,
        };
        Ok(ob::Issuer {
            id: self.issuer_id()?,
            name: p.name,
            url: (!p.url.is_empty()).then_some(p.url),
            email: (!p.email.is_empty()).then_some(p.email),
            image,
        })
    }

    /// The badge image of a credential: (media type, bytes); designs as outlined SVG.
    pub(crate) fn badge_image(&self, credential: &Credential) -> Result<(String, Vec<u8>)> {
        match &credential.image {
            BadgeImage::Design(d) => Ok(("image/svg+xml".into(), d.svg()?.into_bytes())),
            BadgeImage::Upload { sha256, media_type } => Ok((
                super::design::badge_media_type(media_type)?.into(),
                self.read_vault_file(sha256, "the badge image")?,
            )),
        }
    }

    /// What the badge says: issuer, achievement (criteria, image, the ladder cells it aligns
    /// to), holder, dates, evidence and its place in the revocation list.
    pub fn award_model(&self, award_id: &str) -> Result<ob::AwardModel> {
        let award = self.award(award_id)?;
        let credential = self.credential(&award.credential_id)?;
        let image = self.badge_image(&credential)?;
        self.model_of(award, &credential, &image)
    }

    /// The model from what the caller has loaded already (exporting needs the image again).
    fn model_of(
        &self,
        award: Award,
        credential: &Credential,
        (media, bytes): &(String, Vec<u8>),
    ) -> Result<ob::AwardModel> {
        let alignments = match &credential.criteria {
            Some(c) => {
                let ladder = self.ladder_version(&c.version_id)?;
                c.domains
                    .iter()
                    .map(|(key, name)| {
                        let cell = ladder.content.cell(&c.level_key, key);
                        ob::Alignment {
                            target_name: format!("{} · {} · {name}", c.role_name, c.level_name),
                            target_description: cell
                                .map(|cell| cell.outcomes.join(" "))
                                .filter(|s| !s.is_empty())
                                .unwrap_or_else(|| {
                                    format!("{name} at the {} level.", c.level_name)
                                }),
                            target_code: format!("{}/{}/{key}", c.version_id, c.level_key),
                            target_framework: format!(
                                "{} career ladder, version {}",
                                c.role_name, c.version_number
                            ),
                            target_url: None,
                        }
                    })
                    .collect()
            }
            None => vec![],
        };
        let evidence = match &award.assessment_id {
            Some(id) => {
                let a = self.assessment(id)?;
                vec![ob::EvidenceRef {
                    id: format!("urn:uuid:{id}"),
                    name: format!("Signed assessment: {} · {}", a.role_name, a.level_name),
                    description: format!(
                        "Signed by {} on {}.{}",
                        a.assessor.name,
                        a.signed_at
                            .as_deref()
                            .map(|s| &s[..10.min(s.len())])
                            .unwrap_or(""),
                        if a.summary.is_empty() {
                            String::new()
                        } else {
                            format!(" {}", a.summary)
                        }
                    ),
                }]
            }
            None => vec![],
        };
        Ok(ob::AwardModel {
            id: format!("urn:uuid:{}", award.id),
            issuer: self.badge_issuer()?,
            achievement: ob::AchievementModel {
                id: format!("urn:uuid:{}", credential.id),
                name: credential.name.clone(),
                description: if credential.description.is_empty() {
                    credential.name.clone()
                } else {
                    credential.description.clone()
                },
                criteria_narrative: credential.criteria_text.clone(),
                image: Some(data_url(media, bytes)),
                alignments,
            },
            recipient_name: award.contractor_name,
            recipient_id: format!("urn:uuid:{}", award.contractor_id),
            valid_from: format!("{}T00:00:00Z", award.issued_on),
            valid_until: award.expires_on.map(|d| format!("{d}T00:00:00Z")),
            evidence,
            status: Some(ob::StatusRef {
                list_url: self.status_list_url()?,
                index: award.status_index,
            }),
        })
    }

    /// The award as a signed badge file. A revoked award is not exported.
    pub fn export_award(
        &mut self,
        keys: &KeyStore,
        award_id: &str,
        format: BadgeFormat,
    ) -> Result<Vec<u8>> {
        let award = self.award(award_id)?;
        if award.status == AwardStatus::Revoked {
            return Err(CoreError::Invalid(format!(
                "{}'s '{}' was revoked on {}; a revoked award is not exported.",
                award.contractor_name,
                award.credential_name,
                award
                    .revoked_at
                    .as_deref()
                    .map(|s| &s[..10.min(s.len())])
                    .unwrap_or("")
            )));
        }
        let credential = self.credential(&award.credential_id)?;
        let image = self.badge_image(&credential)?;
        let model = self.model_of(award, &credential, &image)?;
        let (media, bytes) = image;
        let key = self.current_issuer_key(keys)?;
        let signer = signer()?;
        let unsigned = ob::build_credential(&model);
        if format == BadgeFormat::Jwt {
            return Ok(signer
                .sign_vc_jwt(&unsigned, &key)
                .map_err(badge_error)?
                .into_bytes());
        }
        let signed = signer
            .sign_data_integrity(&unsigned, &key, &clock::now())
            .map_err(badge_error)?;
        let json = serde_json::to_string_pretty(&signed).expect("credentials serialise");
        match format {
            BadgeFormat::Json | BadgeFormat::Jwt => Ok(json.into_bytes()),
            BadgeFormat::Png => {
                let png = if media == "image/png" {
                    bytes
                } else {
                    svg_to_png(&String::from_utf8_lossy(&bytes), PNG_SIZE)?
                };
                ob::bake_png(&png, &json).map_err(badge_error)
            }
            BadgeFormat::Svg => {
                let svg = if media == "image/svg+xml" {
                    outlined_svg(&String::from_utf8_lossy(&bytes))?
                } else {
                    format!(
                        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{PNG_SIZE}" height="{PNG_SIZE}" viewBox="0 0 {PNG_SIZE} {PNG_SIZE}"><image width="{PNG_SIZE}" height="{PNG_SIZE}" href="{}"/></svg>"#,
                        crate::text::xml_escape(&data_url(&media, &bytes))
                    )
                };
                Ok(ob::bake_svg(&svg, &json).map_err(badge_error)?.into_bytes())
            }
        }
    }

    /// The signed revocation list (a BitstringStatusListCredential) to host at its URL.
    pub fn revocation_list(&mut self, keys: &KeyStore) -> Result<serde_json::Value> {
        let key = self.current_issuer_key(keys)?;
        let size: u32 = self.conn().query_row(
            "SELECT coalesce(max(status_index), 0) + 1 FROM award",
            [],
            |r| r.get(0),
        )?;
        ob::status_list_credential(
            &self.badge_issuer()?,
            &self.status_list_url()?,
            &self.revoked_indexes()?,
            size,
            &key,
            signer()?,
        )
        .map_err(badge_error)
    }

    /// Verifies a badge file with everything this workspace knows: its own keys (retired ones
    /// too) and, for its own badges, its own records of what was revoked — so they verify fully
    /// offline, on any computer, with or without the private key.
    pub fn verify_badge(&self, path: &Path) -> Result<ob::Report> {
        let options = ob::VerifyOptions {
            trusted_keys: self.issuer_jwks()?,
            ..ob::VerifyOptions::default()
        };
        let mut report = verifier()?.verify_file(path, &options);
        self.check_own_revocations(&mut report)?;
        Ok(report)
    }

    /// For a badge this workspace signed and listed, the revocation check comes from the award
    /// table itself (the published list is only a copy of it).
    fn check_own_revocations(&self, report: &mut ob::Report) -> Result<()> {
        let Some(status) = report
            .credential
            .as_ref()
            .and_then(|c| c.get("credentialStatus"))
        else {
            return Ok(());
        };
        if !report.key_trusted {
            return Ok(());
        }
        let entries: Vec<serde_json::Value> = match status {
            serde_json::Value::Array(list) => list.clone(),
            one => vec![one.clone()],
        };
        let ours = self.status_list_url()?;
        for entry in entries {
            if entry["statusListCredential"].as_str() != Some(ours.as_str()) {
                continue;
            }
            let Some(index) = entry["statusListIndex"]
                .as_str()
                .and_then(|i| i.parse::<u32>().ok())
            else {
                continue;
            };
            let revoked: Option<(String, String)> = self
                .conn()
                .query_row(
                    "SELECT revoked_at, revoked_reason FROM award WHERE status_index = ?1 AND revoked_at IS NOT NULL",
                    [index],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let check = match revoked {
                Some((at, why)) => ob::Check::new(
                    "revocation",
                    ob::Outcome::Failed,
                    format!(
                        "Revoked on {}: {why} (this workspace's own records).",
                        &at[..10.min(at.len())]
                    ),
                ),
                None => ob::Check::new(
                    "revocation",
                    ob::Outcome::Passed,
                    "Not revoked (this workspace's own records).",
                ),
            };
            match report.checks.iter_mut().find(|c| c.name == "revocation") {
                Some(c) => *c = check,
                None => report.checks.push(check),
            }
        }
        report.verdict = ob::verdict_of(&report.checks);
        Ok(())
    }
}
