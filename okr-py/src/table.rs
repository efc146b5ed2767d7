//! `okr.read_csv`, `okr.from_pandas` and `Document.to_pandas` reach the core's table layout
//! (`okr_core::table`) through CSV text; this file only converts.

use okr_core::model::Cycle;
use okr_core::table::{ImportOptions, Table, TableProblem};
use pyo3::prelude::*;

use crate::document::PyDocument;
use crate::{dates, errors};

/// A table problem as a located problem: its column is its path, the table says which file.
fn as_problem(problem: TableProblem) -> okr_core::Problem {
    let table = match problem.table {
        Table::CheckIns => "check-ins table: ",
        _ => "",
    };
    okr_core::Problem {
        kind: okr_core::ProblemKind::InvalidValue,
        // A table problem is located by line and column: the column's name is its path.
        path: problem
            .column
            .map_or_else(okr_core::DocPath::root, |column| {
                okr_core::DocPath::root().key(column)
            }),
        id: None,
        line: Some(usize::try_from(problem.line).unwrap_or(usize::MAX)),
        message: format!("{table}{}", problem.message),
    }
}

/// The core's import options from the Python arguments.
fn import_options(
    py: Python<'_>,
    mapping: Option<Vec<(String, String)>>,
    cycle: Option<(String, Bound<'_, PyAny>, Bound<'_, PyAny>)>,
) -> PyResult<ImportOptions> {
    let mut options = ImportOptions::default();
    for (column, field) in mapping.unwrap_or_default() {
        options = options.with_mapping(column, field);
    }
    if let Some((id, start, end)) = cycle {
        let (start, end) = (
            dates::as_of(py, Some(&start))?,
            dates::as_of(py, Some(&end))?,
        );
        options = options.with_cycle(Cycle::new(id, start, end));
    }
    Ok(options)
}

/// The imported document, or a `ValidationError` listing every problem.
fn imported(
    py: Python<'_>,
    read: Result<okr_core::Document, Vec<TableProblem>>,
) -> PyResult<PyDocument> {
    match read {
        Ok(document) => Ok(PyDocument::from_model(document)),
        Err(problems) => {
            let problems: Vec<okr_core::Problem> = problems.into_iter().map(as_problem).collect();
            Err(errors::validation_error_in(py, &problems, None))
        }
    }
}

/// Reads the key-results table (and the check-ins table) from CSV text.
#[pyfunction]
#[pyo3(signature = (key_results, check_ins = None, mapping = None, cycle = None))]
pub(crate) fn _read_csv_text(
    py: Python<'_>,
    key_results: &str,
    check_ins: Option<&str>,
    mapping: Option<Vec<(String, String)>>,
    cycle: Option<(String, Bound<'_, PyAny>, Bound<'_, PyAny>)>,
) -> PyResult<PyDocument> {
    let options = import_options(py, mapping, cycle)?;
    let read = py.detach(|| okr_core::table::read_csv(key_results, check_ins, &options));
    imported(py, read)
}

/// Reads the table layout from a spreadsheet's bytes (`.xlsx`, `.xls`, `.ods`).
#[pyfunction]
#[pyo3(signature = (data, sheet = None, check_ins_sheet = None, mapping = None, cycle = None))]
pub(crate) fn _read_spreadsheet_bytes(
    py: Python<'_>,
    data: &[u8],
    sheet: Option<&str>,
    check_ins_sheet: Option<&str>,
    mapping: Option<Vec<(String, String)>>,
    cycle: Option<(String, Bound<'_, PyAny>, Bound<'_, PyAny>)>,
) -> PyResult<PyDocument> {
    let options = import_options(py, mapping, cycle)?;
    let read =
        py.detach(|| okr_core::table::read_spreadsheet(data, sheet, check_ins_sheet, &options));
    imported(py, read)
}

/// Reads another tool's export in the layout its maker documents (docs/vendors.md):
/// `layout` is `okr-tracker` (the API's key results as JSON text) or `betterworks` (the
/// upload sheet as CSV text, or spreadsheet bytes when `spreadsheet` is true).
#[pyfunction]
#[pyo3(signature = (layout, data, spreadsheet = false, sheet = None, mapping = None, cycle = None))]
pub(crate) fn _read_vendor(
    py: Python<'_>,
    layout: &str,
    data: &[u8],
    spreadsheet: bool,
    sheet: Option<&str>,
    mapping: Option<Vec<(String, String)>>,
    cycle: Option<(String, Bound<'_, PyAny>, Bound<'_, PyAny>)>,
) -> PyResult<PyDocument> {
    let options = import_options(py, mapping, cycle)?;
    let text = || {
        std::str::from_utf8(data).map_err(|e| {
            pyo3::exceptions::PyValueError::new_err(format!(
                "the file is not UTF-8 text ({e}); save it as UTF-8"
            ))
        })
    };
    match layout {
        "okr-tracker" => {
            let text = text()?;
            let read =
                py.detach(|| okr_core::vendor::okr_tracker::read(text, options.cycle.as_ref()));
            read.map(PyDocument::from_model)
                .map_err(|problems| errors::validation_error_in(py, &problems, None))
        }
        "betterworks" if spreadsheet => {
            let read = py
                .detach(|| okr_core::vendor::betterworks::read_spreadsheet(data, sheet, &options));
            imported(py, read)
        }
        "betterworks" => {
            let text = text()?;
            let read = py.detach(|| okr_core::vendor::betterworks::read_csv(text, &options));
            imported(py, read)
        }
        other => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "no layout `{other}`; use \"okr-tracker\" or \"betterworks\""
        ))),
    }
}

/// The document's two tables as CSV text: `(key_results, check_ins)`.
pub(crate) fn to_csv(py: Python<'_>, document: &PyDocument) -> PyResult<(String, String)> {
    let tables =
        okr_core::table::write_csv(document.document()).map_err(|e| errors::to_py_err(py, &e))?;
    Ok((tables.key_results, tables.check_ins))
}

/// Reads OKRs published as Markdown; returns the document and the notes on what was
/// skipped (the Python layer turns them into warnings).
#[pyfunction]
pub(crate) fn _read_markdown_text(
    py: Python<'_>,
    text: &str,
) -> PyResult<(PyDocument, Vec<String>)> {
    let read = py
        .detach(|| okr_core::markdown::read(text))
        .map_err(|error| errors::okr_error(py, &error.to_string()))?;
    let problems = read.document.validate();
    if !problems.is_empty() {
        return Err(errors::validation_error_in(py, &problems, None));
    }
    Ok((PyDocument::from_model(read.document), read.notes))
}
