use super::{Extra, Ids, KeyResult, LintSection};
use serde::{Deserialize, Serialize};

/// A qualitative goal owned by a team or person for one cycle, measured by its key results.
///
/// ```
/// use okr_core::model::{Objective, ObjectiveKind};
///
/// let objective = Objective::new("O1", "Make re-ordering effortless");
/// assert_eq!(objective.kind(), ObjectiveKind::Aspirational); // the default
/// assert!(objective.aligned_ids().next().is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Objective {
    /// Unique id; objectives and key results share one id space.
    pub id: String,
    /// The objective as a sentence: qualitative, inspiring, no number.
    pub title: String,
    /// Owning team id (or person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Cycle id; may be left out when the document has exactly one cycle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle: Option<String>,
    /// `aspirational` (default; 0.6–0.8 is a good result) or `committed` (must reach 1.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ObjectiveKind>,
    /// The objectives or key results this objective contributes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aligns_to: Option<Ids>,
    /// Weight in the rollup of the key result or objective it aligns to (default 1; 0 = not counted).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::numbers::exact_opt"
    )]
    pub weight: Option<f64>,
    /// The objective of an earlier cycle this one continues (written by `okr next-cycle`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
    /// The measurable results that say whether the objective is reached.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact_vec"
    )]
    pub key_results: Vec<KeyResult>,
    /// Suppressions (`allow`) for the linter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lint: Option<LintSection>,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}

impl Objective {
    /// An objective with an id and a title and nothing else.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Objective {
            id: id.into(),
            title: title.into(),
            ..Objective::default()
        }
    }

    /// The kind, defaulting to aspirational when the file does not say.
    pub fn kind(&self) -> ObjectiveKind {
        self.kind.unwrap_or_default()
    }

    /// The rollup weight, defaulting to 1.
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }

    /// The ids this objective aligns to, in written order.
    pub fn aligned_ids(&self) -> impl Iterator<Item = &str> {
        self.aligns_to.iter().flat_map(Ids::iter)
    }
}

/// Whether an objective is a stretch goal or a promise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ObjectiveKind {
    /// A stretch goal: 0.6–0.8 is a good result, 1.0 suggests the bar was too low.
    #[default]
    Aspirational,
    /// A promise: anything below 1.0 is a miss.
    Committed,
}

impl ObjectiveKind {
    /// The lowercase name used in files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectiveKind::Aspirational => "aspirational",
            ObjectiveKind::Committed => "committed",
        }
    }
}
