//! Turning `okr_core::Error` (and file errors) into Python exceptions.
//!
//! The exception classes live in Python (`okr/_errors.py`) because `ValidationError`
//! derives from both `OkrError` and the built-in `ValueError`; they are imported once, on
//! first use, and a failed import surfaces as that `ImportError`, never as a panic.

use okr_core::Problem;
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};
use std::path::Path;

/// How many problems the exception message lists; `.errors()` always has all of them.
const LISTED_PROBLEMS: usize = 10;

static OKR_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The Python exception for a core error: `ValidationError` for anything wrong with the
/// input (with every problem), `OkrError` for the rest.
pub(crate) fn to_py_err(py: Python<'_>, error: &okr_core::Error) -> PyErr {
    to_py_err_in(py, error, None)
}

/// [`to_py_err`] for a document read from a file: the error names it (`.file`).
pub(crate) fn to_py_err_in(py: Python<'_>, error: &okr_core::Error, file: Option<&Path>) -> PyErr {
    match error {
        okr_core::Error::Serialize(_) => okr_error(py, &error.to_string()),
        _ => validation_error_in(py, &error.problems(), file),
    }
}

/// `okr.OkrError(message)`.
pub(crate) fn okr_error(py: Python<'_>, message: &str) -> PyErr {
    OKR_ERROR
        .import(py, "okr._errors", "OkrError")
        .and_then(|class| class.call1((message,)))
        .map_or_else(|e| e, PyErr::from_value)
}

/// `okr.ValidationError(message, errors)`, where `errors` lists every problem as a dict.
pub(crate) fn validation_error(py: Python<'_>, problems: &[Problem]) -> PyErr {
    validation_error_in(py, problems, None)
}

pub(crate) fn validation_error_in(
    py: Python<'_>,
    problems: &[Problem],
    file: Option<&Path>,
) -> PyErr {
    let file = file.map(|path| path.to_string_lossy().into_owned());
    let build = || -> PyResult<Bound<'_, PyAny>> {
        let class = VALIDATION_ERROR.import(py, "okr._errors", "ValidationError")?;
        let details = PyList::empty(py);
        for problem in problems {
            details.append(problem_dict(py, problem)?)?;
        }
        class.call1((summary(problems), details, file))
    };
    build().map_or_else(|e| e, PyErr::from_value)
}

/// One problem as `{"type", "loc", "msg", "path", "line", "id", "message"}` (pydantic's
/// keys, and the path and message as `okr check` prints them).
fn problem_dict<'py>(py: Python<'py>, problem: &Problem) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("type", problem.kind.as_str())?;
    let loc = PyList::empty(py);
    for segment in problem.loc() {
        match segment {
            okr_core::LocSegment::Key(key) => loc.append(key)?,
            okr_core::LocSegment::Index(index) => loc.append(index)?,
        }
    }
    dict.set_item("loc", loc.to_tuple())?;
    dict.set_item("msg", &problem.message)?;
    dict.set_item("path", problem.path.to_string())?;
    dict.set_item("line", problem.line)?;
    dict.set_item("id", problem.id.as_deref())?;
    dict.set_item("message", &problem.message)?;
    Ok(dict)
}

/// The exception message: the problem itself, or a count and the first few, one a line.
fn summary(problems: &[Problem]) -> String {
    match problems {
        [] => "the document is not valid".to_owned(),
        [only] => only.to_string(),
        many => {
            let mut text = format!("{} problems in the document:", many.len());
            for problem in many.iter().take(LISTED_PROBLEMS) {
                text.push_str("\n  ");
                text.push_str(&problem.to_string());
            }
            if many.len() > LISTED_PROBLEMS {
                text.push_str(&format!(
                    "\n  … and {} more (all of them in .errors())",
                    many.len() - LISTED_PROBLEMS
                ));
            }
            text
        }
    }
}

/// A file error as Python raises it for `open()`: `OSError(errno, strerror, filename)`,
/// which Python turns into the matching subclass (`FileNotFoundError`, `PermissionError`,
/// `IsADirectoryError`…).
pub(crate) fn file_error(error: &std::io::Error, path: &Path) -> PyErr {
    let filename = path.to_string_lossy().into_owned();
    match error.raw_os_error() {
        Some(code) => {
            let text = std::io::Error::from_raw_os_error(code).to_string();
            let strerror = match text.rfind(" (os error ") {
                Some(cut) => text[..cut].to_owned(),
                None => text,
            };
            PyOSError::new_err((code, strerror, filename))
        }
        None => PyOSError::new_err(format!("{filename}: {error}")),
    }
}
