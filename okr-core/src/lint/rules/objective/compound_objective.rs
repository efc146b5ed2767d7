use crate::lint::context::{Context, Sink, objective_path, quote};
use crate::lint::registry::declare_rule;
use crate::vocabulary::{is_output_verb, verb_direction};

declare_rule! {
    /// Finds objectives that join two goals with "and".
    ///
    /// ## Why is this bad?
    /// "Grow revenue and improve retention" is two objectives in one: the key results split
    /// between them, and the team cannot tell which goal wins when they compete.
    ///
    /// ## Example
    /// ```yaml
    /// - { id: O1, title: Grow the partner channel and modernise our billing }
    /// ```
    ///
    /// ## Use instead
    /// One goal per objective; if both matter this cycle, write two objectives.
    ///
    /// ## Sources
    /// Sources: KO.
    RULE {
        name: "compound-objective",
        scope: Objective,
        check: check,
    }
}

const GOAL_VERBS: &[&str] = &[
    "make", "become", "win", "delight", "help", "be", "earn", "give", "turn", "lead", "own",
    "expand",
];

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        let words: Vec<&str> = cx.objective_words(i).iter().collect();
        // "X and <verb> Y": the word after "and" starts a second goal.
        let second_goal = words.windows(2).skip(1).any(|pair| {
            (pair[0] == "and" || pair[0] == "&")
                && (verb_direction(pair[1]).is_some()
                    || is_output_verb(pair[1])
                    || GOAL_VERBS.contains(&pair[1]))
        });
        if second_goal {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!("objective {} joins two goals", quote(&objective.title)),
                "keep one goal per objective; write a second objective if both matter this cycle",
            );
        }
    }
}
