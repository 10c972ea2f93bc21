//! JSON-LD → RDF → canonical N-Quads (RDFC-1.0), entirely offline.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use json_ld::context_processing::{Options as ProcessingOptions, Process};
use json_ld::expansion::{self, Action, Expand, Policy};
use json_ld::rdf_types::{generator, Id, LiteralType, Term};
use json_ld::syntax::TryFromJson;
use json_ld::{BlankIdBuf, IriBuf, RdfQuads};
use sha2::{Digest, Sha256};

use crate::contexts::{self, BundledLoader};
use crate::error::{BadgeError, Result};

/// A processed top-level `@context`, ready to expand documents with.
type ActiveContext = json_ld::Context<IriBuf, BlankIdBuf>;

/// Distinct top-level contexts kept processed; real credentials use a handful.
const CACHED_CONTEXTS: usize = 32;

/// Bounds RDFC-1.0's worst case: crafted blank-node graphs would otherwise take forever.
const HNDQ_CALL_LIMIT: usize = 10_000;

/// Turns credentials into canonical N-Quads with the bundled contexts only.
///
/// Processing a credential's top-level `@context` costs as much as expanding the rest of it,
/// and a batch repeats the same few, so each is processed once and kept.
pub struct Canonicalizer {
    loader: BundledLoader,
    processed: Mutex<HashMap<String, Arc<ActiveContext>>>,
}

impl Canonicalizer {
    pub fn new() -> Result<Self> {
        Ok(Self {
            loader: BundledLoader::new()?,
            processed: Mutex::new(HashMap::new()),
        })
    }

    /// The RDFC-1.0 canonical N-Quads of a JSON-LD document.
    ///
    /// Terms the contexts do not define are an error rather than silently dropped or mapped
    /// through `@vocab`: a tampered credential then fails with the name of the odd term.
    pub fn canonical_nquads(&self, document: &serde_json::Value) -> Result<String> {
        contexts::ensure_bundled(document)?;
        let mut body = document.clone();
        let context = body
            .as_object_mut()
            .and_then(|map| map.remove("@context"))
            .unwrap_or(serde_json::Value::Null);
        let active = self.active_context(&context)?;
        let body = json_ld::syntax::Value::from_serde_json(body);
        let options = expansion::Options {
            policy: Policy {
                invalid: Action::Reject,
                vocab: Action::Reject,
                allow_undefined: false,
            },
            ..expansion::Options::default()
        };
        let mut expanded = run_ready(body.expand_full(
            &mut (),
            (*active).clone(),
            None,
            &self.loader,
            options,
            (),
        ))?
        .map_err(|e| BadgeError::JsonLd(plain_expansion_error(&e.to_string())))?;
        let mut blanks = generator::Blank::new();
        expanded.relabel_and_canonicalize_with(&mut (), &mut blanks);
        let quads: Vec<oxrdf::Quad> = expanded
            .rdf_quads_full(&mut (), &mut blanks, None, false)
            .cloned()
            .map(to_oxrdf)
            .collect();
        let limits = rdf_canon::CanonicalizationOptions {
            hndq_call_limit: Some(HNDQ_CALL_LIMIT),
        };
        rdf_canon::canonicalize_quads_with::<Sha256>(&quads, &limits)
            .map_err(|e| BadgeError::Canonicalization(e.to_string()))
    }

    /// SHA-256 of the canonical N-Quads.
    pub fn canonical_hash(&self, document: &serde_json::Value) -> Result<[u8; 32]> {
        Ok(Sha256::digest(self.canonical_nquads(document)?.as_bytes()).into())
    }

    /// The processed form of a top-level `@context` value (cached).
    fn active_context(&self, context: &serde_json::Value) -> Result<Arc<ActiveContext>> {
        let key = context.to_string();
        if let Some(found) = self.cache().get(&key) {
            return Ok(found.clone());
        }
        let empty = ActiveContext::new(None);
        let processed = if context.is_null() {
            empty
        } else {
            let json = json_ld::syntax::Value::from_serde_json(context.clone());
            let syntax = json_ld::syntax::context::Context::try_from_json(json)
                .map_err(|e| BadgeError::JsonLd(format!("invalid @context: {e}")))?;
            run_ready(syntax.process_full(
                &mut (),
                &empty,
                &self.loader,
                None,
                ProcessingOptions::default(),
                (),
            ))?
            .map_err(|e| BadgeError::JsonLd(plain_expansion_error(&e.to_string())))?
            .into_processed()
        };
        let processed = Arc::new(processed);
        let mut cache = self.cache();
        if cache.len() < CACHED_CONTEXTS {
            cache.insert(key, processed.clone());
        }
        Ok(processed)
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<ActiveContext>>> {
        // The cache holds finished values only, so a poisoned lock still guards sound data.
        self.processed
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// json-ld's messages repeat themselves ("Expansion failed: Expansion failed: Key `x` …");
/// say once, plainly, which term the contexts do not define.
fn plain_expansion_error(message: &str) -> String {
    let message = message.trim_start_matches("Expansion failed: ");
    if let Some(term) = message
        .strip_prefix("Key `")
        .and_then(|m| m.strip_suffix("` expansion failed"))
    {
        format!("the term \"{term}\" is not defined by the credential's contexts")
    } else if message == "Invalid `@type` value" {
        "a type is not defined by the credential's contexts".into()
    } else {
        message.to_owned()
    }
}

/// Drives a future that never waits: the bundled loader answers at once, so one poll completes
/// it. No async runtime is needed, and a future that did wait would be a bug, not a hang.
fn run_ready<F: Future>(future: F) -> Result<F::Output> {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => Ok(output),
        Poll::Pending => Err(BadgeError::JsonLd(
            "JSON-LD processing tried to wait for a download".into(),
        )),
    }
}

type JsonLdId = Id<json_ld::IriBuf, json_ld::BlankIdBuf>;
type JsonLdQuad =
    json_ld::rdf::Quad<json_ld::IriBuf, json_ld::BlankIdBuf, json_ld::rdf_types::Literal>;

fn to_oxrdf(quad: JsonLdQuad) -> oxrdf::Quad {
    let json_ld::rdf_types::Quad(subject, predicate, object, graph) = quad;
    let subject = match named_or_blank(subject) {
        oxrdf::NamedOrBlankNode::NamedNode(n) => oxrdf::Subject::NamedNode(n),
        oxrdf::NamedOrBlankNode::BlankNode(b) => oxrdf::Subject::BlankNode(b),
    };
    let predicate = oxrdf::NamedNode::new_unchecked(id_text(predicate));
    let object = match object {
        Term::Id(id) => match named_or_blank(id) {
            oxrdf::NamedOrBlankNode::NamedNode(n) => oxrdf::Term::NamedNode(n),
            oxrdf::NamedOrBlankNode::BlankNode(b) => oxrdf::Term::BlankNode(b),
        },
        Term::Literal(literal) => oxrdf::Term::Literal(match literal.type_ {
            LiteralType::Any(datatype) => oxrdf::Literal::new_typed_literal(
                literal.value,
                oxrdf::NamedNode::new_unchecked(datatype.into_string()),
            ),
            LiteralType::LangString(tag) => {
                oxrdf::Literal::new_language_tagged_literal_unchecked(literal.value, tag.as_str())
            }
        }),
    };
    let graph = match graph.map(named_or_blank) {
        None => oxrdf::GraphName::DefaultGraph,
        Some(oxrdf::NamedOrBlankNode::NamedNode(n)) => oxrdf::GraphName::NamedNode(n),
        Some(oxrdf::NamedOrBlankNode::BlankNode(b)) => oxrdf::GraphName::BlankNode(b),
    };
    oxrdf::Quad::new(subject, predicate, object, graph)
}

fn named_or_blank(id: JsonLdId) -> oxrdf::NamedOrBlankNode {
    match id {
        Id::Iri(iri) => oxrdf::NamedNode::new_unchecked(iri.into_string()).into(),
        Id::Blank(blank) => oxrdf::BlankNode::new_unchecked(blank.suffix()).into(),
    }
}

fn id_text(id: JsonLdId) -> String {
    match id {
        Id::Iri(iri) => iri.into_string(),
        Id::Blank(blank) => blank.to_string(),
    }
}
