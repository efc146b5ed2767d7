//! The path of the node a scan of the text is at, kept two ways in step: as text (the line
//! index's key, built in place so that unwanted nodes cost no allocation) and as steps, so a
//! node's [`DocPath`] is made from the steps, never by reading the text back.

use crate::path::DocPath;
use std::fmt::Write as _;

#[derive(Debug, Default)]
pub(super) struct PathWalk {
    text: String,
    steps: Vec<Step>,
}

#[derive(Debug, Clone, Copy)]
struct Step {
    /// Where the step starts in the text (at its `.` or `[`).
    start: usize,
    kind: StepKind,
}

#[derive(Debug, Clone, Copy)]
enum StepKind {
    /// A key, whose text starts at `from` and runs to the next step or the end.
    Key {
        from: usize,
    },
    Index(usize),
}

impl PathWalk {
    pub(super) fn as_str(&self) -> &str {
        &self.text
    }

    pub(super) fn len(&self) -> usize {
        self.text.len()
    }

    pub(super) fn push_key(&mut self, key: &str) {
        let start = self.text.len();
        if start > 0 {
            self.text.push('.');
        }
        let from = self.text.len();
        self.text.push_str(key);
        self.steps.push(Step {
            start,
            kind: StepKind::Key { from },
        });
    }

    pub(super) fn push_index(&mut self, index: usize) {
        let start = self.text.len();
        let _ = write!(self.text, "[{index}]");
        self.steps.push(Step {
            start,
            kind: StepKind::Index(index),
        });
    }

    /// Back to the path of `len` bytes (a container's), dropping the steps past it.
    pub(super) fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
        while self.steps.last().is_some_and(|step| step.start >= len) {
            self.steps.pop();
        }
    }

    /// How many keys and indexes deep the walk is.
    pub(super) fn depth(&self) -> usize {
        self.steps.len()
    }

    /// The path here.
    pub(super) fn path(&self) -> DocPath {
        let mut path = DocPath::root();
        for (i, step) in self.steps.iter().enumerate() {
            let end = self
                .steps
                .get(i + 1)
                .map_or(self.text.len(), |next| next.start);
            match step.kind {
                StepKind::Key { from } => path.push_key(self.text[from..end].to_owned()),
                StepKind::Index(index) => path.push_index(index),
            }
        }
        path
    }
}

/// For positions in a text (where parser errors point), the innermost path of the last node
/// starting at or before each, found in one pass over nodes that arrive in document order:
/// only the latest node's path is kept, so memory stays flat on large texts.
pub(super) struct Nearest {
    targets: Vec<(usize, usize)>,
    /// Indexes of `targets`, by position.
    order: Vec<usize>,
    /// How many of `order` are settled (every later node starts after them).
    settled: usize,
    latest: Option<((usize, usize), usize, DocPath)>,
    found: Vec<Option<DocPath>>,
}

impl Nearest {
    pub(super) fn new(targets: Vec<(usize, usize)>) -> Self {
        let mut order: Vec<usize> = (0..targets.len()).collect();
        order.sort_by_key(|&i| targets[i]);
        Nearest {
            found: vec![None; targets.len()],
            targets,
            order,
            settled: 0,
            latest: None,
        }
    }

    /// A node starting at `at`, whose path the walk is at.
    pub(super) fn visit(&mut self, walk: &PathWalk, at: (usize, usize)) {
        while let Some(&i) = self.order.get(self.settled) {
            if self.targets[i] >= at {
                break;
            }
            self.found[i] = self.latest.as_ref().map(|(_, _, path)| path.clone());
            self.settled += 1;
        }
        if self.settled == self.order.len() {
            return;
        }
        // Of nodes starting at one place (a block item and its first key), the innermost.
        let depth = walk.depth();
        if self
            .latest
            .as_ref()
            .is_none_or(|(place, deepest, _)| at > *place || depth >= *deepest)
        {
            self.latest = Some((at, depth, walk.path()));
        }
    }

    pub(super) fn finish(mut self) -> Vec<Option<DocPath>> {
        for &i in &self.order[self.settled..] {
            self.found[i] = self.latest.as_ref().map(|(_, _, path)| path.clone());
        }
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_the_text_through_pushes_and_truncations() {
        let mut walk = PathWalk::default();
        walk.push_key("objectives");
        let objectives = walk.len();
        walk.push_index(12);
        walk.push_key("key_results");
        walk.push_index(0);
        assert_eq!(walk.as_str(), "objectives[12].key_results[0]");
        assert_eq!(walk.path(), DocPath::key_result(12, 0));
        walk.truncate(objectives);
        walk.push_index(3);
        walk.push_key("a.b");
        // A key holding a dot stays one key: the steps, not the text, make the path.
        assert_eq!(walk.path(), DocPath::objective(3).key("a.b"));
        walk.truncate(0);
        assert!(walk.path().is_empty());
    }

    #[test]
    fn nearest_keeps_the_last_node_at_or_before_each_position() {
        let mut nearest = Nearest::new(vec![(5, 0), (1, 0), (3, 9), (0, 0)]);
        let mut walk = PathWalk::default();
        walk.push_key("a");
        nearest.visit(&walk, (1, 0));
        walk.push_index(0);
        nearest.visit(&walk, (2, 2));
        walk.push_key("b");
        nearest.visit(&walk, (2, 2)); // same place, deeper: wins
        walk.truncate(0);
        walk.push_key("c");
        nearest.visit(&walk, (4, 0));
        let found: Vec<Option<String>> = nearest
            .finish()
            .into_iter()
            .map(|p| p.map(|p| p.to_string()))
            .collect();
        assert_eq!(
            found,
            [
                Some("c".into()),
                Some("a".into()),
                Some("a[0].b".into()),
                None
            ]
        );
    }
}
