//! Whole numbers written with more digits than 64 bits hold.
//!
//! Both readers turn such a literal (`jira: 123456789012345678901234567890`) into the
//! nearest `f64` without saying so, and `convert` would then write `1.2345678901234568e29`:
//! the user's data, changed. Number fields refuse whole numbers beyond 2^53 already
//! ([`crate::model::numbers`]); this scan covers every other place, unknown fields included,
//! by looking at the literals themselves, which the parsers no longer show.
//!
//! The scan is one pass over the bytes that looks closer only at runs of 19 or more digits
//! (`i64::MIN` has 19, `u64::MAX` 20), so ordinary documents pay for a byte loop only.

use super::{Format, LineIndex};
use crate::error::{Problem, ProblemKind};

/// Digits of the shortest whole number that can fall outside 64 bits (below `i64::MIN`).
const SHORTEST_SUSPECT: usize = 19;

/// Every whole-number literal in `text` beyond the 64-bit range, as a located problem.
pub(super) fn problems(text: &str, format: Format) -> Vec<Problem> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut run = 0usize;
    for (at, &byte) in bytes.iter().enumerate() {
        if byte.is_ascii_digit() {
            run += 1;
            continue;
        }
        if run >= SHORTEST_SUSPECT {
            found.extend(too_wide(text, at - run, at, format));
        }
        run = 0;
    }
    if run >= SHORTEST_SUSPECT {
        found.extend(too_wide(text, bytes.len() - run, bytes.len(), format));
    }
    if found.is_empty() {
        return Vec::new();
    }
    let positions: Vec<(usize, Option<usize>)> = found
        .iter()
        .map(|(line, column, _)| (*line, Some(*column)))
        .collect();
    let paths = LineIndex::paths_at(text, &positions);
    found
        .into_iter()
        .zip(paths)
        .map(|((line, _, literal), path)| {
            let path = path.unwrap_or_default();
            Problem {
                kind: ProblemKind::NumberTooLarge,
                path,
                id: None,
                line: Some(line),
                message: format!(
                    "{literal} is a whole number too large to keep exactly (beyond 64 bits); \
                     quote it if it is a code or an id, or write it with fewer digits \
                     (in thousands or millions) if it is an amount"
                ),
            }
        })
        .collect()
}

/// The digit run `start..end` as a located literal, when it is a whole plain number (not
/// text, a comment or part of a decimal) whose value is beyond 64 bits.
fn too_wide(
    text: &str,
    start: usize,
    end: usize,
    format: Format,
) -> Option<(usize, usize, String)> {
    let bytes = text.as_bytes();
    let negative = start > 0 && bytes[start - 1] == b'-';
    let token_start = start - usize::from(negative || (start > 0 && bytes[start - 1] == b'+'));
    let line_start = text[..token_start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = text[line_start..token_start].trim_end();
    let after = text[end..line_end].trim_start();
    let starts_value = before.is_empty() || before.ends_with([':', '[', ',', '{', '-']);
    let ends_value = after.is_empty()
        || after.starts_with([',', ']', '}'])
        || (format == Format::Yaml
            && after.starts_with('#')
            && end < line_end
            && bytes[end] != b'#');
    if !starts_value || !ends_value || in_text_or_comment(&text[line_start..token_start], format) {
        return None;
    }
    let digits = &text[start..end];
    let magnitude = digits.parse::<u128>().ok();
    let limit = if negative {
        1u128 << 63
    } else {
        u128::from(u64::MAX)
    };
    if magnitude.is_some_and(|m| m <= limit) {
        return None;
    }
    let line = 1 + text[..token_start].bytes().filter(|&b| b == b'\n').count();
    Some((
        line,
        token_start - line_start,
        text[token_start..end].to_owned(),
    ))
}

/// True when the end of `prefix` (a line up to a token) is inside a quoted string or, in
/// YAML, a comment. JSON strings never span lines; a YAML string that does is read as
/// plain here, which can only make the scan report a literal that was text.
fn in_text_or_comment(prefix: &str, format: Format) -> bool {
    let mut quote: Option<u8> = None;
    let mut escaped = false;
    let mut previous = b' ';
    for &byte in prefix.as_bytes() {
        match quote {
            Some(b'"') if escaped => escaped = false,
            Some(b'"') if byte == b'\\' => escaped = true,
            // YAML doubles a single quote inside single quotes: two toggles, no change.
            Some(open) if byte == open => quote = None,
            Some(_) => {}
            None if byte == b'"' || (format == Format::Yaml && byte == b'\'') => quote = Some(byte),
            None if format == Format::Yaml && byte == b'#' && previous.is_ascii_whitespace() => {
                return true;
            }
            None => {}
        }
        previous = byte;
    }
    quote.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(text: &str, format: Format) -> Vec<(Option<usize>, String)> {
        problems(text, format)
            .into_iter()
            .map(|p| (p.line, p.path.to_string()))
            .collect()
    }

    #[test]
    fn finds_plain_literals_beyond_64_bits_in_both_formats() {
        let yaml = "objectives:\n  - id: O1\n    title: Grow\n    jira: 123456789012345678901234567890\n    fits: 18446744073709551615\n    low: -9223372036854775809\n    lowest: -9223372036854775808\n";
        assert_eq!(
            literals(yaml, Format::Yaml),
            vec![
                (Some(4), "objectives[0].jira".to_owned()),
                (Some(6), "objectives[0].low".to_owned())
            ]
        );
        let json = r#"{"objectives":[{"id":"O1","title":"Grow","x":[1,18446744073709551616]}]}"#;
        assert_eq!(
            literals(json, Format::Json),
            vec![(Some(1), "objectives[0].x[1]".to_owned())]
        );
    }

    #[test]
    fn leaves_text_comments_and_decimals_alone() {
        let yaml = "a: \"123456789012345678901234567890\"\nb: '123456789012345678901234567890'\nc: 1 # 123456789012345678901234567890\nd: 123456789012345678901234567890.5\ne: 1234567890123456789012345678901e3\nf: ab123456789012345678901234567890\n";
        assert!(literals(yaml, Format::Yaml).is_empty());
        let json =
            r#"{"a":"x 123456789012345678901234567890","b":1.23456789012345678901234567890}"#;
        assert!(literals(json, Format::Json).is_empty());
    }
}
