//! Revocation with a W3C Bitstring Status List.
//!
//! Why this and not the 1EdTech revocation list: the VC 2.0 context Guildbook already signs
//! with defines every Bitstring Status List term, so the list is itself a signed credential that
//! canonicalises with the bundled contexts and can be checked offline once downloaded; the OB
//! JSON schema only asks `credentialStatus` for an `id` and a `type`. The 1EdTech list is a REST
//! endpoint the verifier must call, and its extension context defines only the type name.

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde_json::{json, Value};

use crate::contexts::VC_V2;
use crate::credential::{issuer_id, Issuer};
use crate::error::{BadgeError, Result};
use crate::keys::IssuerKey;
use crate::report::{Check, Outcome};
use crate::signer::Signer;

/// The W3C minimum list length (16 KB of bits), so one entry does not single out a person.
pub const MIN_LIST_SIZE: u32 = 131_072;

/// Largest decompressed list accepted when reading someone else's list (a gzip bomb guard).
const MAX_LIST_BYTES: u64 = 16 * 1024 * 1024;

/// The multibase (`u` + base64url) of the gzipped bitstring; bit 0 is the first byte's high bit.
pub fn encode_list(revoked: &[u32], size: u32) -> Result<String> {
    let size = size.max(MIN_LIST_SIZE);
    let mut bits = vec![0u8; size.div_ceil(8) as usize];
    for &index in revoked {
        if index >= size {
            return Err(BadgeError::StatusList(format!(
                "index {index} is outside a list of {size} entries"
            )));
        }
        bits[(index / 8) as usize] |= 0x80 >> (index % 8);
    }
    let mut gzip = GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(&bits)?;
    Ok(format!("u{}", B64URL.encode(gzip.finish()?)))
}

/// Reads an `encodedList` back into bytes.
pub fn decode_list(encoded: &str) -> Result<Vec<u8>> {
    // The multibase `u` prefix is current; early drafts had bare base64url.
    let text = encoded.strip_prefix('u').unwrap_or(encoded);
    let gzipped = B64URL
        .decode(text.trim_end_matches('='))
        .map_err(|_| BadgeError::StatusList("the encoded list is not base64url".into()))?;
    let mut bits = Vec::new();
    GzDecoder::new(gzipped.as_slice())
        .take(MAX_LIST_BYTES + 1)
        .read_to_end(&mut bits)
        .map_err(|_| BadgeError::StatusList("the encoded list is not gzip data".into()))?;
    if bits.len() as u64 > MAX_LIST_BYTES {
        return Err(BadgeError::StatusList(
            "the list is implausibly large".into(),
        ));
    }
    Ok(bits)
}

/// Whether the bit at `index` is set; `None` when the list is too short.
pub fn bit_is_set(bits: &[u8], index: u64) -> Option<bool> {
    let byte = bits.get(usize::try_from(index / 8).ok()?)?;
    Some(byte & (0x80 >> (index % 8)) != 0)
}

/// A signed BitstringStatusListCredential the organisation may host at `list_url`.
///
/// `revoked` are the status indexes of revoked awards; `size` is raised to the W3C minimum.
/// The list is valid from now and signed with an eddsa-rdfc-2022 proof.
pub fn status_list_credential(
    issuer: &Issuer,
    list_url: &str,
    revoked: &[u32],
    size: u32,
    key: &IssuerKey,
    signer: &Signer,
) -> Result<Value> {
    let now = crate::dates::now_rfc3339()?;
    let list = json!({
        "@context": [VC_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        // The bare id: the OB "Profile" type is not defined by the VC context alone.
        "issuer": issuer.id,
        "validFrom": now,
        "credentialSubject": {
            "id": format!("{list_url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_list(revoked, size)?,
        },
    });
    signer.sign_data_integrity(&list, key, &now)
}

/// The local copy of the status list published at `url`: a list credential whose `id` is the
/// URL, or `{ "url": …, "credential": … }` for a list downloaded from a URL other than its id.
fn find_list<'a>(lists: &'a [Value], url: &str) -> Option<&'a Value> {
    lists.iter().find_map(|item| match item.get("credential") {
        Some(list) if item.get("url").and_then(Value::as_str) == Some(url) => Some(list),
        None if item.get("id").and_then(Value::as_str) == Some(url) => Some(item),
        _ => None,
    })
}

/// Checks every `credentialStatus` entry against the status lists given locally.
///
/// `authenticate` checks a status list's own proof; a list that does not verify proves nothing.
pub fn check_revocation(
    credential: &Value,
    lists: &[Value],
    authenticate: &dyn Fn(&Value) -> (Outcome, String),
) -> Check {
    let entries: Vec<&Value> = match credential.get("credentialStatus") {
        None => {
            return Check::new(
                "revocation",
                Outcome::Passed,
                "the credential has no status entry, so it cannot be revoked",
            )
        }
        Some(Value::Array(entries)) => entries.iter().collect(),
        Some(entry) => vec![entry],
    };
    let findings: Vec<(Outcome, String)> = entries
        .into_iter()
        .map(|entry| check_entry(credential, entry, lists, authenticate))
        .collect();
    let outcome = [Outcome::Failed, Outcome::NotChecked]
        .into_iter()
        .find(|worst| findings.iter().any(|(o, _)| o == worst))
        .unwrap_or(Outcome::Passed);
    let detail = findings
        .into_iter()
        .filter(|(o, _)| *o == outcome)
        .map(|(_, d)| d)
        .collect::<Vec<_>>()
        .join("; ");
    Check::new("revocation", outcome, detail)
}

fn check_entry(
    credential: &Value,
    entry: &Value,
    lists: &[Value],
    authenticate: &dyn Fn(&Value) -> (Outcome, String),
) -> (Outcome, String) {
    let text = |name: &str| entry.get(name).and_then(Value::as_str).unwrap_or_default();
    match text("type") {
        "BitstringStatusListEntry" | "StatusList2021Entry" => {}
        "1EdTechRevocationList" => {
            return (
                Outcome::NotChecked,
                format!(
                    "revocation is checked at the issuer's revocation service ({}), which is only reachable over the network",
                    text("id")
                ),
            )
        }
        other => return (Outcome::NotChecked, format!("the status type \"{other}\" is one Guildbook cannot check")),
    }
    let purpose = text("statusPurpose");
    if !matches!(purpose, "revocation" | "suspension") {
        return (
            Outcome::Passed,
            format!("the \"{purpose}\" status entry does not affect validity"),
        );
    }
    let index = match entry.get("statusListIndex") {
        Some(Value::String(s)) => s.parse::<u64>().ok(),
        Some(Value::Number(n)) => n.as_u64(),
        _ => None,
    };
    let Some(index) = index else {
        return (
            Outcome::Failed,
            "the status entry's statusListIndex is not a whole number".into(),
        );
    };
    let url = text("statusListCredential");
    let Some(list) = find_list(lists, url) else {
        return (
            Outcome::NotChecked,
            format!("the status list is published at {url}; Guildbook checks revocation only against status lists you have imported, because it never goes online"),
        );
    };
    let (authentic, why) = authenticate(list);
    if authentic != Outcome::Passed {
        return (
            authentic,
            format!("the status list {url} cannot be trusted: {why}"),
        );
    }
    let list_issuer = issuer_id(list);
    if list_issuer != issuer_id(credential) {
        return (
            Outcome::Failed,
            format!(
                "the status list {url} was issued by {}, not by the badge's issuer",
                list_issuer.unwrap_or("nobody")
            ),
        );
    }
    let bits = list
        .pointer("/credentialSubject/encodedList")
        .and_then(Value::as_str)
        .ok_or_else(|| BadgeError::StatusList("the list has no encodedList".into()))
        .and_then(decode_list);
    match bits.map(|bits| bit_is_set(&bits, index)) {
        Err(e) => (Outcome::Failed, format!("{url}: {e}")),
        Ok(None) => (
            Outcome::Failed,
            format!("entry {index} lies beyond the end of the status list {url}"),
        ),
        Ok(Some(true)) if purpose == "suspension" => (
            Outcome::Failed,
            format!("the issuer has suspended this credential (status list {url}, entry {index})"),
        ),
        Ok(Some(true)) => (
            Outcome::Failed,
            format!("the issuer has revoked this credential (status list {url}, entry {index})"),
        ),
        Ok(Some(false)) => (
            Outcome::Passed,
            format!(
                "not {purpose}: entry {index} of the status list {url} is clear",
                purpose = if purpose == "suspension" {
                    "suspended"
                } else {
                    "revoked"
                }
            ),
        ),
    }
}
