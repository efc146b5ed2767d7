use crate::lint::context::{Context, Sink, objective_path, quote};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds objectives too vague to know when they are reached ("Improve processes").
    ///
    /// ## Why is this bad?
    /// An objective should make it obvious, at the end of the cycle, whether it was
    /// achieved, and say for whom. "Improve communication" or a two-word title names a topic,
    /// not a goal.
    ///
    /// ## Example
    /// ```yaml
    /// - { id: P2, title: Improve processes }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - { id: P2, title: Make every release boring for the on-call engineer }
    /// ```
    ///
    /// ## Sources
    /// Sources: YP, okrsworkshop, weekplan, GP ("obvious … whether achieved").
    RULE {
        name: "vague-objective",
        scope: Objective,
        check: check,
    }
}

const SOFT_VERBS: &[&str] = &[
    "improve",
    "enhance",
    "optimize",
    "optimise",
    "better",
    "boost",
    "strengthen",
    "work",
    "focus",
    "be",
    "increase",
    "drive",
];
const ABSTRACT_NOUNS: &[&str] = &[
    "communication",
    "communications",
    "process",
    "processes",
    "performance",
    "innovation",
    "efficiency",
    "quality",
    "culture",
    "collaboration",
    "productivity",
    "things",
    "operations",
    "teamwork",
    "workflow",
    "workflows",
    "visibility",
    "alignment",
    "engagement",
    "results",
    "growth",
    "sales",
    "marketing",
    "business",
    "satisfaction",
    "experience",
    "support",
    "service",
    "efficiency",
];
/// A "so that …" or "for …" clause names an outcome or audience, which makes it concrete enough.
const OUTCOME_CLAUSES: &[&str] = &["so", "for", "by", "until", "without"];

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        let words = cx.objective_words(i);
        // One or two words are OKR208's (objective-is-a-topic), which warns.
        if super::objective_is_a_topic::is_topic(cx, i) {
            continue;
        }
        let too_short = words.is_empty();
        let soft = words.first().is_some_and(|w| SOFT_VERBS.contains(&w))
            && words
                .iter()
                .skip(1)
                .take(4)
                .any(|w| ABSTRACT_NOUNS.contains(&w))
            && words.len() <= 6
            && !words.has_any(OUTCOME_CLAUSES);
        if too_short || soft {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!(
                    "objective {} is too vague to know when it is reached",
                    quote(&objective.title)
                ),
                "say what will be different, and for whom, when the objective is met",
            );
        }
    }
}
