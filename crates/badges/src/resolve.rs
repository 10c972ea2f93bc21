//! Finding the public key a proof names, without the network.
//!
//! Offline, a key can come from: the trusted JWK Set (own and imported keys), a did:key or
//! did:jwk, a multibase key in the verification method's fragment (the 1EdTech convention,
//! e.g. `https://example.edu/issuers/1#z6Mk…`) or a JWK in a JWT header.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine;

use crate::keys::{decode_multibase_key, public_key_from_jwk, PublicKey, TrustedKey};

/// Where the verifying key came from; reported to the user.
#[derive(Debug, Clone)]
pub enum KeySource {
    Trusted(String),
    DidKey,
    DidJwk,
    Fragment,
    HeaderJwk,
}

impl KeySource {
    pub fn describe(&self) -> String {
        match self {
            KeySource::Trusted(kid) => format!("signed with a trusted key ({kid})"),
            KeySource::DidKey => {
                "the key is the did:key in the proof itself; it proves the badge is intact and who holds the key, but that key is not among your trusted keys".into()
            }
            KeySource::DidJwk => {
                "the key is the did:jwk in the proof itself; it is not among your trusted keys".into()
            }
            KeySource::Fragment => {
                "the key is the multibase key in the verification method's fragment; it is not among your trusted keys".into()
            }
            KeySource::HeaderJwk => {
                "the key is the JWK in the JWT header; it proves the badge is intact, but that key is not among your trusted keys".into()
            }
        }
    }
}

pub struct Resolved {
    pub key: PublicKey,
    pub source: KeySource,
    /// Set when the key is a trusted one its issuer reported compromised on that day.
    pub compromised_on: Option<String>,
}

impl Resolved {
    fn found(key: PublicKey, source: KeySource) -> Self {
        Self {
            key,
            source,
            compromised_on: None,
        }
    }

    fn trusted(key: &TrustedKey) -> Self {
        Self {
            key: key.key.clone(),
            source: KeySource::Trusted(key.kid.clone().unwrap_or_else(|| "unnamed key".into())),
            compromised_on: key.compromised_on.clone(),
        }
    }

    /// Why a signature that checks out still does not count: the key's issuer reported it
    /// compromised on or before the day it was signed (`signed`: an RFC 3339 date-time or a
    /// `YYYY-MM-DD`; a signature that carries no date counts as signed after).
    pub fn distrusted_signature(&self, signed: Option<&str>) -> Option<String> {
        let since = self.compromised_on.as_deref()?;
        let signed_day = signed.and_then(|s| s.get(..10));
        match signed_day {
            Some(day) if day < since => None,
            Some(day) => Some(format!(
                "the signature is dated {day}, but it was made with a key its issuer reported compromised on {since}: anyone holding that key could have made it"
            )),
            None => Some(format!(
                "the signature carries no date, and it was made with a key its issuer reported compromised on {since}"
            )),
        }
    }
}

/// Why no key was found: the name is wrong (`Invalid`), or the key lives online (`Unreachable`).
pub enum Unresolved {
    Invalid(String),
    Unreachable(String),
}

/// The trusted key with this id, or with the same key material.
fn trusted_match(
    trusted: &[TrustedKey],
    kid: Option<&str>,
    key: Option<&PublicKey>,
) -> Option<Resolved> {
    trusted
        .iter()
        .find(|t| match (kid, key) {
            (Some(kid), _) if t.kid.as_deref() == Some(kid) => true,
            (_, Some(key)) => t.key.same_as(key),
            _ => false,
        })
        .map(Resolved::trusted)
}

/// Promotes a key found in the document to "trusted" when the user already trusts it.
pub fn prefer_trusted(found: Resolved, trusted: &[TrustedKey]) -> Resolved {
    trusted_match(trusted, None, Some(&found.key)).unwrap_or(found)
}

fn looks_like_multikey(text: &str) -> bool {
    text.starts_with("z6Mk") || text.starts_with("zDn")
}

/// Resolves a proof's verificationMethod (or a JWT `kid`) to a key.
pub fn resolve_verification_method(
    method: &str,
    trusted: &[TrustedKey],
) -> Result<Resolved, Unresolved> {
    if let Some(found) = trusted_match(trusted, Some(method), None) {
        return Ok(found);
    }
    let (scheme, rest) = match method.split_once(':') {
        Some((scheme, rest)) if is_uri_scheme(scheme) => (scheme.to_ascii_lowercase(), rest),
        _ => {
            return Err(Unresolved::Invalid(format!(
                "the verification method \"{method}\" is not a URI (it has no scheme)"
            )))
        }
    };
    let fragment = rest.split_once('#').map(|(_, f)| f);
    let found = match scheme.as_str() {
        "did" => resolve_did(method, rest, fragment)?,
        "http" | "https" => match fragment {
            Some(f) if looks_like_multikey(f) => Resolved::found(
                decode_multibase_key(f).map_err(|e| {
                    Unresolved::Invalid(format!("the key in the verification method is corrupt: {e}"))
                })?,
                KeySource::Fragment,
            ),
            _ => {
                return Err(Unresolved::Unreachable(format!(
                    "the key {method} is published online and Guildbook does not fetch keys; import the issuer's JWK Set to check it"
                )))
            }
        },
        _ => {
            return Err(Unresolved::Invalid(format!(
                "the verification method uses the unknown URI scheme \"{scheme}:\", which names no key anyone can look up"
            )))
        }
    };
    Ok(prefer_trusted(found, trusted))
}

fn resolve_did(method: &str, rest: &str, fragment: Option<&str>) -> Result<Resolved, Unresolved> {
    let did_method = rest.split(':').next().unwrap_or_default();
    let specific = rest[did_method.len()..].trim_start_matches(':');
    let specific = specific.split('#').next().unwrap_or_default();
    let invalid = |e: crate::BadgeError| Unresolved::Invalid(format!("{method}: {e}"));
    match did_method {
        "key" => Ok(Resolved::found(
            decode_multibase_key(specific).map_err(invalid)?,
            KeySource::DidKey,
        )),
        "jwk" => {
            let jwk = B64URL
                .decode(specific)
                .ok()
                .and_then(|bytes| serde_json::from_slice(&bytes).ok())
                .ok_or_else(|| Unresolved::Invalid(format!("{method} does not hold a JWK")))?;
            Ok(Resolved::found(
                public_key_from_jwk(&jwk).map_err(invalid)?,
                KeySource::DidJwk,
            ))
        }
        "example" => Err(Unresolved::Invalid(
            "did:example is reserved for examples in specifications; it never names a real key".into(),
        )),
        _ => match fragment {
            Some(f) if looks_like_multikey(f) => Ok(Resolved::found(
                decode_multibase_key(f).map_err(invalid)?,
                KeySource::Fragment,
            )),
            _ => Err(Unresolved::Unreachable(format!(
                "resolving did:{did_method} needs the network or a registry, which Guildbook does not use; import the issuer's JWK Set to check this key"
            ))),
        },
    }
}

/// RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
fn is_uri_scheme(scheme: &str) -> bool {
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// A key for a JWT: its header `jwk`, else its `kid`, else any trusted key.
pub fn resolve_jwt_key(
    header: &serde_json::Value,
    trusted: &[TrustedKey],
) -> Result<Vec<Resolved>, Unresolved> {
    if let Some(jwk) = header.get("jwk") {
        let key = public_key_from_jwk(jwk).map_err(|e| {
            Unresolved::Invalid(format!("the JWK in the JWT header is unusable: {e}"))
        })?;
        return Ok(vec![prefer_trusted(
            Resolved::found(key, KeySource::HeaderJwk),
            trusted,
        )]);
    }
    if let Some(kid) = header.get("kid").and_then(serde_json::Value::as_str) {
        return resolve_verification_method(kid, trusted).map(|found| vec![found]);
    }
    if trusted.is_empty() {
        return Err(Unresolved::Unreachable(
            "the JWT names no key (no \"kid\" or \"jwk\" in its header) and no trusted keys were given".into(),
        ));
    }
    Ok(trusted.iter().map(Resolved::trusted).collect())
}
