use super::{Extra, KeyResult, LintSection, Objective};
use chrono::NaiveDate;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The sections of a document, in the order files write them (and findings are sorted).
pub(crate) const SECTIONS: [&str; 6] =
    ["cycles", "teams", "people", "objectives", "history", "lint"];

/// A whole OKR file: the cycles, the organisation and its objectives.
///
/// Every list may be left out of the file; it then reads as empty.
///
/// ```
/// let doc = okr_core::from_yaml_str(r#"
/// cycles: [{ id: 2026-Q3, start: 2026-07-01, end: 2026-09-30 }]
/// teams: [{ id: acme, name: ACME Inc. }]
/// objectives:
///   - id: O1
///     title: Become the brand home cooks trust
///     owner: acme
///     key_results: ["Raise repeat purchase rate from 5% to 15%"]
/// "#)?;
/// assert_eq!(doc.cycles[0].id, "2026-Q3");
/// assert_eq!(doc.objective("O1").map(|o| o.title.as_str()), Some("Become the brand home cooks trust"));
/// # Ok::<(), okr_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(remote = "Self")]
#[cfg_attr(
    feature = "schema",
    schemars(
        title = "OKR document",
        description = "Cycles, teams, people, objectives and their key results."
    )
)]
#[non_exhaustive]
pub struct Document {
    /// Planning periods (quarters, halves, years).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cycles: Vec<Cycle>,
    /// Teams; `parent` builds the organisation tree (company → departments → teams).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<Team>,
    /// People who can own objectives and key results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// The objectives, each with its key results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    /// Final scores of earlier cycles, used by trend rules (sandbagging, chronic misses).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
    /// Linter settings and document-wide suppressions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lint: Option<LintSection>,
    /// Top-level fields okr does not know, kept for lossless round trips.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
    /// The order the file wrote its top-level keys in, kept so that saving writes them
    /// back in that order. Not part of the document's value: it never affects equality.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub key_order: KeyOrder,
}

/// The order of a document's top-level keys as read (empty for a document built in code,
/// which is written in the default order: cycles, teams, people, objectives, history,
/// lint, then unknown fields). Two documents are equal whatever their key order.
#[derive(Debug, Clone, Default)]
pub struct KeyOrder(Vec<String>);

impl PartialEq for KeyOrder {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl KeyOrder {
    /// The keys in the order they were read.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DocumentVisitor;

        impl<'de> Visitor<'de> for DocumentVisitor {
            type Value = Document;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping with keys such as `cycles`, `teams` and `objectives`")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Document, A::Error> {
                let mut keys = Vec::new();
                let recording = RecordKeys {
                    inner: map,
                    keys: &mut keys,
                };
                let mut document =
                    Document::deserialize(de::value::MapAccessDeserializer::new(recording))?;
                document.key_order = KeyOrder(keys);
                Ok(document)
            }
        }

        deserializer.deserialize_map(DocumentVisitor)
    }
}

/// Passes a mapping through, noting its keys (a document has a handful at the top).
struct RecordKeys<'k, A> {
    inner: A,
    keys: &'k mut Vec<String>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for RecordKeys<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(key) = self.inner.next_key::<String>()? else {
            return Ok(None);
        };
        self.keys.push(key.clone());
        seed.deserialize(de::IntoDeserializer::<A::Error>::into_deserializer(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.inner.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl Serialize for Document {
    /// Top-level keys in the order they were read; new ones in the default order after.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.key_order.0.is_empty() {
            return Document::serialize(self, serializer);
        }
        let sections = ["cycles", "teams", "people", "objectives", "history", "lint"];
        let read: Vec<&str> = self.key_order.keys().collect();
        let rest = sections
            .iter()
            .copied()
            .chain(self.extra.iter().map(|(k, _)| k.as_str()))
            .filter(|k| !read.contains(k));
        let mut map = serializer.serialize_map(None)?;
        for key in read.iter().copied().chain(rest) {
            match key {
                "cycles" if !self.cycles.is_empty() => map.serialize_entry(key, &self.cycles)?,
                "teams" if !self.teams.is_empty() => map.serialize_entry(key, &self.teams)?,
                "people" if !self.people.is_empty() => map.serialize_entry(key, &self.people)?,
                "objectives" if !self.objectives.is_empty() => {
                    map.serialize_entry(key, &self.objectives)?
                }
                "history" if !self.history.is_empty() => map.serialize_entry(key, &self.history)?,
                "lint" => {
                    if let Some(lint) = &self.lint {
                        map.serialize_entry(key, lint)?;
                    }
                }
                _ => {
                    if let Some(value) = self.extra.get(key) {
                        map.serialize_entry(key, value)?;
                    }
                }
            }
        }
        map.end()
    }
}

impl Document {
    /// The objective with this id, if any.
    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.id == id)
    }

    /// The objective with this id, to change it.
    pub fn objective_mut(&mut self, id: &str) -> Option<&mut Objective> {
        self.objectives.iter_mut().find(|o| o.id == id)
    }

    /// The key result with this id, in any objective.
    ///
    /// ```
    /// use okr_core::model::{CheckIn, Document, KeyResult, Objective};
    /// use chrono::NaiveDate;
    ///
    /// let mut doc = Document::default();
    /// doc.objectives.push(Objective::new("O1", "Delight users")
    ///     .with_key_results([KeyResult::new("Raise NPS from 30 to 45").with_id("K1")]));
    /// let day = NaiveDate::from_ymd_opt(2026, 7, 8).unwrap();
    /// doc.key_result_mut("K1").unwrap().check_ins.push(CheckIn::new(day).value(33.0));
    /// assert_eq!(doc.key_result("K1").unwrap().check_ins[0].value, Some(33.0));
    /// assert!(doc.validate().is_empty());
    /// ```
    pub fn key_result(&self, id: &str) -> Option<&KeyResult> {
        self.objectives
            .iter()
            .flat_map(|o| &o.key_results)
            .find(|kr| kr.id.as_deref() == Some(id))
    }

    /// Defines every owner the objectives and key results name as a team, when no team or
    /// person has that id yet: what importers do for tables that list no teams.
    pub(crate) fn define_owners_as_teams(&mut self) {
        let mut owners: Vec<String> = Vec::new();
        for objective in &self.objectives {
            owners.extend(objective.owner.iter().cloned());
            for kr in &objective.key_results {
                owners.extend(
                    kr.owner
                        .iter()
                        .flat_map(|ids| ids.iter().map(str::to_owned)),
                );
            }
        }
        for owner in owners {
            let known = self.teams.iter().any(|t| t.id == owner)
                || self.people.iter().any(|p| p.id == owner);
            if !known {
                self.teams.push(Team::new(owner));
            }
        }
    }

    /// The key result with this id, in any objective, to change it.
    pub fn key_result_mut(&mut self, id: &str) -> Option<&mut KeyResult> {
        self.objectives
            .iter_mut()
            .flat_map(|o| &mut o.key_results)
            .find(|kr| kr.id.as_deref() == Some(id))
    }

    /// Every problem with the document (see [`crate::validate`]); empty when it is valid.
    pub fn validate(&self) -> Vec<crate::Problem> {
        crate::validate::validate(self)
    }

    /// How many key results the objectives have in all.
    ///
    /// ```
    /// let doc = okr_core::from_yaml_str(
    ///     "objectives:\n  - { id: A, title: a, key_results: [Ship v2, Grow sales] }\n  - { id: B, title: b, key_results: [Hire a lead] }\n",
    /// ).unwrap();
    /// assert_eq!(doc.key_result_count(), 3);
    /// ```
    pub fn key_result_count(&self) -> usize {
        self.objectives.iter().map(|o| o.key_results.len()).sum()
    }

    /// The cycle with this id, if any.
    pub fn cycle(&self, id: &str) -> Option<&Cycle> {
        self.cycles.iter().find(|c| c.id == id)
    }

    /// The cycle an objective belongs to: its own `cycle`, or the document's only cycle
    /// when the objective names none.
    pub fn cycle_of(&self, objective: &Objective) -> Option<&Cycle> {
        match &objective.cycle {
            Some(id) => self.cycle(id),
            None if self.cycles.len() == 1 => self.cycles.first(),
            None => None,
        }
    }
}

/// A planning period, such as a quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Cycle {
    /// Unique cycle id, e.g. `2026-Q3`.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// First day of the cycle.
    #[serde(with = "super::dates")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub start: NaiveDate,
    /// Last day of the cycle (inclusive).
    #[serde(with = "super::dates")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub end: NaiveDate,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}

/// A team (or the company itself, as the root team).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Team {
    /// Unique team id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The team this one belongs to; teams without a parent are roots (the company).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}

/// A person who can own objectives and key results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Person {
    /// Unique person id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The team the person belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}

/// The final score of an objective in an earlier cycle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct HistoryEntry {
    /// The objective's id (the same id carried from cycle to cycle).
    pub objective: String,
    /// The earlier cycle's id; it need not be listed under `cycles`.
    pub cycle: String,
    #[serde(deserialize_with = "super::numbers::exact")]
    /// The final score, in [0, 1].
    pub score: f64,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}

impl Cycle {
    /// A cycle from `start` to `end` (both days included).
    pub fn new(id: impl Into<String>, start: NaiveDate, end: NaiveDate) -> Self {
        Cycle {
            id: id.into(),
            name: None,
            start,
            end,
            extra: Extra::new(),
        }
    }
}

impl Team {
    /// A team with only its id.
    pub fn new(id: impl Into<String>) -> Self {
        Team {
            id: id.into(),
            name: None,
            parent: None,
            extra: Extra::new(),
        }
    }
}

impl Person {
    /// A person with only their id.
    pub fn new(id: impl Into<String>) -> Self {
        Person {
            id: id.into(),
            name: None,
            team: None,
            extra: Extra::new(),
        }
    }
}

impl HistoryEntry {
    /// An objective's final score in an earlier cycle.
    pub fn new(objective: impl Into<String>, cycle: impl Into<String>, score: f64) -> Self {
        HistoryEntry {
            objective: objective.into(),
            cycle: cycle.into(),
            score,
            extra: Extra::new(),
        }
    }
}
