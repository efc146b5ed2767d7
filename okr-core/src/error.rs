//! Errors: one enum for everything that can go wrong, and [`Problem`], a located message.

use crate::path::{DocPath, LocSegment};
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Problem {
    /// What kind of problem this is: a stable name to branch on, where the message is
    /// free text (the table in docs/errors.md).
    #[serde(default)]
    pub kind: ProblemKind,
    /// Where in the document, e.g. `objectives[3].key_results[1].metric.target`
    /// (empty for the document as a whole).
    pub path: DocPath,
    /// The id of the objective, key result, team… the problem is about, when it has one.
    pub id: Option<String>,
    /// 1-based line in the source text, when known.
    pub line: Option<usize>,
    /// What is wrong and what to do about it.
    pub message: String,
}

impl Problem {
    /// A problem of this kind at `path` (e.g. `objectives[0].owner`; empty for the input as
    /// a whole), not yet tied to an id or a line.
    pub fn new(kind: ProblemKind, path: impl Into<DocPath>, message: impl Into<String>) -> Self {
        Problem {
            kind,
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

    /// The path as a list of keys and list indexes, as pydantic's `loc`:
    /// `objectives[3].owner` → `["objectives", 3, "owner"]`.
    ///
    /// ```
    /// use okr_core::LocSegment;
    /// let err = okr_core::from_yaml_str("objectives:\n  - { id: O1, title: A, owner: ghost }\n").unwrap_err();
    /// let problem = &err.problems()[0];
    /// assert_eq!(problem.kind.as_str(), "unknown_reference");
    /// assert_eq!(
    ///     problem.loc(),
    ///     [LocSegment::Key("objectives".into()), LocSegment::Index(0), LocSegment::Key("owner".into())]
    /// );
    /// ```
    pub fn loc(&self) -> Vec<LocSegment> {
        self.path.segments().to_vec()
    }
}

/// As JSON (`okr check --format json`, the JavaScript binding): `kind`, `loc`, `path`, `id`,
/// `line`, `message`.
impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Problem", 7)?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("loc", &self.loc())?;
        out.serialize_field("path", &self.path)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("line", &self.line)?;
        out.serialize_field("message", &self.message)?;
        out.serialize_field("help", self.kind.help())?;
        out.end()
    }
}

/// The kind of a [`Problem`]: stable snake_case names, documented with what raises each in
/// docs/errors.md. New kinds may be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProblemKind {
    /// Input over the size limit.
    InputTooLarge,
    /// A byte that is not UTF-8.
    NotUtf8,
    /// Nothing to read.
    EmptyInput,
    /// Text the YAML or JSON parser rejects.
    SyntaxError,
    /// YAML given to a build of okr-core without its `yaml` feature.
    UnsupportedFormat,
    /// Text after the JSON value, or a second YAML document.
    TrailingContent,
    /// A key written twice in one mapping.
    DuplicateKey,
    /// Nesting beyond the limits.
    TooDeep,
    /// YAML beyond its budgets (alias bombs, too many nodes).
    ExpansionLimit,
    /// Not a mapping, or no OKR section at all.
    NotAnOkrFile,
    /// A value of the wrong type.
    WrongType,
    /// A value outside a fixed set, or otherwise not accepted.
    #[default]
    InvalidValue,
    /// A required field left out.
    MissingField,
    /// A key that is a near miss of a known field.
    UnknownField,
    /// A measure's field written on the key result.
    MisplacedField,
    /// A date that is not `YYYY-MM-DD` or names no real day.
    NotADate,
    /// NaN, an infinity or an overflowing literal.
    NotFinite,
    /// A whole number too large to keep exactly.
    NumberTooLarge,
    /// An empty or blank id.
    EmptyId,
    /// An id holding a line break or another control character.
    InvalidId,
    /// An id used twice in one id space.
    DuplicateId,
    /// A person id that is also a team id.
    AmbiguousOwnerId,
    /// A reference to an id that is not defined.
    UnknownReference,
    /// Team parents that form a loop.
    TeamLoop,
    /// Objectives whose alignment loops.
    AlignmentCycle,
    /// A cycle that ends before it starts.
    EndBeforeStart,
    /// A number outside its allowed range.
    OutOfRange,
    /// Sibling weights whose sum overflows.
    WeightOverflow,
    /// A key result with more than one measure.
    SeveralMeasures,
    /// A metric whose start equals its target.
    StartEqualsTarget,
    /// A threshold with neither `min` nor `max`.
    EmptyThreshold,
    /// A threshold whose `max` is below its `min`.
    ImpossibleThreshold,
    /// A file that could not be read (front ends only).
    ReadError,
}

impl ProblemKind {
    /// The stable snake_case name (`unknown_reference`).
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::InputTooLarge => "input_too_large",
            ProblemKind::NotUtf8 => "not_utf8",
            ProblemKind::EmptyInput => "empty_input",
            ProblemKind::SyntaxError => "syntax_error",
            ProblemKind::UnsupportedFormat => "unsupported_format",
            ProblemKind::TrailingContent => "trailing_content",
            ProblemKind::DuplicateKey => "duplicate_key",
            ProblemKind::TooDeep => "too_deep",
            ProblemKind::ExpansionLimit => "expansion_limit",
            ProblemKind::NotAnOkrFile => "not_an_okr_file",
            ProblemKind::WrongType => "wrong_type",
            ProblemKind::InvalidValue => "invalid_value",
            ProblemKind::MissingField => "missing_field",
            ProblemKind::UnknownField => "unknown_field",
            ProblemKind::MisplacedField => "misplaced_field",
            ProblemKind::NotADate => "not_a_date",
            ProblemKind::NotFinite => "not_finite",
            ProblemKind::NumberTooLarge => "number_too_large",
            ProblemKind::EmptyId => "empty_id",
            ProblemKind::InvalidId => "invalid_id",
            ProblemKind::DuplicateId => "duplicate_id",
            ProblemKind::AmbiguousOwnerId => "ambiguous_owner_id",
            ProblemKind::UnknownReference => "unknown_reference",
            ProblemKind::TeamLoop => "team_loop",
            ProblemKind::AlignmentCycle => "alignment_cycle",
            ProblemKind::EndBeforeStart => "end_before_start",
            ProblemKind::OutOfRange => "out_of_range",
            ProblemKind::WeightOverflow => "weight_overflow",
            ProblemKind::SeveralMeasures => "several_measures",
            ProblemKind::StartEqualsTarget => "start_equals_target",
            ProblemKind::EmptyThreshold => "empty_threshold",
            ProblemKind::ImpossibleThreshold => "impossible_threshold",
            ProblemKind::ReadError => "read_error",
        }
    }
}

impl ProblemKind {
    /// What to do about a problem of this kind, in general (the problem's message says it
    /// for the case at hand). `help` in JSON output; the table in docs/errors.md.
    pub fn help(self) -> &'static str {
        match self {
            ProblemKind::InputTooLarge => {
                "split the file by cycle or team, or raise the size limit"
            }
            ProblemKind::NotUtf8 => "save the file as UTF-8",
            ProblemKind::EmptyInput => "write at least an `objectives:` list",
            ProblemKind::SyntaxError => {
                "fix the text at this line: indent with spaces, close quotes and brackets"
            }
            ProblemKind::TrailingContent => {
                "keep one document per file: remove or move what follows the first"
            }
            ProblemKind::DuplicateKey => "write each key once per mapping",
            ProblemKind::TooDeep => {
                "write the data out flatter; OKR documents need only a few levels"
            }
            ProblemKind::ExpansionLimit => {
                "write the data out plainly, without aliases that multiply it"
            }
            ProblemKind::NotAnOkrFile => {
                "start the file with `objectives:` (and `cycles:`, `teams:`, `people:`)"
            }
            ProblemKind::WrongType => "give a value of the type `okr schema` names for this field",
            ProblemKind::InvalidValue => "use one of the values `okr schema` lists for this field",
            ProblemKind::MissingField => "add the field",
            ProblemKind::UnknownField => {
                "fix the spelling of the key, or prefix your own fields with `x_`"
            }
            ProblemKind::MisplacedField => {
                "move the field under the measure (`metric:`, `threshold:`)"
            }
            ProblemKind::NotADate => "write the date as YYYY-MM-DD, e.g. 2026-07-01",
            ProblemKind::NotFinite => "write a plain number such as 42 or 0.5",
            ProblemKind::NumberTooLarge => "write a smaller number, or text if it is an identifier",
            ProblemKind::EmptyId => "give the item an id",
            ProblemKind::InvalidId => "use an id on one line, of printable characters",
            ProblemKind::DuplicateId => {
                "give each objective, key result, team and person its own id"
            }
            ProblemKind::AmbiguousOwnerId => "give the person and the team different ids",
            ProblemKind::UnknownReference => "define the id it names, or fix the spelling",
            ProblemKind::TeamLoop => "give one team of the loop another parent, or none",
            ProblemKind::AlignmentCycle => {
                "align one objective of the loop to something outside it"
            }
            ProblemKind::EndBeforeStart => {
                "swap or fix the dates so the cycle ends after it starts"
            }
            ProblemKind::OutOfRange => {
                "use a number inside the allowed range (0 to 1 for scores and confidence)"
            }
            ProblemKind::WeightOverflow => "use smaller weights; only their ratios matter",
            ProblemKind::SeveralMeasures => {
                "keep one measure per key result (metric, threshold, binary or milestones)"
            }
            ProblemKind::StartEqualsTarget => {
                "set a target different from the start, or use a threshold to hold a level"
            }
            ProblemKind::EmptyThreshold => "give the threshold a `min`, a `max`, or both",
            ProblemKind::ImpossibleThreshold => "make `max` at least `min`",
            ProblemKind::ReadError => "check that the file exists and can be read",
            ProblemKind::UnsupportedFormat => {
                "pass JSON, or build okr-core with its `yaml` feature (on by default)"
            }
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
    /// The error with its problems' lines removed: for documents read from text the caller
    /// never saw (plain data written as JSON on the way in).
    pub fn without_lines(self) -> Error {
        let unlocated = |problem: Problem| Problem {
            line: None,
            ..problem
        };
        match self {
            Error::Syntax(problem) => Error::Syntax(unlocated(problem)),
            Error::Invalid(problems) => {
                Error::Invalid(problems.into_iter().map(unlocated).collect())
            }
            other => other,
        }
    }

    /// The error as a list of located problems, so every kind of error prints the same way.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Error::Invalid(problems) => problems.clone(),
            Error::Syntax(problem) => vec![problem.clone()],
            Error::NotUtf8 { line, .. } => vec![Problem {
                line: Some(*line),
                ..Problem::new(ProblemKind::NotUtf8, DocPath::root(), self.to_string())
            }],
            Error::TooLarge { .. } => {
                vec![Problem::new(
                    ProblemKind::InputTooLarge,
                    DocPath::root(),
                    self.to_string(),
                )]
            }
            Error::Empty => vec![Problem::new(
                ProblemKind::EmptyInput,
                DocPath::root(),
                self.to_string(),
            )],
            _ => vec![Problem::new(
                ProblemKind::InvalidValue,
                DocPath::root(),
                self.to_string(),
            )],
        }
    }
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
