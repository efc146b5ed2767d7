//! Errors: one enum for everything that can go wrong, and [`Problem`], a located message.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One thing wrong with an OKR file, located as precisely as the input allows.
///
/// ```
/// let err = okr_core::from_yaml_str("objectives:\n  - id: O1\n    title: A\n  - id: O1\n    title: B\n")
///     .unwrap_err();
/// let problem = &err.problems()[0];
/// assert_eq!(problem.path, "objectives[1].id");
/// assert_eq!(problem.id.as_deref(), Some("O1"));
/// assert_eq!(problem.line, Some(4));
/// assert!(problem.message.contains("duplicate id"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Where in the document, e.g. `objectives[3].key_results[1].metric.target`
    /// (empty for the document as a whole).
    pub path: String,
    /// The id of the objective, key result, team… the problem is about, when it has one.
    pub id: Option<String>,
    /// 1-based line in the source text, when known.
    pub line: Option<usize>,
    /// What is wrong and what to do about it.
    pub message: String,
}

impl Problem {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            id: None,
            line: None,
            message: message.into(),
        }
    }

    pub(crate) fn with_id(mut self, id: Option<&str>) -> Self {
        self.id = id.map(str::to_owned);
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Everything that can go wrong when reading or writing OKR documents.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the size limit ([`crate::LoadOptions::max_bytes`]).
    #[error(
        "input is {size} bytes, over the {limit}-byte limit; split the file by cycle or team, or raise the limit"
    )]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input is not UTF-8 text (a binary file, or another encoding).
    #[error(
        "input is not UTF-8 text (invalid byte at offset {offset}, line {line}); save the file as UTF-8"
    )]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of the first invalid byte.
        line: usize,
    },
    /// The input has no content at all.
    #[error("input is empty; an OKR file needs at least an `objectives:` list")]
    Empty,
    /// The text is not well-formed YAML/JSON, or a value has the wrong type or shape.
    #[error("{0}")]
    Syntax(Problem),
    /// The document was read but breaks rules of the format; every problem found is listed.
    #[error("{} problem(s) in the document; first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Problem>),
    /// The document could not be written out.
    #[error("could not write the document: {0}")]
    Serialize(String),
}

impl Error {
    /// The error as a list of located problems, so every kind of error prints the same way.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Error::Invalid(problems) => problems.clone(),
            Error::Syntax(problem) => vec![problem.clone()],
            Error::NotUtf8 { line, .. } => vec![Problem {
                line: Some(*line),
                ..Problem::new("", self.to_string())
            }],
            _ => vec![Problem::new("", self.to_string())],
        }
    }
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
