use crate::lint::context::{Context, Sink, objective_path, quote};
use crate::lint::registry::declare_rule;
use crate::lint::words::Words;
use std::borrow::Cow;

declare_rule! {
    /// Finds objectives written as a metric ("Increase revenue by 20%").
    ///
    /// ## Why is this bad?
    /// The objective says where to go and why, in words that inspire; the numbers belong in
    /// the key results. An objective that is a number leaves nothing for the key results to
    /// add and nothing to rally around. (A style rule: some guides accept numbers here.)
    ///
    /// ## Example
    /// ```yaml
    /// - { id: O1, title: Increase revenue by 20% }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - id: O1
    ///   title: Become the cookware brand professional kitchens rely on
    ///   key_results: [Grow B2B revenue from $4M to $4.8M]
    /// ```
    /// Quarter names, years, versions and "#1" are not counted as metrics.
    ///
    /// ## Sources
    /// Sources: FC ("no number"), PD / okrplanner ("no metric in the title"),
    /// Sten Pittet (pointzi), TB; S3 and OK disagree (style).
    RULE {
        name: "objective-is-metric",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        // A title that is nothing but the target is OKR207's, which says more.
        if written_as_metric(cx, i) && !super::objective_is_a_key_result::is_bare_target(cx, i) {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!(
                    "objective {} is written as a metric",
                    quote(&objective.title)
                ),
                "say the qualitative goal in the objective, and move the number into a key result",
            );
        }
    }
}

/// True when objective `i`'s title holds a metric: a number (not a rank such as "#1"), a
/// baseline or a change. Quarters, years and versions are not numbers to the parser.
pub(crate) fn written_as_metric(cx: &Context<'_>, i: usize) -> bool {
    let title = &cx.doc.objectives[i].title;
    let title = if title.contains("#1") || title.contains("No. 1") {
        Cow::Owned(
            title
                .replace("#1", "number one")
                .replace("No. 1", "number one"),
        )
    } else {
        Cow::Borrowed(title.as_str())
    };
    let parsed = cx.sentence(&title);
    // The title's words are split already, unless "#1" was spelled out above.
    let says_one = |words: Words<'_>| words.iter().any(|w| w == "one");
    let ranked = match &title {
        Cow::Borrowed(_) => says_one(cx.objective_words(i)),
        Cow::Owned(spelled_out) => says_one(cx.words(spelled_out).words()),
    } && title.to_lowercase().contains("number one");
    (parsed.has_number && !ranked) || parsed.baseline.is_some() || parsed.change.is_some()
}
