use crate::hash::HashMap;
use crate::lint::context::{Context, Sink, kr_path, quote};
use crate::lint::registry::declare_rule;
use crate::sentence::Direction;
use std::collections::hash_map::Entry;

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
    /// Sources: K (CS attrition vs sales new logos; raise vs cut prices), RD,
    /// FB ("silos, ignoring dependencies").
    RULE {
        name: "conflicting-objectives",
        scope: Document,
        check: check,
    }
}

/// The first key results of two different teams pulling a metric one way, as (objective
/// index, key-result index), inline: an organisation has one of these per metric, and a
/// heap list each would cost more than the map that holds them.
#[derive(Default, Clone, Copy)]
struct Side {
    pulls: [(u32, u32); 2],
    len: u8,
}

impl Side {
    fn iter(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.pulls[..usize::from(self.len)]
            .iter()
            .map(|&(i, k)| (i as usize, k as usize))
    }

    fn is_full(&self) -> bool {
        usize::from(self.len) == self.pulls.len()
    }

    fn push(&mut self, objective: usize, key_result: usize) {
        if !self.is_full() {
            // Indices fit in u32: inputs are capped far below 4 billion objectives.
            let index = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            self.pulls[usize::from(self.len)] = (index(objective), index(key_result));
            self.len += 1;
        }
    }
}

/// The first pulls of two different teams in each direction, in document order: enough to
/// answer "the first other team pulling the other way" in constant time, however many
/// teams share the metric.
#[derive(Default, Clone, Copy)]
struct Pulls {
    up: Side,
    down: Side,
}

impl Pulls {
    fn side(&mut self, direction: Direction) -> &mut Side {
        if direction == Direction::Increase {
            &mut self.up
        } else {
            &mut self.down
        }
    }
}

/// The first key result naming a metric (objective and key-result index: its words are
/// looked up in the context only to confirm a fingerprint match, so the map keeps no
/// words), and the first key results pulling that metric up and down.
type Metric = ((usize, usize), Pulls);

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    // (cycle, fingerprint of the metric's words) → the metric's first pulls up and down.
    // Sized for every key result at once: growing it would hold the old and the new table
    // together, at the moment lint memory peaks.
    let mut seen: HashMap<(&str, u64), Metric> =
        HashMap::with_capacity_and_hasher(cx.doc.key_result_count(), Default::default());
    // Metrics whose words share a fingerprint with an earlier, different metric (rare).
    let mut clashes: Vec<((&str, u64), Metric)> = Vec::new();
    let team_at = |i: usize| {
        cx.doc.objectives[i]
            .owner
            .as_deref()
            .and_then(|o| cx.team_of(o))
    };
    for (i, objective) in cx.doc.objectives.iter().enumerate() {
        let Some(team) = objective.owner.as_deref().and_then(|o| cx.team_of(o)) else {
            continue;
        };
        let cycle = cx.cycle_of(objective).map_or("", |c| c.id.as_str());
        for (k, kr) in objective.key_results.iter().enumerate() {
            let (Some(direction @ (Direction::Increase | Direction::Decrease)), Some(words)) =
                cx.metric(i, k)
            else {
                continue;
            };
            if words.content().len() == 0 {
                continue;
            }
            let key = (cycle, words.fingerprint());
            let same_metric = |&(i, k): &(usize, usize)| {
                cx.metric(i, k)
                    .1
                    .is_some_and(|first| first.same_content(words))
            };
            let first = (i, k);
            let pulls = match seen.entry(key) {
                Entry::Vacant(slot) => &mut slot.insert((first, Pulls::default())).1,
                Entry::Occupied(slot) if same_metric(&slot.get().0) => &mut slot.into_mut().1,
                Entry::Occupied(_) => {
                    let at = clashes
                        .iter()
                        .position(|(clash, (first, _))| *clash == key && same_metric(first));
                    let at = at.unwrap_or_else(|| {
                        clashes.push((key, (first, Pulls::default())));
                        clashes.len() - 1
                    });
                    &mut clashes[at].1.1
                }
            };
            let (wanted, opposite) = if direction == Direction::Increase {
                (("go up", "go down"), &pulls.down)
            } else {
                (("go down", "go up"), &pulls.up)
            };
            let other_team = opposite
                .iter()
                .find_map(|(i, k)| team_at(i).filter(|t| *t != team).map(|t| (t, i, k)));
            if let Some((other_team, o, ok)) = other_team {
                let other = &cx.doc.objectives[o].key_results[ok];
                // The metric as written: its sentence was dropped with its window.
                let sentence = cx.sentence(&kr.title);
                sink.report(
                    kr_path(i, k),
                    kr.id.as_deref().or(Some(&objective.id)),
                    format!(
                        "`{team}` wants {} to {} while `{other_team}` wants it to {} ({})",
                        sentence.metric.as_deref().unwrap_or_default(),
                        wanted.0,
                        wanted.1,
                        quote(&other.title)
                    ),
                    "agree on one direction between the teams, or make one a guardrail of the other",
                );
                continue;
            }
            let side = pulls.side(direction);
            if !side.is_full() && !side.iter().any(|(i, _)| team_at(i) == Some(team)) {
                side.push(i, k);
            }
        }
    }
}
