//! A per-objective quality score, 0–100, that explains itself: every point lost names the
//! rule that cost it. An objective starts at 100 and loses, for each finding on it or its
//! key results, [`points`] by the finding's severity (after configuration), down to 0.

use super::{Diagnostic, Severity};
use crate::model::Document;
use crate::path::{DocPath, LocSegment};
use serde::{Deserialize, Serialize};

/// Points one finding costs: errors are what the linter is surest about.
pub const fn points(severity: Severity) -> u32 {
    match severity {
        Severity::Error => 20,
        Severity::Warning => 10,
        Severity::Info => 2,
    }
}

/// The quality of one objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ObjectiveQuality {
    /// The objective's id.
    pub id: String,
    /// 100 minus the points lost, never below 0.
    pub quality: u32,
    /// Points lost, by rule, in the order the rules first cost points.
    pub lost: Vec<PointsLost>,
}

/// Points one rule cost an objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PointsLost {
    /// The rule's code, e.g. `OKR101`.
    pub code: String,
    /// The points it cost (the sum over its findings on the objective).
    pub points: u32,
}

/// The objective a finding's path is about: `objectives[3]…` is objective 3.
fn objective_index(path: &DocPath) -> Option<usize> {
    match path.segments() {
        [LocSegment::Key(key), LocSegment::Index(i), ..] if key == "objectives" => Some(*i),
        _ => None,
    }
}

/// The quality of every objective of `document`, in document order.
pub(crate) fn of(document: &Document, diagnostics: &[Diagnostic]) -> Vec<ObjectiveQuality> {
    let mut lost: Vec<Vec<PointsLost>> = vec![Vec::new(); document.objectives.len()];
    for d in diagnostics {
        let Some(entry) = objective_index(&d.path).and_then(|i| lost.get_mut(i)) else {
            continue;
        };
        let cost = points(d.severity);
        match entry.iter_mut().find(|l| l.code == d.code) {
            Some(rule) => rule.points += cost,
            None => entry.push(PointsLost {
                code: d.code.to_owned(),
                points: cost,
            }),
        }
    }
    document
        .objectives
        .iter()
        .zip(lost)
        .map(|(objective, lost)| ObjectiveQuality {
            id: objective.id.clone(),
            quality: 100u32.saturating_sub(lost.iter().map(|l| l.points).sum()),
            lost,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_objective_from_the_path() {
        assert_eq!(objective_index(&DocPath::key_result(12, 0)), Some(12));
        assert_eq!(objective_index(&DocPath::objective(3)), Some(3));
        assert_eq!(
            objective_index(&DocPath::root().key("teams").index(0)),
            None
        );
        assert_eq!(objective_index(&DocPath::root().key("objectives")), None);
    }
}
