//! Issuer keys, did:key identifiers, JWKs and the public keys a verifier can use.
//!
//! An issuer holds two keys: Ed25519 for Data Integrity proofs (eddsa-rdfc-2022) and P-256
//! for VC-JWTs (ES256). Both are named by did:key so any verifier can resolve them offline.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine;
use rand_core::OsRng;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::error::{BadgeError, Result};

/// Multicodec prefixes (unsigned varints) of the public keys inside a did:key.
const ED25519_PREFIX: [u8; 2] = [0xed, 0x01];
const P256_PREFIX: [u8; 2] = [0x80, 0x24];

/// An issuer's signing keys. `key_id` is the app's own name for the pair.
#[derive(Clone)]
pub struct IssuerKey {
    pub key_id: String,
    pub ed25519: ed25519_dalek::SigningKey,
    pub p256: p256::ecdsa::SigningKey,
}

impl std::fmt::Debug for IssuerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print secret keys.
        f.debug_struct("IssuerKey")
            .field("key_id", &self.key_id)
            .field("ed25519", &self.ed25519_verification_method())
            .field("p256", &self.p256_verification_method())
            .finish()
    }
}

impl IssuerKey {
    /// Fresh random keys from the operating system's generator.
    pub fn generate(key_id: impl Into<String>) -> Self {
        Self {
            key_id: key_id.into(),
            ed25519: ed25519_dalek::SigningKey::generate(&mut OsRng),
            p256: p256::ecdsa::SigningKey::random(&mut OsRng),
        }
    }

    /// `did:key:z6Mk…#z6Mk…`, the verificationMethod of Data Integrity proofs.
    pub fn ed25519_verification_method(&self) -> String {
        ed25519_did_key(&self.ed25519.verifying_key().to_bytes())
    }

    /// `did:key:zDn…#zDn…`, the `kid` of VC-JWTs.
    pub fn p256_verification_method(&self) -> String {
        p256_did_key(self.p256.verifying_key())
    }

    /// The public half, to publish or keep for verification after the key is retired.
    pub fn public_entry(&self, retired: bool) -> PublicKeyEntry {
        PublicKeyEntry {
            key_id: self.key_id.clone(),
            ed25519: self.ed25519.verifying_key().to_bytes(),
            p256_sec1: self
                .p256
                .verifying_key()
                .to_encoded_point(true)
                .as_bytes()
                .to_vec(),
            retired,
            compromised_on: None,
        }
    }
}

/// The public keys of one issuer key pair, as the app stores them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PublicKeyEntry {
    pub key_id: String,
    pub ed25519: [u8; 32],
    /// SEC1-encoded P-256 point (compressed or not).
    pub p256_sec1: Vec<u8>,
    pub retired: bool,
    /// The day (`YYYY-MM-DD`) its issuer reported it compromised: from then on its signatures
    /// do not count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compromised_on: Option<String>,
}

fn multibase_key(prefix: [u8; 2], key: &[u8]) -> String {
    let mut bytes = prefix.to_vec();
    bytes.extend_from_slice(key);
    format!("z{}", bs58::encode(bytes).into_string())
}

fn did_key(multibase: String) -> String {
    format!("did:key:{multibase}#{multibase}")
}

/// The did:key verification method of an Ed25519 public key.
pub fn ed25519_did_key(public: &[u8; 32]) -> String {
    did_key(multibase_key(ED25519_PREFIX, public))
}

/// The did:key verification method of a P-256 public key (compressed point, as did:key wants).
pub fn p256_did_key(public: &p256::ecdsa::VerifyingKey) -> String {
    did_key(multibase_key(
        P256_PREFIX,
        public.to_encoded_point(true).as_bytes(),
    ))
}

/// A public key the verifier can check a signature with.
#[derive(Clone, Debug)]
pub enum PublicKey {
    Ed25519(ed25519_dalek::VerifyingKey),
    P256(p256::ecdsa::VerifyingKey),
    Rsa(rsa::RsaPublicKey),
}

impl PublicKey {
    /// Same key material, whatever name it was found under.
    pub fn same_as(&self, other: &PublicKey) -> bool {
        match (self, other) {
            (PublicKey::Ed25519(a), PublicKey::Ed25519(b)) => a == b,
            (PublicKey::P256(a), PublicKey::P256(b)) => a == b,
            (PublicKey::Rsa(a), PublicKey::Rsa(b)) => a == b,
            _ => false,
        }
    }
}

/// Decodes a multibase (`z…`, base58btc) multicodec key: Ed25519 or P-256.
pub fn decode_multibase_key(multibase: &str) -> Result<PublicKey> {
    let encoded = multibase
        .strip_prefix('z')
        .ok_or_else(|| BadgeError::Key(format!("{multibase} is not a base58btc multibase key")))?;
    let bytes = bs58::decode(encoded)
        .into_vec()
        .map_err(|_| BadgeError::Key(format!("{multibase} is not valid base58")))?;
    if let Some(key) = bytes.strip_prefix(&ED25519_PREFIX) {
        let key: [u8; 32] = key
            .try_into()
            .map_err(|_| BadgeError::Key(format!("{multibase} is not a 32-byte Ed25519 key")))?;
        let key = ed25519_dalek::VerifyingKey::from_bytes(&key)
            .map_err(|_| BadgeError::Key(format!("{multibase} is not a valid Ed25519 point")))?;
        return Ok(PublicKey::Ed25519(key));
    }
    if let Some(key) = bytes.strip_prefix(&P256_PREFIX) {
        let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(key)
            .map_err(|_| BadgeError::Key(format!("{multibase} is not a valid P-256 key")))?;
        return Ok(PublicKey::P256(key));
    }
    Err(BadgeError::Key(format!(
        "{multibase} is neither an Ed25519 nor a P-256 multikey"
    )))
}

/// Reads one JWK (OKP/Ed25519, EC/P-256 or RSA) as a public key.
pub fn public_key_from_jwk(jwk: &Value) -> Result<PublicKey> {
    let member = |name: &str| -> Result<Vec<u8>> {
        let text = jwk
            .get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| BadgeError::Key(format!("the JWK has no \"{name}\"")))?;
        B64URL
            .decode(text.trim_end_matches('='))
            .map_err(|_| BadgeError::Key(format!("the JWK's \"{name}\" is not base64url")))
    };
    let kty = jwk.get("kty").and_then(Value::as_str).unwrap_or_default();
    let crv = jwk.get("crv").and_then(Value::as_str).unwrap_or_default();
    match (kty, crv) {
        ("OKP", "Ed25519") => {
            let x: [u8; 32] = member("x")?
                .try_into()
                .map_err(|_| BadgeError::Key("the Ed25519 JWK is not 32 bytes".into()))?;
            ed25519_dalek::VerifyingKey::from_bytes(&x)
                .map(PublicKey::Ed25519)
                .map_err(|_| BadgeError::Key("the Ed25519 JWK is not a valid point".into()))
        }
        ("EC", "P-256") => {
            let (x, y) = (member("x")?, member("y")?);
            if x.len() != 32 || y.len() != 32 {
                return Err(BadgeError::Key("the P-256 JWK coordinates are not 32 bytes".into()));
            }
            let mut sec1 = vec![0x04];
            sec1.extend_from_slice(&x);
            sec1.extend_from_slice(&y);
            p256::ecdsa::VerifyingKey::from_sec1_bytes(&sec1)
                .map(PublicKey::P256)
                .map_err(|_| BadgeError::Key("the P-256 JWK is not a point on the curve".into()))
        }
        ("RSA", _) => {
            let n = rsa::BigUint::from_bytes_be(&member("n")?);
            let e = rsa::BigUint::from_bytes_be(&member("e")?);
            rsa::RsaPublicKey::new(n, e)
                .map(PublicKey::Rsa)
                .map_err(|e| BadgeError::Key(format!("the RSA JWK is not usable: {e}")))
        }
        _ => Err(BadgeError::Key(format!(
            "unsupported JWK (kty \"{kty}\", crv \"{crv}\"); Guildbook reads Ed25519, P-256 and RSA keys"
        ))),
    }
}

/// The public JWK of a P-256 key (what a VC-JWT header carries).
pub fn p256_jwk(public: &p256::ecdsa::VerifyingKey) -> Value {
    let point = public.to_encoded_point(false);
    json!({
        "kty": "EC",
        "crv": "P-256",
        "x": B64URL.encode(point.x().map(|x| x.as_slice()).unwrap_or_default()),
        "y": B64URL.encode(point.y().map(|y| y.as_slice()).unwrap_or_default()),
    })
}

/// A JWK Set of every key (retired ones too: badges signed with them must still verify).
/// Each `kid` is the did:key verification method the proofs name. A key reported compromised
/// carries the day in `compromisedOn`, a member of Guildbook's own (other readers ignore it).
pub fn jwks(keys: &[PublicKeyEntry]) -> Value {
    let mut set = Vec::new();
    for entry in keys {
        let mut pair = vec![json!({
            "kty": "OKP",
            "crv": "Ed25519",
            "x": B64URL.encode(entry.ed25519),
            "kid": ed25519_did_key(&entry.ed25519),
            "alg": "EdDSA",
            "use": "sig",
        })];
        // A stored point that does not parse is skipped rather than publishing garbage.
        if let Ok(p256) = p256::ecdsa::VerifyingKey::from_sec1_bytes(&entry.p256_sec1) {
            let mut jwk = p256_jwk(&p256);
            jwk["kid"] = json!(p256_did_key(&p256));
            jwk["alg"] = json!("ES256");
            jwk["use"] = json!("sig");
            pair.push(jwk);
        }
        if let Some(day) = &entry.compromised_on {
            for jwk in &mut pair {
                jwk[COMPROMISED_ON] = json!(day);
            }
        }
        set.extend(pair);
    }
    json!({ "keys": set })
}

/// The JWK member that carries the day a key was reported compromised.
const COMPROMISED_ON: &str = "compromisedOn";

/// A key the verifier trusts, with the id it is known by.
#[derive(Clone, Debug)]
pub struct TrustedKey {
    pub kid: Option<String>,
    pub key: PublicKey,
    /// `YYYY-MM-DD`: signatures by this key dated that day or later do not count.
    pub compromised_on: Option<String>,
}

/// Reads a JWK Set (or a bare array of JWKs); keys it cannot read are skipped.
pub fn trusted_keys(set: &Value) -> Vec<TrustedKey> {
    let keys = set
        .get("keys")
        .and_then(Value::as_array)
        .or_else(|| set.as_array());
    keys.into_iter()
        .flatten()
        .filter_map(|jwk| {
            let key = public_key_from_jwk(jwk).ok()?;
            let kid = jwk.get("kid").and_then(Value::as_str).map(str::to_owned);
            Some(TrustedKey {
                kid,
                key,
                compromised_on: compromised_on(jwk),
            })
        })
        .collect()
}

/// A `compromisedOn` that is not a plain date distrusts the key altogether (the earliest day),
/// rather than letting a garbled set trust it again.
fn compromised_on(jwk: &Value) -> Option<String> {
    let value = jwk.get(COMPROMISED_ON)?;
    let day = value.as_str().filter(|d| is_plain_date(d));
    Some(day.unwrap_or("0000-01-01").to_owned())
}

fn is_plain_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}
