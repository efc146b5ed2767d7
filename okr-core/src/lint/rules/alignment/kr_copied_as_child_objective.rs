use crate::lint::context::{Context, Sink, objective_path, quote};
use crate::lint::registry::declare_rule;
use crate::lint::words::similar;

declare_rule! {
    /// Finds child objectives that copy the parent's key result word for word.
    ///
    /// ## Why is this bad?
    /// A team that takes its manager's key result as its objective adds nothing: the team's
    /// own view of how it contributes is lost, and the objective is a number, not a goal.
    /// (Some guides present this as normal cascading, so it is only a hint.)
    ///
    /// ## Example
    /// ```yaml
    /// - { id: C1, key_results: [{ id: C1-KR2, title: Grow revenue in Europe by 20% }] }
    /// - { id: T1, aligns_to: C1-KR2, title: Grow revenue in Europe by 20% }
    /// ```
    ///
    /// ## Use instead
    /// Write the team's own objective: how it will move the parent key result.
    ///
    /// ## Sources
    /// Sources: TB (Europe example); MWM presents this as normal cascading;
    /// 0.9 similarity is our own threshold (`thresholds.copy_similarity`).
    RULE {
        name: "kr-copied-as-child-objective",
        scope: Document,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let threshold = cx.config.thresholds.copy_similarity();
    // Key results by id: (objective index, key-result index).
    let key_results: crate::hash::HashMap<&str, (usize, usize)> = cx
        .doc
        .objectives
        .iter()
        .enumerate()
        .flat_map(|(i, o)| {
            o.key_results
                .iter()
                .enumerate()
                .filter_map(move |(k, kr)| Some((kr.id.as_deref()?, (i, k))))
        })
        .collect();
    for (i, objective) in cx.doc.objectives.iter().enumerate() {
        for target in objective.aligned_ids() {
            let Some(&(o, k)) = key_results.get(target) else {
                continue;
            };
            if similar(cx.objective_words(i), cx.kr_words(o, k), threshold) {
                sink.report(
                    objective_path(i),
                    Some(&objective.id),
                    format!(
                        "objective {} copies key result `{target}`",
                        quote(&objective.title)
                    ),
                    "write the team's own objective: how it will move that key result",
                );
                break;
            }
        }
    }
}
