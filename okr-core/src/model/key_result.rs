use super::{Extra, Ids, LintSection};
use chrono::NaiveDate;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A measurable result of an objective, with at most one measure.
///
/// In a file a key result is either a mapping or a bare sentence
/// (`- "Lift awareness from 10% to 25%"`); a bare sentence keeps that form on save.
///
/// ```
/// use okr_core::model::{KeyResult, Measure, Metric};
///
/// let mut kr = KeyResult::new("Raise repeat purchase rate from 5% to 15%");
/// assert!(kr.measure().is_none());
/// kr.metric = Some(Metric::new(5.0, 15.0));
/// assert!(matches!(kr.measure(), Some(Measure::Metric(m)) if m.target == 15.0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct KeyResult {
    /// Unique id (shared id space with objectives); bare sentences have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The key result as a sentence.
    pub title: String,
    /// Owning person or team id (or a list of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Ids>,
    /// Weight in the objective's score (default 1; 0 = tracked but not scored).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::numbers::exact_opt"
    )]
    pub weight: Option<f64>,
    /// Date the result is due, when earlier than the cycle end.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_date"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub due: Option<NaiveDate>,
    /// Move a number from `start` to `target`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    /// Keep a number within bounds (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
    /// Done or not done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binary: Option<Binary>,
    /// A list of steps, scored by the weighted share done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestones: Option<Vec<Milestone>>,
    /// `true`: progress is the weighted mean of the objectives aligned to this key result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_children: Option<bool>,
    /// Suppressions (`allow`) for the linter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lint: Option<LintSection>,
    /// Why the target or baseline was moved after the cycle started (rule OKR404 asks for
    /// one when it compares two versions of the file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_note: Option<String>,
    /// Progress updates, oldest first.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact_vec"
    )]
    pub check_ins: Vec<CheckIn>,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
    /// Written in the file as a bare sentence; saved back as one while it has only a title.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub bare: bool,
}

/// The one measure of a key result, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Measure<'a> {
    /// Move a number from start to target.
    Metric(&'a Metric),
    /// Keep a number within bounds.
    Threshold(&'a Threshold),
    /// Done or not done.
    Binary(&'a Binary),
    /// Weighted share of steps done.
    Milestones(&'a [Milestone]),
    /// Mean of the aligned child objectives.
    FromChildren,
}

impl Measure<'_> {
    /// The measure's field name in the file format: `metric`, `threshold`, `binary`,
    /// `milestones` or `from_children`.
    pub fn name(&self) -> &'static str {
        match self {
            Measure::Metric(_) => "metric",
            Measure::Threshold(_) => "threshold",
            Measure::Binary(_) => "binary",
            Measure::Milestones(_) => "milestones",
            Measure::FromChildren => "from_children",
        }
    }
}

impl KeyResult {
    /// A key result with only a title, written as a mapping (`{ title: … }`); set its
    /// fields, then it saves and loads back equal.
    ///
    /// ```
    /// use okr_core::model::{Document, KeyResult, Metric, Objective};
    ///
    /// let kr = KeyResult::new("Raise NPS").with_id("K1").with_metric(Metric::new(30.0, 45.0));
    /// let doc = Document::default()
    ///     .with_objectives([Objective::new("O1", "Delight users").with_key_results([kr])]);
    /// assert_eq!(okr_core::from_yaml_str(&okr_core::to_yaml(&doc)?)?, doc);
    /// assert_eq!(okr_core::from_json_str(&okr_core::to_json(&doc)?)?, doc);
    /// # Ok::<(), okr_core::Error>(())
    /// ```
    pub fn new(title: impl Into<String>) -> Self {
        KeyResult {
            title: title.into(),
            ..KeyResult::default()
        }
    }

    /// A key result written as a bare sentence (`- "Lift awareness from 10% to 25%"`): it
    /// saves as a sentence while it has nothing but its title.
    pub fn sentence(title: impl Into<String>) -> Self {
        KeyResult {
            title: title.into(),
            bare: true,
            ..KeyResult::default()
        }
    }

    /// True when the file wrote this key result as a bare sentence.
    pub fn is_bare(&self) -> bool {
        self.bare
    }

    /// The rollup weight, defaulting to 1.
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }

    /// The explicit measure; the first one when (invalidly) several are written.
    pub fn measure(&self) -> Option<Measure<'_>> {
        self.measures().next()
    }

    /// Every measure written on this key result, in schema order (validation allows one).
    pub fn measures(&self) -> impl Iterator<Item = Measure<'_>> {
        [
            self.metric.as_ref().map(Measure::Metric),
            self.threshold.as_ref().map(Measure::Threshold),
            self.binary.as_ref().map(Measure::Binary),
            self.milestones.as_deref().map(Measure::Milestones),
            (self.from_children == Some(true)).then_some(Measure::FromChildren),
        ]
        .into_iter()
        .flatten()
    }

    /// Has nothing but a title, so it can be written as a bare sentence.
    fn is_title_only(&self) -> bool {
        self.id.is_none()
            && self.owner.is_none()
            && self.weight.is_none()
            && self.due.is_none()
            && self.measures().next().is_none()
            && self.from_children.is_none()
            && self.check_ins.is_empty()
            && self.change_note.is_none()
            && self.lint.is_none()
            && self.extra.is_empty()
    }
}

impl Serialize for KeyResult {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.bare && self.is_title_only() {
            serializer.serialize_str(&self.title)
        } else {
            KeyResult::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for KeyResult {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyResultVisitor;

        impl<'de> Visitor<'de> for KeyResultVisitor {
            type Value = KeyResult;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key result: a sentence, or a mapping with at least `title`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyResult, E> {
                Ok(KeyResult::sentence(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<KeyResult, A::Error> {
                KeyResult::deserialize(de::value::MapAccessDeserializer::new(map))
            }
        }

        deserializer.deserialize_any(KeyResultVisitor)
    }
}

/// Move a number from `start` to `target`; works for decreasing targets too.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Metric {
    #[serde(deserialize_with = "super::numbers::exact")]
    /// The baseline at the start of the cycle.
    pub start: f64,
    #[serde(deserialize_with = "super::numbers::exact")]
    /// The value that means 100 %.
    pub target: f64,
    /// The value now; defaults to the latest check-in, else `start`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::numbers::exact_opt"
    )]
    pub current: Option<f64>,
    /// Unit for display (`%`, `ms`, `$`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}

impl Metric {
    /// A metric from `start` to `target`.
    pub fn new(start: f64, target: f64) -> Self {
        Metric {
            start,
            target,
            ..Metric::default()
        }
    }
}

/// Keep a number at or above `min` and/or at or below `max` (bounds are inclusive).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Threshold {
    /// Lowest acceptable value (inclusive).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::numbers::exact_opt"
    )]
    pub min: Option<f64>,
    /// Highest acceptable value (inclusive).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::numbers::exact_opt"
    )]
    pub max: Option<f64>,
    /// The value now; defaults to the latest check-in.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::numbers::exact_opt"
    )]
    pub current: Option<f64>,
    /// Unit for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}

/// Done or not done, with an optional probability of success.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Binary {
    /// Whether it is done.
    #[serde(default)]
    pub done: bool,
    /// Estimated probability of success, in [0, 1] (reported, not scored).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::numbers::exact_opt"
    )]
    pub probability: Option<f64>,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}

/// One step of a milestones key result.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Milestone {
    /// What the step is.
    pub title: String,
    /// Whether it is done.
    #[serde(default)]
    pub done: bool,
    /// Weight in the share done (default 1).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::numbers::exact_opt"
    )]
    pub weight: Option<f64>,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}

/// A progress update on a key result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CheckIn {
    /// Day of the update.
    #[serde(with = "super::dates")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub date: NaiveDate,
    /// The measured value (for metric and threshold key results).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::numbers::exact_opt"
    )]
    pub value: Option<f64>,
    /// The owner's confidence of reaching the target, in [0, 1].
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::numbers::exact_opt"
    )]
    pub confidence: Option<f64>,
    /// Free-text note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}

impl CheckIn {
    /// A check-in on `date` with nothing else yet: add `.value(…)`, `.confidence(…)`,
    /// `.note(…)`.
    pub fn new(date: NaiveDate) -> Self {
        CheckIn {
            date,
            value: None,
            confidence: None,
            note: None,
            extra: Extra::new(),
        }
    }

    /// This check-in with a measured value.
    pub fn value(mut self, value: f64) -> Self {
        self.value = Some(value);
        self
    }

    /// This check-in with a confidence in [0, 1].
    pub fn confidence(mut self, confidence: f64) -> Self {
        self.confidence = Some(confidence);
        self
    }

    /// This check-in with a note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

mod optional_date {
    use chrono::NaiveDate;
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => super::super::dates::serialize(date, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        super::super::dates::deserialize(deserializer).map(Some)
    }
}
