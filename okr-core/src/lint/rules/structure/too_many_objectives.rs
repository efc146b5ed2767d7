use crate::hash::HashMap;
use crate::lint::Severity;
use crate::lint::context::{Context, Sink, objective_path};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Checks how many objectives one owner (team or person) has in one cycle.
    ///
    /// ## Why is this bad?
    /// Focus is the point of OKRs: with more than three objectives a team spreads itself
    /// thin and nothing gets the attention it needs. Most guides recommend one to three
    /// objectives per team and quarter, five at the very most.
    ///
    /// ## Example
    /// ```yaml
    /// objectives:   # six objectives owned by `web` in 2026-Q4
    ///   - { id: W1, owner: web, title: ... }
    ///   - { id: W2, owner: web, title: ... }
    ///   # ... W3 to W6
    /// ```
    ///
    /// ## Use instead
    /// Keep the one to three objectives that matter most this cycle; move the rest to the
    /// backlog or to business-as-usual KPIs. Thresholds: warning above 3, error above 5;
    /// the strict profile warns above 1 (`thresholds.max_objectives`, `max_objectives_error`).
    ///
    /// ## Sources
    /// Sources: K, RF, KO, IN, FB (1–3 objectives); MWM, PD, S1 (3–5, max 5);
    /// strict profile one objective (K, RF).
    RULE {
        name: "too-many-objectives",
        scope: Document,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let warn_above = cx.config.thresholds.max_objectives(cx.strict);
    let error_above = cx.config.thresholds.max_objectives_error().max(warn_above);
    let mut groups: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
    for (i, objective) in cx.doc.objectives.iter().enumerate() {
        let Some(owner) = objective.owner.as_deref() else {
            continue;
        };
        let cycle = cx.cycle_of(objective).map_or("", |c| c.id.as_str());
        groups.entry((owner, cycle)).or_default().push(i);
    }
    let mut groups: Vec<_> = groups
        .into_iter()
        .filter(|(_, list)| list.len() > warn_above)
        .collect();
    groups.sort_by_key(|(_, list)| list[0]);
    for ((owner, cycle), list) in groups {
        let (severity, limit) = if list.len() > error_above {
            (Severity::Error, error_above)
        } else {
            (Severity::Warning, warn_above)
        };
        let first_extra = list[limit.min(list.len() - 1)];
        let in_cycle = if cycle.is_empty() {
            String::new()
        } else {
            format!(" in {cycle}")
        };
        sink.report_at(
            severity,
            objective_path(first_extra),
            Some(&cx.doc.objectives[first_extra].id),
            format!("`{owner}` has {} objectives{in_cycle}; more than {limit} dilutes focus", list.len()),
            "keep the one to three objectives that matter most this cycle; track the rest as KPIs or backlog",
        );
    }
}
