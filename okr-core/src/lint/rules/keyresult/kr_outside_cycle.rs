use crate::lint::context::{Context, Sink, quote};
use crate::lint::registry::declare_rule;
use crate::lint::words::OwnedWords;

declare_rule! {
    /// Finds key results due after their cycle ends.
    ///
    /// ## Why is this bad?
    /// A key result is scored at the end of its cycle. One due later ("by end of year" in a
    /// quarterly cycle, or a `due` date after the cycle end) is either an annual objective
    /// in disguise or will be scored before it could be reached.
    ///
    /// ## Example
    /// ```yaml
    /// cycles: [{ id: 2026-Q3, start: 2026-07-01, end: 2026-09-30 }]
    /// # ...
    /// - Grow ARR from $1M to $2M by the end of the year
    /// ```
    ///
    /// ## Use instead
    /// Set the part reachable this quarter ("Grow ARR from $1M to $1.3M"), and keep the
    /// yearly goal in an annual cycle.
    ///
    /// ## Sources
    /// Sources: IN ("deadline within the quarter"), K, S3 (time-bound).
    RULE {
        name: "kr-outside-cycle",
        scope: Objective,
        check: check,
    }
}

const LONG_HORIZON: &[&[&str]] = &[
    &["this", "year"],
    &["end", "of", "year"],
    &["end", "of", "the", "year"],
    &["next", "year"],
    &["year-end"],
    &["eoy"],
    &["six", "months"],
    &["6", "months"],
    &["12", "months"],
    &["two", "years"],
];

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for kr in cx.key_results() {
        let Some(cycle) = cx.cycle_of(kr.objective) else {
            continue;
        };
        if let Some(due) = kr.kr.due
            && due > cycle.end
        {
            sink.report(
                kr.path(),
                kr.id().or(Some(&kr.objective.id)),
                format!(
                    "key result is due {due}, after cycle {} ends ({})",
                    cycle.id, cycle.end
                ),
                "set what can be reached by the cycle end, or move it to a longer cycle",
            );
            continue;
        }
        let quarterly = (cycle.end - cycle.start).num_days() <= 100;
        let Some(deadline) = &kr.parsed.deadline else {
            if quarterly
                && (kr.words.has_phrase(&["six", "months"])
                    || kr.words.has_phrase(&["12", "months"]))
            {
                report_long(sink, &kr, cycle);
            }
            continue;
        };
        let w = OwnedWords::of(deadline);
        let w = w.words();
        if quarterly && (LONG_HORIZON.iter().any(|p| w.has_phrase(p)) || w.has_any(&["h1", "h2"])) {
            report_long(sink, &kr, cycle);
        }
    }
}

fn report_long(
    sink: &mut Sink<'_>,
    kr: &crate::lint::context::KeyResultRef<'_>,
    cycle: &crate::model::Cycle,
) {
    sink.report(
        kr.path(),
        kr.id().or(Some(&kr.objective.id)),
        format!(
            "key result {} looks past the end of quarterly cycle {}",
            quote(&kr.kr.title),
            cycle.id
        ),
        "set what can be reached by the cycle end, or move it to a longer cycle",
    );
}
