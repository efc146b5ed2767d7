use crate::hash::HashMap;
use crate::lint::context::{Context, Sink};
use crate::lint::registry::declare_rule;
use crate::lint::text::{Words, quote};
use crate::sentence::Direction;

declare_rule! {
    /// Finds two teams pulling the same metric in opposite directions in one cycle.
    ///
    /// ## Why is this bad?
    /// When sales raises prices while marketing cuts them, or support pushes attrition down
    /// while another team's target pushes it up, both teams work hard and cancel out.
    /// OKRs are public so such conflicts surface early.
    ///
    /// ## Example
    /// ```yaml
    /// - { owner: sales, key_results: [Raise average discount from 10% to 15%] }
    /// - { owner: finance, key_results: [Reduce average discount from 10% to 6%] }
    /// ```
    ///
    /// ## Use instead
    /// Agree on one direction between the teams, or make one a guardrail of the other.
    ///
    /// ## Sources
    /// LINT-RULES.md OKR301: K (CS attrition vs sales new logos; raise vs cut prices), RD,
    /// FB ("silos, ignoring dependencies").
    RULE {
        code: "OKR301",
        name: "conflicting-objectives",
        severity: Warning,
        category: Alignment,
        check: check,
    }
}

/// A team pulling a metric one way: (team, direction, objective index, key-result index).
type Pull<'a> = (&'a str, Direction, usize, usize);

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    // (cycle, metric words) → the first key result of each team and direction.
    let mut seen: HashMap<(&str, String), Vec<Pull<'_>>> = HashMap::default();
    for kr in cx.key_results() {
        let Some(direction @ (Direction::Increase | Direction::Decrease)) = kr.parsed.direction
        else {
            continue;
        };
        let Some(metric) = &kr.parsed.metric else {
            continue;
        };
        let Some(team) = kr.objective.owner.as_deref().and_then(|o| cx.team_of(o)) else {
            continue;
        };
        let words = Words::of(metric);
        let words = words.content();
        if words.is_empty() {
            continue;
        }
        let cycle = cx.cycle_of(kr.objective).map_or("", |c| c.id.as_str());
        let entries = seen.entry((cycle, words.join(" "))).or_default();
        if let Some(&(other_team, _, i, k)) = entries
            .iter()
            .find(|(t, d, _, _)| *t != team && *d != direction)
        {
            let other = &cx.doc.objectives[i].key_results[k];
            sink.report(
                kr.path(),
                kr.id().or(Some(&kr.objective.id)),
                format!(
                    "`{team}` wants {} to {} while `{other_team}` wants it to {} ({})",
                    metric,
                    if direction == Direction::Increase {
                        "go up"
                    } else {
                        "go down"
                    },
                    if direction == Direction::Increase {
                        "go down"
                    } else {
                        "go up"
                    },
                    quote(&other.title)
                ),
                "agree on one direction between the teams, or make one a guardrail of the other",
            );
        } else if !entries
            .iter()
            .any(|(t, d, _, _)| *t == team && *d == direction)
        {
            entries.push((team, direction, kr.objective_index, kr.index));
        }
    }
}
