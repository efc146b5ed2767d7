//! YAML through serde-saphyr: budgets against alias bombs and deep nesting, located errors.

use super::{LoadOptions, clean_message};
use crate::error::{Error, Problem, Result};
use crate::model::Document;
use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, DuplicateKeyPolicy, NonFiniteFloatPolicy, Options};

/// Non-finite floats go to the typed model as numbers (validation names them), but to a
/// generic value as strings: `serde_json::Value` would silently turn them into `null`.
pub(super) fn options(text: &str, limits: &LoadOptions, generic: bool) -> Options {
    let mut budget = Budget::default();
    budget.max_depth = limits.max_depth;
    // Node and event caps scale with the input so large honest files pass, while alias
    // expansion stays capped on its own (alias_limits) whatever the size.
    budget.max_events = budget.max_events.max(text.len() + 1024);
    budget.max_nodes = budget.max_nodes.max(text.len() + 1024);
    budget.max_reader_input_bytes = Some(limits.max_bytes);
    budget.max_total_scalar_bytes = budget.max_total_scalar_bytes.max(limits.max_bytes);

    let mut options = Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    // Let NaN and infinities through so validation can name every one with its path.
    options.non_finite_float_policy = if generic {
        NonFiniteFloatPolicy::AsString
    } else {
        NonFiniteFloatPolicy::PassThrough
    };
    options.with_snippet = false;
    options
}

/// Parses YAML into `T`, naming the line of the first error. The path is filled in from
/// the line (and, for shape errors, by the generic re-read in `shape`): tracking paths
/// during the typed parse would double its code size and slow the hot path.
pub(super) fn parse_as<T: DeserializeOwned>(
    text: &str,
    limits: &LoadOptions,
    generic: bool,
) -> Result<T, Problem> {
    serde_saphyr::from_str_with_options(text, options(text, limits, generic)).map_err(|e| {
        let line = e.location().map(|l| l.line() as usize).filter(|&l| l > 0);
        Problem {
            path: String::new(),
            id: None,
            line,
            message: clean_message(&first_line(&e.to_string())),
        }
    })
}

pub(super) fn parse(text: &str, limits: &LoadOptions) -> Result<Document, Problem> {
    parse_as(text, limits, false)
}

pub(super) fn write(document: &Document) -> Result<String> {
    serde_saphyr::to_string(document).map_err(|e| Error::Serialize(e.to_string()))
}

/// serde-saphyr's messages may carry a rendered snippet after the first line.
fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_owned()
}
