//! Reading a document from a stream (a file, standard input, an upload) or from plain
//! data: the size cap, the encoding check and the format decision, once for every front
//! end. The caller opens the stream; the core reads no files itself.

use super::{Format, LoadOptions, load_str};
use crate::error::{Error, Problem};
use crate::model::Document;
use std::io::Read;

impl Format {
    /// The format of an input: the extension of its `name` (`.json` → JSON, `.yaml`/`.yml`
    /// → YAML), else its content (JSON when it starts with `{`, else YAML).
    ///
    /// ```
    /// use okr_core::Format;
    /// assert_eq!(Format::detect(Some("okrs.JSON"), b"objectives: []"), Format::Json);
    /// assert_eq!(Format::detect(Some("okrs.txt"), b"  {\"objectives\": []}"), Format::Json);
    /// assert_eq!(Format::detect(None, b"objectives: []"), Format::Yaml);
    /// ```
    pub fn detect(name: Option<&str>, bytes: &[u8]) -> Format {
        // Borrowed, not copied, when the bytes are UTF-8 (the only ones that load).
        name.and_then(Format::from_extension)
            .unwrap_or_else(|| Format::sniff(&String::from_utf8_lossy(bytes)))
    }
}

/// Why a stream could not be read as a document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The stream itself failed (no such file, no permission, a broken pipe).
    #[error("cannot read the input: {0}")]
    Io(#[from] std::io::Error),
    /// The bytes were read but are not a valid document (too large, not UTF-8, invalid).
    #[error(transparent)]
    Document(#[from] Error),
}

impl ReadError {
    /// The failure as located problems (an I/O failure is one `read_error` problem).
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            ReadError::Io(_) => vec![Problem::new(
                crate::ProblemKind::ReadError,
                crate::DocPath::root(),
                self.to_string(),
            )],
            ReadError::Document(error) => error.problems(),
        }
    }
}

/// A document read from a stream, with the text it was read from (to locate findings, or
/// to edit it without losing comments) and the format it was read as.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Loaded {
    /// The validated document.
    pub document: Document,
    /// The text it was read from.
    pub text: String,
    /// The format it was read as.
    pub format: Format,
}

/// Reads a stream's bytes, never more than the size limit plus one byte (for binary
/// inputs such as spreadsheets; documents go through [`read_text`]).
///
/// `expected_len` is the stream's length when known (a file's size): the buffer is then
/// reserved once instead of growing by doubling (which can hold twice the file), and an
/// input over the limit is reported with its real size rather than the bytes read.
pub fn read_bytes(
    reader: impl Read,
    expected_len: Option<u64>,
    options: &LoadOptions,
) -> Result<Vec<u8>, ReadError> {
    let limit = options.max_bytes;
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    if let Some(len) = expected_len {
        let reserve = usize::try_from(len.min(cap)).unwrap_or(limit);
        bytes.reserve_exact(reserve.saturating_add(1));
    }
    reader.take(cap).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        let size = expected_len.unwrap_or(read).max(read);
        return Err(Error::TooLarge {
            size: usize::try_from(size).unwrap_or(usize::MAX),
            limit,
        }
        .into());
    }
    Ok(bytes)
}

/// Reads the text of a stream like [`read_bytes`] and checks that it is UTF-8.
pub fn read_text(
    reader: impl Read,
    expected_len: Option<u64>,
    options: &LoadOptions,
) -> Result<String, ReadError> {
    let bytes = read_bytes(reader, expected_len, options)?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        Error::NotUtf8 { offset, line }.into()
    })
}

/// Reads and validates a document from a stream: [`read_text`], then the format (given,
/// else [`Format::detect`] from `name` and the content), then [`load_str`].
///
/// ```
/// use okr_core::format::{LoadOptions, load_reader};
///
/// let file = "objectives:\n  - id: O1\n    title: Delight new users\n".as_bytes();
/// let loaded = load_reader(file, None, Some("okrs.yaml"), None, &LoadOptions::default())?;
/// assert_eq!(loaded.document.objectives[0].id, "O1");
/// assert_eq!(loaded.format, okr_core::Format::Yaml);
/// # Ok::<(), okr_core::format::ReadError>(())
/// ```
pub fn load_reader(
    reader: impl Read,
    expected_len: Option<u64>,
    name: Option<&str>,
    format: Option<Format>,
    options: &LoadOptions,
) -> Result<Loaded, ReadError> {
    let text = read_text(reader, expected_len, options)?;
    let format = format.unwrap_or_else(|| Format::detect(name, text.as_bytes()));
    let document = load_str(&text, format, options)?;
    Ok(Loaded {
        document,
        text,
        format,
    })
}

/// Reads and validates a document given as plain data (what `json.load` or `JSON.parse`
/// return, or a `serde_json::Value` built in code).
///
/// The data has no text of its own, so problems carry paths but no lines. Errors are those
/// of JSON text, with the same kinds and limits.
///
/// ```
/// let value = serde_json::json!({"objectives": [{"id": "O1", "title": "Grow", "owner": "ghost"}]});
/// let error = okr_core::format::load_value(&value, &Default::default()).unwrap_err();
/// let problem = &error.problems()[0];
/// assert_eq!((problem.path.to_string(), problem.line), ("objectives[0].owner".to_owned(), None));
/// ```
pub fn load_value(value: &serde_json::Value, options: &LoadOptions) -> crate::Result<Document> {
    let text = serde_json::to_string(value)
        .map_err(|e| Error::Serialize(format!("could not read the data as JSON: {e}")))?;
    load_plain_json(&text, options)
}

/// [`load_value`] for data a host has already written as JSON text (`JSON.stringify`):
/// read as JSON, with lines dropped, since they are lines of text the caller never saw.
pub fn load_plain_json(text: &str, options: &LoadOptions) -> crate::Result<Document> {
    load_str(text, Format::Json, options).map_err(Error::without_lines)
}

/// Reads any serde type (a [`ScoreConfig`](crate::score::ScoreConfig), a
/// [`LintConfig`](crate::lint::LintConfig)) from JSON text that stands for plain data: an
/// error is one problem with the path inside the data, its kind and what to do, and no
/// line. Non-finite numbers a host could not write as JSON are expected as the strings
/// `".nan"`, `".inf"` and `"-.inf"`, as YAML writes them, and are refused as such.
///
/// ```
/// use okr_core::score::ScoreConfig;
/// let problem = okr_core::format::from_plain_json::<ScoreConfig>(r#"{"pace": {"at_risk_gap": ".nan"}}"#)
///     .unwrap_err();
/// assert_eq!(problem.path, "pace.at_risk_gap");
/// assert_eq!(problem.kind, okr_core::ProblemKind::NotFinite);
/// ```
pub fn from_plain_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Problem> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = super::doc_path(error.path());
        let raw = error.into_inner().to_string();
        let (kind, message) = super::serde_text::describe(&raw, crate::ProblemKind::InvalidValue);
        Problem::new(kind, path, message)
    })
}
