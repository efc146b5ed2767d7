//! `okr._okr`: the compiled half of the Python package `okr`.
//!
//! Everything here is a thin layer over `okr-core`: arguments are checked and converted,
//! the GIL is released while the core parses, scores or serialises, and results come back
//! as Python objects. Errors become the exceptions defined in `okr/_errors.py`
//! (`OkrError`, `ValidationError`), `OSError` for files and `TypeError`/`ValueError` for
//! arguments; no code path here can panic.
//!
//! Layout, one concern per file: [`document`] (load/loads/from_dict and `Document`),
//! [`report`] (`ScoreReport`, `ObjectiveScore`, `KeyResultScore`, pandas, HTML),
//! [`sentence`] (`parse_key_result`), [`edit`] (`Document.with_check_in`, `save`, `okr.diff`), [`table`] (CSV tables), [`lint`] (`Document.lint`, `Diagnostic`, `rules`, `explain`), [`review`] (`report_html`, `tree`,
//! `cascade`, `schema`), and the shared helpers [`errors`], [`convert`]
//! (Python values ↔ JSON values) and [`dates`] (`as_of` arguments).

mod convert;
mod dates;
mod document;
mod edit;
mod errors;
mod html;
mod lint;
mod report;
mod review;
mod sentence;
mod table;

use pyo3::prelude::*;

/// The compiled core of `okr`; import `okr` instead.
#[pymodule]
fn _okr(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_class::<document::PyDocument>()?;
    module.add_class::<report::PyScoreReport>()?;
    module.add_class::<report::PyObjectiveScore>()?;
    module.add_class::<report::PyKeyResultScore>()?;
    module.add_class::<lint::PyDiagnostic>()?;
    module.add_class::<lint::PyLintReport>()?;
    module.add_class::<edit::PyDiff>()?;
    module.add_function(wrap_pyfunction!(document::load, module)?)?;
    module.add_function(wrap_pyfunction!(document::loads, module)?)?;
    module.add_function(wrap_pyfunction!(document::from_dict, module)?)?;
    module.add_function(wrap_pyfunction!(sentence::parse_key_result, module)?)?;
    module.add_function(wrap_pyfunction!(lint::rules, module)?)?;
    module.add_function(wrap_pyfunction!(lint::explain, module)?)?;
    module.add_function(wrap_pyfunction!(edit::diff, module)?)?;
    module.add_function(wrap_pyfunction!(review::schema, module)?)?;
    module.add_function(wrap_pyfunction!(table::_read_csv_text, module)?)?;
    module.add_function(wrap_pyfunction!(table::_read_spreadsheet_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(table::_read_vendor, module)?)?;
    module.add_function(wrap_pyfunction!(table::_read_markdown_text, module)?)?;
    module.add_function(wrap_pyfunction!(report::_score_report_from_json, module)?)?;
    Ok(())
}
