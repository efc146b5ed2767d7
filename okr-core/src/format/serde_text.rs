//! serde and the YAML and JSON parsers describe an error in text only. This is the one
//! place that reads that text: [`describe`] decides the problem's kind once, and the
//! message (what went wrong, in a user's words, and what to do) then follows from the kind.
//! The rest of the crate never looks at an error's wording.

use super::{JSON_MAX_DEPTH, LoadOptions};
use crate::error::ProblemKind;

/// The kind and the user-facing message of a serde or parser error (`raw`, as the library
/// wrote it); `otherwise` is the kind when the text names none of its own.
pub(super) fn describe(raw: &str, otherwise: ProblemKind) -> (ProblemKind, String) {
    let kind = kind_of(raw, otherwise);
    (kind, message_for(kind, without_position(raw)))
}

/// True for a kind about the input as a whole rather than a node (text after the JSON
/// document, a second YAML document): its position names no path.
pub(super) fn is_about_whole_document(kind: ProblemKind) -> bool {
    kind == ProblemKind::TrailingContent
}

/// serde's wording of a non-finite number that reached a number field as text: YAML
/// writes NaN and the infinities this way, and the bindings pass them on so.
fn is_non_finite_text(raw: &str) -> bool {
    ["string \".nan\"", "string \".inf\"", "string \"-.inf\""]
        .iter()
        .any(|text| raw.contains(text))
}

fn kind_of(raw: &str, otherwise: ProblemKind) -> ProblemKind {
    let has = |part: &str| raw.contains(part);
    if raw.starts_with("missing field") {
        ProblemKind::MissingField
    } else if has("is not a calendar date") || has("is not a date") {
        ProblemKind::NotADate
    } else if is_non_finite_text(raw)
        || has("out of range")
        || has("non-finite")
        || has("floating point")
    {
        ProblemKind::NotFinite
    } else if has("whole number too large") {
        ProblemKind::NumberTooLarge
    } else if has("nests more than") || raw.starts_with("recursion limit exceeded") {
        ProblemKind::TooDeep
    } else if raw.starts_with("budget breached") {
        ProblemKind::ExpansionLimit
    } else if raw.starts_with("trailing characters") || raw.starts_with("multiple YAML documents") {
        ProblemKind::TrailingContent
    } else if raw.starts_with("duplicate mapping key") || raw.starts_with("duplicate field") {
        ProblemKind::DuplicateKey
    } else if raw.starts_with("invalid type") {
        ProblemKind::WrongType
    } else if raw.starts_with("invalid value") || raw.starts_with("unknown variant") {
        ProblemKind::InvalidValue
    } else {
        otherwise
    }
}

/// Drops serde's own " at line X column Y": the problem carries its line.
fn without_position(raw: &str) -> &str {
    raw.find(" at line ").map_or(raw, |cut| &raw[..cut])
}

/// The message of a problem of `kind`; `text` is the library's, without its position.
fn message_for(kind: ProblemKind, text: &str) -> String {
    let with_schema_hint = || {
        format!(
            "{}; see `okr schema` for the expected shape",
            plain_types(text)
        )
    };
    let names_a_type = text.starts_with("invalid type") || text.starts_with("invalid value");
    match kind {
        ProblemKind::MissingField => match text.strip_prefix("missing field ") {
            Some(field) => format!("missing field {field}; add it"),
            None => text.to_owned(),
        },
        ProblemKind::NotFinite if is_non_finite_text(text) => {
            "not a finite number (NaN, infinity or an overflow such as 1e999); write a plain number such as 42 or 0.5".to_owned()
        }
        ProblemKind::NotFinite if names_a_type => with_schema_hint(),
        ProblemKind::NotFinite => format!(
            "{text}: expected a finite number; write a plain number such as 42 or 0.5 (NaN, infinities and overflows like 1e999 are refused)"
        ),
        // YAML reads unquoted yes/no/on/off/true/false as booleans (YAML 1.1 habits).
        ProblemKind::WrongType
            if text.starts_with("invalid type: boolean") && text.ends_with("expected a string") =>
        {
            format!(
                "{}; YAML reads an unquoted yes, no, on, off, true or false as true or false: quote it, e.g. `title: \"No\"`",
                plain_types(text)
            )
        }
        ProblemKind::WrongType | ProblemKind::InvalidValue if names_a_type => with_schema_hint(),
        ProblemKind::ExpansionLimit => format!(
            "the YAML expands to too many nodes or nests too deeply ({text}); alias bombs and runaway nesting are refused, write the data out plainly"
        ),
        ProblemKind::TooDeep if text.starts_with("recursion limit exceeded") => format!(
            "nests too deeply (the limits are {} levels for YAML and {JSON_MAX_DEPTH} for JSON); an OKR document needs only a few levels, write the data out flatter",
            LoadOptions::default().max_depth
        ),
        ProblemKind::TrailingContent if text.starts_with("trailing characters") => {
            "text follows the end of the JSON document; a file holds exactly one JSON object, remove what comes after its closing `}`".to_owned()
        }
        ProblemKind::TrailingContent => {
            "a second YAML document (after `---`) follows the first; a file holds exactly one document, move the rest to a file of its own".to_owned()
        }
        ProblemKind::DuplicateKey => match text.strip_prefix("duplicate mapping key: ") {
            Some(rest) => {
                let key = rest.split(',').next().unwrap_or(rest);
                format!("duplicate key `{key}`; each key may appear only once in a mapping")
            }
            None => text.to_owned(),
        },
        _ => text.to_owned(),
    }
}

/// serde names Rust types (`expected f64`); users think in numbers and text.
fn plain_types(message: &str) -> String {
    [
        ("expected f64", "expected a number"),
        ("expected f32", "expected a number"),
        ("expected u8", "expected a whole number"),
        ("expected u16", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected usize", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected a borrowed string", "expected text"),
        ("expected a string", "expected text"),
    ]
    .iter()
    .fold(message.to_owned(), |text, (from, to)| {
        text.replace(from, to)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_decides_the_advice() {
        let (kind, message) = describe(
            "missing field `title` at line 3 column 5",
            ProblemKind::SyntaxError,
        );
        assert_eq!(
            (kind, message.as_str()),
            (ProblemKind::MissingField, "missing field `title`; add it")
        );
        let (kind, message) = describe(
            "invalid type: string \".nan\", expected f64",
            ProblemKind::InvalidValue,
        );
        assert_eq!(kind, ProblemKind::NotFinite);
        assert!(message.starts_with("not a finite number"), "{message}");
        let (kind, message) = describe(
            "invalid type: boolean `false`, expected a string",
            ProblemKind::InvalidValue,
        );
        assert_eq!(kind, ProblemKind::WrongType);
        assert!(
            message.contains("quote it") && message.contains("expected text"),
            "{message}"
        );
        let (kind, message) = describe(
            "duplicate mapping key: owner, at line 4",
            ProblemKind::SyntaxError,
        );
        assert_eq!(
            (kind, message.as_str()),
            (
                ProblemKind::DuplicateKey,
                "duplicate key `owner`; each key may appear only once in a mapping"
            )
        );
        let (kind, _) = describe(
            "trailing characters at line 2 column 1",
            ProblemKind::SyntaxError,
        );
        assert!(is_about_whole_document(kind));
        // Text naming no kind keeps the caller's kind and its own words.
        assert_eq!(
            describe("did not find expected key", ProblemKind::SyntaxError),
            (
                ProblemKind::SyntaxError,
                "did not find expected key".to_owned()
            )
        );
    }
}
