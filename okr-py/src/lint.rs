//! `Document.lint`, `okr.rules`, `okr.explain` and the `Diagnostic` class.

use okr_core::lint::{Diagnostic, LintConfig};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

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
