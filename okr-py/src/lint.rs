//! `Document.lint`, `okr.rules`, `okr.explain` and the `Diagnostic` and `LintReport`
//! classes.

use okr_core::lint::{Diagnostic, LintConfig, LintReport, Severity};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::convert;

/// One lint finding: what is wrong with which item, and what to do instead.
#[pyclass(name = "Diagnostic", module = "okr", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyDiagnostic {
    inner: Diagnostic,
}

#[pymethods]
impl PyDiagnostic {
    /// Stable rule code, e.g. ``OKR102``.
    #[getter]
    fn code(&self) -> &str {
        self.inner.code
    }
    /// Rule name, e.g. ``output-key-result``.
    #[getter]
    fn rule(&self) -> &str {
        self.inner.rule
    }
    /// ``error``, ``warning`` or ``info``.
    #[getter]
    fn severity(&self) -> &str {
        self.inner.severity.as_str()
    }
    /// What is wrong, about this item.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }
    /// What to do instead.
    #[getter]
    fn help(&self) -> &str {
        &self.inner.help
    }
    /// Document path of the item, e.g. ``objectives[2].key_results[0]``.
    #[getter]
    fn path(&self) -> String {
        self.inner.path.to_string()
    }
    /// Id of the item, when it has one.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.inner.id.as_deref()
    }
    /// 1-based line in the source text (None for documents from ``from_dict``).
    #[getter]
    fn line(&self) -> Option<usize> {
        self.inner.line
    }

    /// The finding as a dict: ``{code, rule, severity, message, help, path, id, line}``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        let d = &self.inner;
        let place = d.id.clone().unwrap_or_else(|| d.path.to_string());
        format!(
            "<okr.Diagnostic {} {} [{}] at {place}: {}>",
            d.code, d.rule, d.severity, d.message
        )
    }
}

/// `select` / `ignore` arguments: None, one code, or a sequence of codes.
pub(crate) fn codes(value: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<Vec<String>>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(one) = value.cast::<PyString>() {
        return Ok(Some(vec![one.extract::<String>()?]));
    }
    let items: Vec<String> = value
        .try_iter()
        .and_then(|iter| iter.map(|item| item?.extract::<String>()).collect())
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "{name} must be a rule code or a list of codes (str)"
            ))
        })?;
    Ok(Some(items))
}

/// `config`: None or a mapping with the keys of `okr.toml`'s `[lint]` table.
pub(crate) fn config(value: Option<&Bound<'_, PyAny>>) -> PyResult<LintConfig> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(LintConfig::default());
    };
    let json = convert::py_to_json(value)?;
    if !json.is_object() {
        return Err(PyTypeError::new_err(
            "config must be a mapping, e.g. {'ignore': ['OKR008']}",
        ));
    }
    serde_json::from_value(json).map_err(|e| {
        PyValueError::new_err(format!(
            "config: {e}; keys are select, ignore, severity, thresholds, strict"
        ))
    })
}

/// A lint run: the findings in document order, their counts and each objective's quality.
#[pyclass(name = "LintReport", module = "okr", frozen)]
#[derive(Debug)]
pub(crate) struct PyLintReport {
    inner: LintReport,
}

impl PyLintReport {
    pub(crate) fn new(inner: LintReport) -> Self {
        PyLintReport { inner }
    }
}

#[pymethods]
impl PyLintReport {
    /// The findings, as `Diagnostic`s in document order.
    #[getter]
    fn diagnostics(&self) -> Vec<PyDiagnostic> {
        wrap(self.inner.diagnostics.clone())
    }
    /// Counts by severity: ``{"error", "warning", "info"}``.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &self.inner.summary)
    }
    /// Each objective's quality score: ``[{"id", "quality", "lost": [{"code", "points"}]}]``.
    #[getter]
    fn quality<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &self.inner.objectives)
    }
    /// The report as `okr lint --format json` writes one file's part of it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &self.inner)
    }
    /// A pandas DataFrame with one row per finding: ``code``, ``rule``, ``severity`` (an
    /// ordered Categorical, ``info`` < ``warning`` < ``error``), ``message``, ``help``,
    /// ``path``, ``id`` and ``line`` (nullable integers).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = crate::report::import_pandas(py, "LintReport.to_pandas()")?;
        let rows = &self.inner.diagnostics;
        let data = PyDict::new(py);
        let text = |name: &str, get: fn(&Diagnostic) -> Option<String>| -> PyResult<()> {
            data.set_item(name, PyList::new(py, rows.iter().map(get))?)
        };
        text("code", |d| Some(d.code.to_owned()))?;
        text("rule", |d| Some(d.rule.to_owned()))?;
        text("severity", |d| Some(d.severity.as_str().to_owned()))?;
        text("message", |d| Some(d.message.clone()))?;
        text("help", |d| Some(d.help.clone()))?;
        text("path", |d| Some(d.path.to_string()))?;
        text("id", |d| d.id.clone())?;
        let lines = PyList::new(py, rows.iter().map(|d| d.line))?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("dtype", "Int64")?;
        data.set_item(
            "line",
            pandas.getattr("array")?.call((lines,), Some(&kwargs))?,
        )?;
        let frame = pandas.getattr("DataFrame")?.call1((data,))?;
        let order: Vec<&str> = Severity::LEAST_TO_MOST.iter().map(|s| s.as_str()).collect();
        crate::report::ordered_category(&pandas, &frame, "severity", &order)?;
        Ok(frame)
    }
    fn __len__(&self) -> usize {
        self.inner.diagnostics.len()
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
        PyList::new(py, self.diagnostics())?.try_iter()
    }
    fn __repr__(&self) -> String {
        let s = &self.inner.summary;
        format!(
            "<okr.LintReport {} findings: {} error, {} warning, {} info>",
            self.inner.diagnostics.len(),
            s.error,
            s.warning,
            s.info
        )
    }
}

pub(crate) fn wrap(diagnostics: Vec<Diagnostic>) -> Vec<PyDiagnostic> {
    diagnostics
        .into_iter()
        .map(|inner| PyDiagnostic { inner })
        .collect()
}

/// Every lint rule: dicts of ``code``, ``name``, ``severity``, ``category`` and ``summary``.
#[pyfunction]
pub(crate) fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::to_py(py, &okr_core::lint::rules())
}

/// The full explanation of a rule (Markdown), by code (``OKR102``) or name.
/// Raises ``ValueError`` for an unknown rule.
#[pyfunction]
pub(crate) fn explain(code: &str) -> PyResult<String> {
    okr_core::lint::explain(code)
        .ok_or_else(|| PyValueError::new_err(format!("no rule `{code}`; okr.rules() lists them")))
}
