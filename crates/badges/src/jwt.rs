//! VC-JWT (OB 3.0 §8.2): the credential is the JWT payload, with `iss`, `jti`, `nbf`, `sub`
//! and `exp` mirroring it. Guildbook signs with ES256 and verifies ES256, RS256 and EdDSA.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine;
use ed25519_dalek::Verifier as _;
use p256::ecdsa::signature::Signer as _;
use serde_json::{json, Map, Value};

use crate::credential::issuer_id;
use crate::data_integrity::ProofOutcome;
use crate::dates;
use crate::error::{BadgeError, Result};
use crate::keys::{p256_did_key, p256_jwk, PublicKey, TrustedKey};
use crate::resolve::resolve_jwt_key;

/// Registered claims that mirror credential properties; not part of the credential itself.
const REGISTERED_CLAIMS: [&str; 7] = ["iss", "jti", "nbf", "exp", "sub", "iat", "aud"];

/// Signs `credential` as a compact VC-JWT with ES256.
pub fn sign(credential: &Value, key: &p256::ecdsa::SigningKey) -> Result<String> {
    let mut payload = credential
        .as_object()
        .cloned()
        .ok_or_else(|| BadgeError::Credential("the credential is not a JSON object".into()))?;
    // A JWT is its own proof.
    payload.remove("proof");
    let mut claims = Map::new();
    if let Some(issuer) = issuer_id(credential) {
        claims.insert("iss".into(), json!(issuer));
    }
    if let Some(id) = credential.get("id") {
        claims.insert("jti".into(), id.clone());
    }
    if let Some(from) = credential.get("validFrom").and_then(Value::as_str) {
        claims.insert("nbf".into(), json!(dates::unix_seconds(from)?));
    }
    if let Some(until) = credential.get("validUntil").and_then(Value::as_str) {
        claims.insert("exp".into(), json!(dates::unix_seconds(until)?));
    }
    if let Some(subject) = credential.pointer("/credentialSubject/id") {
        claims.insert("sub".into(), subject.clone());
    }
    // When it was signed, which can be later than `validFrom`: what decides whether the
    // signature falls after its key was reported compromised.
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    claims.insert("iat".into(), json!(now));
    payload.extend(claims);
    let verifying = key.verifying_key();
    let header = json!({
        "alg": "ES256",
        "typ": "JWT",
        "kid": p256_did_key(verifying),
        "jwk": p256_jwk(verifying),
    });
    sign_compact(&header, &Value::Object(payload), key)
}

/// A compact JWS (`header.payload.signature`) signed with ES256.
pub fn sign_compact(
    header: &Value,
    payload: &Value,
    key: &p256::ecdsa::SigningKey,
) -> Result<String> {
    let signing_input = format!(
        "{}.{}",
        B64URL.encode(serde_json::to_vec(header)?),
        B64URL.encode(serde_json::to_vec(payload)?)
    );
    let signature: p256::ecdsa::Signature = key.sign(signing_input.as_bytes());
    Ok(format!(
        "{signing_input}.{}",
        B64URL.encode(signature.to_bytes())
    ))
}

/// A compact JWT, split and decoded but not yet checked.
pub struct DecodedJwt {
    pub header: Value,
    /// The whole payload, registered claims included.
    pub payload: Value,
    /// The credential: the `vc` claim (VC 1.1 style) or the payload without registered claims.
    pub credential: Value,
    pub not_before: Option<String>,
    pub expires: Option<String>,
    signing_input: String,
    signature: Vec<u8>,
}

impl DecodedJwt {
    /// When the token says it was signed: `iat`, else the credential's `validFrom` (or VC 1.1
    /// `issuanceDate`), else `nbf`.
    pub fn signed_at(&self) -> Option<String> {
        let issued_at = self.payload.get("iat").and_then(Value::as_i64);
        issued_at
            .and_then(|s| dates::from_unix_seconds(s).ok())
            .or_else(|| {
                ["validFrom", "issuanceDate"]
                    .iter()
                    .find_map(|name| self.credential.get(*name)?.as_str().map(str::to_owned))
            })
            .or_else(|| self.not_before.clone())
    }
}

/// True when `text` has the shape of a compact JWS (three base64url parts).
pub fn looks_like_jwt(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split('.').collect();
    parts.len() == 3
        && parts[..2].iter().all(|p| !p.is_empty())
        && parts.iter().all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

pub fn decode(token: &str) -> Result<DecodedJwt> {
    let token = token.trim();
    let bad = |what: &str| {
        BadgeError::Credential(format!("the JWT's {what} is not valid base64url JSON"))
    };
    let parts: Vec<&str> = token.split('.').collect();
    let [header, payload, signature] = parts[..] else {
        return Err(BadgeError::Credential(
            "a compact JWT has exactly three parts separated by dots".into(),
        ));
    };
    let header: Value = B64URL
        .decode(header)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(|| bad("header"))?;
    let payload: Value = B64URL
        .decode(payload)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(|| bad("payload"))?;
    let signature = B64URL.decode(signature).map_err(|_| bad("signature"))?;
    let claim_date = |name: &str| {
        payload
            .get(name)
            .and_then(Value::as_i64)
            .and_then(|s| dates::from_unix_seconds(s).ok())
    };
    let (not_before, expires) = (claim_date("nbf"), claim_date("exp"));
    let credential = match payload.get("vc") {
        Some(vc) if vc.is_object() => vc.clone(),
        _ => {
            let mut map = payload.as_object().cloned().unwrap_or_default();
            for claim in REGISTERED_CLAIMS {
                map.remove(claim);
            }
            Value::Object(map)
        }
    };
    let signing_input = token[..token.rfind('.').unwrap_or(0)].to_owned();
    Ok(DecodedJwt {
        header,
        payload,
        credential,
        not_before,
        expires,
        signing_input,
        signature,
    })
}

/// Checks the JWT's signature with the key it names (or the trusted keys); `signed` is the
/// day or moment the token says it was signed.
pub fn check_signature(
    jwt: &DecodedJwt,
    signed: Option<&str>,
    trusted: &[TrustedKey],
) -> ProofOutcome {
    let alg = jwt
        .header
        .get("alg")
        .and_then(Value::as_str)
        .unwrap_or_default();
    match alg {
        "ES256" | "RS256" | "EdDSA" => {}
        "" | "none" => {
            return ProofOutcome::failed(
                "the JWT is unsigned (alg \"none\"); Guildbook never accepts unsigned tokens",
            )
        }
        hmac if hmac.starts_with("HS") => {
            return ProofOutcome::failed(format!(
                "{hmac} uses a shared secret, so nobody but the issuer could ever verify it"
            ))
        }
        other => {
            return ProofOutcome::Unsupported(format!(
            "the JWT uses {other}, which Guildbook cannot check (it checks ES256, RS256 and EdDSA)"
        ))
        }
    }
    let candidates = match resolve_jwt_key(&jwt.header, trusted) {
        Ok(candidates) => candidates,
        Err(problem) => return ProofOutcome::from_unresolved(problem),
    };
    let named = jwt.header.get("jwk").is_some() || jwt.header.get("kid").is_some();
    let mut wrong_kind = false;
    let first_source = candidates.first().map(|c| c.source.clone());
    for candidate in candidates {
        match verify_with(
            alg,
            &candidate.key,
            jwt.signing_input.as_bytes(),
            &jwt.signature,
        ) {
            Some(true) => {
                return match candidate.distrusted_signature(signed) {
                    Some(reason) => ProofOutcome::Failed {
                        reason,
                        source: Some(candidate.source),
                    },
                    None => ProofOutcome::Verified {
                        suite: format!("VC-JWT {alg}"),
                        source: candidate.source,
                    },
                }
            }
            Some(false) => {}
            None => wrong_kind = true,
        }
    }
    if named && wrong_kind {
        ProofOutcome::BadKey(format!(
            "the key named in the JWT header cannot make {alg} signatures"
        ))
    } else if named {
        ProofOutcome::Failed {
            reason: "the signature does not match: the token was changed after signing, or signed with another key".into(),
            source: first_source,
        }
    } else {
        ProofOutcome::KeyUnreachable(
            "the JWT names no key and none of your trusted keys signed it".into(),
        )
    }
}

/// `None` when the key cannot make `alg` signatures.
fn verify_with(alg: &str, key: &PublicKey, message: &[u8], signature: &[u8]) -> Option<bool> {
    Some(match (alg, key) {
        ("ES256", PublicKey::P256(key)) => p256::ecdsa::Signature::from_slice(signature)
            .is_ok_and(|s| p256::ecdsa::signature::Verifier::verify(key, message, &s).is_ok()),
        ("RS256", PublicKey::Rsa(key)) => {
            rsa::pkcs1v15::Signature::try_from(signature).is_ok_and(|s| {
                rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(key.clone())
                    .verify(message, &s)
                    .is_ok()
            })
        }
        ("EdDSA", PublicKey::Ed25519(key)) => ed25519_dalek::Signature::from_slice(signature)
            .is_ok_and(|s| key.verify(message, &s).is_ok()),
        _ => return None,
    })
}
