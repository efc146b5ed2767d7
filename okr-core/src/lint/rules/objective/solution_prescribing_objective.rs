use crate::lint::Severity;
use crate::lint::context::{Context, Sink, objective_path, quote};
use crate::lint::registry::declare_rule;
use crate::vocabulary::find_verb;

declare_rule! {
    /// Finds objectives that name a solution to build instead of a problem to solve.
    ///
    /// ## Why is this bad?
    /// "Migrate to Kubernetes" or "Build a partner portal" fixes the answer before the team
    /// has looked at the question. When the solution turns out wrong, the objective is met
    /// and nothing improved; when a better solution appears, the objective forbids it.
    ///
    /// ## Example
    /// ```yaml
    /// - { id: P1, title: Migrate to the new Kubernetes platform }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - { id: P1, title: Ship changes to customers the day they are ready }
    /// ```
    /// or keep the solution but say why: "Migrate to Kubernetes so that teams deploy
    /// without waiting on ops". Outcome key results do not excuse the objective: it still
    /// fixes the answer (measured: the guides that quote such objectives call them
    /// bad whatever their key results). The verb counts in any form ("Launching",
    /// "Migrated").
    ///
    /// ## Sources
    /// Sources: K ("sunset least-used features"), OO, LD, Sten Pittet
    /// ("integrate with Stripe").
    RULE {
        name: "solution-prescribing-objective",
        scope: Objective,
        check: check,
    }
}

const DELIVERY_VERBS: &[&str] = &[
    "launch",
    "build",
    "implement",
    "migrate",
    "integrate",
    "ship",
    "rebuild",
    "redesign",
    "sunset",
    "replace",
    "roll",
    "deploy",
    "develop",
    "install",
    "upgrade",
    "introduce",
    "rewrite",
    "release",
    "rollout",
    "complete",
    "finish",
];
const NOT_SOLUTIONS: &[&str] = &[
    "culture",
    "team",
    "teams",
    "leaders",
    "leadership",
    "people",
    "talent",
    "habit",
    "habits",
    "community",
    "trust",
    "relationship",
    "relationships",
    "brand",
    "reputation",
    "skills",
    "generation",
    "mindset",
];
const WHY_CLAUSES: &[&[&str]] = &[
    &["so", "that"],
    &["so"],
    &["to", "reduce"],
    &["to", "increase"],
    &["to", "improve"],
    &["to", "cut"],
    &["to", "help"],
    &["to", "make"],
    &["to", "let"],
    &["to", "enable"],
    &["in", "order", "to"],
    &["that", "delights"],
    &["that", "lets"],
    &["that", "doubles"],
    &["that", "halves"],
    &["that", "cuts"],
    &["that", "helps"],
];

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        let words = cx.objective_words(i);
        let Some(verb) = words
            .first()
            .and_then(|w| find_verb(w, DELIVERY_VERBS.iter().copied()))
        else {
            continue;
        };
        // "Build a culture of ownership", "Develop the next generation of leaders": people
        // and culture are not a solution to deliver.
        if WHY_CLAUSES.iter().any(|clause| words.has_phrase(clause)) || words.has_any(NOT_SOLUTIONS)
        {
            continue;
        }
        sink.report_at(
            Severity::Warning,
            objective_path(i),
            Some(&objective.id),
            format!(
                "objective {} prescribes a solution (\"{verb}\") instead of the problem it solves",
                quote(&objective.title)
            ),
            "state the outcome the solution is for, or add \"so that …\" saying why",
        );
    }
}
