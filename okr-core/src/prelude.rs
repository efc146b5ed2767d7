//! The names a service embedding okr needs, in one import:
//!
//! ```
//! use okr_core::prelude::*;
//!
//! let mut doc = from_yaml_str("objectives:\n  - id: O1\n    title: Delight cooks\n    key_results:\n      - id: K1\n        title: Raise NPS from 30 to 45\n")?;
//! let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
//! doc.key_result_mut("K1").unwrap().check_ins.push(CheckIn::new(day).value(36.0));
//! let report: ScoreReport = score(&doc, day, &ScoreConfig::default());
//! let findings: LintReport = lint(&doc, day, &LintConfig::default());
//! assert!(report.key_result("K1").is_some() && findings.objectives.len() == 1);
//! # Ok::<(), Error>(())
//! ```

pub use crate::edit::EditError;
#[cfg(feature = "yaml")]
pub use crate::edit::EditableDocument;
pub use crate::error::{Error, Problem};
#[cfg(feature = "yaml")]
pub use crate::format::to_yaml;
pub use crate::format::{Format, LoadOptions, to_json};
pub use crate::from_json_str;
#[cfg(feature = "yaml")]
pub use crate::from_yaml_str;
pub use crate::lint::{LintConfig, LintReport, lint};
pub use crate::model::{CheckIn, Cycle, Document, KeyResult, Metric, Objective, Team};
pub use crate::score::{ScoreConfig, ScoreReport, Scorer, score};
