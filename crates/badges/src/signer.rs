//! Signing credentials: Data Integrity (eddsa-rdfc-2022) and VC-JWT (ES256).

use serde_json::Value;

use crate::canon::Canonicalizer;
use crate::error::Result;
use crate::keys::IssuerKey;
use crate::{data_integrity, jwt};

/// Signs credentials. Create one and reuse it for a batch: it holds the parsed contexts.
pub struct Signer {
    canon: Canonicalizer,
}

impl Signer {
    pub fn new() -> Result<Self> {
        Ok(Self {
            canon: Canonicalizer::new()?,
        })
    }

    /// Adds an eddsa-rdfc-2022 proof whose verificationMethod is the did:key of the Ed25519 key.
    pub fn sign_data_integrity(
        &self,
        credential: &Value,
        key: &IssuerKey,
        created: &str,
    ) -> Result<Value> {
        self.sign_data_integrity_as(
            credential,
            &key.ed25519,
            &key.ed25519_verification_method(),
            created,
        )
    }

    /// Same, naming the key by any verification method (e.g. an issuer URL with a key fragment).
    pub fn sign_data_integrity_as(
        &self,
        credential: &Value,
        key: &ed25519_dalek::SigningKey,
        verification_method: &str,
        created: &str,
    ) -> Result<Value> {
        data_integrity::sign(&self.canon, credential, key, verification_method, created)
    }

    /// A compact VC-JWT signed with ES256; the header names the P-256 did:key and carries its JWK.
    pub fn sign_vc_jwt(&self, credential: &Value, key: &IssuerKey) -> Result<String> {
        jwt::sign(credential, &key.p256)
    }

    /// The RDFC-1.0 canonical N-Quads of a JSON-LD document, with the bundled contexts.
    pub fn canonical_nquads(&self, document: &Value) -> Result<String> {
        self.canon.canonical_nquads(document)
    }
}
