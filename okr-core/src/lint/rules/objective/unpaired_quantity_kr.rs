use crate::lint::context::{Context, Sink, objective_path};
use crate::lint::registry::declare_rule;
use crate::model::Measure;
use crate::sentence::Direction;
use crate::vocabulary::RATE_WORDS;

declare_rule! {
    /// Finds objectives whose key results all push a volume up, with nothing guarding quality.
    ///
    /// ## Why is this bad?
    /// Andy Grove's pairing principle: every measure of quantity needs a counter-measure of
    /// quality, or the team will hit the number by cutting corners (more tickets closed,
    /// worse answers; more leads, fewer that buy).
    ///
    /// ## Example
    /// ```yaml
    /// key_results:
    ///   - Generate 500 new leads
    ///   - Book 120 demos
    ///   - Send 40,000 outreach emails
    /// ```
    ///
    /// ## Use instead
    /// Pair one of them with a quality or guardrail key result: "Keep lead-to-opportunity
    /// conversion at or above 12%".
    ///
    /// ## Sources
    /// Sources: MWM / Grove ("effect and counter-effect"), RD.
    RULE {
        name: "unpaired-quantity-kr",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        if objective.key_results.len() < 3 {
            continue;
        }
        let all_volume = objective.key_results.iter().enumerate().all(|(k, kr)| {
            let (parsed, words) = (cx.parsed(i, k), cx.kr_words(i, k));
            let pushes_up = matches!(
                parsed.direction,
                Some(Direction::Increase | Direction::Achieve)
            );
            let counts = parsed.target.is_some()
                && parsed.unit.as_deref() != Some("%")
                && parsed.bound.is_none();
            let structured_guard = matches!(kr.measure(), Some(Measure::Threshold(_)));
            pushes_up && counts && !structured_guard && !words.has_any(RATE_WORDS)
        });
        if all_volume {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                "every key result pushes a volume up; nothing guards quality".to_owned(),
                "pair one with a quality or guardrail key result (conversion, error rate, satisfaction)",
            );
        }
    }
}
