//! JSON-LD → RDF → canonical N-Quads (RDFC-1.0), entirely offline.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use json_ld::expansion::{Action, Policy};
use json_ld::rdf_types::{generator, Id, LiteralType, Term};
use json_ld::{JsonLdProcessor, Options, RemoteDocument};
use sha2::{Digest, Sha256};

use crate::contexts::{self, BundledLoader};
use crate::error::{BadgeError, Result};

/// Turns credentials into canonical N-Quads with the bundled contexts only.
pub struct Canonicalizer {
    loader: BundledLoader,
}

impl Canonicalizer {
    pub fn new() -> Result<Self> {
        Ok(Self {
            loader: BundledLoader::new()?,
        })
    }

    /// The RDFC-1.0 canonical N-Quads of a JSON-LD document.
    ///
    /// Terms the contexts do not define are an error rather than silently dropped or mapped
    /// through `@vocab`: a tampered credential then fails with the name of the odd term.
    pub fn canonical_nquads(&self, document: &serde_json::Value) -> Result<String> {
        contexts::ensure_bundled(document)?;
        let json = json_ld::syntax::Value::from_serde_json(document.clone());
        let remote = RemoteDocument::new(None, None, json);
        let options = Options {
            expansion_policy: Policy {
                invalid: Action::Reject,
                vocab: Action::Reject,
                allow_undefined: false,
            },
            ..Options::default()
        };
        let mut rdf = run_ready(remote.to_rdf_using(generator::Blank::new(), &self.loader, options))?
            .map_err(|e| BadgeError::JsonLd(e.to_string()))?;
        let quads: Vec<oxrdf::Quad> = rdf.cloned_quads().map(to_oxrdf).collect();
        rdf_canon::canonicalize_quads(&quads).map_err(|e| BadgeError::Canonicalization(e.to_string()))
    }

    /// SHA-256 of the canonical N-Quads.
    pub fn canonical_hash(&self, document: &serde_json::Value) -> Result<[u8; 32]> {
        Ok(Sha256::digest(self.canonical_nquads(document)?.as_bytes()).into())
    }
}

/// Drives a future that never waits: the bundled loader answers at once, so one poll completes
/// it. No async runtime is needed, and a future that did wait would be a bug, not a hang.
fn run_ready<F: Future>(future: F) -> Result<F::Output> {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => Ok(output),
        Poll::Pending => Err(BadgeError::JsonLd(
            "JSON-LD processing tried to wait for a download".into(),
        )),
    }
}

type JsonLdId = Id<json_ld::IriBuf, json_ld::BlankIdBuf>;
type JsonLdQuad = json_ld::rdf::Quad<json_ld::IriBuf, json_ld::BlankIdBuf, json_ld::rdf_types::Literal>;

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
