//! After a typed read fails: check every item of the generic value on its own, so one pass
//! reports the shape errors of all items rather than only the first, and keep reading.
//!
//! An item with a type error (a bad date, text where a number goes) is marked invalid and
//! replaced by a placeholder that keeps its id. The rest of the document is then typed and
//! cross-checked as usual ([`crate::validate`]): unknown owners, loops, out-of-range numbers
//! elsewhere are all reported in the same run. Problems inside an invalid item are left out,
//! since its fields were not read. The items are cycles, teams, people, history entries,
//! objectives (their own fields), key results, and a key result's check-ins and milestones.

use super::{Format, LoadOptions, json};
use crate::error::{Problem, ProblemKind};
use crate::model::{Cycle, Document, HistoryEntry, KeyResult, Objective, Person, Team};
use crate::path::{DocPath, LocSegment};
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
    path: DocPath,
    /// An objective's key results are items of their own: not covered by the objective.
    keeps_key_results: bool,
}

impl Salvage {
    /// True when `path` lies inside an invalid item (whose fields were not read).
    pub(super) fn covers(&self, path: &DocPath) -> bool {
        self.invalid.iter().any(|item| {
            if !path.starts_with(&item.path) {
                return false;
            }
            let rest = &path.segments()[item.path.segments().len()..];
            let in_a_key_result = matches!(
                rest,
                [LocSegment::Key(key), LocSegment::Index(_), ..] if key == "key_results"
            );
            !(item.keeps_key_results && in_a_key_result)
        })
    }
}

/// Reads `text` generically and salvages it; `None` when even that fails (a syntax error:
/// the typed parser's own error is then the one to show).
pub(super) fn salvage_text(text: &str, format: Format, limits: &LoadOptions) -> Option<Salvage> {
    let root: Value = match format {
        #[cfg(feature = "yaml")]
        Format::Yaml => super::yaml::parse_value(text, limits).ok()?,
        #[cfg(not(feature = "yaml"))]
        Format::Yaml => return None,
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
            DocPath::root(),
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
        Err(e) if out.problems.is_empty() => out.problems.push(located(&DocPath::root(), e)),
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
                    &DocPath::root().key(key.to_owned()).index(index),
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
                DocPath::root().key(key.to_owned()),
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
    path: &DocPath,
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
            out.mark(path.clone().key((*field).to_owned()), false);
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
        let inner = super::doc_path(e.path());
        out.problems.push(located(path, e).with_id(id));
        let field = match inner.segments().first() {
            Some(LocSegment::Key(key)) => key.to_string(),
            _ => String::new(),
        };
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
            out.mark(path.clone().key(list).index(index), false);
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
        out.mark(path.clone().key(field), false);
    }
    if serde_path_to_error::deserialize::<_, T>(&*item).is_err() {
        *item = placeholder(id.unwrap_or_default());
        out.mark(path.clone(), is_objective(path));
    }
}

/// `objectives[3]`, not one of its key results.
fn is_objective(path: &DocPath) -> bool {
    matches!(path.segments(), [LocSegment::Key(key), LocSegment::Index(_)] if key == "objectives")
}

impl Salvage {
    fn mark(&mut self, path: DocPath, keeps_key_results: bool) {
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
        // Through serde_path_to_error like every other read here: one copy of the model's
        // deserialisers for the salvage, not two (the JSON-only wasm module has no other
        // reader of plain values).
        if serde_path_to_error::deserialize::<_, Objective>(&*item).is_ok() {
            continue;
        }
        let path = DocPath::objective(index);
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
                        &DocPath::key_result(index, k),
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
                        path.clone().key("key_results"),
                        "`key_results` must be a list",
                    )
                    .with_id(id.as_deref()),
                );
            }
        }
    }
}

/// `check_ins[3].date` → (`check_ins`, 3).
fn nested_item(inner: &DocPath) -> Option<(&'static str, usize)> {
    let [LocSegment::Key(key), LocSegment::Index(index), ..] = inner.segments() else {
        return None;
    };
    ["check_ins", "milestones"]
        .into_iter()
        .find(|list| key == list)
        .map(|list| (list, *index))
}

/// A problem at `prefix` plus the path inside the item.
fn located(prefix: &DocPath, e: serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let path = prefix.clone().join(&super::doc_path(e.path()));
    let raw = e.into_inner().to_string();
    let (kind, message) = super::serde_text::describe(&raw, ProblemKind::InvalidValue);
    Problem::new(kind, path, message)
}
