use crate::lint::context::{Context, Sink, objective_path};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds objectives that do not say whether they are committed or aspirational.
    ///
    /// ## Why is this bad?
    /// A committed objective must reach 1.0; an aspirational one is a success at 0.6–0.8.
    /// When the kind is unstated, people read the same score differently, and a 0.7 is
    /// either a failure or a win depending on who looks.
    ///
    /// ## Example
    /// ```yaml
    /// - { id: O1, title: Make re-ordering effortless }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - { id: O1, title: Make re-ordering effortless, kind: aspirational }
    /// ```
    ///
    /// ## Sources
    /// Sources: GP (trap #1: failing to tell committed from aspirational), AK review.
    RULE {
        name: "missing-okr-type",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        if objective.kind.is_none() {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                "objective does not say whether it is committed or aspirational (read as aspirational)".to_owned(),
                "add `kind: committed` (must reach 1.0) or `kind: aspirational` (0.6–0.8 is a success)",
            );
        }
    }
}
