//! The pdf crate's integration tests: one binary, one module per subject.

mod certificate;
mod common;
mod guide;
