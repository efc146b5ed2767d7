//! After a typed read fails: check every item of the generic value on its own, so one pass
//! reports the shape errors of all items rather than only the first.

use super::{Format, LoadOptions, json, yaml};
use crate::error::Problem;
use crate::model::{Cycle, HistoryEntry, KeyResult, Objective, Person, Team};
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
        Format::Yaml => yaml::parse_value(text, limits).ok()?,
        Format::Json => json::parse_as(text, limits).ok()?,
    };
    Some(problems_in(&root))
}

/// Every item-level shape problem of a generic document value; when no item has one, the
/// document-level problem (with its path).
pub(super) fn problems_in(root: &Value) -> Vec<Problem> {
    let Value::Object(map) = root else {
        return vec![Problem::new(
            "",
            "the document must be a mapping with keys such as `cycles`, `teams` and `objectives`",
        )];
    };
    let mut problems = Vec::new();
    check_list::<Cycle>(map, "cycles", &mut problems);
    check_list::<Team>(map, "teams", &mut problems);
    check_list::<Person>(map, "people", &mut problems);
    check_objectives(map, &mut problems);
    check_list::<HistoryEntry>(map, "history", &mut problems);
    if problems.is_empty()
        && let Err(e) = serde_path_to_error::deserialize::<_, crate::model::Document>(root)
    {
        problems.push(Problem::new(
            super::path_text(e.path()),
            super::clean_message(&e.into_inner().to_string()),
        ));
    }
    problems
}

/// Objectives are checked one by one, and inside a failing one each key result on its own,
/// so every bad key result is named, not only the first of its objective.
fn check_objectives(root: &serde_json::Map<String, Value>, problems: &mut Vec<Problem>) {
    let Some(Value::Array(items)) = root.get("objectives") else {
        check_list::<Objective>(root, "objectives", problems);
        return;
    };
    for (index, item) in items.iter().enumerate() {
        if serde_path_to_error::deserialize::<_, Objective>(item).is_ok() {
            continue;
        }
        let id = item.get("id").and_then(Value::as_str);
        let mut rest = item.clone();
        let key_results = rest.as_object_mut().and_then(|o| o.remove("key_results"));
        if let Err(e) = serde_path_to_error::deserialize::<_, Objective>(&rest) {
            problems.push(located(format!("objectives[{index}]"), e).with_id(id));
        }
        match key_results {
            Some(Value::Array(krs)) => {
                for (k, kr) in krs.iter().enumerate() {
                    if let Err(e) = serde_path_to_error::deserialize::<_, KeyResult>(kr) {
                        let kr_id = kr.get("id").and_then(Value::as_str).or(id);
                        problems.push(
                            located(format!("objectives[{index}].key_results[{k}]"), e)
                                .with_id(kr_id),
                        );
                    }
                }
            }
            Some(Value::Null) | None => {}
            Some(_) => problems.push(
                Problem::new(
                    format!("objectives[{index}].key_results"),
                    "`key_results` must be a list",
                )
                .with_id(id),
            ),
        }
    }
}

/// A problem at `prefix` plus the path inside the item.
fn located(prefix: String, e: serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let inner = super::path_text(e.path());
    let path = if inner.is_empty() {
        prefix
    } else {
        format!("{prefix}.{inner}")
    };
    Problem::new(path, super::clean_message(&e.into_inner().to_string()))
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
