//! Ids: unique, non-empty, and every reference points at something that exists.

use crate::error::{Problem, ProblemKind};
use crate::hash::HashMap;
use crate::model::Document;
use crate::path::DocPath;

/// Where an objective or key-result id is defined: objective index, and key-result index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Target {
    pub(crate) objective: usize,
    pub(crate) key_result: Option<usize>,
}

/// The document's id tables, built once and shared by the other checks.
#[derive(Debug, Default)]
pub(crate) struct IdTables<'a> {
    /// Objective and key-result ids (one id space).
    pub(crate) goals: HashMap<&'a str, Target>,
    pub(crate) teams: HashMap<&'a str, usize>,
    pub(crate) people: HashMap<&'a str, usize>,
    pub(crate) cycles: HashMap<&'a str, usize>,
}

pub(super) fn check<'a>(doc: &'a Document, problems: &mut Vec<Problem>) -> IdTables<'a> {
    let mut ids = IdTables::default();

    for (i, cycle) in doc.cycles.iter().enumerate() {
        define(
            &mut ids.cycles,
            &cycle.id,
            i,
            || DocPath::root().key("cycles").index(i),
            "cycle",
            problems,
        );
    }
    for (i, team) in doc.teams.iter().enumerate() {
        define(
            &mut ids.teams,
            &team.id,
            i,
            || DocPath::root().key("teams").index(i),
            "team",
            problems,
        );
    }
    for (i, person) in doc.people.iter().enumerate() {
        let path = || DocPath::root().key("people").index(i);
        if ids.teams.contains_key(person.id.as_str()) {
            problems.push(
                Problem::new(
                    ProblemKind::AmbiguousOwnerId,
                    path().key("id"),
                    format!("`{}` is both a team id and a person id, so owners would be ambiguous; rename one", person.id),
                )
                .with_id(Some(&person.id)),
            );
        }
        define(&mut ids.people, &person.id, i, path, "person", problems);
    }
    for (i, objective) in doc.objectives.iter().enumerate() {
        let target = Target {
            objective: i,
            key_result: None,
        };
        define(
            &mut ids.goals,
            &objective.id,
            target,
            || DocPath::objective(i),
            "objective",
            problems,
        );
        for (k, kr) in objective.key_results.iter().enumerate() {
            if let Some(id) = &kr.id {
                let target = Target {
                    objective: i,
                    key_result: Some(k),
                };
                let path = || DocPath::key_result(i, k);
                define(&mut ids.goals, id, target, path, "key result", problems);
            }
        }
    }

    check_references(doc, &ids, problems);
    ids
}

fn define<'a, T: Copy>(
    table: &mut HashMap<&'a str, T>,
    id: &'a str,
    value: T,
    path: impl FnOnce() -> DocPath,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    if id.trim().is_empty() {
        problems.push(Problem::new(
            ProblemKind::EmptyId,
            path().key("id"),
            format!("{what} id is empty; give it a short unique id"),
        ));
    } else if id.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        // Ids appear in reports, terminals and CI logs: one line of printable text only.
        problems.push(Problem::new(
            ProblemKind::InvalidId,
            path().key("id"),
            format!(
                "{what} id {:?} holds a line break or another control character; an id must be one line of printable text",
                id
            ),
        ));
        table.insert(id, value);
    } else if table.contains_key(id) {
        let message = format!(
            "duplicate id `{id}`: this {what} reuses an id defined earlier in the file; give it its own id"
        );
        problems.push(
            Problem::new(ProblemKind::DuplicateId, path().key("id"), message).with_id(Some(id)),
        );
    } else {
        table.insert(id, value);
    }
}

/// Characters that change how text is shown without being seen: Unicode's explicit
/// bidirectional formatting characters (the "Trojan Source" set). Ids may not hold them,
/// and the command line escapes them in everything it prints.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn check_references(doc: &Document, ids: &IdTables<'_>, problems: &mut Vec<Problem>) {
    let owner_known = |id: &str| ids.teams.contains_key(id) || ids.people.contains_key(id);

    for (i, team) in doc.teams.iter().enumerate() {
        if let Some(parent) = &team.parent
            && !ids.teams.contains_key(parent.as_str())
        {
            problems.push(unknown(
                DocPath::root().key("teams").index(i).key("parent"),
                &team.id,
                "team",
                parent,
                "`teams:`",
            ));
        }
    }
    check_team_cycles(doc, ids, problems);
    for (i, person) in doc.people.iter().enumerate() {
        if let Some(team) = &person.team
            && !ids.teams.contains_key(team.as_str())
        {
            problems.push(unknown(
                DocPath::root().key("people").index(i).key("team"),
                &person.id,
                "team",
                team,
                "`teams:`",
            ));
        }
    }
    for (i, objective) in doc.objectives.iter().enumerate() {
        if let Some(owner) = &objective.owner
            && !owner_known(owner)
        {
            problems.push(unknown(
                DocPath::objective(i).key("owner"),
                &objective.id,
                "team or person",
                owner,
                "`teams:` or `people:`",
            ));
        }
        match &objective.cycle {
            Some(cycle) if !ids.cycles.contains_key(cycle.as_str()) => {
                problems.push(unknown(
                    DocPath::objective(i).key("cycle"),
                    &objective.id,
                    "cycle",
                    cycle,
                    "`cycles:`",
                ));
            }
            None if doc.cycles.len() > 1 => problems.push(
                Problem::new(
                    ProblemKind::MissingField,
                    DocPath::objective(i).key("cycle"),
                    "objective has no `cycle` and the document has several; add `cycle: <id>`",
                )
                .with_id(Some(&objective.id)),
            ),
            _ => {}
        }
        if let Some(aligns_to) = &objective.aligns_to {
            for (n, target) in aligns_to.iter().enumerate() {
                if !ids.goals.contains_key(target) {
                    let at = match aligns_to {
                        crate::model::Ids::One(_) => DocPath::objective(i).key("aligns_to"),
                        crate::model::Ids::Many(_) => {
                            DocPath::objective(i).key("aligns_to").index(n)
                        }
                    };
                    problems.push(unknown(
                        at,
                        &objective.id,
                        "objective or key result",
                        target,
                        "`objectives:`",
                    ));
                }
            }
        }
        for (k, kr) in objective.key_results.iter().enumerate() {
            let Some(owners) = &kr.owner else { continue };
            for (n, owner) in owners.iter().enumerate() {
                if !owner_known(owner) {
                    let at = match owners {
                        crate::model::Ids::One(_) => DocPath::key_result(i, k).key("owner"),
                        crate::model::Ids::Many(_) => {
                            DocPath::key_result(i, k).key("owner").index(n)
                        }
                    };
                    let id = kr.id.as_deref().unwrap_or(&objective.id);
                    problems.push(unknown(
                        at,
                        id,
                        "team or person",
                        owner,
                        "`teams:` or `people:`",
                    ));
                }
            }
        }
    }
}

fn unknown(path: DocPath, id: &str, what: &str, missing: &str, listed_in: &str) -> Problem {
    Problem::new(
        ProblemKind::UnknownReference,
        path,
        format!("unknown {what} `{missing}`; define it under {listed_in} or fix the spelling"),
    )
    .with_id(Some(id))
}

/// Teams form a tree: a team cannot be its own ancestor.
fn check_team_cycles(doc: &Document, ids: &IdTables<'_>, problems: &mut Vec<Problem>) {
    // 0 = unvisited, 1 = on the current walk, 2 = done. Each team has at most one parent,
    // so walking parents from every team finds each loop once, in linear time.
    let mut state = vec![0u8; doc.teams.len()];
    for start in 0..doc.teams.len() {
        let mut walk: Vec<usize> = Vec::new();
        let mut at = Some(start);
        while let Some(team) = at {
            match state[team] {
                2 => break,
                1 => {
                    let from = walk.iter().position(|&t| t == team).unwrap_or(0);
                    let mut names: Vec<&str> = walk[from..]
                        .iter()
                        .map(|&t| doc.teams[t].id.as_str())
                        .collect();
                    names.push(&doc.teams[team].id);
                    problems.push(
                        Problem::new(
                            ProblemKind::TeamLoop,
                            DocPath::root().key("teams").index(team).key("parent"),
                            format!(
                                "team parents form a loop: {}; a team cannot be its own ancestor",
                                names.join(" → ")
                            ),
                        )
                        .with_id(Some(&doc.teams[team].id)),
                    );
                    break;
                }
                _ => {}
            }
            state[team] = 1;
            walk.push(team);
            at = doc.teams[team]
                .parent
                .as_deref()
                .and_then(|p| ids.teams.get(p).copied());
        }
        for team in walk {
            state[team] = 2;
        }
    }
}
