//! The signed text in a printed certificate's QR code, and the short code printed beside it.
//!
//! The QR carries `GB1:` and a compact ES256 JWS over the award's essentials (holder, credential,
//! issuer, dates, short code). Its header names the signing key as a `did:key`, so the signature
//! checks from the text alone; whether that key is the issuer's is checked against the issuer's
//! published keys, and revocation against the issuer's records — both offline.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::error::{BadgeError, Result};
use crate::jwt;
use crate::keys::{p256_did_key, trusted_keys};
use crate::report::{verdict_of, Check, Outcome, Verdict};
use crate::verify::combine_proofs;

/// What every certificate QR text starts with (version 1 of the payload).
pub const CERTIFICATE_PREFIX: &str = "GB1:";
/// Longer than any certificate Guildbook prints by far; refused by size before decoding.
const MAX_TEXT: usize = 4096;
/// Crockford's base32: no I, L, O or U, so a code survives being read aloud and typed.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The award's essentials, signed into the QR code. Short keys keep the code small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateClaims {
    /// The short verification code (`XXXX-XXXX-XXXX`).
    #[serde(rename = "c")]
    pub code: String,
    #[serde(rename = "h")]
    pub holder: String,
    #[serde(rename = "n")]
    pub credential: String,
    #[serde(rename = "i")]
    pub issuer: String,
    /// `YYYY-MM-DD`.
    #[serde(rename = "d")]
    pub issued_on: String,
    #[serde(rename = "x", default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
}

/// What checking a certificate's QR text found.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateReport {
    pub verdict: Verdict,
    /// The signed essentials, when the text could be read at all.
    pub claims: Option<CertificateClaims>,
    /// "format", "proof", "key", "dates", "revocation".
    pub checks: Vec<Check>,
    pub key_trusted: bool,
}

/// The short code of an award: 60 bits of a hash of the issuer and award ids, as 12 Crockford
/// base32 characters in three groups. Stable, so a reprint shows the same code.
pub fn short_code(issuer_id: &str, award_id: &str) -> String {
    let digest = Sha256::digest(format!("guildbook certificate\n{issuer_id}\n{award_id}"));
    let bits = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes")) >> 4;
    let chars: Vec<u8> = (0..12)
        .rev()
        .map(|i| CROCKFORD[((bits >> (i * 5)) & 31) as usize])
        .collect();
    let text = String::from_utf8(chars).expect("ASCII");
    format!("{}-{}-{}", &text[..4], &text[4..8], &text[8..])
}

/// A typed code in its printed form, forgiving case, spaces, dashes and the look-alike letters
/// Crockford allows (O for 0, I and L for 1). None when it cannot be a code.
pub fn normalise_code(typed: &str) -> Option<String> {
    let mut clean = String::with_capacity(12);
    for ch in typed.chars() {
        let ch = match ch.to_ascii_uppercase() {
            ' ' | '-' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        if !ch.is_ascii() || !CROCKFORD.contains(&(ch as u8)) {
            return None;
        }
        clean.push(ch);
    }
    (clean.len() == 12).then(|| format!("{}-{}-{}", &clean[..4], &clean[4..8], &clean[8..]))
}

/// True when `text` is meant as a certificate's QR text (not a short code).
pub fn is_certificate_text(text: &str) -> bool {
    text.trim_start().starts_with(CERTIFICATE_PREFIX)
}

/// Signs the essentials with the issuer's P-256 key: the text to put in the QR code.
pub fn sign_certificate(
    claims: &CertificateClaims,
    key: &p256::ecdsa::SigningKey,
) -> Result<String> {
    // The bare did:key (no repeated fragment) names the key in as few characters as possible:
    // every character saved makes the QR code's modules larger and easier to scan.
    let did = p256_did_key(key.verifying_key());
    let kid = did.split('#').next().unwrap_or(&did);
    let header = json!({ "alg": "ES256", "kid": kid });
    let payload = serde_json::to_value(claims)?;
    Ok(format!(
        "{CERTIFICATE_PREFIX}{}",
        jwt::sign_compact(&header, &payload, key)?
    ))
}

/// Reads the claims without checking anything: for looking the award up before verifying.
pub fn read_certificate(text: &str) -> Result<CertificateClaims> {
    let token = token_of(text)?;
    let decoded = jwt::decode(token)?;
    claims_of(&decoded.payload)
}

/// Checks a certificate's QR text: its signature, whether the key is one of `issuer_keys`
/// (a JWK Set), its dates against `today` (`YYYY-MM-DD`), and revocation as the caller found it
/// in the issuer's records (`None`: not checked).
pub fn verify_certificate(
    text: &str,
    issuer_keys: &Value,
    today: &str,
    revocation: Option<Check>,
) -> CertificateReport {
    let failed = |reason: String| CertificateReport {
        verdict: Verdict::Invalid,
        claims: None,
        checks: vec![Check::new("format", Outcome::Failed, reason)],
        key_trusted: false,
    };
    let decoded = match token_of(text).and_then(jwt::decode) {
        Ok(decoded) => decoded,
        Err(e) => return failed(e.to_string()),
    };
    let claims = match claims_of(&decoded.payload) {
        Ok(claims) => claims,
        Err(e) => return failed(e.to_string()),
    };
    let mut checks = vec![Check::new(
        "format",
        Outcome::Passed,
        "a Guildbook certificate code (version 1)",
    )];
    let outcome = if decoded.header.get("alg").and_then(Value::as_str) == Some("ES256") {
        jwt::check_signature(
            &decoded,
            Some(&claims.issued_on),
            &trusted_keys(issuer_keys),
        )
    } else {
        crate::data_integrity::ProofOutcome::failed("certificate codes are signed with ES256 only")
    };
    let key_trusted = matches!(
        &outcome,
        crate::data_integrity::ProofOutcome::Verified {
            source: crate::resolve::KeySource::Trusted(_),
            ..
        }
    );
    for mut check in combine_proofs(&[outcome]) {
        check.detail = check.detail.replace("VC-JWT ES256", "ES256");
        // A key the text carries proves the code is intact, not that the issuer made it.
        if check.name == "key" && check.outcome == Outcome::Passed && !key_trusted {
            check = Check::new(
                "key",
                Outcome::NotChecked,
                "signed by the key the code carries; whether it is the issuer's is checked against the issuer's published keys",
            );
        }
        checks.push(check);
    }
    checks.push(date_check(&claims, today));
    checks.push(revocation.unwrap_or_else(|| {
        Check::new(
            "revocation",
            Outcome::NotChecked,
            "revocation is in the issuer's records: check the short code in the issuer's Guildbook",
        )
    }));
    CertificateReport {
        verdict: verdict_of(&checks),
        claims: Some(claims),
        checks,
        key_trusted,
    }
}

fn token_of(text: &str) -> Result<&str> {
    let text = text.trim();
    if text.len() > MAX_TEXT {
        return Err(BadgeError::Credential(format!(
            "the text is {} characters long; a certificate code is under {MAX_TEXT}",
            text.len()
        )));
    }
    text.strip_prefix(CERTIFICATE_PREFIX).ok_or_else(|| {
        BadgeError::Credential(format!(
            "a certificate code starts with {CERTIFICATE_PREFIX}; this text does not"
        ))
    })
}

fn claims_of(payload: &Value) -> Result<CertificateClaims> {
    let claims: CertificateClaims = serde_json::from_value(payload.clone()).map_err(|e| {
        BadgeError::Credential(format!(
            "the certificate's signed details are incomplete: {e}"
        ))
    })?;
    if normalise_code(&claims.code).as_deref() != Some(claims.code.as_str()) {
        return Err(BadgeError::Credential(format!(
            "the certificate's short code {:?} is not a valid code",
            claims.code
        )));
    }
    Ok(claims)
}

fn date_check(claims: &CertificateClaims, today: &str) -> Check {
    let valid_date =
        |d: &str| d.len() == 10 && crate::dates::parse(&format!("{d}T00:00:00Z")).is_ok();
    if !valid_date(&claims.issued_on)
        || claims
            .valid_until
            .as_deref()
            .is_some_and(|d| !valid_date(d))
    {
        return Check::new(
            "dates",
            Outcome::Failed,
            "the certificate's dates are not calendar dates",
        );
    }
    if !valid_date(today) {
        return Check::new(
            "dates",
            Outcome::NotChecked,
            "the verifier was not given today's date",
        );
    }
    // ISO dates compare as text.
    if claims.issued_on.as_str() > today {
        return Check::new(
            "dates",
            Outcome::Failed,
            format!("issued on {}, which is after today", claims.issued_on),
        );
    }
    match &claims.valid_until {
        Some(until) if until.as_str() < today => {
            Check::new("dates", Outcome::Failed, format!("expired on {until}"))
        }
        Some(until) => Check::new(
            "dates",
            Outcome::Passed,
            format!("issued on {}, expires on {until}", claims.issued_on),
        ),
        None => Check::new(
            "dates",
            Outcome::Passed,
            format!("issued on {}, does not expire", claims.issued_on),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_codes_are_stable_typable_and_forgiving() {
        let code = short_code("issuer-1", "award-1");
        assert_eq!(code, short_code("issuer-1", "award-1"));
        assert_ne!(code, short_code("issuer-1", "award-2"));
        assert_ne!(code, short_code("issuer-2", "award-1"));
        assert_eq!(code.len(), 14);
        assert!(code
            .chars()
            .all(|c| c == '-' || CROCKFORD.contains(&(c as u8))));
        let typed = code
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(normalise_code(&typed).as_deref(), Some(code.as_str()));
        assert_eq!(normalise_code("ABCD-EFGH-JKM"), None, "11 characters");
        assert_eq!(
            normalise_code("ABCD-EFGH-JKMU"),
            None,
            "U is not in the alphabet"
        );
        assert_eq!(normalise_code("ÄBCD-EFGH-JKMN"), None);
    }
}
