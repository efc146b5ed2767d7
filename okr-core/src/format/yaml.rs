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

/// The typed read's options: as [`options`], and a scalar that reads as a boolean or a
/// number is not taken as text (`title: No`, `id: 12`). The read then fails and the
/// generic one reports it as before (`quote it`), so the two reads accept the same files.
#[cfg(any(feature = "fast-yaml", test))]
fn typed_options(text: &str, limits: &LoadOptions) -> Options {
    let mut options = options(text, limits);
    options.no_schema = true;
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

/// Reads YAML into a document. With the `fast-yaml` feature, the typed read goes straight
/// from the parser's events into the model (no value tree: a fifth of the memory of the
/// generic read, and faster), with the same budgets, duplicate-key check and policies.
/// Problems found later (validation) are then located by the line index, a second parse.
///
/// When it fails, the text is read again generically (located syntax errors, the strict
/// value that catches `1:` beside `"1":`), typed from that value, and on a type error
/// salvaged item by item (see `shape`), so every problem is reported with its path. The
/// generic read's value and its nodes' places then come back with the document.
pub(super) fn parse(text: &str, limits: &LoadOptions) -> Result<(Document, Option<Read>), Unread> {
    #[cfg(feature = "fast-yaml")]
    if let Ok(document) =
        serde_saphyr::from_str_with_options::<Document>(text, typed_options(text, limits))
    {
        return Ok((document, None));
    }
    let (value, lines) =
        parse_value_with_lines(text, limits).map_err(|first| (vec![first], None))?;
    match <Document as Deserialize>::deserialize(&value) {
        Ok(document) => Ok((document, Some(Read { value, lines }))),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The two reads of `text`: typed straight from the parser, and typed from the generic
    /// value. `None` where a read refuses the text.
    fn both(text: &str) -> (Option<Document>, Option<Document>) {
        let limits = LoadOptions::default();
        let direct =
            serde_saphyr::from_str_with_options::<Document>(text, typed_options(text, &limits))
                .ok();
        let generic = parse_value(text, &limits)
            .ok()
            .and_then(|value| Document::deserialize(&value).ok());
        (direct, generic)
    }

    /// Whatever the typed read accepts, the generic read accepts as the same document:
    /// otherwise a file's meaning would depend on which read took it. (The typed read may
    /// refuse more, `title: No` say; the generic read then reports it.)
    #[test]
    fn the_typed_read_agrees_with_the_generic_one() {
        let mut texts: Vec<String> = crate::format::lines::repository_texts(&["yaml", "yml"])
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        let regressions = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");
        for entry in std::fs::read_dir(regressions).unwrap().flatten() {
            if entry.path().extension().is_some_and(|e| e == "yaml") {
                texts.push(std::fs::read_to_string(entry.path()).unwrap());
            }
        }
        let objective = |body: &str| format!("objectives:\n  - id: O1\n    title: Grow\n{body}");
        for body in [
            "    owner: 12\n",
            "    owner: '12'\n",
            "    title: No\n",
            "    x_flag: no\n    x_n: 0x1F\n    x_list: [1, 2.5, ~, true, '3']\n",
            "    x_n: 0755\n    x_u: 1_000\n    x_big: 18446744073709551615\n",
            "    key_results:\n      - Reach 10 customers\n      - { title: Ship, metric: { start: 0, target: 1e3 } }\n",
            "    key_results:\n      - { title: Big, metric: { start: 0, target: 9007199254740993 } }\n",
            "    key_results:\n      - { title: Nan, metric: { start: .nan, target: 1 } }\n",
            "    key_results:\n      - { title: Int, metric: { start: 0, target: !!float 3 } }\n",
            "    key_results:\n      - &k { title: Same, metric: { start: 0, target: 2 } }\n      - *k\n",
            "    x_base: &b { a: 1 }\n    x_merged: { <<: *b, c: 2 }\n",
            "    1: one\n    \"1\": also one\n",
            "    x_date: 2026-07-01\n    x_time: 2026-07-01T10:00:00Z\n",
            "    key_results:\n      - title: Dated\n        due: 2026-07-01\n        binary: { done: yes }\n",
        ] {
            texts.push(objective(body));
        }
        texts.extend(
            [
                "~\n",
                "null\n",
                "[]\n",
                "--- ~\n",
                "objectives: ~\n",
                "objectives:\n",
            ]
            .map(String::from),
        );
        let mut compared = 0;
        // Blank texts never reach a read (`load_str` refuses them first).
        for text in texts.iter().filter(|text| !super::super::is_blank(text)) {
            let (direct, generic) = both(text);
            if let Some(direct) = direct {
                assert_eq!(
                    Some(&direct),
                    generic.as_ref(),
                    "{:?}",
                    &text[..text.len().min(300)]
                );
                compared += 1;
            }
        }
        assert!(compared >= 10, "only {compared} texts typed");
    }
}
