use crate::lint::context::{Context, Sink, objective_path, quote};
use crate::lint::registry::declare_rule;
use crate::vocabulary::find_verb;

declare_rule! {
    /// Finds objectives that describe effort instead of a result ("Work on …", "Focus on …").
    ///
    /// ## Why is this bad?
    /// "Work on improving website performance" is met the moment anyone works on it. An
    /// objective names the state the team wants to reach; the effort is how, and belongs in
    /// the plan, not in the goal. Objectives that open with a phrase of effort, continuation
    /// or intent (work on, focus on, keep, continue, try to, make progress, check in) are
    /// reported, in any form of the verb ("Focusing on", "Worked on").
    ///
    /// ## Example
    /// ```yaml
    /// - { id: O1, title: Work on improving engineering processes }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - { id: O1, title: Make every release a non-event for the on-call engineer }
    /// ```
    ///
    /// ## Sources
    /// Sources: okrsworkshop ("work on improving …"), whatmatters ("check in regularly"),
    /// YP ("make progress with customers"), OpenOKR OBJ-1 (outcome, not activity).
    RULE {
        name: "activity-objective",
        scope: Objective,
        check: check,
    }
}

/// Openings that describe effort, continuation or intent rather than a state reached.
const EFFORT_OPENINGS: &[&[&str]] = &[
    &["work", "on"],
    &["work", "towards"],
    &["work", "toward"],
    &["focus", "on"],
    &["focus", "more", "on"],
    &["continue"],
    &["continue", "to"],
    &["keep"],
    &["try", "to"],
    &["strive", "to"],
    &["aim", "to"],
    &["plan", "to"],
    &["start", "to"],
    &["begin", "to"],
    &["make", "progress"],
    &["check", "in"],
    &["look", "into"],
    &["think", "about"],
    &["participate", "in"],
    &["attend"],
];

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        let words = cx.objective_words(i);
        // The opening verb in any form ("focusing on", "worked on"), read once.
        let Some(verb) = words
            .get(0)
            .and_then(|first| find_verb(first, EFFORT_OPENINGS.iter().map(|phrase| phrase[0])))
        else {
            continue;
        };
        let opening = EFFORT_OPENINGS.iter().find(|phrase| {
            phrase[0] == verb
                && phrase
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(n, w)| words.get(n) == Some(*w))
        });
        if let Some(phrase) = opening {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!(
                    "objective {} describes effort (\"{}\"), not a result",
                    quote(&objective.title),
                    phrase.join(" ")
                ),
                "name the state the team wants to reach; the work towards it belongs in the plan",
            );
        }
    }
}
