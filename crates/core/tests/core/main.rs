//! The core crate's integration tests: one binary, one module per subject.

mod assessment;
mod badges;
mod common;
mod credentials;
mod critique;
mod documents;
mod format_schema;
mod hostile;
mod insights;
mod ladder_files;
mod ladder_rules;
mod pilots;
mod progression;
mod review;
mod roster;
mod scale_and_payment;
mod staffing;
mod store;
mod vault;
