//! Numbers, dates and measures: finite, in range, and one measure per key result.
//!
//! Paths are built only when a problem is found: this runs on every load.

use crate::error::{Problem, ProblemKind};
use crate::model::{Document, KeyResult};
use crate::path::DocPath;

struct Checker<'p> {
    problems: &'p mut Vec<Problem>,
}

impl Checker<'_> {
    fn push(&mut self, kind: ProblemKind, path: DocPath, id: &str, message: String) {
        self.problems
            .push(Problem::new(kind, path, message).with_id(Some(id)));
    }

    /// A finite number; returns it when usable for further checks.
    fn finite(&mut self, path: impl FnOnce() -> DocPath, id: &str, value: f64) -> Option<f64> {
        if value.is_finite() {
            return Some(value);
        }
        let shown = if value.is_nan() {
            "NaN".to_owned()
        } else {
            format!("{value}")
        };
        self.push(
            ProblemKind::NotFinite,
            path(),
            id,
            format!("{shown} is not a finite number; write a plain number such as 42 or 0.5"),
        );
        None
    }

    fn optional(
        &mut self,
        path: impl FnOnce() -> DocPath,
        id: &str,
        value: Option<f64>,
    ) -> Option<f64> {
        value.and_then(|v| self.finite(path, id, v))
    }

    fn unit_interval(
        &mut self,
        path: impl Fn() -> DocPath,
        id: &str,
        value: Option<f64>,
        what: &str,
    ) {
        if let Some(v) = self.optional(&path, id, value)
            && !(0.0..=1.0).contains(&v)
        {
            self.push(
                ProblemKind::OutOfRange,
                path(),
                id,
                format!("{what} {v} is outside [0, 1]; write it as a fraction, e.g. 0.7 for 70 %"),
            );
        }
    }

    fn weight(&mut self, path: impl Fn() -> DocPath, id: &str, value: Option<f64>) {
        if let Some(v) = self.optional(&path, id, value)
            && v < 0.0
        {
            self.push(
                ProblemKind::OutOfRange,
                path(),
                id,
                format!(
                    "weight {v} is negative; use 0 to track without scoring, or a positive weight"
                ),
            );
        }
    }
}

/// Weights are averaged over their siblings: a sum that overflows (two weights of 1e308)
/// would turn every score of the group into NaN or 0 %. Siblings are an objective's key
/// results, a key result's milestones, and the objectives aligned to one id.
fn weight_sums(doc: &Document, c: &mut Checker<'_>) {
    let overflow = |what: &str| {
        format!(
            "the weights of {what} add up to more than a number can hold; use small relative weights such as 1, 2 and 3"
        )
    };
    let mut aligned: crate::hash::HashMap<&str, (f64, usize)> = Default::default();
    for (i, objective) in doc.objectives.iter().enumerate() {
        let sum: f64 = objective
            .key_results
            .iter()
            .map(|kr| kr.weight().max(0.0))
            .sum();
        if sum.is_infinite() {
            c.push(
                ProblemKind::WeightOverflow,
                DocPath::objective(i).key("key_results"),
                &objective.id,
                overflow("this objective's key results"),
            );
        }
        for (k, kr) in objective.key_results.iter().enumerate() {
            let sum: f64 = kr
                .milestones
                .iter()
                .flatten()
                .map(|m| m.weight.unwrap_or(1.0).max(0.0))
                .sum();
            if sum.is_infinite() {
                c.push(
                    ProblemKind::WeightOverflow,
                    DocPath::key_result(i, k).key("milestones"),
                    kr.id.as_deref().unwrap_or(&objective.id),
                    overflow("this key result's milestones"),
                );
            }
        }
        for target in objective.aligned_ids() {
            let entry = aligned.entry(target).or_insert((0.0, i));
            let was_finite = entry.0.is_finite();
            entry.0 += objective.weight().max(0.0);
            if was_finite && entry.0.is_infinite() {
                c.push(
                    ProblemKind::WeightOverflow,
                    DocPath::objective(i).key("weight"),
                    &objective.id,
                    overflow(&format!("the objectives aligned to `{target}`")),
                );
            }
        }
    }
}

pub(super) fn check(doc: &Document, problems: &mut Vec<Problem>) {
    let mut c = Checker { problems };

    for (i, cycle) in doc.cycles.iter().enumerate() {
        if cycle.end < cycle.start {
            c.push(
                ProblemKind::EndBeforeStart,
                DocPath::root().key("cycles").index(i).key("end"),
                &cycle.id,
                format!(
                    "cycle ends ({}) before it starts ({}); swap the dates or fix the typo",
                    cycle.end, cycle.start
                ),
            );
        }
    }
    for (i, objective) in doc.objectives.iter().enumerate() {
        c.weight(
            || DocPath::objective(i).key("weight"),
            &objective.id,
            objective.weight,
        );
        for (k, kr) in objective.key_results.iter().enumerate() {
            let id = kr.id.as_deref().unwrap_or(&objective.id);
            check_key_result(&mut c, &|| DocPath::key_result(i, k), id, kr);
        }
    }
    weight_sums(doc, &mut c);
    for (i, entry) in doc.history.iter().enumerate() {
        let path = || DocPath::root().key("history").index(i).key("score");
        if let Some(score) = c.finite(path, &entry.objective, entry.score)
            && !(0.0..=1.0).contains(&score)
        {
            c.push(
                ProblemKind::OutOfRange,
                path(),
                &entry.objective,
                format!("final score {score} is outside [0, 1]; scores run from 0.0 to 1.0"),
            );
        }
    }
}

fn check_key_result(c: &mut Checker<'_>, path: &dyn Fn() -> DocPath, id: &str, kr: &KeyResult) {
    let at = |field: &'static str| path().key(field);
    let inside = |field: &'static str, inner: &'static str| path().key(field).key(inner);
    c.weight(|| at("weight"), id, kr.weight);

    let written = kr.measures().count();
    if written > 1 {
        let names: Vec<&str> = [
            kr.metric.as_ref().map(|_| "metric"),
            kr.threshold.as_ref().map(|_| "threshold"),
            kr.binary.as_ref().map(|_| "binary"),
            kr.milestones.as_ref().map(|_| "milestones"),
            (kr.from_children == Some(true)).then_some("from_children"),
        ]
        .into_iter()
        .flatten()
        .collect();
        c.push(
            ProblemKind::SeveralMeasures,
            path(),
            id,
            format!(
                "key result has {written} measures ({}); keep exactly one, or split it into several key results",
                names.join(", ")
            ),
        );
    }

    if let Some(metric) = &kr.metric {
        let start = c.finite(|| inside("metric", "start"), id, metric.start);
        let target = c.finite(|| inside("metric", "target"), id, metric.target);
        c.optional(|| inside("metric", "current"), id, metric.current);
        if let (Some(start), Some(target)) = (start, target)
            && start == target
        {
            c.push(
                ProblemKind::StartEqualsTarget,
                inside("metric", "target"),
                id,
                format!(
                    "start equals target ({target}), so progress cannot be measured; set the target you aim for, or use `threshold` to hold a level"
                ),
            );
        }
    }
    if let Some(threshold) = &kr.threshold {
        let min = c.optional(|| inside("threshold", "min"), id, threshold.min);
        let max = c.optional(|| inside("threshold", "max"), id, threshold.max);
        c.optional(|| inside("threshold", "current"), id, threshold.current);
        if threshold.min.is_none() && threshold.max.is_none() {
            c.push(
                ProblemKind::EmptyThreshold,
                at("threshold"),
                id,
                "threshold has neither `min` nor `max`; add the bound to stay above or below"
                    .to_owned(),
            );
        } else if let (Some(min), Some(max)) = (min, max)
            && min > max
        {
            c.push(
                ProblemKind::ImpossibleThreshold,
                inside("threshold", "max"),
                id,
                format!("threshold max {max} is below min {min}; no value can pass"),
            );
        }
    }
    if let Some(binary) = &kr.binary {
        c.unit_interval(
            || inside("binary", "probability"),
            id,
            binary.probability,
            "probability",
        );
    }
    for (m, milestone) in kr.milestones.iter().flatten().enumerate() {
        c.weight(
            || path().key("milestones").index(m).key("weight"),
            id,
            milestone.weight,
        );
    }
    for (n, check_in) in kr.check_ins.iter().enumerate() {
        c.optional(
            || path().key("check_ins").index(n).key("value"),
            id,
            check_in.value,
        );
        c.unit_interval(
            || path().key("check_ins").index(n).key("confidence"),
            id,
            check_in.confidence,
            "confidence",
        );
    }
}
