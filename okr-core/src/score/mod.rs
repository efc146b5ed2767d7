//! Scoring: progress, attainment, colour, outcome, pace and forecast of every key result
//! and objective, as of any day, with weighted rollups through alignment.
//!
//! Pure functions of the document, a [`ScoreConfig`] and `as_of`; check-ins after `as_of`
//! are ignored, so a report "as of" a past day can always be reproduced.
//!
//! ```
//! use chrono::NaiveDate;
//! use okr_core::score::{score, Color, Pace, ScoreConfig};
//!
//! let doc = okr_core::from_yaml_str(r#"
//! cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
//! objectives:
//!   - id: O1
//!     title: Fewer unhappy customers
//!     key_results:
//!       - id: KR1
//!         title: Decrease refund rate from 0.5% to 0.2%
//!         metric: { start: 0.5, target: 0.2 }
//!         check_ins: [{ date: 2026-07-15, value: 0.45 }, { date: 2026-10-01, value: 0.1 }]
//! "#)?;
//! let as_of = NaiveDate::from_ymd_opt(2026, 8, 15).unwrap();
//! let report = score(&doc, as_of, &ScoreConfig::default());
//! let kr = report.key_result("KR1").unwrap();
//! assert!((kr.score.unwrap() - 1.0 / 6.0).abs() < 1e-12); // (0.45 - 0.5) / (0.2 - 0.5)
//! assert_eq!(kr.color, Some(Color::Red));
//! let objective = report.objective("O1").unwrap();
//! assert!((objective.expected.unwrap() - 45.0 / 91.0).abs() < 1e-12); // 45 of 91 days
//! assert_eq!(objective.pace, Some(Pace::AtRisk)); // 0.17 - 0.49 = -0.33
//! # Ok::<(), okr_core::Error>(())
//! ```

mod config;
mod measure;
mod report;
mod rollup;

pub use config::{ColorBands, OutcomeBands, PaceBands, ScoreConfig};
pub use report::{Color, KeyResultScore, ObjectiveScore, Outcome, Pace, ScoreReport};

use crate::model::{Cycle, Document, ObjectiveKind};
use chrono::NaiveDate;

/// Band edges are compared with this tolerance, so 0.6 computed as 0.59999999999 is met.
const EPSILON: f64 = 1e-9;

/// Scores every objective and key result of `document` as of `as_of`.
///
/// To score one document as of many days (a burn-up chart, a notebook), a [`Scorer`] does
/// the day-independent work once.
pub fn score(document: &Document, as_of: NaiveDate, config: &ScoreConfig) -> ScoreReport {
    Scorer::new(document).score(as_of, config)
}

/// A document prepared for scoring: alignment edges in rollup order and the measure read
/// from each bare key-result sentence, worked out once, then scored as of any day.
///
/// It holds the document it was prepared from (`&Document`, `Arc<Document>` or an owned
/// one), so the two cannot drift apart.
///
/// ```
/// use chrono::NaiveDate;
/// use okr_core::score::{Scorer, ScoreConfig};
///
/// let doc = okr_core::from_yaml_str(r#"
/// cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
/// objectives:
///   - id: O1
///     title: Fewer unhappy customers
///     cycle: Q3
///     key_results:
///       - id: KR1
///         title: Decrease refund rate from 0.5% to 0.2%
///         check_ins: [{ date: 2026-07-15, value: 0.45 }, { date: 2026-08-15, value: 0.35 }]
/// "#)?;
/// let scorer = Scorer::new(&doc);
/// let day = |d| NaiveDate::from_ymd_opt(2026, 8, d).unwrap();
/// let config = ScoreConfig::default();
/// let scores: Vec<f64> = [1, 20]
///     .iter()
///     .map(|&d| scorer.score(day(d), &config).key_result("KR1").unwrap().score.unwrap())
///     .collect();
/// assert!((scores[0] - 0.05 / 0.3).abs() < 1e-12); // the July check-in only
/// assert!((scores[1] - 0.15 / 0.3).abs() < 1e-12); // the August one too
/// # Ok::<(), okr_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Scorer<D: std::borrow::Borrow<Document>> {
    document: D,
    plan: rollup::Plan,
}

impl<D: std::borrow::Borrow<Document>> Scorer<D> {
    /// Prepares `document` for scoring.
    pub fn new(document: D) -> Self {
        let plan = rollup::Plan::new(document.borrow());
        Scorer { document, plan }
    }

    /// The document being scored.
    pub fn document(&self) -> &Document {
        self.document.borrow()
    }

    /// Scores every objective and key result as of `as_of`; the same as [`score`].
    pub fn score(&self, as_of: NaiveDate, config: &ScoreConfig) -> ScoreReport {
        rollup::score_document(self.document.borrow(), &self.plan, as_of, config)
    }
}

impl<D: std::borrow::BorrowMut<Document>> Scorer<D> {
    /// Adds a check-in to key result `key_result` (in date order, after any of the same
    /// day) and keeps the preparation: it does not depend on check-ins, so the next
    /// [`Scorer::score`] sees the new value without preparing the document again.
    ///
    /// ```
    /// use okr_core::model::CheckIn;
    /// use okr_core::score::{ScoreConfig, Scorer};
    ///
    /// let doc = okr_core::from_yaml_str("objectives:\n  - id: O1\n    title: Delight cooks\n    key_results:\n      - id: K1\n        title: Raise NPS from 30 to 45\n")?;
    /// let mut scorer = Scorer::new(doc);
    /// let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
    /// scorer.add_check_in("K1", CheckIn::new(day).value(36.0))?;
    /// let report = scorer.score(day, &ScoreConfig::default());
    /// assert!((report.key_result("K1").unwrap().score.unwrap() - 0.4).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_check_in(
        &mut self,
        key_result: &str,
        check_in: crate::model::CheckIn,
    ) -> Result<(), crate::edit::EditError> {
        let document = self.document.borrow_mut();
        crate::edit::check_check_in(document, key_result, &check_in)?;
        let Some(kr) = document.key_result_mut(key_result) else {
            return Err(crate::edit::EditError::UnknownKeyResult {
                id: key_result.to_owned(),
                suggestion: None,
            });
        };
        let position = kr
            .check_ins
            .iter()
            .filter(|c| c.date <= check_in.date)
            .count();
        kr.check_ins.insert(position, check_in);
        Ok(())
    }
}

impl ScoreConfig {
    /// The colour band of a score.
    pub fn color(&self, score: f64) -> Color {
        if score + EPSILON >= self.colors.green_from {
            Color::Green
        } else if score + EPSILON >= self.colors.yellow_from {
            Color::Yellow
        } else {
            Color::Red
        }
    }

    /// The outcome of a score for an objective of this kind.
    pub fn outcome(&self, score: f64, kind: ObjectiveKind) -> Outcome {
        match kind {
            ObjectiveKind::Committed if score + EPSILON >= 1.0 => Outcome::Met,
            ObjectiveKind::Committed => Outcome::Missed,
            ObjectiveKind::Aspirational if score > self.outcomes.exceeded_above + EPSILON => {
                Outcome::Exceeded
            }
            ObjectiveKind::Aspirational if score + EPSILON >= self.outcomes.met_from => {
                Outcome::Met
            }
            ObjectiveKind::Aspirational => Outcome::Missed,
        }
    }

    /// The pace of a score, given the share of the cycle elapsed.
    pub fn pace(&self, score: f64, expected: f64) -> Pace {
        let gap = score - expected;
        if gap + EPSILON >= self.pace.on_track_gap {
            Pace::OnTrack
        } else if gap + EPSILON >= self.pace.at_risk_gap {
            Pace::AtRisk
        } else {
            Pace::OffTrack
        }
    }
}

/// Progress (unclamped `p`) of each check-in on or before `as_of`, oldest first, for key
/// results measured as a metric (written, or read from the sentence); empty otherwise.
/// Charts draw it against the expected pace.
pub fn progress_history(
    key_result: &crate::model::KeyResult,
    as_of: NaiveDate,
) -> Vec<(NaiveDate, f64)> {
    let (start, target) = match measure::effective_measure(key_result) {
        measure::Effective::Written(crate::model::Measure::Metric(m)) => (m.start, m.target),
        measure::Effective::Inferred { start, target } => (start, target),
        _ => return Vec::new(),
    };
    let mut points: Vec<(NaiveDate, f64)> = key_result
        .check_ins
        .iter()
        .filter(|c| c.date <= as_of)
        .filter_map(|c| Some((c.date, measure::progress(start, target, c.value?)?)))
        .collect();
    points.sort_by_key(|(date, _)| *date);
    points
}

/// Share of the cycle elapsed at `as_of`, in days, clamped to [0, 1]; `None` before it starts.
pub fn expected_progress(cycle: &Cycle, as_of: NaiveDate) -> Option<f64> {
    if as_of < cycle.start {
        return None;
    }
    let length = (cycle.end - cycle.start).num_days();
    if length <= 0 {
        return Some(1.0);
    }
    let elapsed = (as_of - cycle.start).num_days() as f64 / length as f64;
    Some(elapsed.clamp(0.0, 1.0))
}
