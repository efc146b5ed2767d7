use crate::model::ObjectiveKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Scores of a whole document as of one day (its JSON shape is described in docs/reports.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScoreReport {
    /// The day the scores are computed for.
    #[serde(with = "crate::model::dates")]
    pub as_of: NaiveDate,
    /// One entry per objective, in document order.
    pub objectives: Vec<ObjectiveScore>,
}

impl ScoreReport {
    /// The objective with this id.
    pub fn objective(&self, id: &str) -> Option<&ObjectiveScore> {
        self.objectives.iter().find(|o| &*o.id == id)
    }

    /// The key result with this id, in any objective.
    pub fn key_result(&self, id: &str) -> Option<&KeyResultScore> {
        self.objectives
            .iter()
            .flat_map(|o| &o.key_results)
            .find(|kr| kr.id.as_deref() == Some(id))
    }
}

/// The score of one objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ObjectiveScore {
    /// Objective id.
    pub id: Arc<str>,
    /// Objective title.
    pub title: Arc<str>,
    /// Owner id.
    pub owner: Option<Arc<str>>,
    /// Cycle id (the document's only cycle when the objective names none).
    pub cycle: Option<Arc<str>>,
    /// Aspirational or committed.
    pub kind: ObjectiveKind,
    /// Weighted mean of the key results (or of aligned children); null when nothing scores.
    pub score: Option<f64>,
    /// Colour band of the score.
    pub color: Option<Color>,
    /// Missed / met / exceeded, judged as if the cycle ended today.
    pub outcome: Option<Outcome>,
    /// Share of the cycle elapsed at `as_of` (0..1); null without a cycle.
    pub expected: Option<f64>,
    /// Score against the elapsed share of the cycle.
    pub pace: Option<Pace>,
    /// The key results, in document order.
    pub key_results: Vec<KeyResultScore>,
}

/// The score of one key result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KeyResultScore {
    /// Key-result id (null for bare sentences).
    pub id: Option<Arc<str>>,
    /// The sentence.
    pub title: Arc<str>,
    /// The key result's owner (several joined by ", "), else its objective's owner.
    #[serde(default)]
    pub owner: Option<Arc<str>>,
    /// Progress in [0, 1]; null when the key result has no measure.
    pub score: Option<f64>,
    /// Unclamped progress (1.25 = 125 %; below 0 = moved the wrong way).
    pub attainment: Option<f64>,
    /// Colour band of the score.
    pub color: Option<Color>,
    /// The value used (metric and threshold key results).
    pub current: Option<f64>,
    /// Least-squares forecast of the score at cycle end; null with fewer than 2 check-ins.
    pub forecast: Option<f64>,
    /// Latest confidence on or before `as_of` (or a binary key result's probability).
    pub confidence: Option<f64>,
}

/// Traffic-light colour of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Color {
    /// Below the yellow band (default < 0.4).
    Red,
    /// Progress, short of green (default 0.4–0.7).
    Yellow,
    /// Delivered (default >= 0.7).
    Green,
}

/// How an objective ends (or would end today).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Below expectations (aspirational < 0.6; committed < 1.0).
    Missed,
    /// In the sweet spot (aspirational 0.6–0.8; committed 1.0).
    Met,
    /// Above 0.8 (aspirational only): maybe the bar was low.
    Exceeded,
}

/// Progress against time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Pace {
    /// The cycle has not started.
    NotStarted,
    /// Score within 0.2 of the elapsed share (default).
    OnTrack,
    /// Score 0.2–0.4 behind (default).
    AtRisk,
    /// More than 0.4 behind (default).
    OffTrack,
}

macro_rules! names {
    ($ty:ty { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $ty {
            /// The name used in reports.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $name),* }
            }
        }
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

impl Color {
    /// Every colour, worst first: the order of an ordered category (a DataFrame column).
    pub const WORST_TO_BEST: [Color; 3] = [Color::Red, Color::Yellow, Color::Green];
}

impl Outcome {
    /// Every outcome, worst first.
    pub const WORST_TO_BEST: [Outcome; 3] = [Outcome::Missed, Outcome::Met, Outcome::Exceeded];
}

impl Pace {
    /// Every pace, worst first; `not_started` (nothing checked in yet) comes before all.
    pub const WORST_TO_BEST: [Pace; 4] = [
        Pace::NotStarted,
        Pace::OffTrack,
        Pace::AtRisk,
        Pace::OnTrack,
    ];
}

names!(Color { Red => "red", Yellow => "yellow", Green => "green" });
names!(Outcome { Missed => "missed", Met => "met", Exceeded => "exceeded" });
names!(Pace { NotStarted => "not_started", OnTrack => "on_track", AtRisk => "at_risk", OffTrack => "off_track" });
