use crate::lint::context::{Context, Sink};
use crate::lint::registry::declare_rule;
use crate::model::Measure;
use crate::sentence::Direction;

declare_rule! {
    /// Finds key results whose target equals the baseline, or lies on the wrong side of it.
    ///
    /// ## Why is this bad?
    /// A key result measures a change. "Raise NPS from 40 to 40" cannot make progress, and
    /// "Reduce churn from 2% to 3%" or a title saying "reduce" over a metric that goes up
    /// contradicts itself: the score will move the wrong way.
    ///
    /// ## Example
    /// ```yaml
    /// - title: Reduce refund rate
    ///   metric: { start: 2, target: 4 }
    /// ```
    ///
    /// ## Use instead
    /// Make the title, the baseline and the target agree; to hold a level, use a
    /// `threshold` and "keep … at or above …".
    ///
    /// ## Sources
    /// Sources: derived (a key result measures a change, FC).
    RULE {
        name: "target-equals-baseline",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    use crate::vocabulary::{VerbClass, verb_direction};
    for kr in cx.key_results() {
        let p = kr.parsed;
        let stated = p
            .verb
            .as_deref()
            .and_then(verb_direction)
            .and_then(|class| match class {
                VerbClass::Fixed(d @ (Direction::Increase | Direction::Decrease)) => Some(d),
                _ => None,
            });
        // The numbers: written metric first, else the sentence's own baseline and target.
        let numbers = match kr.kr.measure() {
            Some(Measure::Metric(m)) => Some((m.start, m.target)),
            None => p.baseline.zip(p.target),
            _ => None,
        };
        let Some((start, target)) = numbers else {
            continue;
        };
        let moves = if target > start {
            Direction::Increase
        } else if target < start {
            Direction::Decrease
        } else {
            if p.direction != Some(Direction::Maintain) && kr.kr.measure().is_none() {
                sink.report(
                    kr.path(),
                    kr.id(),
                    format!("key result goes from {start} to {target}: no change to measure"),
                    "set the target you aim for, or use a threshold to hold a level",
                );
            }
            continue;
        };
        if let Some(stated) = stated
            && stated != moves
        {
            sink.report(
                kr.path(),
                kr.id(),
                format!(
                    "title says {} but the numbers {} ({start} → {target})",
                    stated.as_str(),
                    if moves == Direction::Increase {
                        "go up"
                    } else {
                        "go down"
                    }
                ),
                "make the verb, the baseline and the target agree",
            );
        }
    }
}
