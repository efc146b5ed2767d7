use crate::hash::HashMap;
use crate::lint::context::{Context, Sink, objective_path};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Checks the number of key results per objective, and per team and cycle.
    ///
    /// ## Why is this bad?
    /// An objective with many key results is usually a task list in disguise, and a team
    /// with dozens of key results cannot check in on them weekly. Guides agree on five or
    /// fewer key results per objective.
    ///
    /// ## Example
    /// ```yaml
    /// - id: M1
    ///   title: Make ACME the name cooks think of first
    ///   key_results: [KR1, KR2, KR3, KR4, KR5, KR6]   # six
    /// ```
    ///
    /// ## Use instead
    /// Keep the three to five key results that best show the objective is reached; drop
    /// or merge the rest. Thresholds: `thresholds.max_key_results` (5) per objective and
    /// `thresholds.max_team_key_results` (20) per team and cycle.
    ///
    /// ## Sources
    /// Sources: MWM ("five or fewer"), K, S1, S3; RF, TB (3–4); PD (team total 5×4);
    /// WD ("9 not 25").
    RULE {
        name: "too-many-key-results",
        scope: Document,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let max = cx.config.thresholds.max_key_results(cx.strict);
    for (i, objective) in cx.doc.objectives.iter().enumerate() {
        let n = objective.key_results.len();
        if n > max {
            sink.report(
                objective_path(i),
                Some(&objective.id),
                format!("objective has {n} key results; more than {max} is usually a task list"),
                format!(
                    "keep the {max} or fewer key results that best show the objective is reached"
                ),
            );
        }
    }
    let team_max = cx.config.thresholds.max_team_key_results();
    let mut teams: HashMap<(&str, &str), (usize, usize)> = HashMap::default();
    for (i, objective) in cx.doc.objectives.iter().enumerate() {
        let Some(team) = objective.owner.as_deref().and_then(|o| cx.team_of(o)) else {
            continue;
        };
        let cycle = cx.cycle_of(objective).map_or("", |c| c.id.as_str());
        let entry = teams.entry((team, cycle)).or_insert((0, i));
        entry.0 += objective.key_results.len();
    }
    let mut over: Vec<_> = teams
        .into_iter()
        .filter(|(_, (n, _))| *n > team_max)
        .collect();
    over.sort_by_key(|(_, (_, first))| *first);
    for ((team, _), (n, first)) in over {
        sink.report(
            objective_path(first),
            Some(&cx.doc.objectives[first].id),
            format!("team `{team}` has {n} key results this cycle; more than {team_max} cannot be checked in weekly"),
            "cut to the key results the team will really track every week",
        );
    }
}
