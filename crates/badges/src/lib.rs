//! Open Badges 3.0 for Guildbook: build an award's credential, sign it (Data Integrity
//! `eddsa-rdfc-2022` and VC-JWT ES256), bake it into PNG or SVG badges, publish a revocation
//! status list, and verify anyone's badges — all offline, with bundled JSON-LD contexts.
//!
//! ```no_run
//! # fn award() -> guildbook_badges::AwardModel { unimplemented!() }
//! use guildbook_badges::*;
//! let key = IssuerKey::generate("2025-signing-key");
//! let signer = Signer::new()?;
//! let credential = build_credential(&award());
//! let signed = signer.sign_data_integrity(&credential, &key, "2025-03-01T09:00:00Z")?;
//! let jwt = signer.sign_vc_jwt(&credential, &key)?;
//! let report = Verifier::new()?.verify(jwt.as_bytes(), &VerifyOptions::default());
//! # Ok::<(), BadgeError>(())
//! ```

mod bake;
mod canon;
mod certificate;
mod contexts;
mod credential;
mod data_integrity;
mod dates;
mod error;
mod jwt;
mod keys;
mod report;
mod resolve;
mod schema;
mod signer;
mod status;
mod verify;

pub use bake::{bake_png, bake_svg, unbake_png, unbake_svg};
pub use certificate::{
    is_certificate_text, normalise_code, read_certificate, short_code, sign_certificate,
    verify_certificate, CertificateClaims, CertificateReport, CERTIFICATE_PREFIX,
};
pub use credential::{
    build_credential, AchievementModel, Alignment, AwardModel, EvidenceRef, Issuer, StatusRef,
};
pub use error::{BadgeError, Result};
pub use keys::{ed25519_did_key, jwks, p256_did_key, IssuerKey, PublicKeyEntry};
pub use report::{verdict_of, Check, Outcome, Report, Verdict, VerifyOptions, DEFAULT_MAX_BYTES};
pub use signer::Signer;
pub use status::{status_list_credential, MIN_LIST_SIZE};
pub use verify::Verifier;
