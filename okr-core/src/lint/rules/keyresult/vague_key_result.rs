use crate::lint::context::{Context, Sink, quote};
use crate::lint::registry::declare_rule;
use crate::vocabulary::is_output_verb;

declare_rule! {
    /// Finds key results with no number, no measure and nothing to count.
    ///
    /// ## Why is this bad?
    /// "It's not a key result unless it has a number" (Marissa Mayer, quoted in Measure What
    /// Matters). "Improve onboarding" cannot be scored, so nobody can tell at the end of
    /// the cycle whether it was achieved.
    ///
    /// ## Example
    /// ```yaml
    /// - Improve customer satisfaction
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - Raise CSAT from 78% to 85%
    /// ```
    /// Key results with a structured measure (metric, threshold, binary, milestones,
    /// from_children) and task-like ones (see `output-key-result`) are not reported here.
    ///
    /// ## Sources
    /// Sources: MWM (Mayer), OK, YP, KO, OO.
    RULE {
        name: "vague-key-result",
        scope: Objective,
        check: check,
    }
}

const VAGUE_VERBS: &[&str] = &[
    "improve",
    "enhance",
    "optimize",
    "optimise",
    "strengthen",
    "boost",
    "better",
    "continue",
];

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for kr in cx.key_results() {
        if kr.has_measure()
            || kr.parsed.has_number
            || kr.parsed.verb.as_deref().is_some_and(is_output_verb)
        {
            continue;
        }
        let vague_verb = kr.words.iter().find(|w| VAGUE_VERBS.contains(w));
        let message = match vague_verb {
            Some(verb) => format!(
                "key result {} says \"{verb}\" but not by how much",
                quote(&kr.kr.title)
            ),
            None => format!(
                "key result {} has no number, so it cannot be scored",
                quote(&kr.kr.title)
            ),
        };
        sink.report(
            kr.path(),
            kr.id().or(Some(&kr.objective.id)),
            message,
            "state the metric, where it is now and where it should be: \"Raise CSAT from 78% to 85%\"",
        );
    }
}
