use crate::hash::HashMap;
use crate::model::Document;

/// A loop in the alignment graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignmentCycle {
    /// Objective indices along one loop, starting at the smallest; each aligns to the next,
    /// and the last aligns to the first.
    pub path: Vec<usize>,
    /// Other objectives caught in the same tangle of loops (often empty).
    pub tangled: Vec<usize>,
}

/// Objective-level alignment edges, by objective index in [`Document::objectives`].
///
/// An objective aligned to a key result is a child of that key result's objective.
/// Unknown ids are skipped here (validation reports them).
#[derive(Debug, Clone)]
pub struct AlignmentGraph {
    parents: Vec<Vec<usize>>,
    children: Vec<Vec<usize>>,
}

impl AlignmentGraph {
    /// Builds the graph of `document`.
    pub fn new(document: &Document) -> Self {
        let mut owner_of: HashMap<&str, usize> = HashMap::default();
        for (i, objective) in document.objectives.iter().enumerate() {
            owner_of.entry(objective.id.as_str()).or_insert(i);
            for kr in &objective.key_results {
                if let Some(id) = &kr.id {
                    owner_of.entry(id.as_str()).or_insert(i);
                }
            }
        }
        Self::with_resolver(document, |id| owner_of.get(id).copied())
    }

    /// Builds the graph with a caller-supplied map from an aligned id to the index of the
    /// objective that defines it (itself, or the objective owning the key result).
    pub fn with_resolver(document: &Document, resolve: impl Fn(&str) -> Option<usize>) -> Self {
        let n = document.objectives.len();
        let mut parents = vec![Vec::new(); n];
        let mut children = vec![Vec::new(); n];
        for (child, objective) in document.objectives.iter().enumerate() {
            for parent in objective.aligned_ids().filter_map(&resolve) {
                if !parents[child].contains(&parent) {
                    parents[child].push(parent);
                    children[parent].push(child);
                }
            }
        }
        AlignmentGraph { parents, children }
    }

    /// Number of objectives (nodes).
    pub fn len(&self) -> usize {
        self.parents.len()
    }

    /// True when the document has no objectives.
    pub fn is_empty(&self) -> bool {
        self.parents.is_empty()
    }

    /// The objectives `objective` aligns to (directly).
    pub fn parents(&self, objective: usize) -> &[usize] {
        &self.parents[objective]
    }

    /// The objectives aligned directly to `objective` or to one of its key results.
    pub fn children(&self, objective: usize) -> &[usize] {
        &self.children[objective]
    }

    /// Objectives that align to nothing (the tops of the DAG), in document order.
    pub fn roots(&self) -> Vec<usize> {
        (0..self.len())
            .filter(|&i| self.parents[i].is_empty())
            .collect()
    }

    /// Every objective `objective` reaches by following alignment upward (not itself).
    pub fn ancestors(&self, objective: usize) -> Vec<usize> {
        self.reach(objective, &self.parents)
    }

    /// Every objective that reaches `objective` by following alignment upward (not itself).
    pub fn descendants(&self, objective: usize) -> Vec<usize> {
        self.reach(objective, &self.children)
    }

    /// Iterative depth-first reach over one direction of edges; sorted, without `start`.
    fn reach(&self, start: usize, edges: &[Vec<usize>]) -> Vec<usize> {
        let mut seen = vec![false; self.len()];
        seen[start] = true;
        let mut stack = edges[start].clone();
        let mut found = Vec::new();
        while let Some(node) = stack.pop() {
            if !std::mem::replace(&mut seen[node], true) {
                found.push(node);
                stack.extend(&edges[node]);
            }
        }
        found.sort_unstable();
        found
    }

    /// Objectives ordered so that every objective comes after all it aligns to (parents
    /// first). Objectives caught in a loop are left out.
    pub fn topological_order(&self) -> Vec<usize> {
        let mut pending: Vec<usize> = self.parents.iter().map(Vec::len).collect();
        let mut ready: std::collections::VecDeque<usize> =
            (0..self.len()).filter(|&i| pending[i] == 0).collect();
        let mut order = Vec::with_capacity(self.len());
        while let Some(node) = ready.pop_front() {
            order.push(node);
            for &child in &self.children[node] {
                pending[child] -= 1;
                if pending[child] == 0 {
                    ready.push_back(child);
                }
            }
        }
        order
    }

    /// Level of each objective: 1 for roots, else one more than its deepest parent
    /// (`None` for objectives caught in a loop).
    pub fn depths(&self) -> Vec<Option<usize>> {
        let mut depth: Vec<Option<usize>> = vec![None; self.len()];
        for node in self.topological_order() {
            let parent_depth = self.parents[node].iter().filter_map(|&p| depth[p]).max();
            depth[node] = Some(parent_depth.map_or(1, |d| d + 1));
        }
        depth
    }

    /// Every alignment cycle: one per tangle of mutually reachable objectives.
    ///
    /// Tarjan's strongly connected components, run with an explicit stack so that
    /// chains of any length are safe.
    pub fn cycles(&self) -> Vec<AlignmentCycle> {
        let components = self.strongly_connected_components();
        components
            .into_iter()
            .filter(|c| c.len() > 1 || self.parents[c[0]].contains(&c[0]))
            .map(|component| self.describe_cycle(component))
            .collect()
    }

    fn strongly_connected_components(&self) -> Vec<Vec<usize>> {
        const UNSEEN: usize = usize::MAX;
        let n = self.len();
        let mut index = vec![UNSEEN; n];
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut components = Vec::new();
        let mut next_index = 0;
        // (node, position in its parent list) frames replace recursion.
        let mut frames: Vec<(usize, usize)> = Vec::new();

        for root in 0..n {
            if index[root] != UNSEEN {
                continue;
            }
            frames.push((root, 0));
            index[root] = next_index;
            low[root] = next_index;
            next_index += 1;
            stack.push(root);
            on_stack[root] = true;

            while let Some(&mut (node, ref mut edge)) = frames.last_mut() {
                if let Some(&next) = self.parents[node].get(*edge) {
                    *edge += 1;
                    if index[next] == UNSEEN {
                        index[next] = next_index;
                        low[next] = next_index;
                        next_index += 1;
                        stack.push(next);
                        on_stack[next] = true;
                        frames.push((next, 0));
                    } else if on_stack[next] {
                        low[node] = low[node].min(index[next]);
                    }
                    continue;
                }
                frames.pop();
                if let Some(&(caller, _)) = frames.last() {
                    low[caller] = low[caller].min(low[node]);
                }
                if low[node] == index[node] {
                    let mut component = Vec::new();
                    while let Some(member) = stack.pop() {
                        on_stack[member] = false;
                        component.push(member);
                        if member == node {
                            break;
                        }
                    }
                    component.sort_unstable();
                    components.push(component);
                }
            }
        }
        components.sort_unstable_by_key(|c| c[0]);
        components
    }

    /// Shortest loop through the smallest member (breadth-first inside the component),
    /// then the component's remaining members.
    fn describe_cycle(&self, component: Vec<usize>) -> AlignmentCycle {
        let start = component[0];
        let member: HashMap<usize, usize> =
            component.iter().enumerate().map(|(i, &m)| (m, i)).collect();
        let mut came_from = vec![usize::MAX; component.len()];
        let mut queue = std::collections::VecDeque::from([start]);
        let mut last = None;
        'search: while let Some(node) = queue.pop_front() {
            for &next in &self.parents[node] {
                let Some(&slot) = member.get(&next) else {
                    continue;
                };
                if next == start {
                    last = Some(node);
                    break 'search;
                }
                if came_from[slot] == usize::MAX {
                    came_from[slot] = node;
                    queue.push_back(next);
                }
            }
        }
        let mut path = Vec::new();
        let mut at = last;
        while let Some(node) = at {
            path.push(node);
            at = if node == start {
                None
            } else {
                Some(came_from[member[&node]])
            };
        }
        path.reverse();
        let mut on_path = vec![false; component.len()];
        for node in &path {
            on_path[member[node]] = true;
        }
        let tangled = component
            .iter()
            .zip(on_path)
            .filter(|(_, on)| !on)
            .map(|(&m, _)| m)
            .collect();
        AlignmentCycle { path, tangled }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ids, Objective};

    fn doc(edges: &[(usize, &[usize])], n: usize) -> Document {
        let mut doc = Document::default();
        for i in 0..n {
            doc.objectives.push(Objective::new(format!("O{i}"), "t"));
        }
        for &(child, parents) in edges {
            doc.objectives[child].aligns_to =
                Some(Ids::Many(parents.iter().map(|p| format!("O{p}")).collect()));
        }
        doc
    }

    #[test]
    fn finds_each_loop_in_order() {
        // 0 → 1 → 2 → 0, and 3 → 3, and 4 → 0 (not in a loop).
        let g = AlignmentGraph::new(&doc(
            &[(0, &[1]), (1, &[2]), (2, &[0]), (3, &[3]), (4, &[0])],
            5,
        ));
        let paths: Vec<_> = g.cycles().into_iter().map(|c| c.path).collect();
        assert_eq!(paths, vec![vec![0, 1, 2], vec![3]]);
    }

    #[test]
    fn dag_has_no_cycles_and_deep_chain_is_safe() {
        let n = 100_000;
        let edges: Vec<(usize, Vec<usize>)> = (1..n).map(|i| (i, vec![i - 1])).collect();
        let edges: Vec<(usize, &[usize])> = edges.iter().map(|(c, p)| (*c, p.as_slice())).collect();
        let g = AlignmentGraph::new(&doc(&edges, n));
        assert!(g.cycles().is_empty());
        assert_eq!(g.children(0), [1]);
    }

    #[test]
    fn long_loop_names_every_member() {
        let n = 50_000;
        let edges: Vec<(usize, Vec<usize>)> = (0..n).map(|i| (i, vec![(i + 1) % n])).collect();
        let edges: Vec<(usize, &[usize])> = edges.iter().map(|(c, p)| (*c, p.as_slice())).collect();
        let cycles = AlignmentGraph::new(&doc(&edges, n)).cycles();
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].path, (0..n).collect::<Vec<_>>());
        assert!(cycles[0].tangled.is_empty());
    }
}
