//! Portfolio review: the gallery of a person's artifacts with regions and comments tied to rubric
//! cells, and live critique sessions about those artifacts.

pub mod critique;
pub mod review;
