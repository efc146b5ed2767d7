//! Maps document paths (`objectives[3].key_results[1].metric.target`) to source lines.

use super::walk::{Nearest, PathWalk};
use crate::hash::{HashMap, HashSet};
use crate::path::{DocPath, LocSegment};
#[cfg(feature = "yaml")]
use serde_saphyr::granit_parser::{Event, Parser};

/// Source lines of every node of a YAML (or JSON) text, by document path.
///
/// Inside, nodes are keyed by their path's text form (built in place while the parser
/// walks the text, so most nodes cost no allocation); [`DocPath`]s are rendered to look
/// them up.
///
/// Built on demand, when problems or findings need a line: loading itself never pays for it.
///
/// ```
/// use okr_core::format::LineIndex;
///
/// let text = "objectives:\n  - id: O1\n    title: Grow\n    key_results:\n      - Reach 10 customers\n";
/// use okr_core::DocPath;
/// let lines = LineIndex::new(text);
/// assert_eq!(lines.line_of(&DocPath::objective(0)), Some(2));
/// assert_eq!(lines.line_of(&DocPath::objective(0).key("title")), Some(3));
/// assert_eq!(lines.line_of(&DocPath::key_result(0, 0)), Some(5));
/// // A path that is not in the text falls back to its nearest written ancestor.
/// assert_eq!(lines.line_of(&DocPath::objective(0).key("owner")), Some(2));
/// ```
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Path text → (1-based line, 0-based column) where the node starts (the first
    /// occurrence of a repeated key).
    lines: HashMap<String, (usize, usize)>,
}

#[cfg(feature = "yaml")]
enum Frame {
    /// `path_len` is the length of the container's own path; `key` holds the pending key.
    Mapping {
        path_len: usize,
        key: Option<String>,
    },
    Sequence {
        path_len: usize,
        next: usize,
    },
}

impl LineIndex {
    /// Indexes `text`. Text the YAML parser rejects is indexed up to the error.
    pub fn new(text: &str) -> Self {
        Self::build(text, None)
    }

    /// Indexes only `paths` (and their ancestors): what a list of findings needs, at a
    /// fraction of the memory of a full index on a large file.
    pub fn for_paths<'p>(text: &str, paths: impl IntoIterator<Item = &'p DocPath>) -> Self {
        let mut wanted = HashSet::default();
        for path in paths {
            for ancestor in ancestors(path) {
                if !wanted.insert(ancestor) {
                    break;
                }
            }
        }
        Self::build(text, Some(&wanted))
    }

    fn build(text: &str, wanted: Option<&HashSet<String>>) -> Self {
        let mut lines = HashMap::default();
        // Plain JSON is walked by a byte scan, several times faster than the YAML parser.
        let plain = super::json_lines::walk(text, &mut |path, at| {
            record(&mut lines, wanted, path, at);
        });
        if !plain {
            lines.clear();
            walk_with_parser(text, &mut |path, at| record(&mut lines, wanted, path, at));
        }
        LineIndex { lines }
    }

    /// The index as the YAML parser sees the text (any YAML, and JSON).
    #[cfg(test)]
    pub(super) fn build_with_parser(text: &str, wanted: Option<&HashSet<String>>) -> Self {
        let mut lines = HashMap::default();
        walk_with_parser(text, &mut |path, at| record(&mut lines, wanted, path, at));
        LineIndex { lines }
    }

    /// The innermost path of the last node starting at or before a position (where a
    /// parser error points): a 1-based line and, when known, a 0-based column.
    pub fn path_at(text: &str, line: usize, column: Option<usize>) -> Option<DocPath> {
        Self::paths_at(text, &[(line, column)]).pop().flatten()
    }

    /// [`LineIndex::path_at`] for several positions, in one pass over the text.
    pub fn paths_at(text: &str, positions: &[(usize, Option<usize>)]) -> Vec<Option<DocPath>> {
        let targets: Vec<(usize, usize)> = positions
            .iter()
            .map(|(line, column)| (*line, column.unwrap_or(usize::MAX)))
            .collect();
        let mut nearest = Nearest::new(targets.clone());
        if !super::json_lines::walk(text, &mut |path, at| nearest.visit(path, at)) {
            nearest = Nearest::new(targets);
            walk_with_parser(text, &mut |path, at| nearest.visit(path, at));
        }
        nearest.finish()
    }

    /// The line of `path`, or of its nearest ancestor present in the text.
    pub fn line_of(&self, path: &DocPath) -> Option<usize> {
        ancestors(path).find_map(|text| self.lines.get(&text).map(|(line, _)| *line))
    }
}

/// The text forms of `path` and its ancestors, innermost first (the root excluded).
fn ancestors(path: &DocPath) -> impl Iterator<Item = String> + '_ {
    // Render once and cut at the end of each shorter prefix.
    let text = path.to_string();
    let mut ends = Vec::with_capacity(path.segments().len());
    let mut at = 0;
    for (i, segment) in path.segments().iter().enumerate() {
        at += match segment {
            LocSegment::Key(key) if i == 0 => key.len(),
            LocSegment::Key(key) => key.len() + 1,
            LocSegment::Index(index) => index.to_string().len() + 2,
        };
        ends.push(at);
    }
    ends.into_iter()
        .rev()
        .map(move |end| text[..end].to_owned())
}

/// The texts of the repository's example, hostile and fixture files with one of
/// `extensions`, byte-order mark removed (tests compare indexes on them).
#[cfg(test)]
pub(super) fn repository_texts(extensions: &[&str]) -> Vec<(std::path::PathBuf, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut texts = Vec::new();
    for dir in [
        "examples",
        "tests/hostile",
        "okr-core/tests/fixtures/markdown",
    ] {
        let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            let wanted = path
                .extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x));
            if let (true, Ok(text)) = (wanted, std::fs::read_to_string(&path)) {
                let text = text
                    .strip_prefix('\u{feff}')
                    .map_or(text.clone(), str::to_owned);
                texts.push((path, text));
            }
        }
    }
    texts
}

#[cfg(test)]
impl LineIndex {
    /// Every indexed path (tests compare other indexes against this one).
    pub(super) fn paths(&self) -> impl Iterator<Item = &str> {
        self.lines.keys().map(String::as_str)
    }
}

/// Notes where the node at `path` starts, when it is wanted (the first place of a repeated
/// key is kept).
fn record(
    lines: &mut HashMap<String, (usize, usize)>,
    wanted: Option<&HashSet<String>>,
    path: &PathWalk,
    at: (usize, usize),
) {
    if wanted.is_none_or(|w| w.contains(path.as_str())) {
        lines.entry(path.as_str().to_owned()).or_insert(at);
    }
}

/// Without the `yaml` feature only plain JSON is indexed (by its byte scan).
#[cfg(not(feature = "yaml"))]
fn walk_with_parser(_: &str, _: &mut dyn FnMut(&PathWalk, (usize, usize))) {}

/// Calls `visit` with the path and start of every node (a key, a list item) in document
/// order, as the YAML parser reads the text (up to a syntax error).
#[cfg(feature = "yaml")]
fn walk_with_parser(text: &str, visit: &mut dyn FnMut(&PathWalk, (usize, usize))) {
    let mut path = PathWalk::default();
    let mut stack: Vec<Frame> = Vec::new();
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        let line = (span.start.line(), span.start.col());
        match event {
            Event::Scalar(..)
            | Event::Alias(_)
            | Event::MappingStart(..)
            | Event::SequenceStart(..) => {
                // A scalar in key position names the next value: remember it and move on.
                if let (
                    Some(Frame::Mapping {
                        key: key @ None, ..
                    }),
                    Event::Scalar(text, ..),
                ) = (stack.last_mut(), &event)
                {
                    *key = Some(text.to_string());
                    // The key's path, built in place: most keys are not wanted, and those
                    // cost no allocation.
                    let parent = path.len();
                    path.push_key(text);
                    visit(&path, line);
                    path.truncate(parent);
                    continue;
                }
                let node_path_len = enter_node(&mut stack, &mut path, visit, line);
                match event {
                    Event::MappingStart(..) => stack.push(Frame::Mapping {
                        path_len: node_path_len,
                        key: None,
                    }),
                    Event::SequenceStart(..) => stack.push(Frame::Sequence {
                        path_len: node_path_len,
                        next: 0,
                    }),
                    _ => leave_node(&mut stack, &mut path),
                }
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                leave_node(&mut stack, &mut path);
            }
            _ => {}
        }
    }
}

/// Extends `path` to the node about to start (a list item is visited here; a mapping's
/// value was visited at its key); returns the new length.
#[cfg(feature = "yaml")]
fn enter_node(
    stack: &mut [Frame],
    path: &mut PathWalk,
    visit: &mut dyn FnMut(&PathWalk, (usize, usize)),
    line: (usize, usize),
) -> usize {
    match stack.last_mut() {
        Some(Frame::Mapping { key, .. }) => {
            // A complex (non-scalar) key has no path of its own: index it under `?`.
            let key = key.get_or_insert_with(|| "?".to_owned());
            path.push_key(key);
        }
        Some(Frame::Sequence { next, .. }) => {
            path.push_index(*next);
            visit(path, line);
        }
        None => {}
    }
    path.len()
}

/// Truncates `path` back to the parent container and advances it past the finished node.
#[cfg(feature = "yaml")]
fn leave_node(stack: &mut [Frame], path: &mut PathWalk) {
    match stack.last_mut() {
        Some(Frame::Mapping { path_len, key }) => {
            path.truncate(*path_len);
            *key = None;
        }
        Some(Frame::Sequence { path_len, next }) => {
            path.truncate(*path_len);
            *next += 1;
        }
        None => path.truncate(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::DocPath;

    #[test]
    fn indexes_block_and_flow_yaml_and_json() {
        let yaml = "cycles:\n  - { id: Q3, start: 2026-07-01 }\nobjectives:\n  - id: O1\n    aligns_to: [A, B]\n";
        let lines = LineIndex::new(yaml);
        assert_eq!(lines.line_of(&DocPath::parse("cycles[0].start")), Some(2));
        assert_eq!(
            lines.line_of(&DocPath::parse("objectives[0].aligns_to[1]")),
            Some(5)
        );
        assert_eq!(lines.line_of(&DocPath::parse("objectives")), Some(3));

        let json = "{\n  \"objectives\": [\n    {\n      \"id\": \"O1\",\n      \"title\": \"x\"\n    }\n  ]\n}\n";
        let lines = LineIndex::new(json);
        assert_eq!(lines.line_of(&DocPath::parse("objectives[0]")), Some(3));
        assert_eq!(
            lines.line_of(&DocPath::parse("objectives[0].title")),
            Some(5)
        );
    }

    #[test]
    fn survives_garbage() {
        let lines = LineIndex::new("a: [\n  b: {\n");
        assert_eq!(lines.line_of(&DocPath::parse("a")), Some(1));
        assert_eq!(
            LineIndex::new("\u{0}\u{1}").line_of(&DocPath::parse("x")),
            None
        );
    }
}
