//! Writing one new item as its siblings are written: a YAML flow map on one line, a YAML block
//! map, or a JSON object, with numbers spelled as a person would (`3`, not `3.0`).

use crate::format::Format;
use crate::model::CheckIn;
use serde_json::Value;

/// How a new item is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// `{ date: 2026-07-01, value: 3 }` (YAML) or `{"date": "2026-07-01", "value": 3}` (JSON).
    Inline,
    /// YAML block mapping, one field per line, continuation lines indented to this column.
    Block { column: usize },
    /// JSON object, one field per line, the object's braces at this column.
    Lines { column: usize },
}

/// The fields of a check-in in the order the format documents them.
fn fields(check_in: &CheckIn) -> Vec<(String, Value)> {
    let mut fields = vec![("date".to_owned(), Value::String(check_in.date.to_string()))];
    let numbers = [
        ("value", check_in.value),
        ("confidence", check_in.confidence),
    ];
    for (name, number) in numbers {
        if let Some(number) = number {
            fields.push((name.to_owned(), number_value(number)));
        }
    }
    if let Some(note) = &check_in.note {
        fields.push(("note".to_owned(), Value::String(note.clone())));
    }
    fields.extend(check_in.extra.iter().map(|(k, v)| (k.clone(), v.clone())));
    fields
}

/// A whole number as an integer (`3`), anything else as the shortest decimal that reads back.
fn number_value(number: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if number.fract() == 0.0 && number.abs() <= EXACT {
        // Exact by the bound above; `+ 0.0` turns -0 into 0.
        #[allow(clippy::cast_possible_truncation)]
        return Value::from((number + 0.0) as i64);
    }
    serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number)
}

/// A number as text, spelled as [`number_value`] decides (`3`, `2.5`).
pub(super) fn number(number: f64) -> String {
    number_value(number).to_string()
}

/// A scalar as the format writes it. YAML dates stay plain (`2026-07-01`); text that could
/// read as anything else is written as a JSON string, which YAML reads the same way.
fn scalar(value: &Value, format: Format, key: &str) -> String {
    match (value, format) {
        (Value::String(text), Format::Yaml) if key == "date" => text.clone(),
        (Value::String(text), Format::Yaml) if is_plain_safe(text) => text.clone(),
        _ => value.to_string(),
    }
}

/// Text that YAML reads back as the same string when written without quotes.
fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    first.is_ascii_alphabetic()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-' || c == '_' || c == '.')
        && !text.ends_with(' ')
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "nan" | "inf"
        )
}

fn key(name: &str, format: Format) -> String {
    match format {
        Format::Yaml => name.to_owned(),
        Format::Json => Value::String(name.to_owned()).to_string(),
    }
}

/// The check-in as text in `layout`, without a leading indent or list marker.
pub(super) fn check_in(check_in: &CheckIn, format: Format, layout: Layout) -> String {
    let pairs: Vec<String> = fields(check_in)
        .iter()
        .map(|(name, value)| format!("{}: {}", key(name, format), scalar(value, format, name)))
        .collect();
    match (layout, format) {
        (Layout::Inline, Format::Yaml) => format!("{{ {} }}", pairs.join(", ")),
        (Layout::Inline, Format::Json) => format!("{{{}}}", pairs.join(", ")),
        (Layout::Block { column }, _) => pairs.join(&format!("\n{}", " ".repeat(column))),
        (Layout::Lines { column }, _) => {
            let inner = " ".repeat(column + 2);
            format!(
                "{{\n{inner}{}\n{}}}",
                pairs.join(&format!(",\n{inner}")),
                " ".repeat(column)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn sample() -> CheckIn {
        CheckIn::new(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap())
            .value(3.0)
            .confidence(0.75)
            .note("on: track")
    }

    #[test]
    fn writes_each_layout() {
        let c = sample();
        assert_eq!(
            check_in(&c, Format::Yaml, Layout::Inline),
            r#"{ date: 2026-07-01, value: 3, confidence: 0.75, note: "on: track" }"#
        );
        assert_eq!(
            check_in(&c, Format::Json, Layout::Inline),
            r#"{"date": "2026-07-01", "value": 3, "confidence": 0.75, "note": "on: track"}"#
        );
        assert_eq!(
            check_in(&c, Format::Yaml, Layout::Block { column: 4 }),
            "date: 2026-07-01\n    value: 3\n    confidence: 0.75\n    note: \"on: track\""
        );
        assert_eq!(
            check_in(&c, Format::Json, Layout::Lines { column: 2 }),
            "{\n    \"date\": \"2026-07-01\",\n    \"value\": 3,\n    \"confidence\": 0.75,\n    \"note\": \"on: track\"\n  }"
        );
    }

    #[test]
    fn plain_text_only_where_yaml_reads_it_back_as_text() {
        assert!(is_plain_safe("loyalty emails live"));
        for risky in [
            "", "yes", "No", "3 days", "a: b", "#1", "x ", "null", "don't",
        ] {
            assert!(!is_plain_safe(risky), "{risky}");
        }
        assert_eq!(number_value(-0.0), Value::from(0));
        assert_eq!(number_value(2.5), serde_json::json!(2.5));
    }
}
