//! Reading and writing OKR documents as YAML (for people) and JSON (for machines).
//!
//! Both formats share one schema (see [`crate::schema`]). Reading goes straight into the
//! typed model; a syntax or type error names the path and line of the problem, and the
//! document is then checked as a whole ([`crate::validate`]), reporting every problem found.
//! A [`Reloader`] reads successive versions of one JSON document (an editor sending it on
//! every keystroke) and re-parses only the objective an edit falls in.
//!
//! ```
//! use okr_core::format::{Format, LoadOptions};
//!
//! let yaml = "objectives:\n  - id: O1\n    title: Delight new users\n    future_field: kept\n";
//! let doc = okr_core::format::load(yaml.as_bytes(), Format::Yaml, &LoadOptions::default())?;
//! let json = okr_core::to_json(&doc)?;
//! assert!(json.contains("\"future_field\": \"kept\""));
//! let again = okr_core::from_json_str(&json)?;
//! assert_eq!(doc, again);
//! # Ok::<(), okr_core::Error>(())
//! ```

mod input;
mod json;
mod json_lines;
mod lines;
mod reload;
mod serde_text;
mod shape;
#[cfg(feature = "yaml")]
mod strict_value;
#[cfg(feature = "yaml")]
mod value_lines;
mod walk;
mod wide_numbers;
#[cfg(feature = "yaml")]
mod yaml;

pub use input::{
    Loaded, ReadError, from_plain_json, load_plain_json, load_reader, load_value, read_bytes,
    read_text,
};
pub use lines::LineIndex;
pub use reload::Reloader;

use crate::error::{Error, Problem, Result};
use crate::model::Document;
use crate::path::DocPath;

/// The text format of an OKR document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// YAML 1.2, the format for people.
    Yaml,
    /// JSON, the format for machines.
    Json,
}

impl Format {
    /// The format a file name's extension implies (`.json` → JSON, `.yaml`/`.yml` → YAML).
    pub fn from_extension(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            _ => None,
        }
    }

    /// Guesses the format from the text: JSON when it starts with `{`, else YAML.
    pub fn sniff(text: &str) -> Format {
        if text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
        {
            Format::Json
        } else {
            Format::Yaml
        }
    }

    /// Lowercase name (`yaml` or `json`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Yaml => "yaml",
            Format::Json => "json",
        }
    }
}

/// A format name that is neither `yaml` nor `json`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format `{0}`; use `yaml` or `json`")]
pub struct UnknownFormat(pub String);

impl std::str::FromStr for Format {
    type Err = UnknownFormat;

    /// ```
    /// use okr_core::Format;
    /// assert_eq!("YML".parse::<Format>(), Ok(Format::Yaml));
    /// assert_eq!("xml".parse::<Format>().unwrap_err().to_string(), "unknown format `xml`; use `yaml` or `json`");
    /// ```
    fn from_str(s: &str) -> std::result::Result<Self, UnknownFormat> {
        match s.to_ascii_lowercase().as_str() {
            "yaml" | "yml" => Ok(Format::Yaml),
            "json" => Ok(Format::Json),
            other => Err(UnknownFormat(other.to_owned())),
        }
    }
}

/// Limits that keep hostile input from costing unbounded time or memory.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LoadOptions {
    /// Largest accepted input, in bytes. Default: 64 MiB (about 30 000 objectives of JSON).
    pub max_bytes: usize,
    /// Deepest accepted nesting of mappings and lists in YAML. Default: 64. (JSON is held
    /// to 128 levels by serde_json, and unknown fields in either format to
    /// [`MAX_EXTRA_DEPTH`](crate::model::MAX_EXTRA_DEPTH), so whatever loads as JSON saves
    /// as YAML that loads back.) OKR documents need fewer than ten levels; the limit keeps
    /// the YAML reader's recursion far from the stack's end.
    pub max_depth: usize,
    /// Check the document's rules after reading it ([`crate::validate`]). Default: true.
    pub validate: bool,
}

/// The nesting limit of JSON (fixed by serde_json).
pub const JSON_MAX_DEPTH: usize = 128;

/// The default size limit: 64 MiB.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            max_depth: 64,
            validate: true,
        }
    }
}

impl LoadOptions {
    /// These options with another size limit.
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// These options with validation switched on or off.
    pub fn with_validation(mut self, validate: bool) -> Self {
        self.validate = validate;
        self
    }
}

/// Reads a document from raw bytes: checks the size limit, the encoding (UTF-8, an optional
/// byte-order mark is skipped), parses and validates.
pub fn load(bytes: &[u8], format: Format, options: &LoadOptions) -> Result<Document> {
    if bytes.len() > options.max_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: options.max_bytes,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        Error::NotUtf8 { offset, line }
    })?;
    load_str(text, format, options)
}

/// Reads a document from text; see [`load`].
pub fn load_str(text: &str, format: Format, options: &LoadOptions) -> Result<Document> {
    if text.len() > options.max_bytes {
        return Err(Error::TooLarge {
            size: text.len(),
            limit: options.max_bytes,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_blank(text) {
        return Err(Error::Empty);
    }
    let parsed = match format {
        #[cfg(feature = "yaml")]
        Format::Yaml => yaml::parse(text, options),
        #[cfg(not(feature = "yaml"))]
        Format::Yaml => return Err(Error::Syntax(yaml_not_built())),
        Format::Json => json::parse(text, options)
            .map(|document| (document, None))
            .map_err(|first| {
                // Re-read generically to report the shape errors of every item, not just the first.
                let salvage = shape::salvage_text(text, format, options).map(Box::new);
                let problems = salvage.as_ref().map(|s| s.problems.clone());
                (merge_first(text, first, problems), salvage)
            }),
    };
    // Literals the parsers would round without a word; reported with everything else.
    let wide = wide_numbers::problems(text, format);
    let (document, read) = match parsed {
        Ok(parsed) if wide.is_empty() => parsed,
        Ok((document, _)) => {
            let mut problems = wide;
            if options.validate {
                problems.extend(crate::validate::validate(&document));
            }
            return Err(locate(text, problems, Error::Invalid));
        }
        Err((mut problems, salvage)) => {
            let wide: Vec<Problem> = wide
                .into_iter()
                .filter(|w| !problems.iter().any(|p| p.path == w.path))
                .collect();
            problems.extend(wide);
            // The items that typed are still cross-checked, so one run reports everything.
            if options.validate
                && let Some(salvage) = &salvage
                && let Some(document) = &salvage.document
            {
                let found = crate::validate::validate(document);
                problems.extend(found.into_iter().filter(|p| !salvage.covers(&p.path)));
            }
            return Err(locate(text, problems, |problems| {
                if problems.len() == 1 {
                    problems
                        .into_iter()
                        .next()
                        .map_or(Error::Empty, Error::Syntax)
                } else {
                    Error::Invalid(problems)
                }
            }));
        }
    };
    if options.validate {
        // Mutated only to locate YAML problems.
        #[cfg_attr(not(feature = "yaml"), allow(unused_mut))]
        let mut problems = crate::validate::validate(&document);
        if !problems.is_empty() {
            #[cfg(feature = "yaml")]
            if let Some(read) = &read {
                // YAML: the read noted where each node was; no second read of the text.
                let mut places = value_lines::ValueLines::new(text, &read.value, &read.lines);
                for problem in problems.iter_mut().filter(|p| p.line.is_none()) {
                    problem.line = places.line_of(&problem.path);
                }
            }
            #[cfg(not(feature = "yaml"))]
            let _: &Option<YamlRead> = &read;
            return Err(locate(text, problems, Error::Invalid));
        }
    }
    Ok(document)
}

/// The typed parse stops at its first error; the generic re-read names every item's shape
/// problem with its path. Both are located, and the typed error is kept only when no
/// re-read problem covers its item (a syntax error, a duplicate key…).
///
/// Parse errors arrive with their path already found (from the error's line and column); an
/// empty path there means the document as a whole (text after its end, say).
fn merge_first(text: &str, first: Problem, others: Option<Vec<Problem>>) -> Vec<Problem> {
    let mut problems = others.unwrap_or_default();
    if problems.iter().any(|p| p.line.is_none()) {
        let lines = LineIndex::new(text);
        for problem in problems.iter_mut().filter(|p| p.line.is_none()) {
            problem.line = lines.line_of(&problem.path);
        }
    }
    let first_item = first.path.top_item();
    // A document-level re-read problem is the typed error seen from the root.
    if !problems
        .iter()
        .any(|p| p.path.is_empty() || (!first_item.is_empty() && p.path.starts_with(&first_item)))
    {
        problems.push(first);
    }
    problems
}

/// Fills in missing lines from paths, then builds the error.
fn locate(
    text: &str,
    mut problems: Vec<Problem>,
    build: impl FnOnce(Vec<Problem>) -> Error,
) -> Error {
    let needs_line = |p: &Problem| p.line.is_none() && !p.path.is_empty();
    if !text.trim_end().contains('\n') {
        // One line (compact JSON, as machines write it): every node is on it, no index
        // needed (building one would re-read the whole text).
        for problem in problems.iter_mut().filter(|p| needs_line(p)) {
            problem.line = Some(1);
        }
    } else if problems.iter().any(needs_line) {
        // Only the paths asked for: a fraction of a full index's time and memory when a
        // large file has many problems (50 000 unknown owners).
        let wanted = problems.iter().filter(|p| needs_line(p)).map(|p| &p.path);
        let lines = LineIndex::for_paths(text, wanted);
        for problem in problems.iter_mut().filter(|p| needs_line(p)) {
            problem.line = lines.line_of(&problem.path);
        }
    }
    // Report in reading order; problems without a line keep their place at the end.
    problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    build(problems)
}

/// True when the text holds nothing but whitespace and comments.
fn is_blank(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---"
    })
}

/// Writes a document as YAML (feature `yaml`).
#[cfg(feature = "yaml")]
pub fn to_yaml(document: &Document) -> Result<String> {
    yaml::write(document)
}

/// What a YAML read leaves for locating problems later; nothing without the `yaml` feature.
#[cfg(not(feature = "yaml"))]
enum YamlRead {}

/// The problem of YAML given to a build without the `yaml` feature.
#[cfg(not(feature = "yaml"))]
pub(crate) fn yaml_not_built() -> Problem {
    Problem::new(
        crate::ProblemKind::UnsupportedFormat,
        DocPath::root(),
        "YAML is not compiled into this build of okr-core; pass JSON, or enable the `yaml` feature",
    )
}

/// Writes a document as pretty-printed JSON (two-space indent, trailing newline).
pub fn to_json(document: &Document) -> Result<String> {
    json::write(document)
}

/// A path as serde_path_to_error tracks it, as a [`DocPath`]. A key serde could not name
/// (`?`, e.g. of a duplicate) stops the path there: its parent is the place.
fn doc_path(path: &serde_path_to_error::Path) -> DocPath {
    let mut out = DocPath::root();
    for segment in path.iter() {
        out = match segment {
            serde_path_to_error::Segment::Seq { index } => out.index(*index),
            serde_path_to_error::Segment::Map { key } => out.key(key.clone()),
            serde_path_to_error::Segment::Enum { variant } => out.key(variant.clone()),
            serde_path_to_error::Segment::Unknown => break,
        };
    }
    out
}
