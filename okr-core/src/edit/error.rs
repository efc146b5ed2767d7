//! Why an edit was refused.

use crate::error::Error;
use std::fmt;

/// Why an edit was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EditError {
    /// No key result has this id.
    UnknownKeyResult {
        /// The id asked for.
        id: String,
        /// The nearest id the document has, when one is close.
        suggestion: Option<String>,
    },
    /// A check-in value was given for a key result measured otherwise (binary, milestones,
    /// or rolled up from child objectives), or none was given for one that needs it.
    WrongMeasure {
        /// The key result.
        id: String,
        /// What to do instead.
        message: String,
    },
    /// A number that cannot be stored: not finite, or a confidence outside [0, 1].
    BadNumber {
        /// The field (`value`, `confidence`).
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The change asked for does not fit the document (a cycle that already exists, no
    /// cycle to close).
    Plan {
        /// What does not fit.
        message: String,
    },
    /// The edited document would not be valid; every problem is listed.
    Invalid(Error),
    /// The text is laid out in a way okr cannot edit in place (for example `check_ins:` with
    /// no list after it); the message says which node.
    Layout {
        /// What could not be edited.
        message: String,
    },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::UnknownKeyResult { id, suggestion } => {
                write!(f, "no key result has the id `{id}`")?;
                match suggestion {
                    Some(near) => write!(f, "; did you mean `{near}`?"),
                    None => write!(
                        f,
                        "; check the spelling against the key results' `id:` fields"
                    ),
                }
            }
            EditError::WrongMeasure { id, message } => write!(f, "key result `{id}`: {message}"),
            EditError::BadNumber { field, message } => write!(f, "{field}: {message}"),
            EditError::Invalid(error) => {
                write!(f, "the edit would leave the document invalid: {error}")
            }
            EditError::Layout { message } | EditError::Plan { message } => f.write_str(message),
        }
    }
}

impl std::error::Error for EditError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EditError::Invalid(error) => Some(error),
            _ => None,
        }
    }
}
