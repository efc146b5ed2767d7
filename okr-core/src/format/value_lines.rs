//! Where each node of a YAML value was written, recorded while the value is read.
//!
//! Problems found after reading (an unknown owner, a start equal to its target) need their
//! lines. Reading the text a second time with the YAML parser to find them cost as much as
//! the load itself on a large file. Instead the generic read notes, for every node, the
//! address of its key (or, for a list item or a scalar, of its own text) in the input:
//! serde-saphyr lends plain keys and scalars straight out of the input text, so this is a
//! pointer comparison, and lines are counted only for the nodes a problem names.
//!
//! A list item's place is that of its first key or its text: a flow mapping whose `{`
//! stands alone on the line before is placed at its first key. A number, boolean or null
//! in a list has no text to point at and takes its list's place.

use crate::hash::HashMap;
use crate::path::{DocPath, LocSegment};
use serde_json::Value;

/// The node's position in the input, as the address of its first byte (0: not known, such
/// as a key that had to be unescaped); then its children, in the value's own order.
#[derive(Debug, Default)]
pub(super) struct NodeLines {
    pub(super) at: usize,
    pub(super) kids: Vec<NodeLines>,
}

/// The address of `text`'s first byte, to be found again by [`ValueLines::line_of`].
pub(super) fn address(text: &str) -> usize {
    text.as_ptr() as usize
}

/// A YAML document's value with its nodes' positions: answers "which line is this path on".
pub(super) struct ValueLines<'a> {
    text: &'a str,
    value: &'a Value,
    lines: &'a NodeLines,
    /// Byte offsets of the text's line ends, for counting lines by binary search.
    newlines: Vec<usize>,
    /// Key → position of mappings too large to search key by key, built when first asked.
    large_maps: HashMap<usize, HashMap<&'a str, usize>>,
}

/// Mappings with more keys than this are searched through a hash map built on demand.
const LINEAR_SEARCH_LIMIT: usize = 32;

impl<'a> ValueLines<'a> {
    pub(super) fn new(text: &'a str, value: &'a Value, lines: &'a NodeLines) -> Self {
        ValueLines {
            text,
            value,
            lines,
            // A lone CR ends a line too, as in the YAML parser.
            newlines: text
                .bytes()
                .enumerate()
                .filter(|&(i, b)| {
                    b == b'\n' || (b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n'))
                })
                .map(|(i, _)| i)
                .collect(),
            large_maps: HashMap::default(),
        }
    }

    /// The line of `path` (`objectives[3].owner`), or of its nearest ancestor whose place is
    /// known; `None` for the root.
    pub(super) fn line_of(&mut self, path: &DocPath) -> Option<usize> {
        let (mut value, mut node) = (self.value, self.lines);
        let mut known = None;
        for segment in path.segments() {
            let child = match (segment, value) {
                (LocSegment::Key(key), Value::Object(map)) => {
                    let key: &str = key;
                    let position = if map.len() > LINEAR_SEARCH_LIMIT {
                        self.large_maps
                            .entry(address_of(value))
                            .or_insert_with(|| {
                                map.keys()
                                    .enumerate()
                                    .map(|(i, k)| (k.as_str(), i))
                                    .collect()
                            })
                            .get(key)
                            .copied()
                    } else {
                        map.keys().position(|k| k == key)
                    };
                    position.and_then(|i| Some((map.values().nth(i)?, node.kids.get(i)?)))
                }
                (LocSegment::Index(index), Value::Array(items)) => {
                    items.get(*index).zip(node.kids.get(*index))
                }
                _ => None,
            };
            let Some((child_value, child_node)) = child else {
                break;
            };
            (value, node) = (child_value, child_node);
            known = self.offset(node.at).or(known);
        }
        known.map(|offset| 1 + self.newlines.partition_point(|&end| end < offset))
    }

    /// The byte offset of an address inside the text.
    fn offset(&self, at: usize) -> Option<usize> {
        let start = address(self.text);
        (at >= start && at < start + self.text.len()).then(|| at - start)
    }
}

fn address_of(value: &Value) -> usize {
    std::ptr::from_ref(value) as usize
}

#[cfg(test)]
mod tests {
    use super::super::{LineIndex, LoadOptions, yaml};
    use crate::path::{DocPath, LocSegment};

    #[test]
    fn agrees_with_the_parser_index_on_block_and_flow_yaml() {
        let text = "cycles:\n  - { id: Q3, start: 2026-07-01 }\nobjectives:\n  - id: O1\n    aligns_to: [A,\n      B]\n    key_results:\n      - Reach 10 customers\n      - title: Ship\n        metric:\n          target: 5\n";
        let (value, lines) = yaml::parse_value_with_lines(text, &LoadOptions::default()).unwrap();
        let mut located = super::ValueLines::new(text, &value, &lines);
        let parser = LineIndex::new(text);
        for path in [
            "cycles",
            "cycles[0]",
            "cycles[0].start",
            "objectives[0]",
            "objectives[0].aligns_to",
            "objectives[0].aligns_to[1]",
            "objectives[0].key_results",
            "objectives[0].key_results[0]",
            "objectives[0].key_results[1].metric",
            "objectives[0].key_results[1].metric.target",
            "objectives[0].owner",
            "objectives[7]",
        ] {
            let path = DocPath::parse(path);
            assert_eq!(located.line_of(&path), parser.line_of(&path), "{path}");
        }
        assert_eq!(located.line_of(&DocPath::root()), None);
    }

    /// Every node of every example and hostile file that reads (aliases and merge keys
    /// aside, which point at their definition here and at their use there).
    #[test]
    fn agrees_with_the_parser_index_on_every_file_in_the_repository() {
        let mut compared = 0;
        // JSON goes its own way (json_lines); there a mapping item starts at a `{` that
        // may stand on the line before its first key.
        for (file, text) in super::super::lines::repository_texts(&["yaml", "yml", "md"]) {
            if text.contains('&') && text.contains('*') || text.contains("<<") {
                continue;
            }
            let Ok((value, lines)) = yaml::parse_value_with_lines(&text, &LoadOptions::default())
            else {
                continue;
            };
            let parser = LineIndex::new(&text);
            let mut located = super::ValueLines::new(&text, &value, &lines);
            for path in parser.paths() {
                let path = &DocPath::parse(path);
                // A number, boolean or null in a list has no text to point at: it takes its
                // list's line (the YAML parser has its own).
                let pointer: String = path
                    .segments()
                    .iter()
                    .map(|segment| match segment {
                        LocSegment::Key(key) => format!("/{key}"),
                        LocSegment::Index(index) => format!("/{index}"),
                    })
                    .collect();
                let bare_item = matches!(path.segments().last(), Some(LocSegment::Index(_)))
                    && value
                        .pointer(&pointer)
                        .is_some_and(|v| !(v.is_string() || v.is_object() || v.is_array()));
                if !bare_item {
                    let line = located.line_of(path);
                    assert_eq!(line, parser.line_of(path), "{path} in {}", file.display());
                    compared += 1;
                }
            }
        }
        assert!(compared > 500, "only {compared} paths compared");
    }

    #[test]
    fn large_mappings_are_found_by_key() {
        let mut text = String::from("objectives:\n  - id: O1\n    title: Grow\n    x:\n");
        for i in 0..100 {
            text.push_str(&format!("      k{i}: {i}\n"));
        }
        let (value, lines) = yaml::parse_value_with_lines(&text, &LoadOptions::default()).unwrap();
        let mut located = super::ValueLines::new(&text, &value, &lines);
        assert_eq!(
            located.line_of(&DocPath::parse("objectives[0].x.k0")),
            Some(5)
        );
        assert_eq!(
            located.line_of(&DocPath::parse("objectives[0].x.k99")),
            Some(104)
        );
        assert_eq!(
            located.line_of(&DocPath::parse("objectives[0].x.nope")),
            Some(4)
        );
    }
}
