use crate::lint::context::{Context, Sink, objective_path};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds objectives carried over three or more cycles that scored below 0.4 every time.
    ///
    /// ## Why is this bad?
    /// An objective that stays red quarter after quarter is probably an annual (or longer)
    /// goal squeezed into a quarter, or no longer a real priority. Carrying it over again
    /// teaches the team that OKRs do not matter.
    ///
    /// ## Example
    /// ```yaml
    /// history:
    ///   - { objective: G1, cycle: 2026-Q1, score: 0.2 }
    ///   - { objective: G1, cycle: 2026-Q2, score: 0.3 }
    ///   - { objective: G1, cycle: 2026-Q3, score: 0.1 }
    /// ```
    ///
    /// ## Use instead
    /// Move it to an annual cycle with quarterly steps, or drop it on purpose.
    ///
    /// ## Sources
    /// Sources: K ("market leader in Spain"), Weekdone video ("may have set an
    /// annual objective"); three cycles is our own threshold.
    RULE {
        name: "not-achievable-in-cycle",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        let scores = cx.history(&objective.id);
        if scores.len() >= 3 && scores.iter().all(|(_, s)| *s < 0.4) {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!(
                    "objective scored below 0.4 in all of its last {} cycles",
                    scores.len()
                ),
                "make it an annual objective with quarterly steps, or drop it on purpose",
            );
        }
    }
}
