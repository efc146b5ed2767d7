use crate::lint::context::{Context, Sink, objective_path};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds objectives of non-company teams that align to nothing.
    ///
    /// ## Why is this bad?
    /// A team objective that links to no company or department objective may be good work,
    /// but nobody can see what it serves, and leaders cannot see what moves their goals.
    /// Alignment is not top-down cascading: the link may point to any objective or key
    /// result the team contributes to.
    ///
    /// ## Example
    /// ```yaml
    /// - { id: S2, owner: sales, title: Grow the reseller channel }   # sales has a parent team
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - { id: S2, owner: sales, title: Grow the reseller channel, aligns_to: C1-KR3 }
    /// ```
    ///
    /// ## Sources
    /// Sources: S1 ("ensure clear links"), scaleupexec, zokri, peptrics;
    /// alignment ≠ cascade (FC, TB).
    RULE {
        name: "orphan-objective",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if cx.doc.teams.len() < 2 {
        return;
    }
    for (i, objective) in cx.objectives() {
        if objective
            .aligns_to
            .as_ref()
            .is_some_and(|ids| !ids.is_empty())
        {
            continue;
        }
        let Some(team) = objective.owner.as_deref().and_then(|o| cx.team_of(o)) else {
            continue;
        };
        if cx.is_root_team(team) {
            continue;
        }
        sink.report(
            objective_path(i),
            Some(&objective.id),
            format!("objective of `{team}` aligns to no objective or key result above it"),
            "add `aligns_to:` with the company or department objective (or key result) it serves",
        );
    }
}
