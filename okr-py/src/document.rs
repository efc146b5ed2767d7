//! `okr.load`, `okr.loads`, `okr.from_dict` and the `Document` class.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use okr_core::format::{Format, LoadOptions, ReadError};
use okr_core::score::{ScoreConfig, Scorer};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyMapping, PyString, PyTuple};

use crate::errors;
use crate::{convert, dates, report::PyScoreReport};

/// An OKR document: cycles, teams, people, objectives and their key results.
///
/// Made by `okr.load`, `okr.loads` or `okr.from_dict` (always validated) and immutable;
/// `to_yaml()`, `to_json()` and `to_dict()` give it back without losing unknown fields.
#[pyclass(name = "Document", module = "okr", frozen, eq)]
#[derive(Debug)]
pub(crate) struct PyDocument {
    inner: Arc<okr_core::Document>,
    /// The text the document was read from (none for `from_dict`): what line numbers refer
    /// to; `source` returns it and pickling keeps it.
    source: Option<Source>,
    /// Made on the first `score()`: the document is immutable, so its rollup edges and the
    /// measures read from bare sentences are worked out once, not on every call.
    scorer: OnceLock<Scorer<Arc<okr_core::Document>>>,
}

#[derive(Debug)]
struct Source {
    text: Arc<str>,
    format: Format,
}

impl PyDocument {
    fn new(document: okr_core::Document, source: Option<Source>) -> Self {
        PyDocument {
            inner: Arc::new(document),
            source,
            scorer: OnceLock::new(),
        }
    }

    /// The lint report behind `lint()`, `lint_report()` and `quality()`: the document's settings, then
    /// `config`, then `select`/`ignore`, layered by the core.
    fn run_lint(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        select: Option<&Bound<'_, PyAny>>,
        ignore: Option<&Bound<'_, PyAny>>,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<okr_core::lint::LintReport> {
        let day = dates::as_of(py, as_of)?;
        let flags = okr_core::lint::LintConfig {
            select: crate::lint::codes(select, "select")?,
            ignore: crate::lint::codes(ignore, "ignore")?.unwrap_or_default(),
            ..Default::default()
        };
        let given = crate::lint::config(config)?;
        let merged = okr_core::lint::LintConfig::layered(&self.inner, Some(&given), &flags)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        if merged.disables_every_rule() {
            PyErr::warn(
                py,
                &py.get_type::<pyo3::exceptions::PyUserWarning>(),
                c"lint(): the selection leaves no rule to run (see okr.rules())",
                1,
            )?;
        }
        let document = Arc::clone(&self.inner);
        let source = self
            .source
            .as_ref()
            .map(|s| (Arc::clone(&s.text), s.format));
        let report = py.detach(move || {
            let mut report = okr_core::lint::lint(&document, day, &merged);
            if let Some((text, format)) = source
                && okr_core::lint::LintReport::worth_locating(&text, format)
            {
                report.locate(&text);
            }
            report
        });
        Ok(report)
    }

    /// A document built in memory (no source text), as `from_dict` makes one.
    pub(crate) fn from_model(document: okr_core::Document) -> PyDocument {
        PyDocument::new(document, None)
    }

    /// The typed document.
    pub(crate) fn document(&self) -> &okr_core::Document {
        &self.inner
    }

    /// The text the document was read from, and its format.
    pub(crate) fn source_text(&self) -> Option<(&str, Format)> {
        self.source.as_ref().map(|s| (&*s.text, s.format))
    }

    /// The lossless JSON text of the document.
    pub(crate) fn json_text(&self, py: Python<'_>) -> PyResult<String> {
        self.to_json(py)
    }

    /// The document an edit produced: with the edited text as its source when this one had
    /// a source (a document from `from_dict` stays without one).
    pub(crate) fn edited(&self, edited: okr_core::edit::EditableDocument) -> PyDocument {
        let document = edited.document().clone();
        let source = self.source.as_ref().map(|old| Source {
            format: old.format,
            text: Arc::from(edited.into_text()),
        });
        PyDocument::new(document, source)
    }
}

/// Documents are equal when their content is, whatever text they were read from.
impl PartialEq for PyDocument {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

#[pymethods]
impl PyDocument {
    /// Scores every objective and key result as of a day (default: today).
    ///
    /// `as_of` is a `datetime.date`, a `datetime.datetime` (its day is used), a
    /// `YYYY-MM-DD` string or None. Check-ins after that day are ignored.
    #[pyo3(signature = (as_of = None))]
    fn score(&self, py: Python<'_>, as_of: Option<&Bound<'_, PyAny>>) -> PyResult<PyScoreReport> {
        let day = dates::as_of(py, as_of)?;
        let report = py.detach(|| {
            self.scorer
                .get_or_init(|| Scorer::new(Arc::clone(&self.inner)))
                .score(day, &ScoreConfig::default())
        });
        Ok(PyScoreReport::new(report, Some(Arc::clone(&self.inner))))
    }

    /// The quarterly review as of a day (default: today), as `okr report` writes it:
    /// ``format="html"`` (default) is a self-contained page with charts, ``"markdown"`` the
    /// Markdown review. With ``lint=True`` (default) it lists the lint findings too, under
    /// the document's own ``lint:`` settings.
    #[pyo3(signature = (as_of = None, format = "html", lint = true))]
    fn report_html(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        format: &str,
        lint: bool,
    ) -> PyResult<String> {
        crate::review::report_html(self, py, as_of, format, lint)
    }

    /// The alignment tree with scores and colours as of a day (default: today), as
    /// `okr tree` prints it.
    #[pyo3(signature = (as_of = None))]
    fn tree(&self, py: Python<'_>, as_of: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        crate::review::tree(self, py, as_of)
    }

    /// A draft objective for `team`, aligned to the key result `from_kr` and carrying its
    /// measure, as `okr cascade` writes it: a dict in the file format (add it under
    /// ``objectives`` after rewriting its title in the team's words). Raises `KeyError`
    /// for an unknown key result or team.
    fn cascade<'py>(
        &self,
        py: Python<'py>,
        from_kr: &str,
        team: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::review::cascade(self, py, from_kr, team)
    }

    /// Scores as of every `freq` days from `start` to `end` (both included): one DataFrame
    /// with a row per day and objective and per day and key result (the columns of
    /// `ScoreReport.to_pandas()`, with `as_of` first). `freq` is ``"D"``, ``"W"`` (7 days)
    /// or a number of days. Computed in Rust in one call, the rollups prepared once.
    #[pyo3(signature = (start, end, freq = None))]
    fn score_range<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
        freq: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (first, last) = (dates::as_of(py, Some(start))?, dates::as_of(py, Some(end))?);
        let step = match freq {
            None => 7,
            Some(value) => match (value.extract::<String>(), value.extract::<i64>()) {
                (Ok(text), _) if text.eq_ignore_ascii_case("D") => 1,
                (Ok(text), _) if text.eq_ignore_ascii_case("W") => 7,
                (_, Ok(days)) if days > 0 => days,
                _ => {
                    return Err(PyValueError::new_err(
                        "freq is \"D\", \"W\" or a positive number of days",
                    ));
                }
            },
        };
        if last < first {
            return Err(PyValueError::new_err("score_range(): end is before start"));
        }
        let mut days = Vec::new();
        let mut day = first;
        while day < last {
            days.push(day);
            day += chrono::Duration::days(step);
        }
        days.push(last);
        let scorer = self
            .scorer
            .get_or_init(|| Scorer::new(Arc::clone(&self.inner)));
        let config = ScoreConfig::default();
        let reports: Vec<_> =
            py.detach(|| days.iter().map(|day| scorer.score(*day, &config)).collect());
        crate::report::range_frame(py, &reports, &self.inner)
    }

    /// Lints the document as of a day (default: today; staleness and trend rules use it).
    ///
    /// `select` / `ignore` take rule codes, prefixes (``OKR1``) or names; `config` takes the
    /// keys of an ``okr.toml`` ``[lint]`` table (``select``, ``ignore``, ``severity``,
    /// ``thresholds``, ``strict``). The document's own ``lint:`` section applies first,
    /// then `config`, then `select` / `ignore`. Returns the findings in document order.
    #[pyo3(signature = (as_of = None, select = None, ignore = None, config = None))]
    fn lint(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        select: Option<&Bound<'_, PyAny>>,
        ignore: Option<&Bound<'_, PyAny>>,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<crate::lint::PyDiagnostic>> {
        let report = self.run_lint(py, as_of, select, ignore, config)?;
        Ok(crate::lint::wrap(report.diagnostics))
    }

    /// The same lint as `lint()` (same arguments), as a `LintReport`: the findings, their
    /// counts, each objective's quality, and `to_pandas()`.
    #[pyo3(signature = (as_of = None, select = None, ignore = None, config = None))]
    fn lint_report(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        select: Option<&Bound<'_, PyAny>>,
        ignore: Option<&Bound<'_, PyAny>>,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<crate::lint::PyLintReport> {
        let report = self.run_lint(py, as_of, select, ignore, config)?;
        Ok(crate::lint::PyLintReport::new(report))
    }

    /// Each objective's quality score, 0–100, from the same lint (same arguments as
    /// `lint()`): ``[{"id", "quality", "lost": [{"code", "points"}]}]`` in document order.
    /// Each finding costs its objective 20 points (error), 10 (warning) or 2 (info).
    #[pyo3(signature = (as_of = None, select = None, ignore = None, config = None))]
    fn quality<'py>(
        &self,
        py: Python<'py>,
        as_of: Option<&Bound<'_, PyAny>>,
        select: Option<&Bound<'_, PyAny>>,
        ignore: Option<&Bound<'_, PyAny>>,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let report = self.run_lint(py, as_of, select, ignore, config)?;
        let value = serde_json::to_value(&report.objectives)
            .map_err(|e| errors::okr_error(py, &e.to_string()))?;
        convert::json_to_py(py, &value)
    }

    /// The document as YAML text, with every field it was read with (unknown ones too).
    fn to_yaml(&self, py: Python<'_>) -> PyResult<String> {
        let document = Arc::clone(&self.inner);
        py.detach(move || okr_core::to_yaml(&document))
            .map_err(|e| errors::to_py_err(py, &e))
    }

    /// The document as pretty-printed JSON text, with every field (unknown ones too).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let document = Arc::clone(&self.inner);
        py.detach(move || okr_core::to_json(&document))
            .map_err(|e| errors::to_py_err(py, &e))
    }

    /// The document as plain Python values (the JSON shape: dates are `YYYY-MM-DD` strings).
    /// `okr.from_dict(doc.to_dict())` gives an equal document.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let document = Arc::clone(&self.inner);
        let value = py
            .detach(move || serde_json::to_value(&*document))
            .map_err(|e| errors::okr_error(py, &format!("could not convert the document: {e}")))?;
        convert::json_to_py(py, &value)
    }

    /// Ids of the objectives, in document order.
    #[getter]
    fn objective_ids(&self) -> Vec<String> {
        self.inner.objectives.iter().map(|o| o.id.clone()).collect()
    }

    /// Ids of the key results that have one (bare sentences have none), in document order.
    #[getter]
    fn key_result_ids(&self) -> Vec<String> {
        self.inner
            .objectives
            .iter()
            .flat_map(|o| &o.key_results)
            .filter_map(|kr| kr.id.clone())
            .collect()
    }

    /// A copy of the document with one more check-in on key result `key_result`.
    ///
    /// `date` defaults to today; `value` is required for metric and threshold key results.
    /// The copy's `source` is the original text with the check-in spliced in (nothing else
    /// changes), so `save()` writes a file whose diff is that one line. Raises `KeyError`
    /// for an unknown key result and `ValueError` for a value it cannot take.
    #[pyo3(signature = (key_result, value = None, date = None, confidence = None, note = None))]
    fn with_check_in(
        &self,
        py: Python<'_>,
        key_result: &str,
        value: Option<f64>,
        date: Option<&Bound<'_, PyAny>>,
        confidence: Option<f64>,
        note: Option<String>,
    ) -> PyResult<PyDocument> {
        let mut check_in = okr_core::model::CheckIn::new(dates::as_of(py, date)?);
        check_in.value = value;
        check_in.confidence = confidence;
        check_in.note = note;
        crate::edit::with_check_in(py, self, key_result, check_in)
    }

    /// Writes the document to `path` (see `okr.dump`): its source text when it has one, so a
    /// document read from a file and edited with `with_check_in` keeps its comments and
    /// layout; else YAML, or JSON for a `.json` path. The file is replaced atomically.
    fn save(slf: &Bound<'_, Self>, path: &Bound<'_, PyAny>) -> PyResult<()> {
        // Files are written by the Python layer (`okr/_save.py`), beside `okr.load`.
        let dump = slf.py().import("okr._save")?.getattr("dump")?;
        dump.call1((slf, path))?;
        Ok(())
    }

    /// The document's two tables as CSV text, `(key_results, check_ins)`, in the layout of
    /// `okr export --to csv` (docs/tables.md).
    fn to_csv(&self, py: Python<'_>) -> PyResult<(String, String)> {
        crate::table::to_csv(py, self)
    }

    /// The document as a pandas DataFrame: `table` is ``"key_results"`` (one row per key
    /// result, the objective's columns repeated), ``"objectives"``, ``"check_ins"`` or
    /// ``"history"``.
    #[pyo3(signature = (table = "key_results"))]
    fn to_pandas<'py>(slf: &Bound<'py, Self>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        // Frames are built by the Python layer (`okr/_tables.py`) from the core's tables.
        let frame = slf.py().import("okr._tables")?.getattr("document_frame")?;
        frame.call1((slf, table))
    }

    /// The text the document was read from (YAML or JSON), or None when it was built by
    /// `from_dict`.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.source.as_ref().map(|s| &*s.text)
    }

    fn __repr__(&self) -> String {
        let doc = &self.inner;
        let key_results = doc.key_result_count();
        format!(
            "<okr.Document: {} objective{}, {} key result{}, {} cycle{}, {} team{}>",
            doc.objectives.len(),
            plural(doc.objectives.len()),
            key_results,
            plural(key_results),
            doc.cycles.len(),
            plural(doc.cycles.len()),
            doc.teams.len(),
            plural(doc.teams.len()),
        )
    }

    /// Pickling (multiprocessing, joblib…) goes through the source text, or the lossless
    /// JSON text for documents built by `from_dict`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let loads = py.import("okr")?.getattr("loads")?;
        let (text, format) = match &self.source {
            Some(source) => (source.text.to_string(), source.format),
            None => (self.to_json(py)?, Format::Json),
        };
        let args = PyTuple::new(py, [text.as_str(), format.as_str()])?;
        PyTuple::new(py, [loads, args.into_any()])
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// Reads and validates an OKR file (YAML or JSON).
///
/// The format comes from `format`, else from the extension (`.json`, `.yaml`, `.yml`),
/// else from the content. Raises `FileNotFoundError` (or another `OSError`) when the file
/// cannot be read and `okr.ValidationError` when it is not a valid document.
#[pyfunction]
#[pyo3(signature = (path, format = None))]
pub(crate) fn load(py: Python<'_>, path: PathBuf, format: Option<&str>) -> PyResult<PyDocument> {
    let format = format.map(parse_format).transpose()?;
    let read_path = path.clone();
    let loaded = py.detach(move || {
        let file = std::fs::File::open(&read_path)?;
        let len = file.metadata().ok().map(|m| m.len());
        let options = LoadOptions::default();
        okr_core::format::load_reader(file, len, read_path.to_str(), format, &options)
    });
    match loaded {
        Ok(loaded) => Ok(PyDocument::new(
            loaded.document,
            Some(Source {
                text: Arc::from(loaded.text),
                format: loaded.format,
            }),
        )),
        Err(ReadError::Document(error)) => Err(errors::to_py_err_in(py, &error, Some(&path))),
        Err(ReadError::Io(error)) => Err(errors::file_error(&error, &path)),
        Err(other) => Err(errors::file_error(
            &std::io::Error::other(other.to_string()),
            &path,
        )),
    }
}

/// Reads and validates an OKR document from text (`str` or UTF-8 `bytes`).
///
/// `format` is `"yaml"` (the default; YAML also reads JSON) or `"json"`; None decides from
/// `name`'s extension (`.json`, `.yaml`, `.yml`), else from the content. Raises
/// `okr.ValidationError` listing every problem, with its line.
#[pyfunction]
#[pyo3(
    signature = (text, format = Some("yaml"), *, name = None),
    text_signature = "(text, format='yaml', *, name=None)"
)]
pub(crate) fn loads(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    format: Option<&str>,
    name: Option<&str>,
) -> PyResult<PyDocument> {
    let format = format.map(parse_format).transpose()?;
    let options = LoadOptions::default();
    let loaded = if let Ok(text) = text.cast::<PyString>() {
        let text: Arc<str> = Arc::from(text.to_cow()?);
        py.detach(move || {
            let format = format.unwrap_or_else(|| Format::detect(name, text.as_bytes()));
            let document = okr_core::format::load_str(&text, format, &options)?;
            Ok(PyDocument::new(document, Some(Source { text, format })))
        })
    } else if let Ok(bytes) = text.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        py.detach(move || {
            let len = u64::try_from(bytes.len()).ok();
            let loaded = okr_core::format::load_reader(bytes, len, name, format, &options)
                .map_err(|error| match error {
                    ReadError::Document(error) => error,
                    other => okr_core::Error::Serialize(other.to_string()),
                })?;
            Ok(PyDocument::new(
                loaded.document,
                Some(Source {
                    text: Arc::from(loaded.text),
                    format: loaded.format,
                }),
            ))
        })
    } else {
        let type_name = text.get_type().name()?;
        return Err(PyTypeError::new_err(format!(
            "loads() takes the document as str or bytes, not {type_name}; to read a file use okr.load(path)"
        )));
    };
    loaded.map_err(|e: okr_core::Error| errors::to_py_err(py, &e))
}

/// Builds and validates a document from plain Python values, as `yaml.safe_load` or
/// `json.load` return them: a mapping with str keys; lists, tuples, str, int, float, bool,
/// None and `datetime.date` inside (a `datetime.datetime` counts as its day).
///
/// Raises `TypeError` for values of other types and `okr.ValidationError` (without line
/// numbers) when the document breaks the format's rules.
#[pyfunction]
pub(crate) fn from_dict(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<PyDocument> {
    if !obj.is_instance_of::<PyMapping>() {
        let type_name = obj.get_type().name()?;
        return Err(PyTypeError::new_err(format!(
            "from_dict() takes a mapping (such as a dict), not {type_name}; to read text use okr.loads(text)"
        )));
    }
    let value = convert::py_to_json(obj)?;
    py.detach(move || okr_core::format::load_value(&value, &LoadOptions::default()))
        .map(|document| PyDocument::new(document, None))
        .map_err(|e| errors::to_py_err(py, &e))
}

fn parse_format(name: &str) -> PyResult<Format> {
    name.parse::<Format>()
        .map_err(|e| PyValueError::new_err(e.to_string()))
}
