//! JSON through serde_json, straight into the typed model (no generic value tree).

use super::LoadOptions;
use super::serde_text::{describe, is_about_whole_document};
use crate::error::{Error, Problem, ProblemKind, Result};
use crate::model::Document;
use crate::path::DocPath;
use serde::de::DeserializeOwned;

/// Parses JSON into `T`, naming the line of the first error (the path comes from the line,
/// or from the generic re-read in `shape`).
///
/// serde_json refuses nesting deeper than 128 levels ([`super::JSON_MAX_DEPTH`]) by itself,
/// so `max_depth` is enforced here only for YAML; both stay far below any stack limit.
pub(super) fn parse_as<T: DeserializeOwned>(
    text: &str,
    _limits: &LoadOptions,
) -> Result<T, Problem> {
    serde_json::from_str(text).map_err(|e| problem(error_path(text, &e), &e))
}

/// The path an error is about; empty for the document as a whole.
fn error_path(text: &str, error: &serde_json::Error) -> DocPath {
    let (kind, _) = describe(&error.to_string(), ProblemKind::SyntaxError);
    if error.line() == 0 || is_about_whole_document(kind) {
        return DocPath::root();
    }
    // One-line JSON (as machines write it) needs the column to name the field.
    super::LineIndex::path_at(text, error.line(), error.column().checked_sub(1))
        // The line index stops short of text it cannot follow (nesting past its own limit):
        // a generic re-read tracks the path up to the error instead.
        .or_else(|| syntax_error_path(text))
        .unwrap_or_default()
}

/// The path where a generic read of `text` stops, if it stops somewhere inside the document.
fn syntax_error_path(text: &str) -> Option<DocPath> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let error = serde_path_to_error::deserialize::<_, serde_json::Value>(&mut reader).err()?;
    Some(super::doc_path(error.path())).filter(|path| !path.is_empty())
}

fn problem(path: DocPath, error: &serde_json::Error) -> Problem {
    let parser = match error.classify() {
        serde_json::error::Category::Data => ProblemKind::InvalidValue,
        _ => ProblemKind::SyntaxError,
    };
    let (kind, message) = describe(&error.to_string(), parser);
    Problem {
        kind,
        path,
        id: None,
        line: (error.line() > 0).then_some(error.line()),
        message,
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
