//! Data Integrity proofs with Ed25519 over RDFC-1.0 canonical N-Quads.
//!
//! Signed bytes = SHA-256(canonical proof configuration) ‖ SHA-256(canonical document), where
//! the proof configuration is the proof without `proofValue`, given the document's `@context`.
//! `eddsa-rdfc-2022`, its older name `eddsa-2022` and `Ed25519Signature2020` all sign this way.

use ed25519_dalek::Signer as _;
use serde_json::{json, Map, Value};

use crate::canon::Canonicalizer;
use crate::error::{BadgeError, Result};
use crate::keys::{PublicKey, TrustedKey};
use crate::resolve::{resolve_verification_method, KeySource, Unresolved};

pub const CRYPTOSUITE: &str = "eddsa-rdfc-2022";

/// The bytes an Ed25519 Data Integrity proof signs.
pub fn signing_input(canon: &Canonicalizer, unsigned: &Value, proof: &Value) -> Result<Vec<u8>> {
    let mut config = proof
        .as_object()
        .cloned()
        .ok_or_else(|| BadgeError::Credential("the proof is not a JSON object".into()))?;
    config.remove("proofValue");
    config.insert(
        "@context".into(),
        unsigned.get("@context").cloned().unwrap_or(Value::Null),
    );
    let mut input = canon.canonical_hash(&Value::Object(config))?.to_vec();
    input.extend_from_slice(&canon.canonical_hash(unsigned)?);
    Ok(input)
}

/// Adds an eddsa-rdfc-2022 proof to `credential` (any existing proof is replaced).
pub fn sign(
    canon: &Canonicalizer,
    credential: &Value,
    key: &ed25519_dalek::SigningKey,
    verification_method: &str,
    created: &str,
) -> Result<Value> {
    let mut unsigned = credential
        .as_object()
        .cloned()
        .ok_or_else(|| BadgeError::Credential("the credential is not a JSON object".into()))?;
    unsigned.remove("proof");
    let unsigned = Value::Object(unsigned);
    let mut proof = json!({
        "type": "DataIntegrityProof",
        "created": created,
        "verificationMethod": verification_method,
        "cryptosuite": CRYPTOSUITE,
        "proofPurpose": "assertionMethod",
    });
    let signature = key.sign(&signing_input(canon, &unsigned, &proof)?);
    proof["proofValue"] = json!(format!(
        "z{}",
        bs58::encode(signature.to_bytes()).into_string()
    ));
    let mut signed = unsigned;
    signed["proof"] = proof;
    Ok(signed)
}

/// What checking one proof (or a JWT signature) found.
pub enum ProofOutcome {
    /// The signature verifies with this key.
    Verified { suite: String, source: KeySource },
    /// The proof is wrong: a bad signature, undefined terms… (`source`: the key, if one was found).
    Failed {
        reason: String,
        source: Option<KeySource>,
    },
    /// The key the proof names is malformed or cannot exist.
    BadKey(String),
    /// The key lives online, where Guildbook does not go.
    KeyUnreachable(String),
    /// A kind of proof Guildbook cannot check.
    Unsupported(String),
}

impl ProofOutcome {
    pub fn failed(reason: impl Into<String>) -> Self {
        ProofOutcome::Failed {
            reason: reason.into(),
            source: None,
        }
    }

    pub fn from_unresolved(problem: Unresolved) -> Self {
        match problem {
            Unresolved::Invalid(why) => ProofOutcome::BadKey(why),
            Unresolved::Unreachable(why) => ProofOutcome::KeyUnreachable(why),
        }
    }
}

/// The proofs of a JSON credential (`proof` may be one object or an array).
pub fn proofs_of(credential: &Value) -> Vec<Value> {
    match credential.get("proof") {
        Some(Value::Array(proofs)) => proofs.clone(),
        Some(proof) => vec![proof.clone()],
        None => Vec::new(),
    }
}

/// The credential without its proofs: what the proofs sign.
pub fn without_proof(credential: &Value) -> Value {
    let mut map: Map<String, Value> = credential.as_object().cloned().unwrap_or_default();
    map.remove("proof");
    Value::Object(map)
}

/// Checks one proof of `unsigned` (the credential without proofs).
pub fn check_proof(
    canon: &Canonicalizer,
    unsigned: &Value,
    proof: &Value,
    trusted: &[TrustedKey],
) -> ProofOutcome {
    if !proof.is_object() {
        return ProofOutcome::failed("a proof must be a JSON object");
    }
    let text = |name: &str| proof.get(name).and_then(Value::as_str).unwrap_or_default();
    let (kind, suite) = (text("type"), text("cryptosuite"));
    let suite_name = match (kind, suite) {
        ("DataIntegrityProof", "eddsa-rdfc-2022" | "eddsa-2022") => suite.to_owned(),
        ("Ed25519Signature2020", _) => kind.to_owned(),
        ("DataIntegrityProof", other) => {
            return ProofOutcome::Unsupported(format!(
                "the proof uses the \"{other}\" cryptosuite, which Guildbook cannot check (it checks eddsa-rdfc-2022, eddsa-2022, Ed25519Signature2020 and VC-JWT)"
            ))
        }
        (other, _) => return unknown_proof_type(canon, unsigned, proof, other),
    };
    if text("proofPurpose") != "assertionMethod" {
        return ProofOutcome::failed(format!(
            "the proof's purpose is \"{}\", not \"assertionMethod\"",
            text("proofPurpose")
        ));
    }
    let resolved = match resolve_verification_method(text("verificationMethod"), trusted) {
        Ok(resolved) => resolved,
        Err(problem) => return ProofOutcome::from_unresolved(problem),
    };
    let PublicKey::Ed25519(key) = resolved.key else {
        return ProofOutcome::BadKey(format!(
            "{suite_name} needs an Ed25519 key, but the verification method names another kind"
        ));
    };
    let fail = |reason: String| ProofOutcome::Failed {
        reason,
        source: Some(resolved.source.clone()),
    };
    let Some(signature) = decode_proof_value(text("proofValue")) else {
        return fail("the proofValue is not a base58btc-encoded 64-byte signature".into());
    };
    match signing_input(canon, unsigned, proof) {
        Ok(input) if key.verify_strict(&input, &signature).is_ok() => {
            match resolved.distrusted_signature(proof.get("created").and_then(Value::as_str)) {
                Some(reason) => fail(reason),
                None => ProofOutcome::Verified {
                    suite: suite_name,
                    source: resolved.source,
                },
            }
        }
        Ok(_) => fail(
            "the signature does not match: the credential was changed after signing, or signed with another key".into(),
        ),
        Err(e @ BadgeError::ContextNotBundled(_)) => ProofOutcome::Unsupported(e.to_string()),
        Err(e) => fail(e.to_string()),
    }
}

/// A proof type Guildbook does not know: an error if the contexts do not define it either
/// (the 1EdTech validator's view), otherwise simply not checkable here.
fn unknown_proof_type(
    canon: &Canonicalizer,
    unsigned: &Value,
    proof: &Value,
    kind: &str,
) -> ProofOutcome {
    let mut config = proof.clone();
    config["@context"] = unsigned.get("@context").cloned().unwrap_or(Value::Null);
    match canon.canonical_nquads(&config) {
        Err(BadgeError::JsonLd(why)) => ProofOutcome::failed(format!(
            "the proof type \"{kind}\" is not defined by the credential's contexts ({why})"
        )),
        _ => ProofOutcome::Unsupported(format!(
            "the proof type \"{kind}\" is one Guildbook cannot check"
        )),
    }
}

fn decode_proof_value(value: &str) -> Option<ed25519_dalek::Signature> {
    let bytes = bs58::decode(value.strip_prefix('z')?).into_vec().ok()?;
    let bytes: [u8; 64] = bytes.try_into().ok()?;
    Some(ed25519_dalek::Signature::from_bytes(&bytes))
}
