//! OKRs as tables, the way most organisations keep them in spreadsheets: one row per key
//! result with its objective's columns repeated, and an optional second table of check-ins.
//! The layout is documented in `docs/tables.md`; [`write_csv`] and [`read_csv`] use it.
//!
//! ```
//! let doc = okr_core::from_yaml_str("teams: [{ id: web }]\nobjectives:\n  - id: O1\n    title: Delight cooks\n    owner: web\n    key_results:\n      - id: K1\n        title: Raise NPS\n        metric: { start: 30, target: 45 }\n")?;
//! let tables = okr_core::table::write_csv(&doc)?;
//! assert!(tables.key_results.lines().nth(1).unwrap().starts_with("O1,Delight cooks,web,"));
//! let back = okr_core::table::read_csv(&tables.key_results, Some(&tables.check_ins), &Default::default()).unwrap();
//! assert_eq!(back.objectives[0].key_results[0].metric.as_ref().unwrap().target, 45.0);
//! # Ok::<(), okr_core::Error>(())
//! ```

mod read;
#[cfg(feature = "xlsx")]
mod spreadsheet;
mod write;

pub use read::read_csv;
// The vendor layouts (crate::vendor) read their tables with the same sheet reader.
pub(crate) use read::{Row, Sheet, UnknownColumns, finish};
#[cfg(feature = "xlsx")]
pub(crate) use spreadsheet::sheets_as_csv;
#[cfg(feature = "xlsx")]
pub use spreadsheet::{CHECK_INS_SHEET, read_spreadsheet};
pub use write::write_csv;

use crate::model::Cycle;
use std::fmt;

/// The columns of the key-results table, in order.
pub const KEY_RESULT_COLUMNS: [&str; 21] = [
    "objective_id",
    "objective_title",
    "owner",
    "cycle",
    "cycle_start",
    "cycle_end",
    "kind",
    "aligns_to",
    "key_result_id",
    "key_result_title",
    "kr_owner",
    "measure",
    "start",
    "target",
    "min",
    "max",
    "unit",
    "weight",
    "done",
    "probability",
    "milestones",
];

/// How a milestone marked done is written in the `milestones` column:
/// `Beta (done); GA`.
pub(crate) const DONE_MARK: &str = " (done)";

/// The columns of the check-ins table, in order.
pub const CHECK_IN_COLUMNS: [&str; 5] = ["key_result_id", "date", "value", "confidence", "note"];

/// The two tables of a document, as CSV text (header first).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Tables {
    /// One row per key result (an objective without key results gets one row of its own).
    pub key_results: String,
    /// One row per check-in.
    pub check_ins: String,
}

/// How a table is read.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ImportOptions {
    /// Other column names: `(column in the file, layout column)`, e.g. `("Objective",
    /// "objective_title")`.
    pub mapping: Vec<(String, String)>,
    /// The cycle of objectives whose row names none (or names this one without dates).
    pub cycle: Option<Cycle>,
}

impl ImportOptions {
    /// Reads `Column=field` pairs (the CLI's `--map`); the field must be a layout column.
    pub fn with_mapping(mut self, column: impl Into<String>, field: impl Into<String>) -> Self {
        self.mapping.push((column.into(), field.into()));
        self
    }

    /// Objectives without a cycle of their own get this one.
    pub fn with_cycle(mut self, cycle: Cycle) -> Self {
        self.cycle = Some(cycle);
        self
    }
}

/// Which table a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Table {
    /// The key-results table.
    KeyResults,
    /// The check-ins table.
    CheckIns,
}

/// A problem with a table: its line (the header is line 1), the column when one is to
/// blame, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableProblem {
    /// The table.
    pub table: Table,
    /// 1-based line; the header is line 1.
    pub line: u64,
    /// The column as the file names it.
    pub column: Option<String>,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for TableProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: ", self.line)?;
        if let Some(column) = &self.column {
            write!(f, "column `{column}`: ")?;
        }
        f.write_str(&self.message)
    }
}
