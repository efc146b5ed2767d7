//! Rules every OKR document must keep, checked all at once.
//!
//! [`validate`] returns every problem it finds, each with its path and id, so one run tells
//! an author everything to fix. Loading runs it by default ([`crate::LoadOptions::validate`]).
//!
//! ```
//! use okr_core::model::{Document, Objective};
//!
//! let mut doc = Document::default();
//! doc.objectives.push(Objective::new("O1", "Grow"));
//! doc.objectives.push(Objective::new("O1", "Again").with_owner("nobody"));
//! let problems = okr_core::validate::validate(&doc);
//! let paths: Vec<_> = problems.iter().map(|p| p.path.to_string()).collect();
//! assert_eq!(paths, ["objectives[1].id", "objectives[1].owner"]);
//! ```

mod alignment;
mod fields;
mod numbers;
mod references;

pub use references::is_bidi_control;

use crate::error::Problem;
use crate::model::Document;

/// Checks every rule of the format and returns all problems found (empty when valid).
pub fn validate(document: &Document) -> Vec<Problem> {
    let mut problems = Vec::new();
    let ids = references::check(document, &mut problems);
    numbers::check(document, &mut problems);
    alignment::check(document, &ids, &mut problems);
    fields::check(document, &mut problems);
    problems
}
