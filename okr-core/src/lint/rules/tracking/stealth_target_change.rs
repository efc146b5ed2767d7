use crate::diff::{Bar, bar_moves};
use crate::lint::Severity;
use crate::lint::context::{Context, Sink, quote};
use crate::lint::registry::declare_rule;
use crate::model::KeyResult;

declare_rule! {
    /// Finds targets and baselines moved after their cycle started, with no note saying why.
    ///
    /// Runs only when the previous version of the file is given (`okr lint FILE --previous
    /// OLD` or `--previous-git REV`); without one it stays silent.
    ///
    /// ## Why is this bad?
    /// A key result whose target is quietly lowered mid-quarter scores well without the
    /// result improving, and the review never learns the bar moved. Moving a bar is
    /// sometimes right (the market changed, the baseline was measured wrong), but it should
    /// be a visible decision, not an edit nobody notices in a large diff.
    ///
    /// ## Example
    /// In the pull request, `metric: { start: 30, target: 45 }` became `target: 40` on
    /// 2026-08-20, in a cycle that started on 2026-07-01.
    ///
    /// ## Use instead
    /// Say why, on the key result, in the same change: `change_note: "baseline re-measured
    /// after the tracking fix"`. A note already there in the previous version does not
    /// count: each move needs its own. Warning when the bar was lowered; info when it was
    /// raised.
    ///
    /// ## Sources
    /// Sources: derived (reviewers cannot see a lowered target in a long YAML diff; scoring
    /// guides ask that targets stay fixed within a cycle).
    RULE {
        name: "stealth-target-change",
        scope: Document,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(previous) = cx.previous else {
        return;
    };
    for (i, objective) in cx.doc.objectives.iter().enumerate() {
        let Some(cycle) = cx.cycle_of(objective) else {
            continue;
        };
        if cx.as_of < cycle.start {
            continue;
        }
        for (k, kr) in objective.key_results.iter().enumerate() {
            let Some(id) = kr.id.as_deref() else {
                continue;
            };
            let Some(before) = previous.key_result(id) else {
                continue;
            };
            if explained(before, kr) {
                continue;
            }
            for (field, from, to, direction) in bar_moves(before, kr) {
                if field == "weight" {
                    continue;
                }
                let (severity, verdict) = match direction {
                    Bar::Lowered => (Severity::Warning, "lowered"),
                    _ => (Severity::Info, "raised"),
                };
                sink.report_at(
                    severity,
                    crate::lint::context::kr_path(i, k),
                    Some(id),
                    format!(
                        "the {field} of {} moved from {from} to {to} after the cycle started (the bar was {verdict})",
                        quote(&kr.title)
                    ),
                    "say why on the key result, in the same change: `change_note: \"…\"`",
                );
            }
        }
    }
}

/// A move is explained by a change note written (or rewritten) in the same version.
fn explained(before: &KeyResult, after: &KeyResult) -> bool {
    after
        .change_note
        .as_deref()
        .is_some_and(|note| !note.trim().is_empty() && before.change_note.as_deref() != Some(note))
}
