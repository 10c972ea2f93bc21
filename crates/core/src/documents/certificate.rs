//! Certificates: the view model of an award's certificate (its QR code signed with the issuer's
//! current P-256 key), and checking a certificate from its QR text or its short code.

use std::collections::HashMap;
use std::sync::Arc;

use guildbook_badges as ob;
use guildbook_pdf as pdf;
use serde::Serialize;
use ts_rs::TS;

use super::{pdf_error, picture, printed_at, Paper};
use crate::credentials::badges::{verdict_word, BadgeCheck};
use crate::credentials::{Award, AwardStatus, Credential};
use crate::dates;
use crate::error::{CoreError, Result};
use crate::keystore::KeyStore;
use crate::workspace::Workspace;

/// What checking a certificate found, for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CertificateVerification {
    /// "valid", "invalid" or "undetermined".
    pub verdict: String,
    /// "qr" (the signed text) or "code" (the short code, looked up in this workspace).
    pub kind: String,
    pub checks: Vec<BadgeCheck>,
    pub code: Option<String>,
    pub holder: Option<String>,
    pub credential: Option<String>,
    pub issuer: Option<String>,
    pub issued_on: Option<String>,
    pub expires_on: Option<String>,
    /// The award in this workspace, when it was issued here.
    pub award_id: Option<String>,
}

impl CertificateVerification {
    /// What the certificate's QR text says and how its checks went (no award looked up).
    pub fn from_report(report: ob::CertificateReport) -> Self {
        let claims = report.claims;
        CertificateVerification {
            verdict: verdict_word(report.verdict).into(),
            kind: "qr".into(),
            checks: report.checks.into_iter().map(BadgeCheck::from).collect(),
            code: claims.as_ref().map(|c| c.code.clone()),
            holder: claims.as_ref().map(|c| c.holder.clone()),
            credential: claims.as_ref().map(|c| c.credential.clone()),
            issuer: claims.as_ref().map(|c| c.issuer.clone()),
            issued_on: claims.as_ref().map(|c| c.issued_on.clone()),
            expires_on: claims.and_then(|c| c.valid_until),
            award_id: None,
        }
    }
}

/// What every certificate of a batch shares, loaded once: the signing key, the branding, the
/// issuer's id, and each credential's badge picture.
pub(crate) struct CertificatePrinter {
    key: ob::IssuerKey,
    branding: pdf::Branding,
    issuer_id: String,
    /// Per credential: the credential and its badge picture, loaded once per batch.
    credentials: HashMap<String, (Credential, Option<Arc<pdf::Image>>)>,
    printed_at: String,
}

impl CertificatePrinter {
    pub fn new(ws: &mut Workspace, keys: &KeyStore) -> Result<Self> {
        Ok(CertificatePrinter {
            key: ws.current_issuer_key(keys)?,
            branding: ws.branding()?,
            issuer_id: ws.issuer_id()?,
            credentials: HashMap::new(),
            printed_at: printed_at(),
        })
    }

    pub fn model(
        &mut self,
        ws: &Workspace,
        award: &Award,
        paper: Paper,
    ) -> Result<pdf::CertificateModel> {
        if award.status == AwardStatus::Revoked {
            return Err(CoreError::Invalid(format!(
                "{}'s '{}' was revoked on {}; a revoked award has no certificate.",
                award.contractor_name,
                award.credential_name,
                dates::long(
                    award
                        .revoked_at
                        .as_deref()
                        .map_or("", |s| &s[..10.min(s.len())])
                )
            )));
        }
        if !self.credentials.contains_key(&award.credential_id) {
            let credential = ws.credential(&award.credential_id)?;
            let (_, bytes) = ws.badge_image(&credential)?;
            // A badge that cannot be drawn leaves its corner empty rather than stop the print.
            let badge = picture("the badge", &bytes, 240).ok().map(Arc::new);
            self.credentials
                .insert(credential.id.clone(), (credential, badge));
        }
        let (credential, badge) = &self.credentials[&award.credential_id];
        let badge = badge.clone();
        let code = ob::short_code(&self.issuer_id, &award.id);
        let claims = ob::CertificateClaims {
            code: code.clone(),
            holder: award.contractor_name.clone(),
            credential: credential.name.clone(),
            issuer: self.branding.organisation.clone(),
            issued_on: award.issued_on.clone(),
            valid_until: award.expires_on.clone(),
        };
        let qr_text = ob::sign_certificate(&claims, &self.key.p256)
            .map_err(|e| CoreError::Invalid(format!("The certificate could not be signed: {e}")))?;
        Ok(pdf::CertificateModel {
            page: paper.size(),
            branding: self.branding.clone(),
            holder: award.contractor_name.clone(),
            credential: credential.name.clone(),
            description: credential.description.clone(),
            criteria: credential.criteria_text.clone(),
            issued_on: dates::long(&award.issued_on),
            valid_until: award.expires_on.as_deref().map(dates::long),
            status_note: (award.status == AwardStatus::Expired).then(|| {
                format!(
                    "Expired on {}",
                    dates::long(award.expires_on.as_deref().unwrap_or(""))
                )
            }),
            badge,
            signatory: award.awarded_by.clone(),
            code,
            qr_text,
            printed_at: self.printed_at.clone(),
        })
    }
}

impl Workspace {
    /// The award's certificate as a PDF. A revoked award has none.
    pub fn certificate_pdf(
        &mut self,
        keys: &KeyStore,
        fonts: &pdf::Fonts,
        award_id: &str,
        paper: Paper,
    ) -> Result<Vec<u8>> {
        let model = self.certificate_model(keys, award_id, paper)?;
        pdf::render_certificate(fonts, &model).map_err(pdf_error)
    }

    /// What the certificate shows, its QR text signed (for benchmarks and other renderers).
    pub fn certificate_model(
        &mut self,
        keys: &KeyStore,
        award_id: &str,
        paper: Paper,
    ) -> Result<pdf::CertificateModel> {
        let award = self.award(award_id)?;
        CertificatePrinter::new(self, keys)?.model(self, &award, paper)
    }

    /// The award whose certificate carries this short code, if this workspace issued it.
    pub fn award_by_code(&self, code: &str) -> Result<Option<Award>> {
        let Some(code) = ob::normalise_code(code) else {
            return Ok(None);
        };
        let issuer_id = self.issuer_id()?;
        let ids: Vec<String> = self
            .conn()
            .prepare("SELECT id FROM award")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        match ids
            .into_iter()
            .find(|id| ob::short_code(&issuer_id, id) == code)
        {
            Some(id) => Ok(Some(self.award(&id)?)),
            None => Ok(None),
        }
    }

    /// Checks a certificate from the text its QR code carries or from its short code: the
    /// signature with this workspace's keys (retired ones too), the dates, and revocation from
    /// this workspace's own records.
    pub fn verify_certificate_code(&self, text: &str) -> Result<CertificateVerification> {
        let today = dates::format(dates::today());
        if ob::is_certificate_text(text) {
            let found = match ob::read_certificate(text) {
                Ok(claims) => self.award_by_code(&claims.code)?,
                Err(_) => None,
            };
            let revocation = found.as_ref().map(revocation_check).or_else(|| {
                Some(ob::Check::new(
                    "revocation",
                    ob::Outcome::NotChecked,
                    "this workspace has no award with the certificate's code: ask its issuer",
                ))
            });
            let report = ob::verify_certificate(text, &self.issuer_jwks()?, &today, revocation);
            return Ok(CertificateVerification {
                award_id: found.map(|a| a.id),
                ..CertificateVerification::from_report(report)
            });
        }
        let Some(code) = ob::normalise_code(text) else {
            return Err(CoreError::Invalid(format!(
                "'{}' is neither a certificate's QR text (it starts with {}) nor a short code like K7QH-2MXD-9RTA.",
                text.trim().chars().take(40).collect::<String>(),
                ob::CERTIFICATE_PREFIX
            )));
        };
        let award = self.award_by_code(&code)?;
        let check = match &award {
            Some(award) => revocation_check(award),
            None => ob::Check::new(
                "record",
                ob::Outcome::Failed,
                format!("no certificate with the code {code} was issued from this workspace"),
            ),
        };
        let checks = vec![BadgeCheck::from(check)];
        let verdict = if checks[0].outcome == "passed" {
            "valid"
        } else {
            "invalid"
        };
        Ok(CertificateVerification {
            verdict: verdict.into(),
            kind: "code".into(),
            checks,
            code: Some(code),
            holder: award.as_ref().map(|a| a.contractor_name.clone()),
            credential: award.as_ref().map(|a| a.credential_name.clone()),
            issuer: Some(self.issuer_profile()?.name),
            issued_on: award.as_ref().map(|a| a.issued_on.clone()),
            expires_on: award.as_ref().and_then(|a| a.expires_on.clone()),
            award_id: award.map(|a| a.id),
        })
    }
}

/// The award as this workspace's records have it now: revoked or expired fails.
fn revocation_check(award: &Award) -> ob::Check {
    let (outcome, detail) = match award.status {
        AwardStatus::Revoked => (
            ob::Outcome::Failed,
            format!(
                "revoked on {}: {}",
                dates::long(
                    award
                        .revoked_at
                        .as_deref()
                        .map_or("", |s| &s[..10.min(s.len())])
                ),
                award.revoked_reason.as_deref().unwrap_or("no reason given")
            ),
        ),
        AwardStatus::Expired => (
            ob::Outcome::Failed,
            format!(
                "expired on {}",
                dates::long(award.expires_on.as_deref().unwrap_or(""))
            ),
        ),
        AwardStatus::Active | AwardStatus::Expiring => (
            ob::Outcome::Passed,
            format!(
                "the issuer's records hold {}'s '{}' as {}",
                award.contractor_name,
                award.credential_name,
                award.status.word()
            ),
        ),
    };
    ob::Check::new("revocation", outcome, detail)
}
