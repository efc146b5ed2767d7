use crate::lint::context::{Context, Sink};
use crate::lint::registry::declare_rule;
use crate::model::Measure;

declare_rule! {
    /// Finds done/not-done key results (binary or milestones) with no estimate of success.
    ///
    /// ## Why is this bad?
    /// A binary key result scores 0 until the day it is done, so its score says nothing
    /// about how it is going. Doerr's advice: if a key result must be binary, say so and
    /// estimate the probability of success, and update that estimate at check-ins.
    ///
    /// ## Example
    /// ```yaml
    /// - { title: Ship guest checkout, binary: { done: false } }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - { title: Ship guest checkout, binary: { done: false, probability: 0.7 } }
    /// # or give check-ins a confidence: { date: 2026-10-12, confidence: 0.7 }
    /// ```
    ///
    /// ## Sources
    /// Sources: K ("state it's binary, estimate probability of success"), KL, LD,
    /// KO, okr-framework.com.
    RULE {
        name: "binary-kr-without-confidence",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for kr in cx.key_results() {
        let has_confidence = kr.kr.check_ins.iter().any(|c| c.confidence.is_some());
        let (kind, estimated) = match kr.kr.measure() {
            Some(Measure::Binary(b)) => ("binary", b.done || b.probability.is_some()),
            Some(Measure::Milestones(ms)) => ("milestones", ms.iter().all(|m| m.done)),
            _ => continue,
        };
        if !estimated && !has_confidence {
            sink.report(
                kr.path(),
                kr.id(),
                format!(
                    "{kind} key result {} has no probability or confidence",
                    crate::lint::context::quote(&kr.kr.title)
                ),
                "add `probability:` (binary) or a `confidence:` at each check-in, from 0 to 1",
            );
        }
    }
}
