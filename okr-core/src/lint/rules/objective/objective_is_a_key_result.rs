use crate::lint::context::{Context, Sink, objective_path, quote};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds objectives that are nothing but a number target ("Increase DAU by 20%").
    ///
    /// ## Why is this bad?
    /// A title that is only a metric and its target is a key result, not an objective. It
    /// gives no reason why the number matters and leaves the key results nothing to add, so
    /// the team optimises the number by whatever means (discounts for "Increase sales by
    /// 50%"). Titles that also say what the number is for, or that hold a second aim, are
    /// left to `objective-is-metric` (OKR201).
    ///
    /// A hint, not a warning: guides disagree on numbers in objectives (some of Google's own
    /// examples carry one). It held on the OKRs the rule was written against (9 of 9 judged
    /// bad) but not on OKRs held out from its writing (4 of 9).
    ///
    /// ## Example
    /// ```yaml
    /// - { id: O1, title: Reach $5M in ARR }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - id: O1
    ///   title: Become the billing tool mid-sized agencies switch to
    ///   key_results: [Grow ARR from $3.8M to $5M]
    /// ```
    ///
    /// ## Sources
    /// Sources: gtmhub ("objectives should be qualitative"), okr.mx, Tability, Perdoo,
    /// OpenOKR OBJ-2 (no digits in the objective).
    RULE {
        name: "objective-is-a-key-result",
        scope: Objective,
        check: check,
    }
}

/// Titles longer than this say more than the number.
const MOST_WORDS: usize = 7;

/// Words that join a second aim, a reason or an audience to the number.
const MORE_THAN_A_NUMBER: &[&str] = &[
    "and", "so", "that", "because", "while", "without", "for", "through", "via", "with",
];

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        if is_bare_target(cx, i) {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!(
                    "objective {} is a number target, which is a key result",
                    quote(&objective.title)
                ),
                "say in the objective what reaching the number would change, and for whom; keep the number as a key result",
            );
        }
    }
}

/// True when objective `i` is a short title holding a metric and nothing else.
pub(crate) fn is_bare_target(cx: &Context<'_>, i: usize) -> bool {
    let words = cx.objective_words(i);
    words.len() <= MOST_WORDS
        && !words.has_any(MORE_THAN_A_NUMBER)
        && super::objective_is_metric::written_as_metric(cx, i)
}
