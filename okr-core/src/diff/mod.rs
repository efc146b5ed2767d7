//! What changed between two versions of an OKR document, as a reviewer needs it: objectives
//! and key results added, removed or renamed, alignment moves, bars (targets, baselines,
//! thresholds, weights) moved with the direction that matters (**lowered** makes the key
//! result easier to score on), check-ins added, edited or deleted after the fact, and every
//! objective's score change as of one day.
//!
//! Objectives and key results are matched by id (key results without an id by their
//! objective and title); check-ins by key result and date.
//!
//! ```
//! use okr_core::diff::{diff, Change, Bar};
//!
//! let old = okr_core::from_yaml_str("objectives:\n  - id: O1\n    title: Grow\n    key_results:\n      - id: K1\n        title: Raise NPS\n        metric: { start: 30, target: 45 }\n")?;
//! let new = okr_core::from_yaml_str("objectives:\n  - id: O1\n    title: Grow\n    key_results:\n      - id: K1\n        title: Raise NPS\n        metric: { start: 30, target: 40 }\n")?;
//! let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
//! let changes = diff(&old, &new, day).changes;
//! assert!(matches!(&changes[0], Change::BarMoved { field, direction: Bar::Lowered, .. } if field == "target"));
//! # Ok::<(), okr_core::Error>(())
//! ```

mod render;

pub use render::{markdown, text};

use crate::model::{CheckIn, Document, KeyResult, Objective};
use crate::score::{ScoreConfig, score};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Every change between two versions, and the score changes they cause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diff {
    /// The day both versions were scored as of.
    pub as_of: NaiveDate,
    /// The changes, objectives first, in the new version's order.
    pub changes: Vec<Change>,
    /// Objectives whose score as of `as_of` differs between the versions.
    pub scores: Vec<ScoreChange>,
}

impl Diff {
    /// True when the two versions mean the same OKRs (layout and comments aside).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Which way a bar moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Bar {
    /// Easier to score on than before (a lower target on a metric that should rise, a
    /// baseline moved toward the target, a looser threshold), or a smaller weight.
    Lowered,
    /// Harder to score on than before, or a larger weight.
    Raised,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
#[allow(missing_docs)] // the fields say what they hold
pub enum Change {
    ObjectiveAdded {
        id: String,
        title: String,
    },
    ObjectiveRemoved {
        id: String,
        title: String,
    },
    /// Same id, new title.
    ObjectiveRenamed {
        id: String,
        from: String,
        to: String,
    },
    KeyResultAdded {
        objective: String,
        id: Option<String>,
        title: String,
    },
    KeyResultRemoved {
        objective: String,
        id: Option<String>,
        title: String,
    },
    /// Same id, new title.
    KeyResultRenamed {
        objective: String,
        id: String,
        from: String,
        to: String,
    },
    /// The objective now aligns to other objectives or key results.
    AlignmentChanged {
        id: String,
        from: Vec<String>,
        to: Vec<String>,
    },
    /// `field` is `target`, `start`, `min`, `max` or `weight`.
    BarMoved {
        objective: String,
        key_result: String,
        field: String,
        from: f64,
        to: f64,
        direction: Bar,
    },
    CheckInAdded {
        key_result: String,
        date: NaiveDate,
        value: Option<f64>,
    },
    /// A check-in already recorded was changed (value, confidence or note).
    CheckInEdited {
        key_result: String,
        date: NaiveDate,
        from: Option<f64>,
        to: Option<f64>,
        fields: Vec<String>,
    },
    /// A check-in already recorded was deleted.
    CheckInDeleted {
        key_result: String,
        date: NaiveDate,
        value: Option<f64>,
    },
}

/// An objective's score in each version, as of the same day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScoreChange {
    /// The objective's id.
    pub objective: String,
    /// Its score in the old version (`None`: absent or not scorable).
    pub from: Option<f64>,
    /// Its score in the new version.
    pub to: Option<f64>,
}

/// Compares two versions of a document; scores are computed as of `as_of` for both.
pub fn diff(old: &Document, new: &Document, as_of: NaiveDate) -> Diff {
    let mut changes = Vec::new();
    for objective in &new.objectives {
        match old.objectives.iter().find(|o| o.id == objective.id) {
            None => changes.push(Change::ObjectiveAdded {
                id: objective.id.clone(),
                title: objective.title.clone(),
            }),
            Some(before) => objective_changes(before, objective, &mut changes),
        }
    }
    for objective in &old.objectives {
        if !new.objectives.iter().any(|o| o.id == objective.id) {
            changes.push(Change::ObjectiveRemoved {
                id: objective.id.clone(),
                title: objective.title.clone(),
            });
        }
    }
    // Key results that moved to another objective keep their id: compare them too.
    let scores = score_changes(old, new, as_of);
    Diff {
        as_of,
        changes,
        scores,
    }
}

fn objective_changes(old: &Objective, new: &Objective, changes: &mut Vec<Change>) {
    if old.title != new.title {
        changes.push(Change::ObjectiveRenamed {
            id: new.id.clone(),
            from: old.title.clone(),
            to: new.title.clone(),
        });
    }
    let aligned = |o: &Objective| -> Vec<String> {
        o.aligns_to
            .iter()
            .flat_map(|ids| ids.iter().map(str::to_owned))
            .collect()
    };
    let (from, to) = (aligned(old), aligned(new));
    if from != to {
        changes.push(Change::AlignmentChanged {
            id: new.id.clone(),
            from,
            to,
        });
    }
    let same = |a: &KeyResult, b: &KeyResult| match (&a.id, &b.id) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.title == b.title,
        _ => false,
    };
    for kr in &new.key_results {
        match old.key_results.iter().find(|k| same(k, kr)) {
            None => changes.push(Change::KeyResultAdded {
                objective: new.id.clone(),
                id: kr.id.clone(),
                title: kr.title.clone(),
            }),
            Some(before) => key_result_changes(&new.id, before, kr, changes),
        }
    }
    for kr in &old.key_results {
        if !new.key_results.iter().any(|k| same(k, kr)) {
            changes.push(Change::KeyResultRemoved {
                objective: new.id.clone(),
                id: kr.id.clone(),
                title: kr.title.clone(),
            });
        }
    }
}

/// How a key result is named in a change: its id, or its title when it has none.
fn name_of(kr: &KeyResult) -> String {
    kr.id.clone().unwrap_or_else(|| kr.title.clone())
}

fn key_result_changes(
    objective: &str,
    old: &KeyResult,
    new: &KeyResult,
    changes: &mut Vec<Change>,
) {
    let name = name_of(new);
    if old.title != new.title
        && let Some(id) = &new.id
    {
        changes.push(Change::KeyResultRenamed {
            objective: objective.to_owned(),
            id: id.clone(),
            from: old.title.clone(),
            to: new.title.clone(),
        });
    }
    for (field, from, to, direction) in bar_moves(old, new) {
        changes.push(Change::BarMoved {
            objective: objective.to_owned(),
            key_result: name.clone(),
            field: field.to_owned(),
            from,
            to,
            direction,
        });
    }
    check_in_changes(&name, &old.check_ins, &new.check_ins, changes);
}

/// The bars of a key result that moved between versions: `(field, from, to, direction)`.
/// Used by the diff and by rule OKR404 (a bar moved mid-cycle without a change note).
pub(crate) fn bar_moves(old: &KeyResult, new: &KeyResult) -> Vec<(&'static str, f64, f64, Bar)> {
    let mut moves = Vec::new();
    let mut moved = |field: &'static str, from: f64, to: f64, easier_when_lower: bool| {
        if from != to && from.is_finite() && to.is_finite() {
            let lowered = (to < from) == easier_when_lower;
            moves.push((
                field,
                from,
                to,
                if lowered { Bar::Lowered } else { Bar::Raised },
            ));
        }
    };
    if let (Some(a), Some(b)) = (&old.metric, &new.metric) {
        // Which way the metric should move, as the old version set it.
        let rising = a.target >= a.start;
        moved("target", a.target, b.target, rising);
        moved("start", a.start, b.start, !rising);
    }
    if let (Some(a), Some(b)) = (&old.threshold, &new.threshold) {
        if let (Some(x), Some(y)) = (a.min, b.min) {
            moved("min", x, y, true);
        }
        if let (Some(x), Some(y)) = (a.max, b.max) {
            moved("max", x, y, false);
        }
    }
    // A weight is not a bar to clear: smaller counts as lowered, larger as raised.
    moved("weight", old.weight(), new.weight(), true);
    moves
}

fn check_in_changes(kr: &str, old: &[CheckIn], new: &[CheckIn], changes: &mut Vec<Change>) {
    let mut dates: Vec<NaiveDate> = old.iter().chain(new).map(|c| c.date).collect();
    dates.sort_unstable();
    dates.dedup();
    for date in dates {
        let before: Vec<&CheckIn> = old.iter().filter(|c| c.date == date).collect();
        let after: Vec<&CheckIn> = new.iter().filter(|c| c.date == date).collect();
        for pair in 0..before.len().max(after.len()) {
            match (before.get(pair), after.get(pair)) {
                (Some(a), Some(b)) if a != b => {
                    let mut fields = Vec::new();
                    if a.value != b.value {
                        fields.push("value".to_owned());
                    }
                    if a.confidence != b.confidence {
                        fields.push("confidence".to_owned());
                    }
                    if a.note != b.note {
                        fields.push("note".to_owned());
                    }
                    if a.extra != b.extra {
                        fields.push("other fields".to_owned());
                    }
                    changes.push(Change::CheckInEdited {
                        key_result: kr.to_owned(),
                        date,
                        from: a.value,
                        to: b.value,
                        fields,
                    });
                }
                (Some(a), None) => changes.push(Change::CheckInDeleted {
                    key_result: kr.to_owned(),
                    date,
                    value: a.value,
                }),
                (None, Some(b)) => changes.push(Change::CheckInAdded {
                    key_result: kr.to_owned(),
                    date,
                    value: b.value,
                }),
                _ => {}
            }
        }
    }
}

fn score_changes(old: &Document, new: &Document, as_of: NaiveDate) -> Vec<ScoreChange> {
    let config = ScoreConfig::default();
    let before = score(old, as_of, &config);
    let after = score(new, as_of, &config);
    let mut scores = Vec::new();
    for objective in &after.objectives {
        let from = before
            .objectives
            .iter()
            .find(|o| o.id == objective.id)
            .and_then(|o| o.score);
        if !same_score(from, objective.score) {
            scores.push(ScoreChange {
                objective: objective.id.to_string(),
                from,
                to: objective.score,
            });
        }
    }
    for objective in &before.objectives {
        if !after.objectives.iter().any(|o| o.id == objective.id) && objective.score.is_some() {
            scores.push(ScoreChange {
                objective: objective.id.to_string(),
                from: objective.score,
                to: None,
            });
        }
    }
    scores
}

/// Scores equal up to float noise (rollups add in different orders).
fn same_score(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}
