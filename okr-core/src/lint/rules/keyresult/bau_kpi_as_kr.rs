use crate::lint::context::{Context, Sink, quote};
use crate::lint::registry::declare_rule;
use crate::model::Measure;

declare_rule! {
    /// Finds key results that only keep doing what is already done ("continue …",
    /// "maintain current …").
    ///
    /// ## Why is this bad?
    /// OKRs are for change. "Continue weekly releases" or "Maintain current market position"
    /// describe business as usual; they belong on a KPI dashboard, and as key results they
    /// crowd out the few things the team wants to move. Guardrails that protect a level
    /// while other key results push ("Keep CAC under $50") are fine and not reported.
    ///
    /// ## Example
    /// ```yaml
    /// - Continue publishing the weekly newsletter
    /// - Maintain current customer satisfaction
    /// ```
    ///
    /// ## Use instead
    /// Move the KPI to a health metric; if it must be protected while something else grows,
    /// write it as a guardrail with a bound: `Keep CSAT at or above 85%` (a `threshold`).
    ///
    /// ## Sources
    /// Sources: GP, RW ("maintain market position", "continue doing X"), VI,
    /// okr.mx, leaveamark, OK; guardrail exemption from RD.
    RULE {
        name: "bau-kpi-as-kr",
        scope: Objective,
        check: check,
    }
}

const KEEP_VERBS: &[&str] = &[
    "maintain", "keep", "sustain", "continue", "stay", "remain", "preserve",
];
const STATUS_QUO: &[&str] = &[
    "current", "existing", "same", "usual", "doing", "steady", "status",
];

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for kr in cx.key_results() {
        let Some(verb) = kr.words.first().filter(|w| KEEP_VERBS.contains(w)) else {
            continue;
        };
        let guardrail =
            kr.parsed.bound.is_some() || matches!(kr.kr.measure(), Some(Measure::Threshold(_)));
        let status_quo =
            !kr.parsed.has_number || kr.words.has_any(STATUS_QUO) || verb == "continue";
        if guardrail || !status_quo {
            continue;
        }
        sink.report(
            kr.path(),
            kr.id().or(Some(&kr.objective.id)),
            format!(
                "key result {} keeps business as usual going",
                quote(&kr.kr.title)
            ),
            "track it as a KPI, or write it as a guardrail with a bound (\"Keep X at or above Y\")",
        );
    }
}
