//! YAML through serde-saphyr: budgets against alias bombs and deep nesting, located errors.

use super::LoadOptions;
use super::serde_text::{describe, is_about_whole_document};
use super::value_lines::NodeLines;
use crate::error::{Error, Problem, ProblemKind, Result};
use crate::model::Document;
use serde::Deserialize;
use serde_saphyr::{Budget, DuplicateKeyPolicy, NonFiniteFloatPolicy, Options};

/// Non-finite floats become strings (`serde_json::Value` would silently turn them into
/// `null`), so the typed read can refuse them with their path.
pub(super) fn options(text: &str, limits: &LoadOptions) -> Options {
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
    options.non_finite_float_policy = NonFiniteFloatPolicy::AsString;
    options.with_snippet = false;
    options
}

/// Reads YAML into a generic value, naming the line of the first error. Non-finite floats
/// become strings (`.nan`), which the typed read then refuses with their path.
pub(super) fn parse_value(text: &str, limits: &LoadOptions) -> Result<serde_json::Value, Problem> {
    parse_value_with_lines(text, limits).map(|(value, _)| value)
}

/// [`parse_value`], with where each node was written.
pub(super) fn parse_value_with_lines(
    text: &str,
    limits: &LoadOptions,
) -> Result<(serde_json::Value, NodeLines), Problem> {
    serde_saphyr::from_str_with_options(text, options(text, limits))
        .map(|super::strict_value::StrictValue(value, lines)| (value, lines))
        .map_err(|e| {
            let location = e.location();
            let line = location.map(|l| l.line() as usize).filter(|&l| l > 0);
            let column = location.and_then(|l| (l.column() as usize).checked_sub(1));
            let message = first_line(&e.to_string());
            let (kind, clean) = describe(&message, ProblemKind::SyntaxError);
            let whole_document = is_about_whole_document(kind);
            Problem {
                kind,
                path: line
                    .filter(|_| !whole_document)
                    .and_then(|l| super::LineIndex::path_at(text, l, column))
                    .unwrap_or_default(),
                id: None,
                line,
                message: clean,
            }
        })
}

/// Reads YAML into a document: generically first (budgets, duplicate keys, located syntax
/// errors), then typed from that value. Typing from the value shares its code with the
/// error path and the JSON-object route of the bindings, which keeps the wasm module small;
/// YAML is the format for people-sized files, JSON the one for bulk data. On a type error,
/// the value is salvaged item by item (see `shape`).
///
/// The value and its nodes' places come back with the document: problems found later
/// (validation) are located from them without reading the text again.
pub(super) fn parse(text: &str, limits: &LoadOptions) -> Result<(Document, Read), Unread> {
    let (value, lines) =
        parse_value_with_lines(text, limits).map_err(|first| (vec![first], None))?;
    match <Document as Deserialize>::deserialize(&value) {
        Ok(document) => Ok((document, Read { value, lines })),
        Err(_) => {
            let salvage = Box::new(super::shape::salvage(value));
            Err((salvage.problems.clone(), Some(salvage)))
        }
    }
}

/// Why a text did not type: its problems, and what could be salvaged.
pub(super) type Unread = (Vec<Problem>, Option<Box<super::shape::Salvage>>);

/// A YAML text as read: its generic value and where each node was written.
pub(super) struct Read {
    pub(super) value: serde_json::Value,
    pub(super) lines: NodeLines,
}

pub(super) fn write(document: &Document) -> Result<String> {
    serde_saphyr::to_string(document).map_err(|e| Error::Serialize(e.to_string()))
}

/// serde-saphyr's messages may carry a rendered snippet after the first line.
fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_owned()
}
