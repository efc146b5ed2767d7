use crate::lint::Severity;
use crate::lint::context::{Context, Sink, objective_path};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds alignment chains deeper than company → department → team.
    ///
    /// ## Why is this bad?
    /// Every level of cascading adds a translation step, delay and distance from the
    /// company goal; OKRs written at individual level turn into task lists. Guides advise
    /// keeping the hierarchy shallow and stopping at teams.
    ///
    /// ## Example
    /// Company ← department ← team ← sub-team ← person: five levels.
    ///
    /// ## Use instead
    /// Align team objectives straight to the company or department objective they serve.
    /// Threshold: `thresholds.max_alignment_depth` (3). Objectives owned by a person are
    /// reported as info.
    ///
    /// ## Sources
    /// Sources: ZK ("keep hierarchies shallow"), KS (stop at team), FC ("OKRs
    /// never cascade"), TB, QR; 3 levels is our own threshold.
    RULE {
        name: "cascade-too-deep",
        scope: Document,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let max = cx.config.thresholds.max_alignment_depth();
    let n = cx.graph().len();
    // Longest path from a top objective, in topological order (Kahn), iteratively.
    let mut depth = vec![1usize; n];
    let mut pending: Vec<usize> = (0..n).map(|i| cx.graph().parents(i).len()).collect();
    let mut ready: Vec<usize> = (0..n).filter(|&i| pending[i] == 0).collect();
    while let Some(node) = ready.pop() {
        for &child in cx.graph().children(node) {
            depth[child] = depth[child].max(depth[node] + 1);
            pending[child] -= 1;
            if pending[child] == 0 {
                ready.push(child);
            }
        }
    }
    for (i, objective) in cx.doc.objectives.iter().enumerate() {
        // Report where the chain first goes too deep, not at every level below.
        let too_deep = depth[i] > max && cx.graph().parents(i).iter().any(|&p| depth[p] <= max);
        if !too_deep {
            continue;
        }
        let personal = objective
            .owner
            .as_deref()
            .is_some_and(|o| cx.is_person(o) && !cx.is_team(o));
        sink.report_at(
            if personal {
                Severity::Info
            } else {
                Severity::Warning
            },
            objective_path(i),
            Some(&objective.id),
            format!(
                "objective is {} alignment levels deep (more than {max})",
                depth[i]
            ),
            "align it directly to the company or department objective it serves",
        );
    }
}
