//! Reading successive versions of one JSON document, as a planning widget sends it while
//! someone types: an edit that stays inside one objective re-reads only that objective.

use super::{Format, LoadOptions, load_str};
use crate::error::Result;
use crate::model::{Document, Objective};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::ops::Range;

/// Reads versions of a document one after another, reusing what the last good version
/// already read.
///
/// Each call returns exactly what [`load_str`] returns for the same arguments: the same
/// document, or the same error. When the JSON text differs from the last version that
/// loaded only inside one objective (a title gaining a character, a check-in value
/// changing), only that objective is parsed again; the rest of the document is kept and
/// the whole is validated as usual. Anything else (another format or options, an edit
/// outside the objectives or across two of them, text that does not load) takes the full
/// path. A version that fails to load does not replace the last good one, so typing
/// through a broken state (an unclosed quote) is fast again once the text is whole.
///
/// ```
/// use okr_core::format::{Format, LoadOptions, Reloader};
///
/// let options = LoadOptions::default();
/// let mut reloader = Reloader::new();
/// let text = r#"{"objectives": [{"id": "O1", "title": "Delight new users"},
///                                {"id": "O2", "title": "Grow the API"}]}"#;
/// reloader.load_str(text, Format::Json, &options)?;
///
/// let edited = text.replace("Grow the API", "Grow the API business");
/// let document = reloader.load_str(&edited, Format::Json, &options)?;
/// assert_eq!(document.objectives[1].title, "Grow the API business");
/// assert_eq!(*document, okr_core::from_json_str(&edited)?);
///
/// // Errors are those of a fresh load.
/// let broken = edited.replace("Delight", "\"Delight");
/// assert_eq!(
///     reloader.load_str(&broken, Format::Json, &options).unwrap_err(),
///     okr_core::from_json_str(&broken).unwrap_err(),
/// );
/// # Ok::<(), okr_core::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Reloader {
    last: Option<Loaded>,
}

/// The last version that loaded, and where its objectives are in its text.
#[derive(Debug)]
struct Loaded {
    /// The text, without a byte-order mark.
    text: String,
    format: Format,
    options: LoadOptions,
    document: Document,
    /// The bytes of each objective's JSON value in `text`, in document order; empty when
    /// they are not known (YAML), so that only an unchanged text is reused.
    objectives: Vec<Range<usize>>,
}

impl Reloader {
    /// A reloader with no version read yet.
    pub fn new() -> Self {
        Reloader::default()
    }

    /// Reads `text` as [`load_str`] does, reusing the last good version where it can.
    pub fn load_str(
        &mut self,
        text: &str,
        format: Format,
        options: &LoadOptions,
    ) -> Result<&Document> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let loaded = match self.last.take() {
            Some(mut last)
                if last.format == format
                    && last.options == *options
                    && text.len() <= options.max_bytes =>
            {
                if last.update(body) {
                    last
                } else {
                    self.reload(text, format, options, Some(last))?
                }
            }
            previous => self.reload(text, format, options, previous)?,
        };
        Ok(&self.last.insert(loaded).document)
    }

    /// Reads `text` in full; on failure the previous version stays the base.
    fn reload(
        &mut self,
        text: &str,
        format: Format,
        options: &LoadOptions,
        previous: Option<Loaded>,
    ) -> Result<Loaded> {
        match load_str(text, format, options) {
            Ok(document) => {
                let body = text.strip_prefix('\u{feff}').unwrap_or(text);
                Ok(Loaded::new(body, format, options, document))
            }
            Err(error) => {
                self.last = previous;
                Err(error)
            }
        }
    }

    /// The document of the last version that loaded, if any.
    pub fn document(&self) -> Option<&Document> {
        self.last.as_ref().map(|last| &last.document)
    }
}

impl Loaded {
    fn new(body: &str, format: Format, options: &LoadOptions, document: Document) -> Self {
        let objectives = match format {
            Format::Json => objective_spans(body)
                .filter(|spans| spans.len() == document.objectives.len())
                .unwrap_or_default(),
            Format::Yaml => Vec::new(),
        };
        Loaded {
            text: body.to_owned(),
            format,
            options: options.clone(),
            document,
            objectives,
        }
    }

    /// Becomes the version `body` when that needs no full read: the same text, or an edit
    /// inside one objective after which the document still validates. Returns false, and
    /// changes nothing, otherwise.
    fn update(&mut self, body: &str) -> bool {
        if body == self.text {
            return true;
        }
        let Some((index, span)) = self.edited_objective(body) else {
            return false;
        };
        // The text around the span is that of a document which loaded, with the old
        // objective's value in its place: when the span holds one whole objective value,
        // the new text is that document with this objective replaced, which is how a full
        // read would see it (objectives are read independently of each other).
        let Some(objective) = body
            .get(span.clone())
            .and_then(|value| serde_json::from_str::<Objective>(value).ok())
        else {
            return false;
        };
        let Some(slot) = self.document.objectives.get_mut(index) else {
            return false;
        };
        let old = std::mem::replace(slot, objective);
        if self.options.validate && !crate::validate::validate(&self.document).is_empty() {
            // Let the full read report the problems, located as it locates them.
            self.document.objectives[index] = old;
            return false;
        }
        let old_end = self.objectives[index].end;
        self.objectives[index].end = span.end;
        for later in &mut self.objectives[index + 1..] {
            later.start = later.start - old_end + span.end;
            later.end = later.end - old_end + span.end;
        }
        self.text.clear();
        self.text.push_str(body);
        true
    }

    /// The objective whose span holds every byte where `body` differs from the last text,
    /// and that span in `body`.
    fn edited_objective(&self, body: &str) -> Option<(usize, Range<usize>)> {
        let (old, new) = (self.text.as_bytes(), body.as_bytes());
        let prefix = common_prefix(old, new);
        // Measured on what follows the prefix, so prefix and suffix never overlap.
        let suffix = common_suffix(&old[prefix..], &new[prefix..]);
        let index = self
            .objectives
            .partition_point(|span| span.start <= prefix)
            .checked_sub(1)?;
        let span = &self.objectives[index];
        // Bytes after the old span's end are all in the common suffix, so the new span
        // ends as far from the new text's end as the old one did from the old text's.
        let after = old.len() - span.end;
        (after <= suffix).then(|| (index, span.start..new.len() - after))
    }
}

/// Where each objective's JSON value lies in `text` (which has loaded as a document).
fn objective_spans(text: &str) -> Option<Vec<Range<usize>>> {
    #[derive(Deserialize)]
    struct Objectives<'a> {
        #[serde(borrow, default)]
        objectives: Vec<&'a RawValue>,
    }
    let shell: Objectives<'_> = serde_json::from_str(text).ok()?;
    // Each raw value borrows from `text`: its offset is the distance between the two.
    let base = text.as_ptr() as usize;
    shell
        .objectives
        .iter()
        .map(|raw| {
            let start = (raw.get().as_ptr() as usize).checked_sub(base)?;
            let end = start + raw.get().len();
            (end <= text.len()).then_some(start..end)
        })
        .collect()
}

/// How many leading bytes `a` and `b` share; compared eight at a time, as this runs on
/// every keystroke over the whole text.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let words = a
        .chunks_exact(8)
        .zip(b.chunks_exact(8))
        .take_while(|(x, y)| word(x) == word(y))
        .count()
        * 8;
    words
        + a[words..]
            .iter()
            .zip(&b[words..])
            .take_while(|(x, y)| x == y)
            .count()
}

/// How many trailing bytes `a` and `b` share.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let words = a
        .rchunks_exact(8)
        .zip(b.rchunks_exact(8))
        .take_while(|(x, y)| word(x) == word(y))
        .count()
        * 8;
    words
        + a[..a.len() - words]
            .iter()
            .rev()
            .zip(b[..b.len() - words].iter().rev())
            .take_while(|(x, y)| x == y)
            .count()
}

fn word(bytes: &[u8]) -> Option<u64> {
    bytes.try_into().ok().map(u64::from_ne_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_ends_are_counted_across_word_boundaries() {
        let a = b"0123456789abcdefXYZ";
        let b = b"0123456789abcdefXQZ";
        assert_eq!(common_prefix(a, b), 17);
        assert_eq!(common_suffix(a, b), 1);
        assert_eq!(common_prefix(b"abc", b"abcdef"), 3);
        assert_eq!(common_suffix(b"0123456789", b"x0123456789"), 10);
        assert_eq!(common_prefix(b"", b"x"), 0);
    }

    #[test]
    fn an_edit_inside_one_objective_is_read_alone_and_moves_the_later_spans() {
        let text = r#"{"objectives": [{"id": "O1", "title": "A"}, {"id": "O2", "title": "B"}, {"id": "O3", "title": "C"}]}"#;
        let options = LoadOptions::default();
        let document = load_str(text, Format::Json, &options).unwrap();
        let mut loaded = Loaded::new(text, Format::Json, &options, document);
        assert_eq!(loaded.objectives.len(), 3);

        let edited = text.replace("\"B\"", "\"Bé, too\"");
        assert_eq!(loaded.edited_objective(&edited).map(|(i, _)| i), Some(1));
        assert!(loaded.update(&edited));
        assert_eq!(loaded.document.objectives[1].title, "Bé, too");
        assert_eq!(Some(loaded.objectives.clone()), objective_spans(&edited));
        assert_eq!(loaded.text, edited);

        // Across two objectives, between them, or breaking a rule: left to the full read.
        for other in [
            edited.replace("\"A\"}, {\"id\": \"O2\"", "\"A2\"}, {\"id\": \"O2x\""),
            edited.replace("}, {\"id\": \"O3\"", "},{\"id\": \"O3\""),
            edited.replace("\"O3\"", "\"O1\""),
        ] {
            assert!(!loaded.update(&other), "{other}");
            assert_eq!(loaded.text, edited);
            assert_eq!(loaded.document.objectives[2].id, "O3");
        }
    }

    #[test]
    fn spans_cover_each_objective_value() {
        let text = r#"{"teams": [], "objectives": [ {"id": "O1", "title": "A"} ,{"id":"O2","title":"B"}]}"#;
        let spans = objective_spans(text).unwrap();
        let values: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(
            values,
            [
                r#"{"id": "O1", "title": "A"}"#,
                r#"{"id":"O2","title":"B"}"#
            ]
        );
    }
}
