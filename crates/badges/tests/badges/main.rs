//! The badges crate's integration tests: one binary, one module per subject.

mod bad_input;
mod baking;
mod common;
mod issuing;
mod performance;
mod revocation;
mod test_vector;
mod validator_samples;
