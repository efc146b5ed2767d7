//! The OKR data model: what an OKR file contains, as plain Rust values.
//!
//! Every struct keeps the fields it does not know in `extra` (in their original order),
//! so loading a file and saving it again loses nothing. Optional fields stay `None` when
//! the file leaves them out, so saving never adds fields the author did not write.
//!
//! ```
//! use okr_core::model::{Document, Objective};
//!
//! let doc: Document = okr_core::from_yaml_str(
//!     "objectives:\n  - id: O1\n    title: Delight new users\n    key_results:\n      - Raise activation from 20% to 35%\n",
//! )?;
//! let objective: &Objective = &doc.objectives[0];
//! assert_eq!(objective.id, "O1");
//! assert_eq!(objective.key_results[0].title, "Raise activation from 20% to 35%");
//! assert!(objective.key_results[0].is_bare());
//! # Ok::<(), okr_core::Error>(())
//! ```

mod builders;
pub(crate) mod dates;
mod document;
mod extra;
mod ids;
mod key_result;
mod lint;
mod numbers;
mod objective;

pub use dates::{DayError, parse_day};
pub(crate) use document::SECTIONS;
pub use document::{Cycle, Document, HistoryEntry, KeyOrder, Person, Team};
pub use ids::Ids;
pub use key_result::{Binary, CheckIn, KeyResult, Measure, Metric, Milestone, Threshold};
pub use lint::{Allow, LintSection};
pub use objective::{Objective, ObjectiveKind};

pub use extra::{Extra, MAX_EXTRA_DEPTH};

/// Reads a list and drops its spare capacity: JSON gives no length up front, so a
/// one-element list would otherwise keep room for four large structs.
pub(crate) fn compact_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    let mut items = <Vec<T> as serde::Deserialize>::deserialize(deserializer)?;
    items.shrink_to_fit();
    Ok(items)
}
