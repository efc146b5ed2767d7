//! Where something is in a document: [`DocPath`], a list of keys and list indexes, written
//! `objectives[3].key_results[1].title`. Problems, findings and the line index carry paths
//! as data; the text form is for people and for JSON output.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

/// One step of a [`DocPath`]: a mapping key or a list index. In JSON (`loc`), a string or a
/// number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum LocSegment {
    /// A mapping key, such as `objectives` or `owner`.
    Key(Cow<'static, str>),
    /// A 0-based list index.
    Index(usize),
}

/// A place in a document, as keys and indexes from its root; empty for the document as a
/// whole.
///
/// ```
/// use okr_core::DocPath;
/// let path = DocPath::key_result(2, 0).key("metric").key("target");
/// assert_eq!(path.to_string(), "objectives[2].key_results[0].metric.target");
/// assert!(path.starts_with(&DocPath::objective(2)));
/// assert!(!path.starts_with(&DocPath::objective(20)));
/// assert_eq!(path, "objectives[2].key_results[0].metric.target");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct DocPath {
    segments: Vec<LocSegment>,
}

impl DocPath {
    /// The document as a whole.
    pub fn root() -> Self {
        DocPath::default()
    }

    /// `objectives[i]`.
    pub fn objective(i: usize) -> Self {
        DocPath::root().key("objectives").index(i)
    }

    /// `objectives[i].key_results[k]`.
    pub fn key_result(i: usize, k: usize) -> Self {
        DocPath::objective(i).key("key_results").index(k)
    }

    /// This path with a key added.
    #[must_use]
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> Self {
        self.segments.push(LocSegment::Key(key.into()));
        self
    }

    /// This path with a list index added.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.segments.push(LocSegment::Index(index));
        self
    }

    /// Adds a key in place (for walks that go down and come back up).
    pub fn push_key(&mut self, key: impl Into<Cow<'static, str>>) {
        self.segments.push(LocSegment::Key(key.into()));
    }

    /// Adds a list index in place.
    pub fn push_index(&mut self, index: usize) {
        self.segments.push(LocSegment::Index(index));
    }

    /// Removes the last key or index, if any.
    pub fn pop(&mut self) -> Option<LocSegment> {
        self.segments.pop()
    }

    /// This path followed by `other`.
    #[must_use]
    pub fn join(mut self, other: &DocPath) -> Self {
        self.segments.extend(other.segments.iter().cloned());
        self
    }

    /// True for the document as a whole.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The keys and indexes, from the root.
    pub fn segments(&self) -> &[LocSegment] {
        &self.segments
    }

    /// True when this path is `prefix` or lies inside it (`objectives[2].title` is inside
    /// `objectives[2]`, not inside `objectives[20]`).
    pub fn starts_with(&self, prefix: &DocPath) -> bool {
        self.segments.starts_with(&prefix.segments)
    }

    /// The path of the containing node; `None` for the root.
    pub fn parent(&self) -> Option<DocPath> {
        let (_, rest) = self.segments.split_last()?;
        Some(DocPath {
            segments: rest.to_vec(),
        })
    }

    /// The first item of a top-level list the path goes through (`objectives[3]` of
    /// `objectives[3].key_results[1]`), or the whole path when it names none.
    pub fn top_item(&self) -> DocPath {
        let end = self
            .segments
            .iter()
            .position(|s| matches!(s, LocSegment::Index(_)))
            .map_or(self.segments.len(), |at| at + 1);
        DocPath {
            segments: self.segments[..end].to_vec(),
        }
    }

    /// The first key (the document section: `objectives`, `teams`…), if any.
    pub fn first_key(&self) -> Option<&str> {
        match self.segments.first()? {
            LocSegment::Key(key) => Some(key),
            LocSegment::Index(_) => None,
        }
    }

    /// Reads a path written as text (`objectives[0].owner`), as JSON reports carry them.
    /// Text that is not a path reads as far as it makes sense: a key that holds `.` or `[`
    /// cannot be told apart from the steps it would write.
    pub fn parse(text: &str) -> DocPath {
        let mut segments = Vec::new();
        for part in text.split('.').filter(|part| !part.is_empty()) {
            let (key, indexes) = part.split_once('[').unwrap_or((part, ""));
            if !key.is_empty() {
                segments.push(LocSegment::Key(Cow::Owned(key.to_owned())));
            }
            segments.extend(
                indexes
                    .split('[')
                    .filter_map(|index| index.trim_end_matches(']').parse().ok())
                    .map(LocSegment::Index),
            );
        }
        DocPath { segments }
    }

    /// Orders paths as they appear in a file: sections in the order files write them, then
    /// `objectives[2]` before `objectives[10]`, an item before what is inside it, and keys
    /// inside one item by name.
    pub(crate) fn document_order(&self, other: &DocPath) -> Ordering {
        self.section()
            .cmp(&other.section())
            .then_with(|| self.steps().cmp(other.steps()))
    }

    /// The path's section and, for an item of a section's list (`objectives[7]…`), its
    /// index: when two paths differ here, [`DocPath::document_order`] orders them the same
    /// way, so findings are sorted by this first (cheap, read once per finding) and the
    /// full order only decides between findings about one item.
    pub(crate) fn coarse_order(&self) -> (usize, usize) {
        let section = self.section();
        let index = match (crate::model::SECTIONS.get(section), self.steps().next()) {
            (Some(name), Some((first, index))) if first == *name => index,
            _ => usize::MAX,
        };
        (section, index)
    }

    /// The section's place among [`crate::model::SECTIONS`]; after them for anything else.
    pub(crate) fn section(&self) -> usize {
        self.first_key()
            .and_then(|key| crate::model::SECTIONS.iter().position(|s| *s == key))
            .unwrap_or(usize::MAX)
    }

    /// The path as (key, index) steps: a key and the list index after it (0 without one).
    fn steps(&self) -> impl Iterator<Item = (&str, usize)> + '_ {
        let mut segments = self.segments.iter().peekable();
        std::iter::from_fn(move || {
            let step = match segments.next()? {
                LocSegment::Key(key) => {
                    let index = match segments.peek() {
                        Some(LocSegment::Index(index)) => {
                            let index = *index;
                            segments.next();
                            index
                        }
                        _ => 0,
                    };
                    (key.as_ref(), index)
                }
                LocSegment::Index(index) => ("", *index),
            };
            Some(step)
        })
    }
}

impl fmt::Display for DocPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                LocSegment::Key(key) if i == 0 => f.write_str(key)?,
                LocSegment::Key(key) => write!(f, ".{key}")?,
                LocSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl PartialEq<str> for DocPath {
    /// Compares with a path's text form without writing it out.
    fn eq(&self, other: &str) -> bool {
        /// Consumes `other` as the path writes itself; fails at the first difference.
        struct Rest<'a>(&'a str);
        impl fmt::Write for Rest<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0 = self.0.strip_prefix(s).ok_or(fmt::Error)?;
                Ok(())
            }
        }
        let mut rest = Rest(other);
        fmt::write(&mut rest, format_args!("{self}")).is_ok() && rest.0.is_empty()
    }
}

impl PartialEq<&str> for DocPath {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialEq<String> for DocPath {
    fn eq(&self, other: &String) -> bool {
        self == other.as_str()
    }
}

impl From<&DocPath> for DocPath {
    fn from(path: &DocPath) -> Self {
        path.clone()
    }
}

impl Serialize for DocPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DocPath {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        Ok(DocPath::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_segments_agree() {
        for text in [
            "",
            "objectives",
            "objectives[0]",
            "objectives[12].key_results[3].check_ins[0].date",
            "lint.allow[1]",
            "x_custom[2][1].deep",
        ] {
            assert_eq!(DocPath::parse(text).to_string(), text);
        }
    }

    #[test]
    fn document_order_puts_sections_in_file_order_and_indexes_by_number() {
        let mut paths: Vec<DocPath> = [
            "objectives[10]",
            "lint.allow[0]",
            "objectives[2].key_results[0]",
            "cycles[0].end",
            "objectives[2]",
            "",
        ]
        .into_iter()
        .map(DocPath::parse)
        .collect();
        paths.sort_by(DocPath::document_order);
        for a in &paths {
            for b in &paths {
                let coarse = a.coarse_order().cmp(&b.coarse_order());
                if coarse != Ordering::Equal {
                    assert_eq!(a.document_order(b), coarse, "{a} vs {b}");
                }
            }
        }
        let texts: Vec<String> = paths.iter().map(ToString::to_string).collect();
        assert_eq!(
            texts,
            [
                "cycles[0].end",
                "objectives[2]",
                "objectives[2].key_results[0]",
                "objectives[10]",
                "lint.allow[0]",
                ""
            ]
        );
    }
}
