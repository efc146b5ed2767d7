//! `Document.with_check_in`, `Document.save` and `okr.diff`: conversions over
//! `okr_core::edit` and `okr_core::diff`, which own every rule about what an edit may do.

use okr_core::edit::{EditError, EditableDocument};
use okr_core::format::{Format, LoadOptions};
use okr_core::model::CheckIn;
use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;

use crate::document::PyDocument;
use crate::errors;
use crate::{convert, dates};

/// The Python exception for a refused edit: `KeyError` for an unknown key result,
/// `ValueError` for a value the key result cannot take, `ValidationError` when the result
/// would not be valid, `OkrError` otherwise.
fn edit_error(py: Python<'_>, error: &EditError) -> PyErr {
    match error {
        EditError::UnknownKeyResult { .. } => PyKeyError::new_err(error.to_string()),
        EditError::WrongMeasure { .. } | EditError::BadNumber { .. } => {
            PyValueError::new_err(error.to_string())
        }
        EditError::Invalid(inner) => errors::to_py_err(py, inner),
        _ => errors::okr_error(py, &error.to_string()),
    }
}

/// The text to edit: the document's own (so comments and layout survive), or, for one built
/// by `from_dict`, its lossless JSON.
fn editable(py: Python<'_>, document: &PyDocument) -> PyResult<EditableDocument> {
    let (text, format) = match document.source_text() {
        Some((text, format)) => (text.to_owned(), format),
        None => (document.json_text(py)?, Format::Json),
    };
    EditableDocument::parse(text, format, &LoadOptions::default())
        .map_err(|e| errors::to_py_err(py, &e))
}

/// `Document.with_check_in`: the document with one more check-in, its text spliced.
pub(crate) fn with_check_in(
    py: Python<'_>,
    document: &PyDocument,
    key_result: &str,
    check_in: CheckIn,
) -> PyResult<PyDocument> {
    let mut edited = editable(py, document)?;
    edited
        .add_check_in(key_result, check_in)
        .map_err(|e| edit_error(py, &e))?;
    Ok(document.edited(edited))
}

/// What changed between two documents: `okr_core::diff` as plain Python values.
#[pyclass(name = "Diff", module = "okr", frozen)]
#[derive(Debug)]
pub(crate) struct PyDiff {
    inner: okr_core::diff::Diff,
}

#[pymethods]
impl PyDiff {
    /// The day both versions were scored as of.
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dates::to_py(py, self.inner.as_of)
    }

    /// The changes as dicts, each with a `kind` (`objective_added`, `bar_moved`,
    /// `check_in_deleted`…) and its fields.
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.inner.changes)
            .map_err(|e| errors::okr_error(py, &e.to_string()))?;
        convert::json_to_py(py, &value)
    }

    /// Objectives whose score changed: dicts `{objective, from, to}`.
    #[getter]
    fn scores<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.inner.scores)
            .map_err(|e| errors::okr_error(py, &e.to_string()))?;
        convert::json_to_py(py, &value)
    }

    /// The changes as a pandas DataFrame, one row per change (`kind` first).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas").map_err(|cause| {
            let error = pyo3::exceptions::PyImportError::new_err(
                "Diff.to_pandas() needs pandas, which is not installed: pip install pandas",
            );
            error.set_cause(py, Some(cause));
            error
        })?;
        pandas
            .getattr("DataFrame")?
            .call_method1("from_records", (self.changes(py)?,))
    }

    /// The changes as Markdown, for a pull-request comment.
    fn to_markdown(&self) -> String {
        okr_core::diff::markdown(&self.inner)
    }

    /// True when something changed.
    fn __bool__(&self) -> bool {
        !self.inner.is_empty()
    }

    fn __len__(&self) -> usize {
        self.inner.changes.len()
    }

    fn __str__(&self) -> String {
        okr_core::diff::text(&self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "<okr.Diff: {} change(s) as of {}>",
            self.inner.changes.len(),
            self.inner.as_of
        )
    }
}

/// What changed from `old` to `new`: objectives and key results added, removed or
/// renamed, bars moved (with whether the bar was lowered), check-ins added, edited or
/// deleted, and score changes as of `as_of` (default: today).
#[pyfunction]
#[pyo3(signature = (old, new, as_of = None))]
pub(crate) fn diff(
    py: Python<'_>,
    old: &PyDocument,
    new: &PyDocument,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyDiff> {
    let day = dates::as_of(py, as_of)?;
    let (old, new) = (old.document(), new.document());
    let inner = py.detach(|| okr_core::diff::diff(old, new, day));
    Ok(PyDiff { inner })
}
