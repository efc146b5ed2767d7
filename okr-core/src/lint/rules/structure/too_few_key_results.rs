use crate::lint::Severity;
use crate::lint::context::{Context, Sink, objective_path};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Checks that each objective has enough key results to measure it.
    ///
    /// ## Why is this bad?
    /// Without key results an objective cannot be scored: it is a wish. With a single key
    /// result the objective and the key result are the same thing, and one number rarely
    /// covers an objective (fewer than three suggests a lack of coverage).
    ///
    /// ## Example
    /// ```yaml
    /// - id: P2
    ///   title: Improve processes
    ///   key_results: [Improve deployment process]
    /// ```
    ///
    /// ## Use instead
    /// Two to five key results that together show the objective is reached (three to five
    /// in the strict profile). An objective scored only from aligned child objectives is
    /// exempt from the "no key results" error.
    ///
    /// ## Sources
    /// Sources: K ("fewer than 3 = lack of coverage"), GP ("insufficient KRs"),
    /// RF and MWM summaries (2–5).
    RULE {
        name: "too-few-key-results",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let min = cx.config.thresholds.min_key_results(cx.strict);
    for (i, objective) in cx.objectives() {
        let n = objective.key_results.len();
        if n == 0 {
            if cx.graph().children(i).is_empty() {
                sink.report_at(
                    Severity::Error,
                    objective_path(i),
                    Some(&objective.id),
                    "objective has no key results, so nothing says whether it is reached"
                        .to_owned(),
                    "add two to five measurable key results",
                );
            }
        } else if n < min {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!(
                    "objective has {n} key result{}; at least {min} are needed to cover it",
                    if n == 1 { "" } else { "s" }
                ),
                format!("add key results until {min} to 5 together show the objective is reached"),
            );
        }
    }
}
