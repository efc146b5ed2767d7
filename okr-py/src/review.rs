//! The remaining CLI jobs from Python: the quarterly review (`okr report`), the alignment
//! tree (`okr tree`), a cascade draft (`okr cascade`) and the JSON Schema (`okr schema`).
//! Each converts arguments, calls the core and converts the result back.

use okr_core::lint::LintConfig;
use okr_core::report::Review;
use okr_core::score::ScoreConfig;
use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;

use crate::document::PyDocument;
use crate::{convert, dates};

/// `Document.report_html`.
pub(crate) fn report_html(
    doc: &PyDocument,
    py: Python<'_>,
    as_of: Option<&Bound<'_, PyAny>>,
    format: &str,
    lint: bool,
) -> PyResult<String> {
    let day = dates::as_of(py, as_of)?;
    let render = match format {
        "html" => okr_core::report::html,
        "markdown" | "md" => okr_core::report::markdown,
        other => {
            return Err(PyValueError::new_err(format!(
                "format must be \"html\" or \"markdown\", not {other:?}"
            )));
        }
    };
    let document = doc.document();
    let lint_config = lint
        .then(|| LintConfig::layered(document, None, &LintConfig::default()))
        .transpose()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(py.detach(|| {
        let review = Review::new(document, day, &ScoreConfig::default(), lint_config.as_ref());
        render(&review)
    }))
}

/// `Document.tree`.
pub(crate) fn tree(
    doc: &PyDocument,
    py: Python<'_>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let day = dates::as_of(py, as_of)?;
    let document = doc.document();
    Ok(py.detach(|| {
        let review = Review::new(document, day, &ScoreConfig::default(), None);
        okr_core::report::tree_text(&review)
    }))
}

/// `Document.cascade`.
pub(crate) fn cascade<'py>(
    doc: &PyDocument,
    py: Python<'py>,
    from_kr: &str,
    team: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let draft = okr_core::cascade::draft_child(doc.document(), from_kr, team)
        .map_err(|e| PyKeyError::new_err(e.to_string()))?;
    convert::to_py(py, &draft)
}

/// The JSON Schema of the OKR file format (what `okr schema` prints), as a dict: for
/// editors and for validating documents with `jsonschema`.
#[pyfunction]
pub(crate) fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::json_to_py(py, &okr_core::schema::json_schema())
}
