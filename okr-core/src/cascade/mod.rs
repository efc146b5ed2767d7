//! Cascading and alignment: objectives align to objectives or key results, forming a DAG.
//!
//! [`AlignmentGraph`] maps ids to dense indices once and keeps adjacency lists both ways,
//! so every query and traversal is iterative and linear in objectives + alignment edges.
//! [`Alignment`] adds the organisation: orphans (objectives of non-root teams that align to
//! nothing) and coverage (the share of objectives that reach a company objective).
//! [`draft_child`] drafts a team's objective aligned to a key result.
//!
//! ```
//! use okr_core::cascade::{Alignment, AlignmentGraph};
//!
//! let doc = okr_core::from_yaml_str(r#"
//! teams: [{ id: co }, { id: web, parent: co }]
//! objectives:
//!   - { id: O1, title: Company goal, owner: co, key_results: [{ id: O1-KR1, title: Win 10 deals, from_children: true }] }
//!   - { id: O2, title: Team goal, owner: web, aligns_to: O1-KR1 }
//!   - { id: O3, title: Team side quest, owner: web }
//! "#)?;
//! let graph = AlignmentGraph::new(&doc);
//! assert_eq!(graph.parents(1), [0]);
//! assert_eq!(graph.children(0), [1]);
//! assert_eq!(graph.ancestors(1), [0]);
//! assert_eq!(graph.depths(), [Some(1), Some(2), Some(1)]);
//! let alignment = Alignment::new(&doc);
//! assert_eq!(alignment.orphans(), [2]);
//! assert!((alignment.coverage() - 2.0 / 3.0).abs() < 1e-12);
//! # Ok::<(), okr_core::Error>(())
//! ```

mod draft;
mod graph;

pub use draft::{DraftError, draft_child};
pub use graph::{AlignmentCycle, AlignmentGraph};

use crate::hash::HashMap;
use crate::model::Document;

/// The alignment graph together with the team tree.
#[derive(Debug, Clone)]
pub struct Alignment<'a> {
    document: &'a Document,
    graph: AlignmentGraph,
    team_parent: HashMap<&'a str, Option<&'a str>>,
    person_team: HashMap<&'a str, Option<&'a str>>,
}

impl<'a> Alignment<'a> {
    /// Builds the alignment of `document`.
    pub fn new(document: &'a Document) -> Self {
        Alignment {
            document,
            graph: AlignmentGraph::new(document),
            team_parent: document
                .teams
                .iter()
                .map(|t| (t.id.as_str(), t.parent.as_deref()))
                .collect(),
            person_team: document
                .people
                .iter()
                .map(|p| (p.id.as_str(), p.team.as_deref()))
                .collect(),
        }
    }

    /// The objective-level graph.
    pub fn graph(&self) -> &AlignmentGraph {
        &self.graph
    }

    /// The team an objective belongs to: its owner team, or its owner's team.
    pub fn team_of(&self, objective: usize) -> Option<&'a str> {
        self.team_of_owner(self.document.objectives[objective].owner.as_deref()?)
    }

    /// The team an owner id stands for: the team itself, or a person's team.
    pub fn team_of_owner(&self, owner: &str) -> Option<&'a str> {
        if let Some((id, _)) = self.team_parent.get_key_value(owner) {
            return Some(id);
        }
        self.person_team.get(owner).copied().flatten()
    }

    /// True when `id` names a team of the document.
    pub fn is_team(&self, id: &str) -> bool {
        self.team_parent.contains_key(id)
    }

    /// True when `id` names a person of the document.
    pub fn is_person(&self, id: &str) -> bool {
        self.person_team.contains_key(id)
    }

    /// True when `team` is a root team (no parent: the company).
    pub fn is_root_team(&self, team: &str) -> bool {
        matches!(self.team_parent.get(team), Some(None))
    }

    /// True when the objective belongs to a root team (no parent: the company), or to no
    /// known team at all (then it cannot be placed below anything).
    pub fn is_top_level(&self, objective: usize) -> bool {
        self.team_of(objective)
            .is_none_or(|team| self.is_root_team(team))
    }

    /// Objectives of non-root teams that align to nothing.
    pub fn orphans(&self) -> Vec<usize> {
        (0..self.graph.len())
            .filter(|&i| self.graph.parents(i).is_empty() && !self.is_top_level(i))
            .collect()
    }

    /// Share of objectives that are, or reach by alignment, a top-level objective
    /// (1.0 for an empty document).
    pub fn coverage(&self) -> f64 {
        let n = self.graph.len();
        if n == 0 {
            return 1.0;
        }
        // Parents first: an objective is covered when it is top-level without parents, or
        // one of its parents is covered.
        let mut covered = vec![false; n];
        for node in self.graph.topological_order() {
            covered[node] = if self.graph.parents(node).is_empty() {
                self.is_top_level(node)
            } else {
                self.graph.parents(node).iter().any(|&p| covered[p])
            };
        }
        covered.iter().filter(|&&c| c).count() as f64 / n as f64
    }
}
