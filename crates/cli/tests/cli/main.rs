//! The cli crate's integration tests: one binary, one module per subject.

mod assessment;
mod badges;
mod clearance;
mod cli;
mod common;
mod crashes;
mod documents;
mod insights;
mod thumbnails;
