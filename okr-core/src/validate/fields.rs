//! Field names: a key okr does not know is kept as an extension field, unless it is a near
//! miss of a field it does know. `metirc:` would otherwise be kept and quietly ignored, and
//! the key result would have no measure.
//!
//! A near miss is a key that equals a known field once case and separators are ignored
//! (`check-ins`, `checkIns`, `KeyResults`), or once a plural `s` is dropped (`owners`,
//! `notes`), or that is a small edit away (`metirc`, `wieght`, `objetives`): one edit for
//! fields of five to seven letters, two for longer ones, none for short ones (`link` is not
//! `lint`). Keys starting with `x_` or `x-` are always extension fields. A measure's field
//! written directly on a key result (`target:` beside `title:`) is a misplaced field.

use crate::error::{Problem, ProblemKind};
use crate::model::{Document, Extra, KeyResult};
use crate::path::DocPath;

const DOCUMENT: &[&str] = &crate::model::SECTIONS;
const CYCLE: &[&str] = &["id", "name", "start", "end"];
const TEAM: &[&str] = &["id", "name", "parent"];
const PERSON: &[&str] = &["id", "name", "team"];
const HISTORY: &[&str] = &["objective", "cycle", "score"];
const OBJECTIVE: &[&str] = &[
    "id",
    "title",
    "owner",
    "cycle",
    "kind",
    "aligns_to",
    "weight",
    "carried_from",
    "key_results",
    "lint",
];
const KEY_RESULT: &[&str] = &[
    "id",
    "title",
    "owner",
    "weight",
    "due",
    "metric",
    "threshold",
    "binary",
    "milestones",
    "from_children",
    "lint",
    "change_note",
    "check_ins",
];
const METRIC: &[&str] = &["start", "target", "current", "unit"];
const THRESHOLD: &[&str] = &["min", "max", "current", "unit"];
const BINARY: &[&str] = &["done", "probability"];
const MILESTONE: &[&str] = &["title", "done", "weight"];
const CHECK_IN: &[&str] = &["date", "value", "confidence", "note"];

/// The known fields of every object of the format, by the name the schema gives it
/// (for the test that keeps these lists in step with the model).
#[cfg(test)]
pub(crate) const ALL: &[(&str, &[&str])] = &[
    ("Document", DOCUMENT),
    ("Cycle", CYCLE),
    ("Team", TEAM),
    ("Person", PERSON),
    ("HistoryEntry", HISTORY),
    ("Objective", OBJECTIVE),
    ("KeyResult", KEY_RESULT),
    ("Metric", METRIC),
    ("Threshold", THRESHOLD),
    ("Binary", BINARY),
    ("Milestone", MILESTONE),
    ("CheckIn", CHECK_IN),
];

pub(super) fn check(doc: &Document, problems: &mut Vec<Problem>) {
    let before = problems.len();
    let mut c = Checker { problems };
    c.extra(&doc.extra, DOCUMENT, None, DocPath::root);
    // A misspelled section (`objetives:`) already says what is wrong.
    let top_level_typo = c.problems.len() > before;
    let sections = doc.cycles.len()
        + doc.teams.len()
        + doc.people.len()
        + doc.objectives.len()
        + doc.history.len();
    if sections == 0
        && !top_level_typo
        && doc.lint.is_none()
        && let Some((key, _)) = doc.extra.iter().find(|(k, _)| !is_extension(k))
    {
        c.problems.push(Problem::new(
            ProblemKind::NotAnOkrFile,
            DocPath::root(),
            format!(
                "no OKR sections here (found `{key}`); an OKR file has at least one of `objectives`, `cycles`, `teams`, `people` or `history`: is this the right file?"
            ),
        ));
    }
    for (i, cycle) in doc.cycles.iter().enumerate() {
        c.extra(&cycle.extra, CYCLE, Some(&cycle.id), || {
            DocPath::root().key("cycles").index(i)
        });
    }
    for (i, team) in doc.teams.iter().enumerate() {
        c.extra(&team.extra, TEAM, Some(&team.id), || {
            DocPath::root().key("teams").index(i)
        });
    }
    for (i, person) in doc.people.iter().enumerate() {
        c.extra(&person.extra, PERSON, Some(&person.id), || {
            DocPath::root().key("people").index(i)
        });
    }
    for (i, entry) in doc.history.iter().enumerate() {
        c.extra(&entry.extra, HISTORY, Some(&entry.objective), || {
            DocPath::root().key("history").index(i)
        });
    }
    for (i, objective) in doc.objectives.iter().enumerate() {
        let id = Some(objective.id.as_str());
        c.extra(&objective.extra, OBJECTIVE, id, || DocPath::objective(i));
        for (k, kr) in objective.key_results.iter().enumerate() {
            let path = || DocPath::key_result(i, k);
            c.key_result(kr, kr.id.as_deref().or(id), &path);
        }
    }
}

struct Checker<'p> {
    problems: &'p mut Vec<Problem>,
}

impl Checker<'_> {
    fn key_result(&mut self, kr: &KeyResult, id: Option<&str>, path: &dyn Fn() -> DocPath) {
        for (key, _) in kr.extra.iter() {
            if let Some(home) = measure_of(key) {
                self.problems.push(
                    Problem::new(
                        ProblemKind::MisplacedField,
                        path().key(key.to_owned()),
                        format!(
                            "`{key}` is a field of `{home}`, not of the key result, so it is ignored here; move it under `{home}:` (e.g. `{home}: {{ {key}: … }}`)"
                        ),
                    )
                    .with_id(id),
                );
            }
        }
        self.extra(&kr.extra, KEY_RESULT, id, path);
        let at = |field: &str| path().key(field.to_owned());
        if let Some(metric) = &kr.metric {
            self.extra(&metric.extra, METRIC, id, || at("metric"));
        }
        if let Some(threshold) = &kr.threshold {
            self.extra(&threshold.extra, THRESHOLD, id, || at("threshold"));
        }
        if let Some(binary) = &kr.binary {
            self.extra(&binary.extra, BINARY, id, || at("binary"));
        }
        for (m, milestone) in kr.milestones.iter().flatten().enumerate() {
            self.extra(&milestone.extra, MILESTONE, id, || {
                at(&format!("milestones[{m}]"))
            });
        }
        for (n, check_in) in kr.check_ins.iter().enumerate() {
            if !check_in.extra.is_empty() {
                self.extra(&check_in.extra, CHECK_IN, id, || {
                    at(&format!("check_ins[{n}]"))
                });
            }
        }
    }

    /// One problem per unknown key of `extra` that is a near miss of a field in `known`.
    fn extra(
        &mut self,
        extra: &Extra,
        known: &[&str],
        id: Option<&str>,
        path: impl Fn() -> DocPath,
    ) {
        for (key, _) in extra.iter() {
            if let Some(field) = near_miss(key, known) {
                let at = path().key(key.clone());
                self.problems.push(
                    Problem::new(
                        ProblemKind::UnknownField,
                        at,
                        format!(
                            "unknown field `{key}`; did you mean `{field}`? (okr keeps fields it does not know, but not ones this close to a known name: rename it, or prefix it with `x_` to keep it as your own)"
                        ),
                    )
                    .with_id(id),
                );
            }
        }
    }
}

/// The measure a key-result-level key belongs to, when it is one of a measure's fields.
fn measure_of(key: &str) -> Option<&'static str> {
    let key = normalise(key);
    [
        ("metric", METRIC),
        ("threshold", THRESHOLD),
        ("binary", BINARY),
    ]
    .into_iter()
    .find(|(_, fields)| fields.iter().any(|f| normalise(f) == key))
    .map(|(home, _)| home)
}

/// Keys that announce themselves as extensions.
fn is_extension(key: &str) -> bool {
    key.starts_with("x_") || key.starts_with("x-")
}

/// The known field `key` is a near miss of, if any (see the module documentation).
pub(crate) fn near_miss<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    if is_extension(key) {
        return None;
    }
    let wanted = normalise(key);
    let singular = |s: &str| s.strip_suffix('s').unwrap_or(s).to_owned();
    known
        .iter()
        .filter_map(|&field| {
            let name = normalise(field);
            let distance = if name == wanted || singular(&name) == singular(&wanted) {
                0
            } else {
                strsim::damerau_levenshtein(&wanted, &name)
            };
            let allowed = match name.chars().count() {
                0..=4 => 0,
                5..=7 => 1,
                _ => 2,
            };
            (distance <= allowed).then_some((distance, field))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, field)| field)
}

/// Lowercase with separators dropped: `Key-Results`, `key_results` and `keyResults` agree.
fn normalise(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' ' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_found_and_extension_fields_are_left_alone() {
        let cases = [
            ("metirc", KEY_RESULT, Some("metric")),
            ("check-ins", KEY_RESULT, Some("check_ins")),
            ("checkIns", KEY_RESULT, Some("check_ins")),
            ("CheckIn", KEY_RESULT, Some("check_ins")),
            ("wieght", OBJECTIVE, Some("weight")),
            ("keyresults", OBJECTIVE, Some("key_results")),
            ("key_result", OBJECTIVE, Some("key_results")),
            ("owners", OBJECTIVE, Some("owner")),
            ("objetives", DOCUMENT, Some("objectives")),
            ("Objectives", DOCUMENT, Some("objectives")),
            ("notes", CHECK_IN, Some("note")),
            ("tilte", OBJECTIVE, Some("title")),
            ("jira", OBJECTIVE, None),
            ("slack", OBJECTIVE, None),
            ("source", OBJECTIVE, None),
            ("x_board", OBJECTIVE, None),
            ("x_titel", OBJECTIVE, None),
            ("link", OBJECTIVE, None),
            ("links", OBJECTIVE, None),
            ("status", METRIC, None),
            ("url", KEY_RESULT, None),
        ];
        for (key, known, expected) in cases {
            assert_eq!(near_miss(key, known), expected, "{key}");
        }
    }

    #[test]
    fn the_field_lists_match_the_schema() {
        let schema = serde_json::to_value(crate::schema::json_schema()).unwrap_or_default();
        for (name, fields) in ALL {
            let properties = match *name {
                "Document" => &schema["properties"],
                // A key result is a bare sentence or an object.
                "KeyResult" => &schema["$defs"][*name]["anyOf"][1]["properties"],
                _ => &schema["$defs"][*name]["properties"],
            };
            let mut listed: Vec<&str> = properties
                .as_object()
                .map(|p| p.keys().map(String::as_str).collect())
                .unwrap_or_default();
            let mut ours = fields.to_vec();
            listed.sort_unstable();
            ours.sort_unstable();
            assert_eq!(listed, ours, "{name}");
        }
    }
}
