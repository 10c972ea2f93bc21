//! Verifying a badge — PNG, SVG, JSON or VC-JWT — offline, check by check.

use std::io::Read;
use std::panic::AssertUnwindSafe;
use std::path::Path;

use serde_json::Value;

use crate::bake::{unbake_png, unbake_svg};
use crate::canon::Canonicalizer;
use crate::data_integrity::{check_proof, proofs_of, without_proof, ProofOutcome};
use crate::error::{BadgeError, Result};
use crate::jwt::{self, looks_like_jwt, DecodedJwt};
use crate::keys::{trusted_keys, TrustedKey};
use crate::report::{verdict_of, Check, Outcome, Report, VerifyOptions};
use crate::resolve::KeySource;
use crate::schema::{self, SchemaValidator};
use crate::{dates, status};

/// 1EdTech's own AchievementCredential schemas (any revision): the schema check covers them.
fn is_1edtech_badge_schema(id: &str) -> bool {
    id.starts_with("https://purl.imsglobal.org/spec/ob/v3p0/schema/")
        && id.contains("achievementcredential")
}

/// Verifies badges. Create once and reuse: it holds the parsed contexts and the compiled schema.
pub struct Verifier {
    canon: Canonicalizer,
    schema: SchemaValidator,
}

/// The credential found inside the input.
enum Payload {
    Json(Value),
    Jwt(Box<DecodedJwt>),
}

impl Payload {
    fn credential(&self) -> &Value {
        match self {
            Payload::Json(credential) => credential,
            Payload::Jwt(jwt) => &jwt.credential,
        }
    }
}

impl Verifier {
    pub fn new() -> Result<Self> {
        Ok(Self {
            canon: Canonicalizer::new()?,
            schema: SchemaValidator::new()?,
        })
    }

    /// Reads and verifies a badge file, refusing files over `max_bytes` before reading them.
    pub fn verify_file(&self, path: &Path, opts: &VerifyOptions) -> Report {
        let format = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .filter(|e| matches!(e.as_str(), "png" | "svg" | "json" | "jwt"))
            .unwrap_or_else(|| "unknown".into());
        let refuse = |error: BadgeError| failed_report(&format, error.to_string());
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => return refuse(e.into()),
        };
        // A pipe or a device (a FIFO, /dev/zero) would block or never end: refused unread.
        if !meta.is_file() {
            return refuse(BadgeError::NotAFile);
        }
        if meta.len() > opts.max_bytes {
            return refuse(BadgeError::TooLarge {
                size: meta.len(),
                max: opts.max_bytes,
            });
        }
        // Capped while reading too: the file may grow after it was measured.
        let mut bytes = Vec::new();
        let read = std::fs::File::open(path)
            .and_then(|f| f.take(opts.max_bytes + 1).read_to_end(&mut bytes));
        match read {
            Err(e) => refuse(e.into()),
            Ok(n) if n as u64 > opts.max_bytes => refuse(BadgeError::TooLarge {
                size: n as u64,
                max: opts.max_bytes,
            }),
            Ok(_) => self.verify(&bytes, opts),
        }
    }

    /// Verifies a badge given as bytes. Always returns a report; never panics.
    pub fn verify(&self, input: &[u8], opts: &VerifyOptions) -> Report {
        // A panic inside a parser or canonicaliser must cost a verdict, not the app.
        std::panic::catch_unwind(AssertUnwindSafe(|| self.verify_unguarded(input, opts)))
            .unwrap_or_else(|_| {
                failed_report(
                    "unknown",
                    "the badge could not be read: an internal error occurred while checking it"
                        .into(),
                )
            })
    }

    fn verify_unguarded(&self, input: &[u8], opts: &VerifyOptions) -> Report {
        if input.len() as u64 > opts.max_bytes {
            let error = BadgeError::TooLarge {
                size: input.len() as u64,
                max: opts.max_bytes,
            };
            return failed_report("unknown", error.to_string());
        }
        let opened = unwrap_container(input)
            .and_then(|(format, text)| Ok((format, parse_payload(format, &text)?)));
        let (format, payload) = match opened {
            Ok(opened) => opened,
            Err(Unreadable { format, reason }) => return failed_report(format, reason),
        };
        let trusted = trusted_keys(&opts.trusted_keys);
        let credential = payload.credential();
        let mut checks = vec![Check::new(
            "format",
            Outcome::Passed,
            describe(format, &payload),
        )];
        let (proof_checks, key_trusted) = self.proof_checks(&payload, &trusted);
        checks.extend(proof_checks);
        checks.push(self.schema_check(credential));
        checks.extend(credential_schema_check(credential));
        checks.push(date_check(&payload, &opts.now));
        checks.push(status::check_revocation(
            credential,
            &opts.status_lists,
            &|list| self.authenticate_list(list, &trusted),
        ));
        let mut report = summarise(format, checks, credential);
        report.key_trusted = key_trusted;
        report
    }

    /// The proof and key checks, and whether a trusted key made a verified signature.
    fn proof_checks(&self, payload: &Payload, trusted: &[TrustedKey]) -> ([Check; 2], bool) {
        let outcomes = match payload {
            Payload::Jwt(jwt) => vec![jwt::check_signature(
                jwt,
                jwt.signed_at().as_deref(),
                trusted,
            )],
            Payload::Json(credential) => {
                let proofs = proofs_of(credential);
                if proofs.is_empty() {
                    let checks = [
                        Check::new(
                            "proof",
                            Outcome::Failed,
                            "the credential carries no proof: it is unsigned",
                        ),
                        Check::new(
                            "key",
                            Outcome::NotChecked,
                            "there is no proof, so no key to look up",
                        ),
                    ];
                    return (checks, false);
                }
                let unsigned = without_proof(credential);
                proofs
                    .iter()
                    .map(|proof| check_proof(&self.canon, &unsigned, proof, trusted))
                    .collect()
            }
        };
        let key_trusted = outcomes.iter().any(|o| {
            matches!(
                o,
                ProofOutcome::Verified {
                    source: KeySource::Trusted(_),
                    ..
                }
            )
        });
        (combine_proofs(&outcomes), key_trusted)
    }

    fn schema_check(&self, credential: &Value) -> Check {
        let types = string_list(credential.get("type"));
        let is_badge = types
            .iter()
            .any(|t| t == "OpenBadgeCredential" || t == "AchievementCredential");
        if !is_badge && types.iter().any(|t| t == "EndorsementCredential") {
            return Check::new(
                "schema",
                Outcome::NotChecked,
                "this is an endorsement, not a badge; Guildbook's schema check covers badges (AchievementCredential) only",
            );
        }
        let (checked, note) = match schema::as_vc2(credential) {
            Some(upgraded) => (
                upgraded,
                " (it uses the older VC 1.1 data model, which 1EdTech accepts with a warning; it was read as VC 2.0)",
            ),
            None => (credential.clone(), ""),
        };
        match self.schema.summary(&checked) {
            None => Check::new(
                "schema",
                Outcome::Passed,
                format!("conforms to the 1EdTech OB 3.0 AchievementCredential schema{note}"),
            ),
            Some(errors) => Check::new(
                "schema",
                Outcome::Failed,
                format!("does not conform to the 1EdTech OB 3.0 AchievementCredential schema{note}: {errors}"),
            ),
        }
    }

    /// A status list counts only if its own proof verifies.
    fn authenticate_list(&self, list: &Value, trusted: &[TrustedKey]) -> (Outcome, String) {
        let proofs = proofs_of(list);
        if proofs.is_empty() {
            return (Outcome::Failed, "it carries no proof".into());
        }
        let unsigned = without_proof(list);
        let outcomes: Vec<ProofOutcome> = proofs
            .iter()
            .map(|proof| check_proof(&self.canon, &unsigned, proof, trusted))
            .collect();
        let [proof, _key] = combine_proofs(&outcomes);
        (proof.outcome, proof.detail)
    }
}

/// Input that holds no readable credential: the format it seemed to be, and why.
struct Unreadable {
    format: &'static str,
    reason: String,
}

fn unreadable(format: &'static str, reason: impl ToString) -> Unreadable {
    Unreadable {
        format,
        reason: reason.to_string(),
    }
}

/// The credential text inside PNG, SVG, JSON or JWT input, and which of those it was.
fn unwrap_container(input: &[u8]) -> std::result::Result<(&'static str, String), Unreadable> {
    if input.starts_with(b"\x89PNG") {
        return Ok(("png", unbake_png(input).map_err(|e| unreadable("png", e))?));
    }
    let text = std::str::from_utf8(input).map_err(|_| {
        unreadable(
            "unknown",
            "this is not a badge: not a PNG image, and not text (SVG, JSON or a JWT)",
        )
    })?;
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.starts_with('<') {
        Ok(("svg", unbake_svg(text).map_err(|e| unreadable("svg", e))?))
    } else if text.starts_with('{') {
        Ok(("json", text.to_owned()))
    } else if looks_like_jwt(text) {
        Ok(("jwt", text.to_owned()))
    } else {
        Err(unreadable(
            "unknown",
            "this is not a badge: expected a PNG or SVG badge, a JSON credential or a VC-JWT",
        ))
    }
}

/// The credential in `text`: JSON with embedded proofs, or a compact VC-JWT.
fn parse_payload(format: &'static str, text: &str) -> std::result::Result<Payload, Unreadable> {
    if text.starts_with('{') {
        let credential: Value =
            serde_json::from_str(text).map_err(|e| unreadable(format, BadgeError::Json(e)))?;
        return Ok(Payload::Json(credential));
    }
    if !looks_like_jwt(text) {
        return Err(unreadable(
            format,
            "the baked credential is neither JSON nor a JWT",
        ));
    }
    let jwt = jwt::decode(text).map_err(|e| unreadable(format, e))?;
    if jwt.credential.get("@context").is_none_or(Value::is_null) {
        return Err(unreadable(
            format,
            "the JWT does not carry a verifiable credential",
        ));
    }
    Ok(Payload::Jwt(Box::new(jwt)))
}

/// "a PNG badge holding a VC-JWT", "a JSON credential", …
fn describe(format: &str, payload: &Payload) -> String {
    let container = match format {
        "png" => "a PNG badge holding ",
        "svg" => "an SVG badge holding ",
        _ => "",
    };
    let content = match payload {
        Payload::Json(_) => "a JSON credential",
        Payload::Jwt(_) => "a VC-JWT",
    };
    format!("{container}{content}")
}

/// One proof check and one key check from the outcome of each proof.
pub(crate) fn combine_proofs(outcomes: &[ProofOutcome]) -> [Check; 2] {
    let findings: Vec<[(Outcome, String); 2]> = outcomes.iter().map(findings).collect();
    let numbered = findings.len() > 1;
    let merge = |name: &str, which: usize| {
        let outcome = [Outcome::Failed, Outcome::Passed, Outcome::NotChecked]
            .into_iter()
            .find(|o| findings.iter().any(|f| f[which].0 == *o))
            .unwrap_or(Outcome::NotChecked);
        let detail = findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f[which].0 == outcome)
            .map(|(i, f)| {
                if numbered {
                    format!("proof {}: {}", i + 1, f[which].1)
                } else {
                    f[which].1.clone()
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        Check::new(name, outcome, detail)
    };
    [merge("proof", 0), merge("key", 1)]
}

/// (proof, key) findings of one proof.
fn findings(outcome: &ProofOutcome) -> [(Outcome, String); 2] {
    let no_key = || {
        (
            Outcome::NotChecked,
            "no key was looked up, because the proof itself cannot be checked".to_owned(),
        )
    };
    match outcome {
        ProofOutcome::Verified { suite, source } => [
            (Outcome::Passed, format!("the {suite} signature verifies")),
            (Outcome::Passed, source.describe()),
        ],
        ProofOutcome::Failed { reason, source } => [
            (Outcome::Failed, reason.clone()),
            source
                .as_ref()
                .map_or_else(no_key, |s| (Outcome::Passed, s.describe())),
        ],
        ProofOutcome::BadKey(why) => [
            (
                Outcome::NotChecked,
                "the signature cannot be checked without a usable key".into(),
            ),
            (Outcome::Failed, why.clone()),
        ],
        ProofOutcome::KeyUnreachable(why) => [
            (
                Outcome::NotChecked,
                "the signature cannot be checked without the key".into(),
            ),
            (Outcome::NotChecked, why.clone()),
        ],
        ProofOutcome::Unsupported(why) => [(Outcome::NotChecked, why.clone()), no_key()],
    }
}

/// Schemas the issuer names besides the bundled one could only be fetched, so are not checked.
fn credential_schema_check(credential: &Value) -> Option<Check> {
    let entries = match credential.get("credentialSchema")? {
        Value::Array(entries) => entries.clone(),
        entry => vec![entry.clone()],
    };
    let elsewhere: Vec<&str> = entries
        .iter()
        .filter_map(|e| e.get("id").and_then(Value::as_str))
        .filter(|id| !is_1edtech_badge_schema(id))
        .collect();
    Some(if elsewhere.is_empty() {
        Check::new(
            "credentialSchema",
            Outcome::Passed,
            "the issuer names 1EdTech's AchievementCredential schema, which the schema check covers",
        )
    } else {
        Check::new(
            "credentialSchema",
            Outcome::NotChecked,
            format!(
                "the issuer also names the schema {}, which could only be fetched over the network",
                elsewhere.join(", ")
            ),
        )
    })
}

/// Not yet valid, or expired, at `now`.
fn date_check(payload: &Payload, now: &str) -> Check {
    let Ok(now) = dates::parse(now) else {
        return Check::new(
            "dates",
            Outcome::NotChecked,
            "the verifier was not given a valid current time",
        );
    };
    let credential = payload.credential();
    let field = |name: &str| {
        credential
            .get(name)
            .and_then(Value::as_str)
            .map(|v| (name.to_owned(), v.to_owned()))
    };
    let (jwt_from, jwt_until) = match payload {
        Payload::Jwt(jwt) => (
            jwt.not_before.clone().map(|v| ("nbf".to_owned(), v)),
            jwt.expires.clone().map(|v| ("exp".to_owned(), v)),
        ),
        Payload::Json(_) => (None, None),
    };
    let starts: Vec<(String, String)> = [field("validFrom"), field("issuanceDate"), jwt_from]
        .into_iter()
        .flatten()
        .collect();
    let ends: Vec<(String, String)> = [field("validUntil"), field("expirationDate"), jwt_until]
        .into_iter()
        .flatten()
        .collect();
    for (name, value) in starts.iter().chain(&ends) {
        if dates::parse(value).is_err() {
            return Check::new(
                "dates",
                Outcome::Failed,
                format!("{name} \"{value}\" is not an RFC 3339 date-time"),
            );
        }
    }
    let parsed = |list: &[(String, String)]| -> Vec<_> {
        list.iter()
            .filter_map(|(n, v)| dates::parse(v).ok().map(|t| (n.clone(), v.clone(), t)))
            .collect()
    };
    if let Some((name, value, _)) = parsed(&starts).into_iter().find(|(_, _, t)| *t > now) {
        return Check::new(
            "dates",
            Outcome::Failed,
            format!("not valid yet: {name} is {value}"),
        );
    }
    if let Some((name, value, _)) = parsed(&ends).into_iter().find(|(_, _, t)| *t <= now) {
        return Check::new(
            "dates",
            Outcome::Failed,
            format!("expired: {name} was {value}"),
        );
    }
    let from = starts
        .first()
        .map_or("an unstated date".to_owned(), |(_, v)| v.clone());
    let until = ends
        .first()
        .map_or(", with no end date".to_owned(), |(_, v)| {
            format!(" until {v}")
        });
    Check::new(
        "dates",
        Outcome::Passed,
        format!("valid from {from}{until}"),
    )
}

fn string_list(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn text_at(credential: &Value, pointer: &str) -> Option<String> {
    credential
        .pointer(pointer)
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// The holder's name: `credentialSubject.name`, else an unhashed "name" identifier.
fn holder_name(credential: &Value) -> Option<String> {
    text_at(credential, "/credentialSubject/name").or_else(|| {
        let identifiers = credential.pointer("/credentialSubject/identifier")?;
        let list = identifiers
            .as_array()
            .cloned()
            .unwrap_or_else(|| vec![identifiers.clone()]);
        list.iter()
            .find(|i| {
                i.get("identityType").and_then(Value::as_str) == Some("name")
                    && i.get("hashed") == Some(&Value::Bool(false))
            })
            .and_then(|i| i.get("identityHash")?.as_str().map(str::to_owned))
    })
}

fn summarise(format: &str, checks: Vec<Check>, credential: &Value) -> Report {
    Report {
        verdict: verdict_of(&checks),
        format: format.to_owned(),
        name: text_at(credential, "/name")
            .or_else(|| text_at(credential, "/credentialSubject/achievement/name")),
        issuer_name: text_at(credential, "/issuer/name"),
        holder_name: holder_name(credential),
        valid_from: text_at(credential, "/validFrom")
            .or_else(|| text_at(credential, "/issuanceDate")),
        valid_until: text_at(credential, "/validUntil")
            .or_else(|| text_at(credential, "/expirationDate")),
        credential: Some(credential.clone()),
        key_trusted: false,
        checks,
    }
}

/// A report for input that holds no readable credential.
fn failed_report(format: &str, why: String) -> Report {
    let checks = vec![Check::new("format", Outcome::Failed, why)];
    Report {
        verdict: verdict_of(&checks),
        format: format.to_owned(),
        checks,
        key_trusted: false,
        credential: None,
        name: None,
        issuer_name: None,
        holder_name: None,
        valid_from: None,
        valid_until: None,
    }
}
