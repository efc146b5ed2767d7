use crate::lint::Severity;
use crate::lint::context::{Context, Sink, quote};
use crate::lint::registry::declare_rule;
use crate::lint::words::Words;
use crate::sentence::ParsedKeyResult;
use crate::vocabulary::{OUTCOME_MARKERS, PEOPLE_REACHED, is_output_verb};

declare_rule! {
    /// Finds key results that are tasks or deliverables rather than outcomes.
    ///
    /// ## Why is this bad?
    /// "Launch the new website" can be done while nothing improves for anyone. Key results
    /// measure the result of the work, not the work: a study of 7,857 key results found half
    /// were tasks or plain KPIs. Tasks belong in the plan that serves the key result.
    ///
    /// ## Example
    /// ```yaml
    /// - Launch the new website
    /// - Publish 24 recipe videos
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - Raise website conversion from 1.5% to 4%
    /// - Grow recipe-video watch time per visitor from 40 s to 2 min
    /// ```
    /// A deliverable verb with an outcome shape (from X to Y, a rate, "% of") or an outcome
    /// clause with its number ("… so that tickets fall below 300 a week") is not reported.
    /// The verb counts in any form ("Launched", "Publishing"). Warning; error when every
    /// key result of the objective is a task.
    ///
    /// ## Sources
    /// Sources: verb lists from FC and OO; GP (consult, help, analyze,
    /// participate); OT (52% of 7,857 KRs were tasks/KPIs); YP, CW, TZ, PD, LD.
    RULE {
        name: "output-key-result",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        let flagged: Vec<usize> = objective
            .key_results
            .iter()
            .enumerate()
            .filter(|(k, _)| {
                let parsed = cx.parsed(i, *k);
                parsed.verb.as_deref().is_some_and(is_output_verb)
                    && !is_outcome_of_task(parsed, cx.kr_words(i, *k))
            })
            .map(|(k, _)| k)
            .collect();
        let all = flagged.len() == objective.key_results.len();
        for k in flagged {
            let kr = &objective.key_results[k];
            let verb = cx.parsed(i, k).verb.as_deref().unwrap_or_default();
            sink.report_at(
                if all {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                crate::lint::context::kr_path(i, k),
                kr.id.as_deref().or(Some(&objective.id)),
                format!(
                    "key result {} is a task (\"{verb}\"), not an outcome",
                    quote(&kr.title)
                ),
                "ask what changes for customers or the business once it is done, and measure that",
            );
        }
    }
}

/// True when a task-worded key result still measures an outcome: a change between two
/// values, a percentage, a rate or ratio, a number of people reached, or a clause saying
/// what the work changes, with its number ("… so that churn falls below 3%").
///
/// A time limit on the task does not rescue it: measured on the dev corpus it let through
/// "Schedule 95% of onboarding calls within 5 days", which its source calls a task, as
/// often as it spared a good one ("Complete the climb in six days or fewer").
fn is_outcome_of_task(parsed: &ParsedKeyResult, words: Words<'_>) -> bool {
    parsed.baseline.is_some()
        || parsed.change.is_some()
        || parsed.unit.as_deref() == Some("%")
        || words.has_any(OUTCOME_MARKERS)
        || (parsed.target.is_some() && words.has_any(PEOPLE_REACHED))
        || has_outcome_clause(words)
}

/// Words that open a clause naming the effect of the work.
const OUTCOME_CLAUSES: &[&[&str]] = &[
    &["so", "that"],
    &["resulting", "in"],
    &["leading", "to"],
    &["which", "reduces"],
    &["which", "raises"],
    &["which", "increases"],
    &["which", "cuts"],
];

/// An outcome clause with a number after it: the effect is stated and measurable.
fn has_outcome_clause(words: Words<'_>) -> bool {
    let all: Vec<&str> = words.iter().collect();
    OUTCOME_CLAUSES.iter().any(|clause| {
        all.windows(clause.len())
            .position(|window| window == *clause)
            .is_some_and(|at| {
                all[at + clause.len()..]
                    .iter()
                    .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            })
    })
}
