//! Where one node of a YAML or JSON text sits: its bytes, its style and its direct children,
//! read from the parser events the loader itself uses (JSON is read as flow YAML), so an edit
//! can splice the text at exactly the right place and leave every other byte alone.

use serde_saphyr::granit_parser::{Event, Parser, StructureStyle};

/// One step of a path into a document: a mapping key or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// What kind of node, and how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Scalar,
    Mapping { flow: bool },
    Sequence { flow: bool },
}

/// A node's place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    /// Byte where the node starts (`{`, `[`, the first key, the `-` of a block list's first
    /// item is not included: a block list starts at its first item's content).
    pub start: usize,
    /// Byte just past its last content: the closing bracket of a flow collection, the last
    /// scalar of a block one (never the comments or blank lines after it).
    pub end: usize,
    /// Column (in characters) where the node starts.
    pub column: usize,
    pub shape: Shape,
}

/// A direct child of the located node: an entry of a mapping (with its key) or an item of
/// a list.
#[derive(Debug, Clone)]
pub(crate) struct Child {
    pub key: Option<String>,
    /// Where the key starts (mappings) or the item starts (lists).
    pub key_start: usize,
    pub key_column: usize,
    pub node: Span,
}

/// The node at `target` and its direct children.
#[derive(Debug, Clone)]
pub(crate) struct Located {
    pub node: Span,
    pub children: Vec<Child>,
}

enum Frame {
    Mapping { key: Option<(String, usize, usize)> },
    Sequence { next: usize },
}

/// An open node the walk is recording: the target (depth = target length) or one of its
/// children (one deeper).
struct Open {
    depth: usize,
    start: usize,
    column: usize,
    shape: Shape,
    key: Option<(String, usize, usize)>,
}

/// Finds the node at `target` in `text`. Stops reading as soon as that node ends, so a key
/// result near the top of a large file is found without reading the rest.
pub(crate) fn locate(text: &str, target: &[Step<'_>]) -> Option<Located> {
    let mut stack: Vec<Frame> = Vec::new();
    // How many leading steps of the path walked so far match `target`, and its length.
    let mut depth = 0usize;
    let mut matched = 0usize;
    let mut open: Vec<Open> = Vec::new();
    let mut children = Vec::new();
    let mut last_content_end = 0usize;

    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let range = span.byte_range()?;
        match event {
            Event::Scalar(..)
            | Event::Alias(_)
            | Event::MappingStart(..)
            | Event::SequenceStart(..) => {
                if let (Some(Frame::Mapping { key: key @ None }), Event::Scalar(name, ..)) =
                    (stack.last_mut(), &event)
                {
                    *key = Some((name.to_string(), range.start, span.start.col()));
                    last_content_end = range.end;
                    continue;
                }
                // The step that leads to this node, and whether the path still matches.
                let (step_matches, key) = match stack.last_mut() {
                    Some(Frame::Mapping { key }) => {
                        let key = key.clone();
                        let matches = matched == depth
                            && depth < target.len()
                            && key
                                .as_ref()
                                .is_some_and(|(k, ..)| target[depth] == Step::Key(k));
                        (matches, key)
                    }
                    Some(Frame::Sequence { next }) => (
                        matched == depth
                            && depth < target.len()
                            && target[depth] == Step::Index(*next),
                        None,
                    ),
                    None => (true, None),
                };
                // The root has the empty path; every other node is one step deeper.
                if !stack.is_empty() {
                    depth += 1;
                    if step_matches {
                        matched = depth;
                    }
                }
                let shape = match &event {
                    Event::MappingStart(style, ..) => Shape::Mapping {
                        flow: *style == StructureStyle::Flow,
                    },
                    Event::SequenceStart(style, ..) => Shape::Sequence {
                        flow: *style == StructureStyle::Flow,
                    },
                    _ => Shape::Scalar,
                };
                // The target itself, or (while it is open) one of its direct children.
                let recording = (matched == depth && depth == target.len())
                    || (!open.is_empty() && depth == target.len() + 1);
                if recording {
                    open.push(Open {
                        depth,
                        start: range.start,
                        column: span.start.col(),
                        shape,
                        key: key.clone(),
                    });
                }
                match event {
                    Event::MappingStart(..) => stack.push(Frame::Mapping { key: None }),
                    Event::SequenceStart(..) => stack.push(Frame::Sequence { next: 0 }),
                    _ => {
                        last_content_end = range.end;
                        if let Some(done) = close(&mut open, depth, range.end, &mut children) {
                            return Some(Located {
                                node: done,
                                children,
                            });
                        }
                        leave(&mut stack, &mut depth, &mut matched);
                    }
                }
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                // A flow collection ends at its bracket; a block one at its last content (its
                // end event sits at the next token, past any comments and blank lines).
                let end = if is_flow_close(text, &range) {
                    last_content_end = range.end;
                    range.end
                } else {
                    last_content_end
                };
                if let Some(done) = close(&mut open, depth, end, &mut children) {
                    return Some(Located {
                        node: done,
                        children,
                    });
                }
                if stack.is_empty() {
                    break;
                }
                leave(&mut stack, &mut depth, &mut matched);
            }
            _ => {}
        }
    }
    None
}

/// True when `range` covers a closing bracket (a flow collection's end).
fn is_flow_close(text: &str, range: &std::ops::Range<usize>) -> bool {
    matches!(text.get(range.clone()), Some("]" | "}"))
}

/// Ends the node open at `depth`, if one is: a child joins `children`; the target is
/// returned, complete.
fn close(
    open: &mut Vec<Open>,
    depth: usize,
    end: usize,
    children: &mut Vec<Child>,
) -> Option<Span> {
    if open.last().is_none_or(|o| o.depth != depth) {
        return None;
    }
    let node = open.pop()?;
    let span = Span {
        start: node.start,
        end,
        column: node.column,
        shape: node.shape,
    };
    if open.is_empty() {
        return Some(span);
    }
    let (key, key_start, key_column) = match node.key {
        Some((key, start, column)) => (Some(key), start, column),
        None => (None, node.start, node.column),
    };
    children.push(Child {
        key,
        key_start,
        key_column,
        node: span,
    });
    None
}

/// Back to the parent container, past the node that ended.
fn leave(stack: &mut [Frame], depth: &mut usize, matched: &mut usize) {
    *matched = (*matched).min(depth.saturating_sub(1));
    *depth = depth.saturating_sub(1);
    match stack.last_mut() {
        Some(Frame::Mapping { key }) => *key = None,
        Some(Frame::Sequence { next }) => *next += 1,
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(text: &str, span: &Span) -> String {
        text[span.start..span.end].to_owned()
    }

    #[test]
    fn finds_a_block_mapping_and_its_entries() {
        let text = "objectives:\n  - id: O1\n    title: Grow # why\n\n  - id: O2\n    tags: [a, b]\n    x: 1\n";
        let found = locate(text, &[Step::Key("objectives"), Step::Index(1)]).unwrap();
        assert_eq!(
            slice(text, &found.node),
            "id: O2\n    tags: [a, b]\n    x: 1"
        );
        assert_eq!(found.node.shape, Shape::Mapping { flow: false });
        assert_eq!(found.node.column, 4);
        let keys: Vec<_> = found
            .children
            .iter()
            .map(|c| c.key.clone().unwrap())
            .collect();
        assert_eq!(keys, ["id", "tags", "x"]);
        assert_eq!(slice(text, &found.children[1].node), "[a, b]");
        assert_eq!(found.children[1].node.shape, Shape::Sequence { flow: true });
        let first = locate(text, &[Step::Key("objectives"), Step::Index(0)]).unwrap();
        // The comment after the last value is not part of the node.
        assert_eq!(slice(text, &first.node), "id: O1\n    title: Grow");
    }

    #[test]
    fn finds_list_items_in_flow_and_block_style_and_in_json() {
        let text = "a:\n  l:\n    - { d: 1 }\n    - { d: 2 }\n  f: [{ d: 3 }, { d: 4 }]\n";
        let block = locate(text, &[Step::Key("a"), Step::Key("l")]).unwrap();
        let items: Vec<_> = block
            .children
            .iter()
            .map(|c| slice(text, &c.node))
            .collect();
        assert_eq!(items, ["{ d: 1 }", "{ d: 2 }"]);
        assert_eq!(block.node.shape, Shape::Sequence { flow: false });
        let flow = locate(text, &[Step::Key("a"), Step::Key("f")]).unwrap();
        assert_eq!(slice(text, &flow.node), "[{ d: 3 }, { d: 4 }]");
        assert_eq!(flow.children.len(), 2);
        let json = "{\n  \"a\": {\n    \"f\": [\n      {\"d\": 3}\n    ]\n  }\n}\n";
        let found = locate(json, &[Step::Key("a"), Step::Key("f")]).unwrap();
        assert_eq!(slice(json, &found.node), "[\n      {\"d\": 3}\n    ]");
        assert_eq!(slice(json, &found.children[0].node), "{\"d\": 3}");
        assert!(locate(json, &[Step::Key("a"), Step::Key("g")]).is_none());
    }
}
