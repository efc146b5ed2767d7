use crate::lint::context::{Context, Sink, objective_path};
use crate::lint::registry::declare_rule;
use crate::model::{Measure, ObjectiveKind};

declare_rule! {
    /// Finds aspirational objectives that are always fully met, and key results whose target
    /// was already reached when the cycle started.
    ///
    /// ## Why is this bad?
    /// Aspirational OKRs are meant to stretch: 0.6–0.7 is the sweet spot, and always hitting
    /// 1.0 means the bar is set low (sandbagging), so the team learns nothing about what it
    /// could do. Committed objectives are expected at 1.0 and are not reported.
    ///
    /// ## Example
    /// ```yaml
    /// history:
    ///   - { objective: PE1, cycle: 2026-Q2, score: 1.0 }
    ///   - { objective: PE1, cycle: 2026-Q3, score: 1.0 }
    /// ```
    ///
    /// ## Use instead
    /// Raise the targets until reaching 0.7 takes real effort, or mark the objective
    /// `kind: committed` if it is a promise. Reported when the last two cycles scored 1.0,
    /// when the last three average 0.9 or more, or when a key result meets its target in
    /// the first week.
    ///
    /// ## Sources
    /// Sources: GP (aspirational expected 0.7, committed 1.0), RW, KL (sweet
    /// spot 0.6–0.7), MWM, TZ.
    RULE {
        name: "sandbagging",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (i, objective) in cx.objectives() {
        if objective.kind() == ObjectiveKind::Committed {
            continue;
        }
        let scores: Vec<f64> = cx.history(&objective.id).iter().map(|(_, s)| *s).collect();
        let last_two_full =
            scores.len() >= 2 && scores[scores.len() - 2..].iter().all(|s| *s >= 1.0 - 1e-9);
        let last_three = &scores[scores.len().saturating_sub(3)..];
        let high_mean = scores.len() >= 3 && last_three.iter().sum::<f64>() / 3.0 >= 0.9 - 1e-9;
        if last_two_full || high_mean {
            let shown: Vec<String> = last_three.iter().map(|s| format!("{s:.2}")).collect();
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!(
                    "aspirational objective scored {} in its last cycles: the bar may be too low",
                    shown.join(", ")
                ),
                "raise the targets until 0.7 takes real effort, or mark it `kind: committed`",
            );
        }
        let Some(cycle) = cx.cycle_of(objective) else {
            continue;
        };
        for (k, kr) in objective.key_results.iter().enumerate() {
            let Some(Measure::Metric(metric)) = kr.measure() else {
                continue;
            };
            let early = kr
                .check_ins
                .iter()
                .filter(|c| c.date <= cx.as_of && (c.date - cycle.start).num_days() < 7);
            let met = early
                .filter_map(|c| c.value)
                .any(|v| (v - metric.start) / (metric.target - metric.start) >= 1.0);
            if met {
                sink.report(
                    crate::lint::context::kr_path(i, k),
                    kr.id.as_deref().or(Some(&objective.id)),
                    format!(
                        "key result `{}` met its target in the first week of the cycle",
                        kr.id.as_deref().unwrap_or(&kr.title)
                    ),
                    "set a target that takes the cycle to reach",
                );
            }
        }
    }
}
