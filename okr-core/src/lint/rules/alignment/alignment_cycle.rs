use crate::lint::context::{Context, Sink, objective_path};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds loops in alignment (A aligns to B, B aligns to A).
    ///
    /// ## Why is this bad?
    /// Alignment must flow upward, from team to company. A loop makes rollups undefined and
    /// means nobody owns the top of the chain. Loading a file already refuses loops; this
    /// rule catches documents built in code.
    ///
    /// ## Example
    /// ```yaml
    /// - { id: A, aligns_to: B }
    /// - { id: B, aligns_to: A }
    /// ```
    ///
    /// ## Use instead
    /// Remove the link that points downward.
    ///
    /// ## Sources
    /// Sources: derived (the alignment graph must be a DAG).
    RULE {
        name: "alignment-cycle",
        scope: Document,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for cycle in cx.graph().cycles() {
        let names: Vec<&str> = cycle
            .path
            .iter()
            .map(|&i| cx.doc.objectives[i].id.as_str())
            .collect();
        let first = cycle.path[0];
        sink.report(
            objective_path(first),
            Some(names[0]),
            format!("alignment loop: {} → {}", names.join(" → "), names[0]),
            "alignment must flow upward: remove the link that points down",
        );
    }
}
