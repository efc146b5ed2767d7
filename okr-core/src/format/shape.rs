//! After a typed read fails: check every item of the generic value on its own, so one pass
//! reports the shape errors of all items rather than only the first, and keep reading.
//!
//! An item with a type error (a bad date, text where a number goes) is marked invalid and
//! replaced by a placeholder that keeps its id. The rest of the document is then typed and
//! cross-checked as usual ([`crate::validate`]): unknown owners, loops, out-of-range numbers
//! elsewhere are all reported in the same run. Problems inside an invalid item are left out,
//! since its fields were not read. The items are cycles, teams, people, history entries,
//! objectives (their own fields), key results, and a key result's check-ins and milestones.

use super::{Format, LoadOptions, json, yaml};
use crate::error::{Problem, ProblemKind};
use crate::model::{Cycle, Document, HistoryEntry, KeyResult, Objective, Person, Team};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

/// What a document that does not type still tells.
#[derive(Debug, Default)]
pub(super) struct Salvage {
    /// Every item-level shape problem (or the document-level one).
    pub(super) problems: Vec<Problem>,
    /// The document with invalid items replaced by placeholders, when that types.
    pub(super) document: Option<Document>,
    /// Paths of the invalid items.
    invalid: Vec<Invalid>,
}

#[derive(Debug)]
struct Invalid {
    path: String,
    /// An objective's key results are items of their own: not covered by the objective.
    keeps_key_results: bool,
}

impl Salvage {
    /// True when `path` lies inside an invalid item (whose fields were not read).
    pub(super) fn covers(&self, path: &str) -> bool {
        self.invalid.iter().any(|item| {
            let Some(rest) = path.strip_prefix(item.path.as_str()) else {
                return false;
            };
            let inside = rest.is_empty() || rest.starts_with('.') || rest.starts_with('[');
            inside && !(item.keeps_key_results && rest.starts_with(".key_results["))
        })
    }
}

/// Reads `text` generically and salvages it; `None` when even that fails (a syntax error:
/// the typed parser's own error is then the one to show).
pub(super) fn salvage_text(text: &str, format: Format, limits: &LoadOptions) -> Option<Salvage> {
    let root: Value = match format {
        Format::Yaml => yaml::parse_value(text, limits).ok()?,
        Format::Json => json::parse_as(text, limits).ok()?,
    };
    Some(salvage(root))
}

/// Every item-level shape problem of a generic document value, and the document with the
/// invalid items replaced; when no item has a problem, the document-level one.
pub(super) fn salvage(mut root: Value) -> Salvage {
    let mut out = Salvage::default();
    let Value::Object(map) = &mut root else {
        out.problems.push(Problem::new(
            ProblemKind::NotAnOkrFile,
            "",
            "the document must be a mapping with keys such as `cycles`, `teams` and `objectives`",
        ));
        return out;
    };
    list::<Cycle>(
        map,
        "cycles",
        &mut out,
        |id| json!({"id": id, "start": PLACEHOLDER_DAY, "end": PLACEHOLDER_DAY}),
        &["id"],
    );
    list::<Team>(map, "teams", &mut out, |id| json!({"id": id}), &["id"]);
    list::<Person>(map, "people", &mut out, |id| json!({"id": id}), &["id"]);
    objectives(map, &mut out);
    list::<HistoryEntry>(
        map,
        "history",
        &mut out,
        |_| json!({"objective": "", "cycle": "", "score": 0.0}),
        &["objective", "cycle"],
    );
    match serde_path_to_error::deserialize::<_, Document>(&root) {
        Ok(document) => out.document = Some(document),
        Err(e) if out.problems.is_empty() => out.problems.push(located("", e)),
        Err(_) => {}
    }
    out
}

/// A date for placeholders: never seen, since nothing inside an invalid item is reported.
const PLACEHOLDER_DAY: &str = "1970-01-01";

/// The id of an item, when it has a usable one.
fn id_of(item: &Value) -> Option<&str> {
    item.get("id").and_then(Value::as_str)
}

fn list<T: DeserializeOwned>(
    root: &mut Map<String, Value>,
    key: &str,
    out: &mut Salvage,
    placeholder: impl Fn(&str) -> Value,
    required_text: &[&str],
) {
    match root.get_mut(key) {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (index, item) in items.iter_mut().enumerate() {
                let id = id_of(item).map(str::to_owned);
                repair::<T>(
                    item,
                    &format!("{key}[{index}]"),
                    id.as_deref(),
                    out,
                    &placeholder,
                    required_text,
                );
            }
        }
        Some(_) => {
            out.problems.push(Problem::new(
                ProblemKind::WrongType,
                key,
                format!("`{key}` must be a list"),
            ));
            root.remove(key);
        }
    }
}

/// Makes one item type, reporting each problem on the way: a bad optional field is dropped
/// (only that field is invalid), a bad required text field becomes empty, and anything else
/// replaces the whole item by its placeholder. Check-ins and milestones inside a key result
/// are replaced one by one.
fn repair<T: DeserializeOwned>(
    item: &mut Value,
    path: &str,
    id: Option<&str>,
    out: &mut Salvage,
    placeholder: &dyn Fn(&str) -> Value,
    required_text: &[&str],
) {
    // A missing required text field (`tittle:` for `title:`) is reported and left empty, so
    // the rest of the item (its key results, and the misspelled key itself) is still read.
    if let Some(object) = item.as_object_mut() {
        for field in required_text {
            if object.contains_key(*field) {
                continue;
            }
            object.insert((*field).to_owned(), Value::String(String::new()));
            out.problems.push(
                Problem::new(
                    ProblemKind::MissingField,
                    path,
                    format!("missing field `{field}`; add it"),
                )
                .with_id(id),
            );
            out.mark(format!("{path}.{field}"), false);
        }
    }
    // Each pass removes or replaces one field or element, so this ends; the bound is a guard.
    let bound = 2 + item.as_object().map_or(0, |o| {
        o.len()
            + ["check_ins", "milestones"]
                .iter()
                .filter_map(|key| o.get(*key).and_then(Value::as_array).map(Vec::len))
                .sum::<usize>()
    });
    for _ in 0..bound {
        let Err(e) = serde_path_to_error::deserialize::<_, T>(&*item) else {
            return;
        };
        let inner = super::path_text(e.path());
        out.problems.push(located(path, e).with_id(id));
        let field = inner
            .split(['.', '['])
            .next()
            .unwrap_or_default()
            .to_owned();
        let Some(object) = item.as_object_mut().filter(|o| o.contains_key(&field)) else {
            break;
        };
        if let Some((list, index)) = nested_item(&inner)
            && let Some(slot) = object
                .get_mut(list)
                .and_then(Value::as_array_mut)
                .and_then(|items| items.get_mut(index))
        {
            *slot = if list == "check_ins" {
                json!({"date": PLACEHOLDER_DAY})
            } else {
                json!({"title": ""})
            };
            out.mark(format!("{path}.{list}[{index}]"), false);
            continue;
        }
        match field.as_str() {
            "id" | "title" => {
                object.insert(field.clone(), Value::String(String::new()));
            }
            // Required fields that have no neutral value.
            "start" | "end" | "date" | "score" | "objective" | "cycle" if !is_objective(path) => {
                break;
            }
            _ => {
                object.remove(&field);
            }
        }
        out.mark(format!("{path}.{field}"), false);
    }
    if serde_path_to_error::deserialize::<_, T>(&*item).is_err() {
        *item = placeholder(id.unwrap_or_default());
        out.mark(
            path.to_owned(),
            path.starts_with("objectives[") && is_objective(path),
        );
    }
}

/// `objectives[3]`, not one of its key results.
fn is_objective(path: &str) -> bool {
    path.starts_with("objectives[") && !path.contains('.')
}

impl Salvage {
    fn mark(&mut self, path: String, keeps_key_results: bool) {
        self.invalid.push(Invalid {
            path,
            keeps_key_results,
        });
    }
}

/// Objectives one by one: the objective's own fields, then each key result on its own, so
/// every bad item is named, not only the first of its objective.
fn objectives(root: &mut Map<String, Value>, out: &mut Salvage) {
    let placeholder = |id: &str| json!({"id": id, "title": ""});
    let Some(Value::Array(items)) = root.get_mut("objectives") else {
        list::<Objective>(root, "objectives", out, placeholder, &["id", "title"]);
        return;
    };
    for (index, item) in items.iter_mut().enumerate() {
        if Objective::deserialize(&*item).is_ok() {
            continue;
        }
        let path = format!("objectives[{index}]");
        let id = id_of(item).map(str::to_owned);
        let key_results = item.as_object_mut().and_then(|o| o.remove("key_results"));
        repair::<Objective>(
            item,
            &path,
            id.as_deref(),
            out,
            &placeholder,
            &["id", "title"],
        );
        match key_results {
            Some(Value::Array(mut krs)) => {
                for (k, kr) in krs.iter_mut().enumerate() {
                    let kr_id = id_of(kr).or(id.as_deref()).map(str::to_owned);
                    let kr_placeholder = |kr_id: &str| json!({"id": kr_id, "title": ""});
                    repair::<KeyResult>(
                        kr,
                        &format!("{path}.key_results[{k}]"),
                        kr_id.as_deref(),
                        out,
                        &kr_placeholder,
                        &["title"],
                    );
                }
                if let Some(object) = item.as_object_mut() {
                    object.insert("key_results".into(), Value::Array(krs));
                }
            }
            Some(Value::Null) | None => {}
            Some(_) => {
                out.problems.push(
                    Problem::new(
                        ProblemKind::WrongType,
                        format!("{path}.key_results"),
                        "`key_results` must be a list",
                    )
                    .with_id(id.as_deref()),
                );
            }
        }
    }
}

/// `check_ins[3].date` → (`check_ins`, 3).
fn nested_item(inner: &str) -> Option<(&'static str, usize)> {
    ["check_ins", "milestones"].into_iter().find_map(|list| {
        let rest = inner.strip_prefix(list)?.strip_prefix('[')?;
        let (index, _) = rest.split_once(']')?;
        Some((list, index.parse().ok()?))
    })
}

/// A problem at `prefix` plus the path inside the item.
fn located(prefix: &str, e: serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let inner = super::path_text(e.path());
    let path = match (prefix.is_empty(), inner.is_empty()) {
        (_, true) => prefix.to_owned(),
        (true, false) => inner,
        (false, false) => format!("{prefix}.{inner}"),
    };
    let raw = e.into_inner().to_string();
    let (kind, message) = super::serde_text::describe(&raw, ProblemKind::InvalidValue);
    Problem::new(kind, path, message)
}
