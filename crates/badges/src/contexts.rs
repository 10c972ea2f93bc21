//! The JSON-LD contexts Guildbook understands, bundled in the binary.
//!
//! Contexts are never fetched: a credential naming any other context cannot be canonicalised,
//! and the verifier says so. See `contexts/README.md` for where each file comes from.

use std::collections::HashMap;

use json_ld::{syntax::Parse, Iri, IriBuf, LoadError, Loader, RemoteDocument};

use crate::error::{BadgeError, Result};

pub const VC_V1: &str = "https://www.w3.org/2018/credentials/v1";
pub const VC_V2: &str = "https://www.w3.org/ns/credentials/v2";
pub const OB_V3: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/// (URL, file content) of every bundled context.
const BUNDLED: &[(&str, &str)] = &[
    (VC_V2, include_str!("../contexts/credentials-v2.jsonld")),
    (VC_V1, include_str!("../contexts/credentials-v1.jsonld")),
    (
        "https://w3id.org/security/data-integrity/v1",
        include_str!("../contexts/data-integrity-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v2",
        include_str!("../contexts/data-integrity-v2.jsonld"),
    ),
    (
        "https://w3id.org/security/multikey/v1",
        include_str!("../contexts/multikey-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/ed25519-2020/v1",
        include_str!("../contexts/ed25519-signature-2020-v1.jsonld"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        include_str!("../contexts/ob_v3p0_context.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        include_str!("../contexts/ob_v3p0_context-3.0.1.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        include_str!("../contexts/ob_v3p0_context-3.0.2.json"),
    ),
    (
        OB_V3,
        include_str!("../contexts/ob_v3p0_context-3.0.3.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        include_str!("../contexts/ob_v3p0_extensions.json"),
    ),
];

/// True when `url` is one of the bundled contexts.
pub fn is_bundled(url: &str) -> bool {
    BUNDLED.iter().any(|(known, _)| *known == url)
}

/// Every context URL a document names in its top-level `@context`, in order.
pub fn named_contexts(document: &serde_json::Value) -> Vec<String> {
    match document.get("@context") {
        Some(serde_json::Value::String(url)) => vec![url.clone()],
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|item| item.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// Fails with a plain sentence when the document names a context Guildbook does not bundle.
pub fn ensure_bundled(document: &serde_json::Value) -> Result<()> {
    match named_contexts(document)
        .into_iter()
        .find(|url| !is_bundled(url))
    {
        Some(url) => Err(BadgeError::ContextNotBundled(url)),
        None => Ok(()),
    }
}

/// A JSON-LD document loader that only knows the bundled contexts (parsed once).
pub struct BundledLoader {
    documents: HashMap<IriBuf, RemoteDocument>,
}

#[derive(Debug, thiserror::Error)]
#[error("this context is not bundled with Guildbook and is never fetched")]
struct NotBundled;

impl BundledLoader {
    pub fn new() -> Result<Self> {
        let mut documents = HashMap::new();
        for (url, text) in BUNDLED {
            let iri = IriBuf::new(url.to_string())
                .map_err(|_| BadgeError::JsonLd(format!("bundled context URL {url} is invalid")))?;
            let (json, _) = json_ld::syntax::Value::parse_str(text)
                .map_err(|e| BadgeError::JsonLd(format!("bundled context {url}: {e}")))?;
            documents.insert(iri.clone(), RemoteDocument::new(Some(iri), None, json));
        }
        Ok(Self { documents })
    }
}

impl Loader for BundledLoader {
    async fn load(&self, url: &Iri) -> std::result::Result<RemoteDocument<IriBuf>, LoadError> {
        self.documents
            .get(url)
            .cloned()
            .ok_or_else(|| LoadError::new(url.to_owned(), NotBundled))
    }
}
