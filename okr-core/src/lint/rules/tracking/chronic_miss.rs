use crate::lint::context::{Context, Sink, objective_path};
use crate::lint::registry::declare_rule;
use crate::model::ObjectiveKind;

declare_rule! {
    /// Finds objectives that missed badly two cycles in a row.
    ///
    /// ## Why is this bad?
    /// One red quarter is information; two in a row is a pattern. Either the objective is
    /// not a real priority, the team lacks what it needs, or the targets are unreachable —
    /// each calls for a retrospective, not another copy of the same OKR.
    ///
    /// ## Example
    /// ```yaml
    /// history:
    ///   - { objective: S1, cycle: 2026-Q2, score: 0.3 }
    ///   - { objective: S1, cycle: 2026-Q3, score: 0.25 }
    /// ```
    ///
    /// ## Use instead
    /// Hold a retrospective; re-scope, resource or drop the objective. Aspirational
    /// objectives: reported below 0.4 (red) in the last two cycles; committed: below 1.0.
    ///
    /// ## Sources
    /// Sources: GP (colour bands; red 0.0–0.3), RW, K ("below 60% → retro").
    RULE {
        name: "chronic-miss",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        let scores = cx.history(&objective.id);
        if scores.len() < 2 {
            continue;
        }
        let last_two = &scores[scores.len() - 2..];
        let (bar, what) = match objective.kind() {
            ObjectiveKind::Committed => (1.0 - 1e-9, "a committed objective below 1.0"),
            ObjectiveKind::Aspirational => (0.4, "below 0.4"),
        };
        if last_two.iter().all(|(_, s)| *s < bar) {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!(
                    "objective scored {what} in {} ({:.2}) and {} ({:.2})",
                    last_two[0].0, last_two[0].1, last_two[1].0, last_two[1].1
                ),
                "hold a retrospective: re-scope, resource or drop it rather than carrying it over",
            );
        }
    }
}
