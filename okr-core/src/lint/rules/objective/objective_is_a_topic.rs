use crate::lint::context::{Context, Sink, objective_path, quote};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds objectives of one or two words ("Ownership", "Improve marketing").
    ///
    /// ## Why is this bad?
    /// Two words name a topic, not a goal: nobody can tell at the end of the cycle whether
    /// "Improve communication" was reached, for whom, or what changed. Longer titles that
    /// are still soft ("Improve user satisfaction") are hinted at by `vague-objective`
    /// (OKR206), where the sources disagree more.
    ///
    /// ## Example
    /// ```yaml
    /// - { id: O1, title: Improve marketing }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - { id: O1, title: Make our brand the one small bakeries recommend to each other }
    /// ```
    ///
    /// ## Sources
    /// Sources: YP ("Improve communication"), weekplan ("Ownership"), allo, okrify,
    /// OpenOKR OBJ-2 (at least four words).
    RULE {
        name: "objective-is-a-topic",
        scope: Objective,
        check: check,
    }
}

/// Titles of at most this many words name a topic.
const MOST_WORDS: usize = 2;

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        if is_topic(cx, i) {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!(
                    "objective {} names a topic, not a goal",
                    quote(&objective.title)
                ),
                "say what will be different, and for whom, when the objective is met",
            );
        }
    }
}

/// True when objective `i`'s title has one or two words.
pub(crate) fn is_topic(cx: &Context<'_>, i: usize) -> bool {
    let words = cx.objective_words(i).len();
    (1..=MOST_WORDS).contains(&words)
}
