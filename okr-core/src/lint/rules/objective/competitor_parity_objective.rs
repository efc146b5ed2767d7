use crate::lint::context::{Context, Sink, objective_path, quote};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds objectives that aim to copy a competitor's features.
    ///
    /// ## Why is this bad?
    /// "Reach feature parity with Acme" makes the competitor's roadmap yours: at best the
    /// team ends where the competitor was, and no customer problem is named. Doerr's
    /// examples contrast this with objectives about what customers need.
    ///
    /// ## Example
    /// ```yaml
    /// - { id: P3, title: Catch up with Pansonic's feature set }
    /// ```
    ///
    /// ## Use instead
    /// Name the customer need the missing features would meet, and measure that:
    /// "Win the home cooks who leave us for smart-oven integration".
    ///
    /// ## Sources
    /// Sources: K.
    RULE {
        name: "competitor-parity-objective",
        scope: Objective,
        check: check,
    }
}

const FEATURE_WORDS: &[&str] = &[
    "feature",
    "features",
    "functionality",
    "capabilities",
    "feature-set",
    "offering",
];
const CATCH_UP: &[&[&str]] = &[
    &["catch", "up"],
    &["close", "the", "gap"],
    &["close", "the", "feature", "gap"],
    &["match"],
    &["keep", "up", "with"],
    &["as", "good", "as"],
];

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        let words = cx.objective_words(i);
        let parity = words.has_any(&["parity"])
            || (CATCH_UP.iter().any(|p| words.has_phrase(p)) && words.has_any(FEATURE_WORDS));
        if parity {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!(
                    "objective {} chases a competitor's features",
                    quote(&objective.title)
                ),
                "name the customer need those features would meet, and measure that instead",
            );
        }
    }
}
