//! Lines of JSON nodes by document path, found by one byte scan of the text.
//!
//! JSON is read by serde_json, which keeps no positions. When problems need lines, the
//! general index ([`super::LineIndex`]) would read the text a second time with the YAML
//! parser, several times slower than serde_json's own read (4× the valid load for 50 000
//! unknown owners). JSON's grammar is simple enough to walk with a byte loop instead.
//!
//! The scan is strict: anything that is not plain JSON (a comment, an unquoted key, a bare
//! word, text after the document) makes it give up with `None`, and the caller falls back
//! to the YAML parser, which reads every flow-style YAML file too.

use super::walk::PathWalk;
#[cfg(test)]
use crate::hash::HashMap;

/// Where a node starts: 1-based line, 0-based byte column.
pub(super) type Position = (usize, usize);

enum Frame {
    /// `path_len`: length of the object's own path. `expect_key`: a key (or `}`) comes next.
    Object { path_len: usize, expect_key: bool },
    /// `next`: index of the next element.
    Array { path_len: usize, next: usize },
}

/// Calls `visit` with the path and start of every node (a key, an array element) in
/// document order; false when the text is not plain JSON (the caller then starts over with
/// the YAML parser).
pub(super) fn walk(text: &str, visit: &mut dyn FnMut(&PathWalk, Position)) -> bool {
    scan(text, visit).unwrap_or(false)
}

/// [`walk`]: `None` as soon as the text is seen not to be plain JSON.
fn scan(text: &str, visit: &mut dyn FnMut(&PathWalk, Position)) -> Option<bool> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut path = PathWalk::default();
    let mut line = 1;
    let mut line_start = 0;
    let mut finished = false;
    let mut at = 0;

    while at < bytes.len() {
        let byte = bytes[at];
        match byte {
            b'\n' => {
                line += 1;
                line_start = at + 1;
                at += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                at += 1;
                continue;
            }
            _ if finished => return None,
            _ => {}
        }
        let position = (line, at - line_start);
        match (stack.last_mut(), byte) {
            (Some(Frame::Object { .. }), b'}') => {
                stack.pop();
                finished = leave(&mut stack, &mut path);
                at += 1;
            }
            (Some(Frame::Array { .. }), b']') => {
                stack.pop();
                finished = leave(&mut stack, &mut path);
                at += 1;
            }
            (Some(Frame::Object { expect_key, .. }), b',') if !*expect_key => {
                *expect_key = true;
                at += 1;
            }
            (Some(Frame::Array { .. }), b',') => at += 1,
            (
                Some(Frame::Object {
                    expect_key: expect_key @ true,
                    ..
                }),
                b'"',
            ) => {
                *expect_key = false;
                let end = string_end(bytes, at)?;
                let key = key_text(&text[at..end])?;
                at = skip_blanks(bytes, end, &mut line, &mut line_start);
                if bytes.get(at) != Some(&b':') {
                    return None;
                }
                at += 1;
                path.push_key(&key);
                visit(&path, position);
            }
            (
                Some(Frame::Object {
                    expect_key: true, ..
                }),
                _,
            ) => return None,
            (_, b'"' | b'{' | b'[' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => {
                if let Some(Frame::Array { next, .. }) = stack.last() {
                    path.push_index(*next);
                    visit(&path, position);
                }
                match byte {
                    b'{' | b'[' => {
                        let path_len = path.len();
                        stack.push(if byte == b'{' {
                            Frame::Object {
                                path_len,
                                expect_key: true,
                            }
                        } else {
                            Frame::Array { path_len, next: 0 }
                        });
                        at += 1;
                    }
                    b'"' => {
                        at = string_end(bytes, at)?;
                        finished = leave(&mut stack, &mut path);
                    }
                    _ => {
                        let end = bytes[at..]
                            .iter()
                            .position(|b| !matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-' | b'+' | b'.' | b'E'))
                            .map_or(bytes.len(), |n| at + n);
                        if !is_literal(&text[at..end]) {
                            return None;
                        }
                        at = end;
                        finished = leave(&mut stack, &mut path);
                    }
                }
            }
            _ => return None,
        }
    }
    Some(finished)
}

/// Ends the value just read: back to the container's path; true when it was the root.
fn leave(stack: &mut [Frame], path: &mut PathWalk) -> bool {
    match stack.last_mut() {
        Some(Frame::Object { path_len, .. }) => {
            path.truncate(*path_len);
            false
        }
        Some(Frame::Array { path_len, next }) => {
            path.truncate(*path_len);
            *next += 1;
            false
        }
        None => true,
    }
}

/// Index just past the string starting at `start` (its opening quote).
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        match bytes.get(at)? {
            b'"' => return Some(at + 1),
            b'\\' => at += 2,
            b'\n' => return None,
            _ => at += 1,
        }
    }
}

/// A key's text: as written, or unescaped by serde_json when it holds escapes.
fn key_text(quoted: &str) -> Option<std::borrow::Cow<'_, str>> {
    let inner = &quoted[1..quoted.len() - 1];
    if inner.contains('\\') {
        serde_json::from_str::<String>(quoted).ok().map(Into::into)
    } else {
        Some(inner.into())
    }
}

fn skip_blanks(bytes: &[u8], mut at: usize, line: &mut usize, line_start: &mut usize) -> usize {
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'\n' => {
                *line += 1;
                *line_start = at + 1;
            }
            b' ' | b'\t' | b'\r' => {}
            _ => break,
        }
        at += 1;
    }
    at
}

/// `true`, `false`, `null` or a JSON number.
fn is_literal(word: &str) -> bool {
    matches!(word, "true" | "false" | "null")
        || serde_json::from_str::<serde_json::Number>(word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::DocPath;

    fn all(text: &str) -> Option<HashMap<String, Position>> {
        let mut lines = HashMap::default();
        let plain = walk(text, &mut |path, at| {
            lines.entry(path.as_str().to_owned()).or_insert(at);
        });
        plain.then_some(lines)
    }

    #[test]
    fn finds_keys_and_items_where_the_yaml_parser_does() {
        let json = "{\n  \"objectives\": [\n    {\n      \"id\": \"O1\",\n      \"aligns_to\": [\"A\",\n \"B\"],\n      \"x\": {\"y\": -1.5e3, \"z\": null}\n    }\n  ]\n}\n";
        let lines = all(json).expect("plain JSON");
        let general = super::super::LineIndex::build_with_parser(json, None);
        for path in [
            "objectives",
            "objectives[0]",
            "objectives[0].id",
            "objectives[0].aligns_to",
            "objectives[0].aligns_to[1]",
            "objectives[0].x.z",
        ] {
            assert_eq!(
                lines.get(path).map(|p| p.0),
                general.line_of(&DocPath::parse(path)),
                "{path}"
            );
        }
        assert_eq!(lines["objectives[0].aligns_to[1]"], (6, 1));
    }

    /// Every node of every JSON file in the repository that the scan reads.
    #[test]
    fn agrees_with_the_parser_index_on_every_json_file_in_the_repository() {
        let mut compared = 0;
        for (path, text) in super::super::lines::repository_texts(&["json"]) {
            let Some(lines) = all(&text) else { continue };
            let general = super::super::LineIndex::build_with_parser(&text, None);
            for node in general.paths() {
                let line = lines.get(node).map(|p| p.0);
                assert_eq!(
                    line,
                    general.line_of(&DocPath::parse(node)),
                    "{node} in {}",
                    path.display()
                );
                compared += 1;
            }
        }
        assert!(compared > 100, "only {compared} paths compared");
    }

    #[test]
    fn escaped_keys_are_read_as_text() {
        let lines = all("{\"a\\u0062\": {\"c\\\"\": 1}}").expect("plain JSON");
        assert!(lines.contains_key("ab.c\""), "{lines:?}");
    }

    #[test]
    fn gives_up_on_anything_but_plain_json() {
        for text in [
            "{a: 1}",
            "{\"a\": yes}",
            "{\"a\": 1} # note",
            "{\"a\": 1}\n{\"b\": 2}",
            "{\"a\": [1, 2}",
            "{\"a\": 'b'}",
            "{\"a\": \"unterminated}",
            "{\"a\" 1}",
            "objectives: []",
            "{\"a\": 1",
        ] {
            assert!(all(text).is_none(), "{text}");
        }
        assert!(all("{}").is_some());
        assert!(all("[]").is_some());
    }
}
