//! After a typed parse fails: re-read the text generically and check every item on its own,
//! so one pass reports the shape errors of all items rather than only the first.

use super::{Format, LoadOptions, json, yaml};
use crate::error::Problem;
use crate::model::{Cycle, HistoryEntry, Objective, Person, Team};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Every item-level shape problem, or `None` when the text cannot even be read generically
/// (a syntax error: the typed parser's own error is then the one to show).
pub(super) fn all_problems(
    text: &str,
    format: Format,
    limits: &LoadOptions,
) -> Option<Vec<Problem>> {
    let root: Value = match format {
        Format::Yaml => yaml::parse_as(text, limits, true).ok()?,
        Format::Json => json::parse_as(text, limits).ok()?,
    };
    let Value::Object(root) = root else {
        return Some(vec![Problem::new(
            "",
            "the document must be a mapping with keys such as `cycles`, `teams` and `objectives`",
        )]);
    };
    let mut problems = Vec::new();
    check_list::<Cycle>(&root, "cycles", &mut problems);
    check_list::<Team>(&root, "teams", &mut problems);
    check_list::<Person>(&root, "people", &mut problems);
    check_list::<Objective>(&root, "objectives", &mut problems);
    check_list::<HistoryEntry>(&root, "history", &mut problems);
    Some(problems)
}

fn check_list<T: DeserializeOwned>(
    root: &serde_json::Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) {
    match root.get(key) {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (index, item) in items.iter().enumerate() {
                if let Err(e) = serde_path_to_error::deserialize::<_, T>(item) {
                    let inner = super::path_text(e.path());
                    let path = if inner.is_empty() {
                        format!("{key}[{index}]")
                    } else {
                        format!("{key}[{index}].{inner}")
                    };
                    let id = item.get("id").and_then(Value::as_str);
                    problems.push(
                        Problem::new(path, super::clean_message(&e.into_inner().to_string()))
                            .with_id(id),
                    );
                }
            }
        }
        Some(_) => problems.push(Problem::new(key, format!("`{key}` must be a list"))),
    }
}
