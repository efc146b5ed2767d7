//! Alignment must form a DAG: a loop would make rollups undefined.

use super::references::IdTables;
use crate::cascade::AlignmentGraph;
use crate::error::{Problem, ProblemKind};
use crate::model::Document;
use crate::path::DocPath;

pub(super) fn check(doc: &Document, ids: &IdTables<'_>, problems: &mut Vec<Problem>) {
    if !doc.objectives.iter().any(|o| o.aligns_to.is_some()) {
        return;
    }
    let graph = AlignmentGraph::with_resolver(doc, |id| ids.goals.get(id).map(|t| t.objective));
    for cycle in graph.cycles() {
        let id = |i: &usize| doc.objectives[*i].id.as_str();
        let names: Vec<&str> = cycle.path.iter().map(id).collect();
        let first = cycle.path[0];
        let mut message = if names.len() == 1 {
            format!(
                "objective `{}` aligns to itself (or to one of its own key results); align it to a parent objective instead",
                names[0]
            )
        } else {
            format!(
                "alignment cycle: {} → {}; alignment must flow upward, so remove one of these links",
                names.join(" → "),
                names[0]
            )
        };
        if !cycle.tangled.is_empty() {
            let others: Vec<&str> = cycle.tangled.iter().map(id).collect();
            message.push_str(&format!(
                " (also caught in loops with them: {})",
                others.join(", ")
            ));
        }
        problems.push(
            Problem::new(
                ProblemKind::AlignmentCycle,
                DocPath::objective(first).key("aligns_to"),
                message,
            )
            .with_id(Some(names[0])),
        );
    }
}
