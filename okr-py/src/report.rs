//! `ScoreReport`, `ObjectiveScore` and `KeyResultScore`: read-only views of the core's
//! score report, with `to_dict()` (the shape in docs/reports.md), `to_pandas()` and `_repr_html_`.

use std::sync::Arc;

use okr_core::report::{RowLevel, ScoreRow, color_hex, score_rows, score_rows_of};
use okr_core::score::{Color, KeyResultScore, ObjectiveScore, Outcome, Pace, ScoreReport};
use pyo3::exceptions::{PyImportError, PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::{convert, dates, errors, html};

/// Scores of a whole document as of one day.
///
/// `objectives` lists an `ObjectiveScore` per objective (document order); `objective(id)`
/// and `key_result(id)` find one; `to_dict()` gives the report as plain values, and
/// `to_pandas()` as a DataFrame with one row per objective and per key result.
#[pyclass(name = "ScoreReport", module = "okr", frozen)]
#[derive(Debug)]
pub(crate) struct PyScoreReport {
    inner: Arc<ScoreReport>,
    /// The document scored, for the frame columns only it has (weights, measures); none
    /// for a report rebuilt from JSON (a pickle).
    document: Option<Arc<okr_core::Document>>,
}

impl PyScoreReport {
    pub(crate) fn new(report: ScoreReport, document: Option<Arc<okr_core::Document>>) -> Self {
        PyScoreReport {
            inner: Arc::new(report),
            document,
        }
    }
}

/// The rows of `report`, with the document's columns when it is known.
fn rows_of<'a>(
    report: &'a ScoreReport,
    document: Option<&'a okr_core::Document>,
) -> Vec<ScoreRow<'a>> {
    match document {
        Some(document) => score_rows_of(report, document),
        None => score_rows(report),
    }
}

#[pymethods]
impl PyScoreReport {
    /// The day the scores are computed for.
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dates::to_py(py, self.inner.as_of)
    }

    /// One `ObjectiveScore` per objective, in document order.
    #[getter]
    fn objectives(&self) -> Vec<PyObjectiveScore> {
        self.inner
            .objectives
            .iter()
            .map(|o| PyObjectiveScore { inner: o.clone() })
            .collect()
    }

    /// The objective with this id; raises `KeyError` when there is none.
    fn objective(&self, id: &str) -> PyResult<PyObjectiveScore> {
        self.inner
            .objective(id)
            .map(|o| PyObjectiveScore { inner: o.clone() })
            .ok_or_else(|| PyKeyError::new_err(format!("no objective with id `{id}`")))
    }

    /// The key result with this id, in any objective; raises `KeyError` when there is none.
    fn key_result(&self, id: &str) -> PyResult<PyKeyResultScore> {
        self.inner
            .key_result(id)
            .map(|kr| PyKeyResultScore { inner: kr.clone() })
            .ok_or_else(|| PyKeyError::new_err(format!("no key result with id `{id}`")))
    }

    /// The report as plain values: `{"as_of": "YYYY-MM-DD", "objectives": [...]}`, the
    /// shape of `okr score --format json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let report = Arc::clone(&self.inner);
        let value = py
            .detach(move || serde_json::to_value(&*report))
            .map_err(|e| errors::okr_error(py, &format!("could not convert the report: {e}")))?;
        convert::json_to_py(py, &value)
    }

    /// The report as JSON text (the shape of `to_dict()`).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let report = Arc::clone(&self.inner);
        py.detach(move || serde_json::to_string_pretty(&*report))
            .map_err(|e| errors::okr_error(py, &format!("could not convert the report: {e}")))
    }

    /// A pandas DataFrame with one row per objective, each followed by one row per key
    /// result; `level="objective"` or `"key_result"` keeps only those rows. The `level`
    /// column says which a row is; `objective_id` ties a key result to its objective;
    /// missing numbers are NaN; `color`, `outcome` and `pace` are ordered Categoricals,
    /// worst first. `df.attrs["as_of"]` is the day.
    #[pyo3(signature = (level = None))]
    fn to_pandas<'py>(&self, py: Python<'py>, level: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        let level = match level {
            None => None,
            Some("objective") => Some(RowLevel::Objective),
            Some("key_result") => Some(RowLevel::KeyResult),
            Some(other) => {
                return Err(PyValueError::new_err(format!(
                    "level must be \"objective\", \"key_result\" or None, not {other:?}"
                )));
            }
        };
        let pandas = import_pandas(py, "ScoreReport.to_pandas()")?;
        let rows: Vec<ScoreRow<'_>> = rows_of(&self.inner, self.document.as_deref())
            .into_iter()
            .filter(|row| level.is_none_or(|level| row.level == level))
            .collect();
        let day = self.inner.as_of.format("%Y-%m-%d").to_string();
        let days = vec![day; rows.len()];
        let frame = frame_of(&pandas, days, &rows)?;
        // Text, not a date: attrs must be JSON-safe for to_parquet() and to_feather().
        let day = self.inner.as_of.format("%Y-%m-%d").to_string();
        frame.getattr("attrs")?.set_item("as_of", day)?;
        Ok(frame)
    }

    /// A chart on matplotlib Axes (the `plot` extra), in the colours of the HTML report:
    /// ``"scores"`` (a bar per scored objective, lowest first, at most `top`), ``"pace"``
    /// (objectives per pace) or ``"burnup"`` (each of the first `top` objectives' score,
    /// week by week from the start of its cycle). Draws on `ax` when given, else on a new
    /// figure, and returns the Axes.
    #[pyo3(signature = (kind = "scores", ax = None, top = 20))]
    fn plot<'py>(
        slf: &Bound<'py, Self>,
        kind: &str,
        ax: Option<Bound<'py, PyAny>>,
        top: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let colors = PyDict::new(py);
        for color in Color::WORST_TO_BEST {
            colors.set_item(color.as_str(), color_hex(Some(color)))?;
        }
        colors.set_item(py.None(), color_hex(None))?;
        let series = match (kind, &slf.get().document) {
            ("burnup", Some(document)) => Some(weekly_frame(py, &slf.get().inner, document)?),
            _ => None,
        };
        py.import("okr._plot")?
            .call_method1("plot", (slf, kind, ax, top, colors, series))
    }

    /// `to_pandas()` as a pyarrow Table (needs the `arrow` extra).
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pyarrow = import_extra(py, "pyarrow", "arrow", "ScoreReport.to_arrow()")?;
        let frame = self.to_pandas(py, None)?;
        pyarrow
            .getattr("Table")?
            .call_method1("from_pandas", (frame,))
    }

    /// `to_pandas()` as a polars DataFrame (needs the `polars` extra).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let polars = import_extra(py, "polars", "polars", "ScoreReport.to_polars()")?;
        let frame = self.to_pandas(py, None)?;
        polars.call_method1("from_pandas", (frame,))
    }

    /// The `ObjectiveScore`s, in document order.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
        PyList::new(py, self.objectives())?.try_iter()
    }

    /// Pickles as its JSON (multiprocessing, joblib, caching).
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let rebuild = py.import("okr._okr")?.getattr("_score_report_from_json")?;
        Ok((rebuild, (self.to_json(py)?,)))
    }

    /// An HTML table for notebooks (every text from the document is escaped).
    fn _repr_html_(&self) -> String {
        html::report_table(&self.inner)
    }

    fn __len__(&self) -> usize {
        self.inner.objectives.len()
    }

    fn __repr__(&self) -> String {
        let count = self.inner.objectives.len();
        format!(
            "<okr.ScoreReport as_of={}: {count} objective{}>",
            self.inner.as_of.format("%Y-%m-%d"),
            if count == 1 { "" } else { "s" }
        )
    }
}

/// The score of one objective as of the report's day.
#[pyclass(name = "ObjectiveScore", module = "okr", frozen)]
#[derive(Debug)]
pub(crate) struct PyObjectiveScore {
    inner: ObjectiveScore,
}

#[pymethods]
impl PyObjectiveScore {
    /// Objective id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// Objective title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// Owner id (team or person), if any.
    #[getter]
    fn owner(&self) -> Option<&str> {
        self.inner.owner.as_deref()
    }

    /// Cycle id (the document's only cycle when the objective names none).
    #[getter]
    fn cycle(&self) -> Option<&str> {
        self.inner.cycle.as_deref()
    }

    /// "aspirational" or "committed".
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }

    /// Weighted mean of the key results (or of aligned objectives), in [0, 1]; None when
    /// nothing scores.
    #[getter]
    fn score(&self) -> Option<f64> {
        self.inner.score
    }

    /// "red", "yellow" or "green"; None without a score.
    #[getter]
    fn color(&self) -> Option<&'static str> {
        self.inner.color.map(|c| c.as_str())
    }

    /// "missed", "met" or "exceeded", judged as if the cycle ended on the report's day.
    #[getter]
    fn outcome(&self) -> Option<&'static str> {
        self.inner.outcome.map(|o| o.as_str())
    }

    /// Share of the cycle elapsed (0..1); None without a cycle.
    #[getter]
    fn expected(&self) -> Option<f64> {
        self.inner.expected
    }

    /// "not_started", "on_track", "at_risk" or "off_track".
    #[getter]
    fn pace(&self) -> Option<&'static str> {
        self.inner.pace.map(|p| p.as_str())
    }

    /// The key results' scores, in document order.
    #[getter]
    fn key_results(&self) -> Vec<PyKeyResultScore> {
        self.inner
            .key_results
            .iter()
            .map(|kr| PyKeyResultScore { inner: kr.clone() })
            .collect()
    }

    /// The objective's score as plain values (one entry of `ScoreReport.to_dict()["objectives"]`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let o = &self.inner;
        Ok(format!(
            "ObjectiveScore(id={}, score={}, color={}, pace={}, outcome={}, key_results={})",
            py_repr(py, &o.id)?,
            number(o.score),
            name(o.color.map(|c| c.as_str())),
            name(o.pace.map(|p| p.as_str())),
            name(o.outcome.map(|x| x.as_str())),
            o.key_results.len(),
        ))
    }
}

/// The score of one key result as of the report's day.
#[pyclass(name = "KeyResultScore", module = "okr", frozen)]
#[derive(Debug)]
pub(crate) struct PyKeyResultScore {
    inner: KeyResultScore,
}

#[pymethods]
impl PyKeyResultScore {
    /// Key-result id; None for a bare sentence.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.inner.id.as_deref()
    }

    /// The key result's sentence.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// The key result's owner (several joined by ", "), else its objective's owner.
    #[getter]
    fn owner(&self) -> Option<&str> {
        self.inner.owner.as_deref()
    }

    /// Progress in [0, 1]; None when the key result has no measure.
    #[getter]
    fn score(&self) -> Option<f64> {
        self.inner.score
    }

    /// Unclamped progress (1.25 = 125 %; below 0 = moved the wrong way).
    #[getter]
    fn attainment(&self) -> Option<f64> {
        self.inner.attainment
    }

    /// "red", "yellow" or "green"; None without a score.
    #[getter]
    fn color(&self) -> Option<&'static str> {
        self.inner.color.map(|c| c.as_str())
    }

    /// The value used (metric and threshold key results).
    #[getter]
    fn current(&self) -> Option<f64> {
        self.inner.current
    }

    /// Least-squares forecast of the score at the cycle's end; None with fewer than 2 check-ins.
    #[getter]
    fn forecast(&self) -> Option<f64> {
        self.inner.forecast
    }

    /// Latest confidence on or before the report's day (a binary key result's probability).
    #[getter]
    fn confidence(&self) -> Option<f64> {
        self.inner.confidence
    }

    /// The key result's score as plain values.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let kr = &self.inner;
        let id = match &kr.id {
            Some(id) => py_repr(py, id)?,
            None => "None".to_owned(),
        };
        Ok(format!(
            "KeyResultScore(id={id}, title={}, score={}, color={}, current={}, forecast={})",
            py_repr(py, &kr.title)?,
            number(kr.score),
            name(kr.color.map(|c| c.as_str())),
            number(kr.current),
            number(kr.forecast),
        ))
    }
}

/// Rebuilds a pickled `ScoreReport` from its JSON.
#[pyfunction]
pub(crate) fn _score_report_from_json(py: Python<'_>, text: &str) -> PyResult<PyScoreReport> {
    serde_json::from_str::<ScoreReport>(text)
        .map(|report| PyScoreReport::new(report, None))
        .map_err(|e| errors::okr_error(py, &format!("not a pickled score report: {e}")))
}

/// Python's `repr()` of a string (quotes and escapes as Python writes them).
fn py_repr(py: Python<'_>, text: &str) -> PyResult<String> {
    Ok(PyString::new(py, text).repr()?.to_cow()?.into_owned())
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("{v:.4}"))
}

fn name(value: Option<&str>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("'{v}'"))
}

/// Imports pandas, or says that `caller` needs it and how to install it.
pub(crate) fn import_pandas<'py>(py: Python<'py>, caller: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import("pandas").map_err(|cause| {
        let error = PyImportError::new_err(format!(
            "{caller} needs pandas, which is not installed: pip install pandas"
        ));
        error.set_cause(py, Some(cause));
        error
    })
}

/// Imports an optional dependency, or says which extra installs it.
fn import_extra<'py>(
    py: Python<'py>,
    module: &str,
    extra: &str,
    caller: &str,
) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|cause| {
        let error = PyImportError::new_err(format!(
            "{caller} needs {module}, which is not installed: pip install \"okr[{extra}]\""
        ));
        error.set_cause(py, Some(cause));
        error
    })
}

/// Scores week by week from the earliest start of the report's cycles to its day (the
/// burn-up's data), as `score_range` gives them.
fn weekly_frame<'py>(
    py: Python<'py>,
    report: &ScoreReport,
    document: &Arc<okr_core::Document>,
) -> PyResult<Bound<'py, PyAny>> {
    let last = report.as_of;
    let first = document
        .objectives
        .iter()
        .filter_map(|o| document.cycle_of(o).map(|c| c.start))
        .min()
        .filter(|start| *start < last)
        .unwrap_or(last);
    let scorer = okr_core::score::Scorer::new(Arc::clone(document));
    let config = okr_core::score::ScoreConfig::default();
    let reports: Vec<ScoreReport> = py.detach(|| {
        let mut days: Vec<chrono::NaiveDate> = first
            .iter_days()
            .step_by(7)
            .take_while(|day| *day < last)
            .collect();
        days.push(last);
        days.iter().map(|day| scorer.score(*day, &config)).collect()
    });
    range_frame(py, &reports, document)
}

/// `Document.score_range()`: the rows of every report, each with its day in the `as_of`
/// column, as one DataFrame.
pub(crate) fn range_frame<'py>(
    py: Python<'py>,
    reports: &[ScoreReport],
    document: &okr_core::Document,
) -> PyResult<Bound<'py, PyAny>> {
    let pandas = import_pandas(py, "Document.score_range()")?;
    let mut days = Vec::new();
    let mut all = Vec::new();
    for report in reports {
        let rows = score_rows_of(report, document);
        days.extend(std::iter::repeat_n(
            report.as_of.format("%Y-%m-%d").to_string(),
            rows.len(),
        ));
        all.extend(rows);
    }
    frame_of(&pandas, days, &all)
}

/// The frame of score rows: `as_of` (the day of each row) first, then [`columns`], with
/// the ordered categories.
fn frame_of<'py>(
    pandas: &Bound<'py, PyModule>,
    days: Vec<String>,
    rows: &[ScoreRow<'_>],
) -> PyResult<Bound<'py, PyAny>> {
    let py = pandas.py();
    let data = PyDict::new(py);
    data.set_item(
        "as_of",
        pandas
            .getattr("to_datetime")?
            .call1((PyList::new(py, days)?,))?,
    )?;
    for (name, column) in columns(py, rows)?.iter() {
        data.set_item(name, column)?;
    }
    let frame = pandas.getattr("DataFrame")?.call1((data,))?;
    ordered_categories(pandas, &frame)?;
    Ok(frame)
}

/// Makes `color`, `outcome` and `pace` ordered Categoricals in the core's worst-to-best
/// order, so a frame sorts, filters (`df.color <= "yellow"`) and plots by meaning.
fn ordered_categories(pandas: &Bound<'_, PyModule>, frame: &Bound<'_, PyAny>) -> PyResult<()> {
    let orders: [(&str, Vec<&str>); 3] = [
        (
            "color",
            Color::WORST_TO_BEST.iter().map(|c| c.as_str()).collect(),
        ),
        (
            "outcome",
            Outcome::WORST_TO_BEST.iter().map(|o| o.as_str()).collect(),
        ),
        (
            "pace",
            Pace::WORST_TO_BEST.iter().map(|p| p.as_str()).collect(),
        ),
    ];
    for (column, order) in orders {
        ordered_category(pandas, frame, column, &order)?;
    }
    Ok(())
}

/// Makes `column` of `frame` an ordered Categorical with the categories in `order`.
pub(crate) fn ordered_category(
    pandas: &Bound<'_, PyModule>,
    frame: &Bound<'_, PyAny>,
    column: &str,
    order: &[&str],
) -> PyResult<()> {
    let kwargs = PyDict::new(frame.py());
    kwargs.set_item("categories", order)?;
    kwargs.set_item("ordered", true)?;
    let values = pandas
        .getattr("Categorical")?
        .call((frame.get_item(column)?,), Some(&kwargs))?;
    frame.set_item(column, values)
}

/// `{column: list}` for `pandas.DataFrame`: text columns hold None when missing, number
/// columns NaN (so they are float64 whatever the data).
fn columns<'py>(py: Python<'py>, rows: &[ScoreRow<'_>]) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    let text = |name: &str, get: for<'r> fn(&'r ScoreRow<'r>) -> Option<&'r str>| -> PyResult<()> {
        dict.set_item(name, PyList::new(py, rows.iter().map(get))?)
    };
    let number = |name: &str, get: fn(&ScoreRow<'_>) -> Option<f64>| -> PyResult<()> {
        let values = rows.iter().map(|row| get(row).unwrap_or(f64::NAN));
        dict.set_item(name, PyList::new(py, values)?)
    };
    text("level", |r| Some(r.level.as_str()))?;
    text("objective_id", |r| Some(r.objective_id))?;
    text("id", |r| r.id)?;
    text("title", |r| Some(r.title))?;
    text("owner", |r| r.owner)?;
    text("cycle", |r| r.cycle)?;
    text("kind", |r| r.kind.map(|k| k.as_str()))?;
    number("score", |r| r.score)?;
    number("attainment", |r| r.attainment)?;
    text("color", |r| r.color.map(|c| c.as_str()))?;
    text("outcome", |r| r.outcome.map(|o| o.as_str()))?;
    number("expected", |r| r.expected)?;
    text("pace", |r| r.pace.map(|p| p.as_str()))?;
    number("current", |r| r.current)?;
    number("forecast", |r| r.forecast)?;
    number("confidence", |r| r.confidence)?;
    number("weight", |r| r.weight)?;
    text("aligns_to", |r| r.aligns_to.as_deref())?;
    text("measure", |r| r.measure)?;
    text("unit", |r| r.unit)?;
    number("start", |r| r.start)?;
    number("target", |r| r.target)?;
    number("min", |r| r.min)?;
    number("max", |r| r.max)?;
    Ok(dict)
}
