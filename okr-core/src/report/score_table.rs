//! The rows of the score table: each objective, then its key results. `okr score` prints
//! them as aligned text, Python shows them as a notebook table and a DataFrame; all three
//! read these rows, so they cannot disagree on what a row holds or how a cell reads.

use super::percent_text;
use crate::model::{Document, KeyResult, Measure, Objective, ObjectiveKind};
use crate::score::{Color, Outcome, Pace, ScoreReport};

/// Whether a row is an objective or one of its key results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowLevel {
    /// An objective.
    Objective,
    /// A key result, listed under its objective.
    KeyResult,
}

impl RowLevel {
    /// `objective` or `key_result`.
    pub fn as_str(self) -> &'static str {
        match self {
            RowLevel::Objective => "objective",
            RowLevel::KeyResult => "key_result",
        }
    }
}

/// One row of the score table. Fields an objective row has and a key-result row has not
/// (and the reverse) are `None`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ScoreRow<'a> {
    /// Objective or key result.
    pub level: RowLevel,
    /// The objective's id (for a key result: its objective's).
    pub objective_id: &'a str,
    /// The row's own id (a key result may have none).
    pub id: Option<&'a str>,
    /// Title.
    pub title: &'a str,
    /// Owner.
    pub owner: Option<&'a str>,
    /// The objective's cycle.
    pub cycle: Option<&'a str>,
    /// Committed or aspirational (objectives only).
    pub kind: Option<ObjectiveKind>,
    /// Score, 0–1.
    pub score: Option<f64>,
    /// Attainment of the key result's measure (key results only).
    pub attainment: Option<f64>,
    /// Colour of the score.
    pub color: Option<Color>,
    /// Outcome (objectives only).
    pub outcome: Option<Outcome>,
    /// The score expected by now (objectives only).
    pub expected: Option<f64>,
    /// Pace (objectives only).
    pub pace: Option<Pace>,
    /// The latest value (key results only).
    pub current: Option<f64>,
    /// The forecast score at the cycle's end (key results only).
    pub forecast: Option<f64>,
    /// The latest confidence (key results only).
    pub confidence: Option<f64>,
    /// The rows below come from the document ([`score_rows_of`]); `None` in
    /// [`score_rows`]. Weight among siblings, as written.
    pub weight: Option<f64>,
    /// The ids an objective aligns to, comma-separated (objectives only).
    pub aligns_to: Option<String>,
    /// The key result's measure: `metric`, `threshold`, `binary`, `milestones` or
    /// `from_children` (key results only).
    pub measure: Option<&'static str>,
    /// A metric's or threshold's unit.
    pub unit: Option<&'a str>,
    /// A metric's start.
    pub start: Option<f64>,
    /// A metric's target.
    pub target: Option<f64>,
    /// A threshold's lower bound.
    pub min: Option<f64>,
    /// A threshold's upper bound.
    pub max: Option<f64>,
}

impl<'a> ScoreRow<'a> {
    /// A row with only its place filled in.
    fn blank(
        level: RowLevel,
        objective_id: &'a str,
        title: &'a str,
        cycle: Option<&'a str>,
    ) -> Self {
        ScoreRow {
            level,
            objective_id,
            id: None,
            title,
            owner: None,
            cycle,
            kind: None,
            score: None,
            attainment: None,
            color: None,
            outcome: None,
            expected: None,
            pace: None,
            current: None,
            forecast: None,
            confidence: None,
            weight: None,
            aligns_to: None,
            measure: None,
            unit: None,
            start: None,
            target: None,
            min: None,
            max: None,
        }
    }

    /// The "pace / forecast" cell: an objective's pace (`at risk`), a key result's
    /// forecast (`→ 80%`).
    pub fn pace_or_forecast(&self) -> Option<String> {
        match self.level {
            RowLevel::Objective => self.pace.map(|p| p.as_str().replace('_', " ")),
            RowLevel::KeyResult => self.forecast.map(|f| format!("→ {}", percent_text(f))),
        }
    }

    /// The "outcome" cell: an objective's outcome (`missed`), a key result's confidence
    /// (`conf 0.7`).
    pub fn outcome_or_confidence(&self) -> Option<String> {
        match self.level {
            RowLevel::Objective => self.outcome.map(|o| o.as_str().to_owned()),
            RowLevel::KeyResult => self.confidence.map(|c| format!("conf {c:.1}")),
        }
    }
}

/// Each objective of the report, followed by its key results.
///
/// ```
/// use okr_core::report::{RowLevel, score_rows};
/// let doc = okr_core::from_yaml_str("objectives:\n  - id: O1\n    title: Grow\n    key_results: [Reach 10 customers]\n")?;
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
/// let report = okr_core::score::score(&doc, day, &Default::default());
/// let rows = score_rows(&report);
/// assert_eq!(rows.iter().map(|r| r.level).collect::<Vec<_>>(), [RowLevel::Objective, RowLevel::KeyResult]);
/// assert_eq!(rows[1].objective_id, "O1");
/// # Ok::<(), okr_core::Error>(())
/// ```
pub fn score_rows(report: &ScoreReport) -> Vec<ScoreRow<'_>> {
    let key_results: usize = report.objectives.iter().map(|o| o.key_results.len()).sum();
    let mut rows = Vec::with_capacity(report.objectives.len() + key_results);
    for o in &report.objectives {
        rows.push(ScoreRow {
            id: Some(&o.id),
            owner: o.owner.as_deref(),
            kind: Some(o.kind),
            score: o.score,
            color: o.color,
            outcome: o.outcome,
            expected: o.expected,
            pace: o.pace,
            ..ScoreRow::blank(RowLevel::Objective, &o.id, &o.title, o.cycle.as_deref())
        });
        for kr in &o.key_results {
            rows.push(ScoreRow {
                id: kr.id.as_deref(),
                owner: kr.owner.as_deref(),
                score: kr.score,
                attainment: kr.attainment,
                color: kr.color,
                current: kr.current,
                forecast: kr.forecast,
                confidence: kr.confidence,
                ..ScoreRow::blank(RowLevel::KeyResult, &o.id, &kr.title, o.cycle.as_deref())
            });
        }
    }
    rows
}

/// [`score_rows`] with the columns only the document has: weights, alignment and each key
/// result's measure (`report` scored `document`; rows whose item the document does not
/// hold keep `None` there).
pub fn score_rows_of<'a>(report: &'a ScoreReport, document: &'a Document) -> Vec<ScoreRow<'a>> {
    let mut rows = score_rows(report);
    let mut objective: Option<&Objective> = None;
    let mut key_result = 0;
    for row in &mut rows {
        match row.level {
            RowLevel::Objective => {
                objective = document.objective(row.objective_id);
                key_result = 0;
                if let Some(o) = objective {
                    row.weight = o.weight;
                    row.aligns_to = o
                        .aligns_to
                        .as_ref()
                        .map(|ids| ids.iter().collect::<Vec<_>>().join(", "));
                }
            }
            RowLevel::KeyResult => {
                // Key results are scored in the order they are written.
                if let Some(kr) = objective.and_then(|o| o.key_results.get(key_result)) {
                    fill_measure(row, kr);
                }
                key_result += 1;
            }
        }
    }
    rows
}

fn fill_measure<'a>(row: &mut ScoreRow<'a>, kr: &'a KeyResult) {
    row.weight = kr.weight;
    let Some(measure) = kr.measure() else { return };
    row.measure = Some(measure.name());
    match measure {
        Measure::Metric(m) => {
            (row.start, row.target, row.unit) = (Some(m.start), Some(m.target), m.unit.as_deref());
        }
        Measure::Threshold(t) => (row.min, row.max, row.unit) = (t.min, t.max, t.unit.as_deref()),
        _ => {}
    }
}
