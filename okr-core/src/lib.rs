//! # okr-core
//!
//! Model, cascade, score and lint OKRs (Objectives and Key Results) — deterministically,
//! with no clock, file or network access inside: callers pass documents and dates in.
//!
//! ```
//! let doc = okr_core::from_yaml_str(r#"
//! cycles:
//!   - { id: 2026-Q3, start: 2026-07-01, end: 2026-09-30 }
//! teams:
//!   - { id: acme, name: ACME Inc. }
//! objectives:
//!   - id: O1
//!     title: Become the cooking-pot brand home cooks trust
//!     owner: acme
//!     key_results:
//!       - id: O1-KR1
//!         title: Decrease refund rate from 0.5% to 0.2%
//!         metric: { start: 0.5, target: 0.2, unit: "%" }
//!         check_ins:
//!           - { date: 2026-07-15, value: 0.45, confidence: 0.6 }
//! "#)?;
//! assert_eq!(doc.objectives[0].key_results[0].check_ins[0].value, Some(0.45));
//!
//! // Problems come back all at once, each with its path, id and line.
//! let err = okr_core::from_yaml_str("objectives:\n  - id: O1\n    title: Grow\n    owner: ghost\n").unwrap_err();
//! assert_eq!(err.problems()[0].path, "objectives[0].owner");
//! assert_eq!(err.problems()[0].line, Some(4));
//! # Ok::<(), okr_core::Error>(())
//! ```
//!
//! Modules follow the domain: [`model`] (the types), [`format`] (YAML/JSON in and out),
//! [`validate`] (the format's rules), [`schema`] (the JSON Schema of the format),
//! [`edit`] (changes that rewrite only the bytes they touch), [`diff`] (what changed between
//! two versions), `table` (CSV tables in and out; feature `csv`), [`cascade`] (the alignment
//! graph), [`score`] (progress, colour, pace and rollups), [`sentence`] (the key-result
//! sentence parser), [`lint`] (the rules and their output formats) and [`report`] (the
//! quarterly review). The contracts they keep are written up in the repository's `docs/`
//! folder.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cascade;
pub mod diff;
pub mod edit;
mod error;
pub mod format;
mod hash;
pub mod lint;
pub mod markdown;
pub mod model;
mod path;
pub mod prelude;
#[cfg(feature = "report")]
pub mod report;
#[cfg(feature = "schema")]
pub mod schema;
pub mod score;
pub mod sentence;
#[cfg(feature = "csv")]
pub mod table;
pub mod text;
pub mod validate;
pub mod vendor;
mod vocabulary;

pub use error::{Error, Problem, ProblemKind, Result};
#[cfg(feature = "yaml")]
pub use format::to_yaml;
pub use format::{Format, LoadOptions, to_json};
pub use model::Document;
pub use path::{DocPath, LocSegment};
pub use sentence::parse_key_result;

/// Reads and validates a YAML document (default limits; feature `yaml`).
#[cfg(feature = "yaml")]
pub fn from_yaml_str(text: &str) -> Result<Document> {
    format::load_str(text, Format::Yaml, &LoadOptions::default())
}

/// Reads and validates a JSON document (default limits).
pub fn from_json_str(text: &str) -> Result<Document> {
    format::load_str(text, Format::Json, &LoadOptions::default())
}

/// The README's example runs as a doctest, so the crate's front page stays true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
