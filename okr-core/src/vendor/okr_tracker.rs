//! The okr-tracker REST API's key results (Oslo kommune's open-source OKR tool), as its
//! OpenAPI file (`public/openapi.yaml`, `info.version` 2.2.0) and its key-result route
//! describe them. The layout, field by field, is in `docs/vendors.md`.
//!
//! ```
//! let json = r#"[{"id": "k1", "objective": "Self-service permits", "description": "Raise digital applications",
//!   "startValue": 40, "targetValue": 80, "unit": "%", "currentValue": 62,
//!   "lastUpdated": {"value": 62, "timestamp": "2025-03-03T12:00:00.000Z", "comment": "New form"}}]"#;
//! let document = okr_core::vendor::okr_tracker::read(json, None).unwrap();
//! let kr = &document.objectives[0].key_results[0];
//! assert_eq!((kr.metric.as_ref().unwrap().start, kr.check_ins[0].value), (40.0, Some(62.0)));
//! ```

use crate::format::LineIndex;
use crate::model::{CheckIn, Cycle, Document, Ids, KeyResult, Metric, Objective};
use crate::path::DocPath;
use crate::{Problem, ProblemKind};
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// Reads okr-tracker key results (a JSON array of them, an object holding them under
/// `results` or `keyResults`, or one key result) into a document. Objectives are the
/// key results' `objective`s; owners (`parent`) become teams; objectives without dates or
/// a period get `default_cycle`. Returns every problem, each with its path in the JSON and
/// its line, when anything is wrong.
pub fn read(text: &str, default_cycle: Option<&Cycle>) -> Result<Document, Vec<Problem>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let mut problem = Problem::new(
            ProblemKind::SyntaxError,
            DocPath::root(),
            format!("not JSON ({e}); save the API's response as it came"),
        );
        problem.line = Some(e.line());
        vec![problem]
    })?;
    let mut reader = Reader {
        document: Document::default(),
        problems: Vec::new(),
    };
    match &value {
        Value::Array(items) => reader.key_results(items, &DocPath::root()),
        Value::Object(fields) => match ["results", "keyResults"]
            .iter()
            .find_map(|key| Some((*key, fields.get(*key)?.as_array()?)))
        {
            Some((key, items)) => reader.key_results(items, &DocPath::root().key(key)),
            None => reader.key_result(fields, &DocPath::root()),
        },
        _ => reader.wrong_type(
            DocPath::root(),
            "expected key results: a JSON array of them, or one key result object",
        ),
    }
    let Reader {
        mut document,
        mut problems,
    } = reader;
    if let Some(cycle) = default_cycle {
        for objective in document.objectives.iter_mut().filter(|o| o.cycle.is_none()) {
            objective.cycle = Some(cycle.id.clone());
        }
        if document.cycle(&cycle.id).is_none() {
            document.cycles.push(cycle.clone());
        }
    }
    document.define_owners_as_teams();
    if problems.is_empty() {
        // What the document's validation finds is about the document, not the JSON.
        problems = crate::validate::validate(&document);
        return if problems.is_empty() {
            Ok(document)
        } else {
            Err(problems)
        };
    }
    let lines = LineIndex::for_paths(text, problems.iter().map(|p| &p.path));
    for problem in &mut problems {
        problem.line = lines.line_of(&problem.path);
    }
    Err(problems)
}

struct Reader {
    document: Document,
    problems: Vec<Problem>,
}

impl Reader {
    fn wrong_type(&mut self, path: DocPath, message: &str) {
        self.problems
            .push(Problem::new(ProblemKind::WrongType, path, message));
    }

    fn key_results(&mut self, items: &[Value], path: &DocPath) {
        for (index, item) in items.iter().enumerate() {
            let path = path.clone().index(index);
            match item.as_object() {
                Some(fields) => self.key_result(fields, &path),
                None => self.wrong_type(path, "expected a key result object"),
            }
        }
    }

    fn key_result(&mut self, fields: &Map<String, Value>, path: &DocPath) {
        // okr-tracker leaves archived key results out of every progression.
        if fields.get("archived").and_then(Value::as_bool) == Some(true) {
            return;
        }
        let mut field = Fields {
            fields,
            path,
            problems: Vec::new(),
        };
        let (title_key, title) = match field.text("name") {
            Some(name) => ("name", Some(name)),
            None => ("description", field.text("description")),
        };
        let objective = self.objective(&mut field);
        let mut kr = KeyResult {
            id: field.text("id"),
            owner: field.owner().map(Ids::One),
            weight: field.number("weight"),
            ..KeyResult::new(title.unwrap_or_default())
        };
        // Text people wrote is kept: the description (when the name is the title) and notes.
        let written = ["description", "notes"]
            .into_iter()
            .skip(usize::from(title_key == "description"));
        for key in written {
            if let Some(text) = field.text(key) {
                kr.extra.insert(key.to_owned(), Value::String(text));
            }
        }
        if kr.title.is_empty() {
            field.problem(
                "name",
                "empty; a key result needs a `name` or `description`",
            );
        }
        let (start, target) = (field.number("startValue"), field.number("targetValue"));
        let current = field.number("currentValue");
        let progression = field.number("progression");
        let latest = field.object("lastUpdated").and_then(|last| {
            let day = field.day_in(last, "lastUpdated", &["timestamp", "date"])?;
            let value = field.number_in(last, "lastUpdated", "value");
            let comment = last.get("comment").and_then(Value::as_str);
            Some((day, value, comment.map(str::to_owned)))
        });
        let history = field.history();
        match (start, target) {
            (Some(start), Some(target)) => {
                kr.metric = Some(Metric {
                    current,
                    unit: field.text("unit"),
                    ..Metric::new(start, target)
                });
                for (day, value, note) in history.into_iter().chain(latest) {
                    add_check_in(&mut kr, day, value, note);
                }
            }
            // Without its start and target the key result's values cannot be scored, but
            // its progression (0–1) can: it becomes a key result from 0 to 1.
            _ if progression.is_some() || latest.is_some() => {
                kr.metric = Some(Metric {
                    current: progression,
                    ..Metric::new(0.0, 1.0)
                });
                let has_history = ["values", "progress"].iter().any(|key| {
                    fields
                        .get(*key)
                        .and_then(Value::as_array)
                        .is_some_and(|items| !items.is_empty())
                });
                if has_history {
                    field.problem("values", "values are in the key result's own units: give its `startValue` and `targetValue` to read them");
                }
                if let Some((day, _, note)) = latest {
                    add_check_in(&mut kr, day, progression, note);
                }
            }
            _ => match (start, target) {
                // A value of the wrong type is reported where it is.
                _ if ["startValue", "targetValue"]
                    .iter()
                    .any(|k| fields.get(*k).is_some_and(|v| !v.is_null() && !v.is_number())) => {}
                (Some(_), None) => field.problem("targetValue", "a key result with a `startValue` needs its `targetValue`"),
                (None, Some(_)) => field.problem("startValue", "a key result with a `targetValue` needs its `startValue`"),
                _ => field.problem(
                    "targetValue",
                    "no `startValue` and `targetValue`, and no `progression`: nothing to score it by",
                ),
            },
        }
        self.problems.append(&mut field.problems);
        if let Some(index) = objective {
            self.document.objectives[index].key_results.push(kr);
        }
    }

    /// The index of the key result's objective, added on first sight.
    fn objective(&mut self, field: &mut Fields<'_>) -> Option<usize> {
        let (name, details) = match field.fields.get("objective") {
            Some(Value::String(name)) if !name.trim().is_empty() => (name.trim().to_owned(), None),
            Some(Value::Object(details)) => {
                let name = ["name", "title"]
                    .iter()
                    .find_map(|k| details.get(*k)?.as_str())
                    .map(str::trim)
                    .filter(|n| !n.is_empty());
                let Some(name) = name else {
                    field.problem("objective", "the objective has no `name`");
                    return None;
                };
                (name.to_owned(), Some(details))
            }
            _ => {
                field.problem(
                    "objective",
                    "every key result names its objective (`objective`: its name, or an object with `name`)",
                );
                return None;
            }
        };
        let id = details
            .and_then(|d| d.get("id")?.as_str())
            .map(str::to_owned);
        let found = self.document.objectives.iter().position(|o| match &id {
            Some(id) => o.id == *id,
            None => o.title == name,
        });
        if let Some(index) = found {
            return Some(index);
        }
        let id = id.unwrap_or_else(|| format!("O{}", self.document.objectives.len() + 1));
        let mut objective = Objective::new(id, name);
        if let Some(details) = details {
            let mut inner = Fields {
                fields: details,
                path: &field.path.clone().key("objective"),
                problems: Vec::new(),
            };
            objective.owner = inner.owner();
            if let Some(text) = inner.text("description") {
                objective
                    .extra
                    .insert("description".into(), Value::String(text));
            }
            objective.weight = inner.number("weight");
            objective.cycle = self.cycle(&mut inner);
            field.problems.append(&mut inner.problems);
        }
        if objective.owner.is_none() {
            objective.owner = field.owner();
        }
        self.document.objectives.push(objective);
        Some(self.document.objectives.len() - 1)
    }

    /// The objective's cycle: its `period` (legacy), or its own `startDate` and `endDate`.
    fn cycle(&mut self, field: &mut Fields<'_>) -> Option<String> {
        let (id, start, end) = if let Some(period) = field.object("period") {
            let id = ["name", "id"]
                .iter()
                .find_map(|k| period.get(*k)?.as_str())
                .map(str::to_owned);
            let start = field.day_in(period, "period", &["startDate"]);
            let end = field.day_in(period, "period", &["endDate"]);
            (id, start, end)
        } else {
            let start = field.day_in(field.fields, "", &["startDate"]);
            let end = field.day_in(field.fields, "", &["endDate"]);
            (None, start, end)
        };
        let (start, end) = (start?, end?);
        let id = id.unwrap_or_else(|| format!("{start}..{end}"));
        if self.document.cycle(&id).is_none() {
            self.document
                .cycles
                .push(Cycle::new(id.clone(), start, end));
        }
        Some(id)
    }
}

/// A check-in, replacing one already on that day (okr-tracker keeps one value a day).
fn add_check_in(kr: &mut KeyResult, day: NaiveDate, value: Option<f64>, note: Option<String>) {
    kr.check_ins.retain(|c| c.date != day);
    let position = kr.check_ins.iter().filter(|c| c.date < day).count();
    let mut check_in = CheckIn::new(day);
    check_in.value = value;
    check_in.note = note.filter(|n| !n.trim().is_empty());
    kr.check_ins.insert(position, check_in);
}

/// One JSON object's fields, read with the problems they raise.
struct Fields<'a> {
    fields: &'a Map<String, Value>,
    path: &'a DocPath,
    problems: Vec<Problem>,
}

impl<'a> Fields<'a> {
    fn problem(&mut self, key: &str, message: &str) {
        self.problems.push(Problem::new(
            ProblemKind::MissingField,
            self.path.clone().key(key.to_owned()),
            message,
        ));
    }

    fn text(&self, key: &str) -> Option<String> {
        match self.fields.get(key)? {
            Value::String(text) => Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    fn object(&self, key: &str) -> Option<&'a Map<String, Value>> {
        self.fields.get(key)?.as_object()
    }

    fn number(&mut self, key: &str) -> Option<f64> {
        let fields = self.fields;
        self.number_in(fields, "", key)
    }

    /// A number field of `object` (found under `parent`, or this object when empty).
    fn number_in(&mut self, object: &Map<String, Value>, parent: &str, key: &str) -> Option<f64> {
        match object.get(key)? {
            Value::Null => None,
            Value::Number(n) => n.as_f64(),
            other => {
                let at = if parent.is_empty() {
                    key.to_owned()
                } else {
                    format!("{parent}.{key}")
                };
                self.problem_at(
                    ProblemKind::WrongType,
                    parent,
                    key,
                    format!("`{other}` at {at} is not a number"),
                );
                None
            }
        }
    }

    /// The first of `keys` in `object` as a day (`2025-03-03` or a timestamp).
    fn day_in(
        &mut self,
        object: &Map<String, Value>,
        parent: &str,
        keys: &[&str],
    ) -> Option<NaiveDate> {
        let (key, value) = keys.iter().find_map(|k| Some((*k, object.get(*k)?)))?;
        let text = value.as_str().unwrap_or_default();
        match text
            .get(..10)
            .and_then(|day| crate::model::parse_day(day).ok())
        {
            Some(day) => Some(day),
            None => {
                self.problem_at(ProblemKind::NotADate, parent, key, format!("`{value}` is not a date; write 2025-03-03 or a timestamp such as 2025-03-03T12:00:00Z"));
                None
            }
        }
    }

    fn problem_at(&mut self, kind: ProblemKind, parent: &str, key: &str, message: String) {
        let mut path = self.path.clone();
        if !parent.is_empty() {
            path = path.key(parent.to_owned());
        }
        self.problems
            .push(Problem::new(kind, path.key(key.to_owned()), message));
    }

    /// The owning organisation, department or product: `parent` as a slug, or its `slug`
    /// (or `name`) when it is an object.
    fn owner(&self) -> Option<String> {
        let parent = self.fields.get("parent")?;
        let slug = match parent {
            Value::String(slug) => Some(slug.as_str()),
            Value::Object(details) => ["slug", "id", "name"]
                .iter()
                .find_map(|k| details.get(*k)?.as_str()),
            _ => None,
        };
        slug.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    /// Earlier values (`values` or `progress`: the API's `KpiMeasurement` shape, `value`,
    /// `date` or `timestamp`, `comment`).
    fn history(&mut self) -> Vec<(NaiveDate, Option<f64>, Option<String>)> {
        let Some((key, items)) = ["values", "progress"]
            .iter()
            .find_map(|k| Some((*k, self.fields.get(*k)?.as_array()?)))
        else {
            return Vec::new();
        };
        let mut history = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let Some(entry) = item.as_object() else {
                self.problems.push(Problem::new(
                    ProblemKind::WrongType,
                    self.path.clone().key(key).index(index),
                    "expected a value object (`value`, `date`, `comment`)",
                ));
                continue;
            };
            let mut inner = Fields {
                fields: entry,
                path: &self.path.clone().key(key).index(index),
                problems: Vec::new(),
            };
            let day = inner.day_in(entry, "", &["date", "timestamp"]);
            if !entry.contains_key("date") && !entry.contains_key("timestamp") {
                inner.problem("date", "every value has a `date` (or `timestamp`)");
            }
            let value = inner.number("value");
            let comment = inner.text("comment");
            self.problems.append(&mut inner.problems);
            if let Some(day) = day {
                history.push((day, value, comment));
            }
        }
        history
    }
}
