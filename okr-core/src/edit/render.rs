//! Writing one new item as its siblings are written: a YAML flow map on one line, a YAML block
//! map (nested lists of mappings as block lists, other nested values inline, the way people
//! write OKR files), or JSON, with numbers spelled as a person would (`3`, not `3.0`).

use crate::format::Format;
use serde::Serialize;
use serde_json::{Map, Value};

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

/// The item as the file would hold it: the model's own serialisation, with whole numbers
/// written as integers.
pub(super) fn to_value(item: &impl Serialize) -> Value {
    let mut value = serde_json::to_value(item).unwrap_or(Value::Null);
    whole_numbers(&mut value);
    value
}

fn whole_numbers(value: &mut Value) {
    match value {
        Value::Number(n) => {
            if let Some(x) = n.as_f64().filter(|_| n.is_f64()) {
                *value = number_value(x);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        Value::Object(map) => map.values_mut().for_each(whole_numbers),
        _ => {}
    }
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

/// True for `YYYY-MM-DD`, which YAML files write plain.
fn is_day(text: &str) -> bool {
    text.len() == 10 && text.parse::<chrono::NaiveDate>().is_ok()
}

/// Text that YAML reads back as the same string when written without quotes: words,
/// spaces and a little punctuation, not a number, boolean or null in any spelling. (An
/// edit is checked by reading it back, so a wrong guess here is refused, never saved.)
fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let lower = text.to_ascii_lowercase();
    first.is_ascii_alphanumeric()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '%' | '/'))
        && !text.ends_with(' ')
        && text.chars().any(|c| c.is_ascii_alphabetic())
        && text.parse::<f64>().is_err()
        && !(first.is_ascii_digit() && (lower.starts_with("0x") || lower.starts_with("0o")))
        && !matches!(
            lower.as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "nan" | "inf"
        )
}

/// A scalar as the format writes it: YAML days and safe text plain, other text as a JSON
/// string (which YAML reads the same way).
fn scalar(value: &Value, format: Format) -> String {
    match (value, format) {
        (Value::String(text), Format::Yaml) if is_day(text) || is_plain_safe(text) => text.clone(),
        _ => value.to_string(),
    }
}

/// Text as a scalar of the format (plain in YAML when that reads back the same).
pub(super) fn scalar_text(text: &str, format: Format) -> String {
    scalar(&Value::String(text.to_owned()), format)
}

fn key(name: &str, format: Format) -> String {
    match format {
        Format::Yaml if is_plain_safe(name) => name.to_owned(),
        _ => Value::String(name.to_owned()).to_string(),
    }
}

/// A value on one line: YAML flow style or spaced JSON.
fn inline(value: &Value, format: Format) -> String {
    match value {
        Value::Object(map) => {
            let pairs: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", key(k, format), inline(v, format)))
                .collect();
            match format {
                Format::Yaml if pairs.is_empty() => "{}".to_owned(),
                Format::Yaml => format!("{{ {} }}", pairs.join(", ")),
                Format::Json => format!("{{{}}}", pairs.join(", ")),
            }
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|v| inline(v, format)).collect();
            format!("[{}]", items.join(", "))
        }
        scalar_value => scalar(scalar_value, format),
    }
}

/// A YAML block mapping's entries, the first without indent (it follows `- `), the rest at
/// `column`. Lists of mappings become block lists; other nested values stay inline.
fn block(map: &Map<String, Value>, column: usize) -> String {
    let indent = " ".repeat(column);
    let mut lines = Vec::new();
    for (name, value) in map {
        let name = key(name, Format::Yaml);
        match value {
            Value::Array(items) if !items.is_empty() && items.iter().any(Value::is_object) => {
                lines.push(format!("{name}:"));
                for item in items {
                    let text = match item {
                        Value::Object(inner) => block(inner, column + 4),
                        other => inline(other, Format::Yaml),
                    };
                    lines.push(format!("  - {text}"));
                }
            }
            other => lines.push(format!("{name}: {}", inline(other, Format::Yaml))),
        }
    }
    lines.join(&format!("\n{indent}"))
}

/// The item as text in `layout`, without a leading indent or list marker.
pub(super) fn item(value: &Value, format: Format, layout: Layout) -> String {
    match (layout, value) {
        (Layout::Block { column }, Value::Object(map)) if format == Format::Yaml => {
            block(map, column)
        }
        (Layout::Lines { column }, _) => {
            let pretty = serde_json::to_string_pretty(value).unwrap_or_default();
            pretty.replace('\n', &format!("\n{}", " ".repeat(column)))
        }
        _ => inline(value, format),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CheckIn;
    use chrono::NaiveDate;

    fn sample() -> Value {
        to_value(
            &CheckIn::new(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap())
                .value(3.0)
                .confidence(0.75)
                .note("on: track"),
        )
    }

    #[test]
    fn writes_each_layout() {
        let c = sample();
        assert_eq!(
            item(&c, Format::Yaml, Layout::Inline),
            r#"{ date: 2026-07-01, value: 3, confidence: 0.75, note: "on: track" }"#
        );
        assert_eq!(
            item(&c, Format::Json, Layout::Inline),
            r#"{"date": "2026-07-01", "value": 3, "confidence": 0.75, "note": "on: track"}"#
        );
        assert_eq!(
            item(&c, Format::Yaml, Layout::Block { column: 4 }),
            "date: 2026-07-01\n    value: 3\n    confidence: 0.75\n    note: \"on: track\""
        );
        assert_eq!(
            item(&c, Format::Json, Layout::Lines { column: 2 }),
            "{\n    \"date\": \"2026-07-01\",\n    \"value\": 3,\n    \"confidence\": 0.75,\n    \"note\": \"on: track\"\n  }"
        );
    }

    #[test]
    fn nested_lists_of_mappings_are_block_lists() {
        let objective = serde_json::json!({"id": "O1", "title": "Grow", "key_results": [{"id": "K1", "metric": {"start": 1.0, "target": 2.5}}, "Ship it"]});
        let mut objective = objective;
        whole_numbers(&mut objective);
        assert_eq!(
            item(&objective, Format::Yaml, Layout::Block { column: 4 }),
            "id: O1\n    title: Grow\n    key_results:\n      - id: K1\n        metric: { start: 1, target: 2.5 }\n      - Ship it"
        );
    }

    #[test]
    fn plain_text_only_where_yaml_reads_it_back_as_text() {
        assert!(is_plain_safe("loyalty emails live"));
        assert!(is_plain_safe("Raise NPS from 30% to 45%"));
        assert!(is_plain_safe("2026-Q4") && is_plain_safe("3 days"));
        for risky in [
            "", "yes", "No", "1e3", "0x1F", "12", "inf", "a: b", "#1", "x ", "null", "don't", "%x",
        ] {
            assert!(!is_plain_safe(risky), "{risky}");
        }
        assert_eq!(number_value(-0.0), Value::from(0));
        assert_eq!(number_value(2.5), serde_json::json!(2.5));
    }
}
