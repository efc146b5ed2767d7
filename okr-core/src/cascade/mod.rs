//! The alignment graph: objectives align to objectives or key results, forming a DAG.
//!
//! [`AlignmentGraph`] maps ids to dense indices once and keeps adjacency lists both ways,
//! so every query and traversal is iterative and linear in objectives + alignment edges.
//!
//! ```
//! use okr_core::cascade::AlignmentGraph;
//!
//! let doc = okr_core::from_yaml_str(r#"
//! objectives:
//!   - { id: O1, title: Company goal, key_results: [{ id: O1-KR1, title: Win 10 deals, from_children: true }] }
//!   - { id: O2, title: Team goal, aligns_to: O1-KR1 }
//! "#)?;
//! let graph = AlignmentGraph::new(&doc);
//! assert_eq!(graph.parents(1), [0]);
//! assert_eq!(graph.children(0), [1]);
//! assert!(graph.cycles().is_empty());
//! # Ok::<(), okr_core::Error>(())
//! ```

mod graph;

pub use graph::{AlignmentCycle, AlignmentGraph};
