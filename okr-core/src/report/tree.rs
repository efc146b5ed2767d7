//! The alignment tree as rows to draw: each objective under each parent, a shared
//! objective's subtree drawn once, orphans last. Iterative, linear in the output.

use crate::cascade::Alignment;
use crate::model::Document;

/// One line of the alignment tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeRow {
    /// Index of the objective in [`Document::objectives`].
    pub objective: usize,
    /// 0 for top-level objectives.
    pub depth: usize,
    /// For each ancestor level, whether more siblings follow there (draw `│`).
    pub guides: Vec<bool>,
    /// Whether this is the last child of its parent (draw `└──` rather than `├──`).
    pub last: bool,
    /// The parent's key result this objective aligns through, if any.
    pub via: Option<String>,
    /// The objective has several parents.
    pub shared: bool,
    /// Already drawn above with its subtree; this row only points back to it.
    pub repeat: bool,
}

/// Deeper levels are drawn at this indentation, with their level number, so a very deep
/// chain still prints in linear time and fits on a screen.
pub(crate) const MAX_DRAWN_DEPTH: usize = 24;

/// The main tree (top-level roots) and the orphans' trees, as rows in drawing order.
pub fn tree_rows(doc: &Document, alignment: &Alignment<'_>) -> (Vec<TreeRow>, Vec<TreeRow>) {
    let graph = alignment.graph();
    let roots = graph.roots();
    let (top, orphans): (Vec<usize>, Vec<usize>) =
        roots.into_iter().partition(|&r| alignment.is_top_level(r));
    let mut drawn = vec![false; doc.objectives.len()];
    let main = walk(doc, alignment, &top, &mut drawn);
    let rest = walk(doc, alignment, &orphans, &mut drawn);
    (main, rest)
}

/// A row waiting to be drawn: (objective, depth, guides, last child?, parent).
type Pending = (usize, usize, Vec<bool>, bool, Option<usize>);

fn walk(
    doc: &Document,
    alignment: &Alignment<'_>,
    roots: &[usize],
    drawn: &mut [bool],
) -> Vec<TreeRow> {
    let graph = alignment.graph();
    let mut rows = Vec::new();
    // Pushed in reverse so rows pop in document order.
    let mut stack: Vec<Pending> = Vec::new();
    for (n, &root) in roots.iter().enumerate().rev() {
        stack.push((root, 0, Vec::new(), n + 1 == roots.len(), None));
    }
    while let Some((node, depth, guides, last, parent)) = stack.pop() {
        let repeat = drawn[node];
        drawn[node] = true;
        rows.push(TreeRow {
            objective: node,
            depth,
            guides: guides.clone(),
            last,
            via: parent.and_then(|p| via_key_result(doc, node, p)),
            shared: graph.parents(node).len() > 1,
            repeat,
        });
        if repeat {
            continue;
        }
        let children = graph.children(node);
        let mut child_guides = guides;
        if depth > 0 && child_guides.len() + 1 < MAX_DRAWN_DEPTH {
            child_guides.push(!last);
        }
        for (n, &child) in children.iter().enumerate().rev() {
            stack.push((
                child,
                depth + 1,
                child_guides.clone(),
                n + 1 == children.len(),
                Some(node),
            ));
        }
    }
    rows
}

/// The id of `parent`'s key result that `child` aligns to, if it aligns through one.
fn via_key_result(doc: &Document, child: usize, parent: usize) -> Option<String> {
    let parent = &doc.objectives[parent];
    doc.objectives[child]
        .aligned_ids()
        .find(|id| {
            parent
                .key_results
                .iter()
                .any(|kr| kr.id.as_deref() == Some(*id))
        })
        .map(str::to_owned)
}

/// Box-drawing prefix of a row (`│   ├── `).
pub fn prefix(row: &TreeRow) -> String {
    if row.depth == 0 {
        return String::new();
    }
    let mut out = String::new();
    for &open in &row.guides {
        out.push_str(if open { "│   " } else { "    " });
    }
    out.push_str(if row.last { "└── " } else { "├── " });
    if row.depth > row.guides.len() + 1 {
        out.push_str(&format!("[level {}] ", row.depth + 1));
    }
    out
}
