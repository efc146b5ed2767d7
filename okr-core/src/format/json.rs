//! JSON through serde_json, straight into the typed model (no generic value tree).

use super::{LoadOptions, clean_message};
use crate::error::{Error, Problem, Result};
use crate::model::Document;
use serde::de::DeserializeOwned;

/// Parses JSON into `T`, naming the line of the first error (the path comes from the line,
/// or from the generic re-read in `shape`).
///
/// serde_json refuses nesting deeper than 128 levels by itself, so `max_depth` is
/// enforced here only for YAML; both stay far below any stack limit.
pub(super) fn parse_as<T: DeserializeOwned>(
    text: &str,
    _limits: &LoadOptions,
) -> Result<T, Problem> {
    serde_json::from_str(text).map_err(|e| {
        // One-line JSON (as machines write it) needs the column to name the field.
        let path = (e.line() > 0)
            .then(|| super::LineIndex::new(text).path_at(e.line(), e.column().checked_sub(1)))
            .flatten()
            .unwrap_or_default();
        problem(path, &e)
    })
}

fn problem(path: String, error: &serde_json::Error) -> Problem {
    Problem {
        path,
        id: None,
        line: (error.line() > 0).then_some(error.line()),
        message: clean_message(&error.to_string()),
    }
}

pub(super) fn parse(text: &str, limits: &LoadOptions) -> Result<Document, Problem> {
    parse_as(text, limits)
}

pub(super) fn write(document: &Document) -> Result<String> {
    let mut text =
        serde_json::to_string_pretty(document).map_err(|e| Error::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}
