use crate::lint::context::{Context, Sink};
use crate::lint::registry::declare_rule;
use crate::sentence::Direction;

declare_rule! {
    /// Finds key results that state a target but no starting point.
    ///
    /// ## Why is this bad?
    /// "Reach 40% activation" says where to go but not where the team stands: nobody can
    /// tell whether 40% is a stretch or already true, and progress cannot be scored. This is
    /// a coaching hint: many good, widely cited key results state only a target or a
    /// relative change.
    ///
    /// ## Example
    /// ```yaml
    /// - Reach 40% weekly activation
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - Raise weekly activation from 28% to 40%
    /// # or structured:
    /// - { title: Raise weekly activation, metric: { start: 28, target: 40, unit: "%" } }
    /// ```
    ///
    /// ## Sources
    /// Sources: K (metric + current state + target), FC ("from X to Y"), KO, PD, OO.
    RULE {
        name: "missing-baseline-or-target",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for kr in cx.key_results() {
        let p = kr.parsed;
        let has_goal = p.target.is_some() || p.change.is_some();
        let guardrail = p.bound.is_some() || p.direction == Some(Direction::Maintain);
        if kr.has_measure() || !has_goal || p.baseline.is_some() || guardrail {
            continue;
        }
        sink.report(
            kr.path(),
            kr.id(),
            format!(
                "key result {} has a target but no baseline",
                crate::lint::context::quote(&kr.kr.title)
            ),
            "say where you start: \"from X to Y\", or add `metric: { start, target }`",
        );
    }
}
