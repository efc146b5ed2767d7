//! Spreadsheets (`.xlsx`, `.xlsm`, `.xls`, `.ods`) in the table layout, read with calamine
//! (a maintained pure-Rust reader of Excel and OpenDocument files). A sheet is turned into
//! the CSV text of the same table, then read by [`super::read_csv`], so a spreadsheet and its
//! CSV export import alike, with the same columns, `--map` and problems.

use super::{ImportOptions, Table, TableProblem, read_csv};
use crate::model::Document;
use calamine::{Data, Reader, open_workbook_auto_from_rs};
use std::io::Cursor;

/// The sheet a check-ins table is read from when none is named.
pub const CHECK_INS_SHEET: &str = "check_ins";

/// Reads OKRs from a spreadsheet's bytes: the key results from `sheet` (default: the first
/// sheet), check-ins from `check_ins_sheet` (default: a sheet named [`CHECK_INS_SHEET`], if
/// there is one). Line numbers in problems are the table's rows counted from its header
/// (row 1 when the table starts at the top of the sheet). Dates may be date cells or
/// `YYYY-MM-DD` text.
pub fn read_spreadsheet(
    bytes: &[u8],
    sheet: Option<&str>,
    check_ins_sheet: Option<&str>,
    options: &ImportOptions,
) -> Result<Document, Vec<TableProblem>> {
    let (key_results, check_ins) = sheets_as_csv(bytes, sheet, check_ins_sheet)?;
    read_csv(&key_results, check_ins.as_deref(), options)
}

/// The CSV text of the key-results sheet (`sheet`, default the first) and of the check-ins
/// sheet (`check_ins_sheet`, default one named [`CHECK_INS_SHEET`] if there is one): what
/// every reader of a table layout takes.
pub(crate) fn sheets_as_csv(
    bytes: &[u8],
    sheet: Option<&str>,
    check_ins_sheet: Option<&str>,
) -> Result<(String, Option<String>), Vec<TableProblem>> {
    let problem = |table, message: String| {
        vec![TableProblem {
            table,
            line: 1,
            column: None,
            message,
        }]
    };
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        problem(
            Table::KeyResults,
            format!("not a spreadsheet okr can read ({e}); save it as .xlsx, .xls or .ods, or export the sheet as CSV"),
        )
    })?;
    let names = workbook.sheet_names();
    let key_results_name = match sheet {
        Some(name) => name.to_owned(),
        None => names.first().cloned().unwrap_or_default(),
    };
    let check_ins_name = match check_ins_sheet {
        Some(name) => Some(name.to_owned()),
        None => names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(CHECK_INS_SHEET) && **n != key_results_name)
            .cloned(),
    };
    let mut sheet_text = |name: &str, table| {
        let available = workbook.sheet_names().join(", ");
        workbook
            .worksheet_range(name)
            .map(|range| csv_text(&range))
            .map_err(|e| {
                problem(
                    table,
                    format!("cannot read sheet `{name}` ({e}); the sheets are: {available}"),
                )
            })
    };
    let key_results = sheet_text(&key_results_name, Table::KeyResults)?;
    let check_ins = match check_ins_name {
        Some(name) => Some(sheet_text(&name, Table::CheckIns)?),
        None => None,
    };
    Ok((key_results, check_ins))
}

/// The CSV text of a sheet's used range, cell by cell as the table layout writes it.
fn csv_text(range: &calamine::Range<Data>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in range.rows() {
        // Writing to memory cannot fail; a row it refused would only be left out.
        let _ = writer.write_record(row.iter().map(cell_text));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// A cell as the table layout writes it: numbers without a trailing `.0`, dates as
/// `YYYY-MM-DD`, booleans as `true`/`false`, errors as their Excel text.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => super::write::number(Some(*f)),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(when) => when
            .as_datetime()
            .map_or_else(|| when.as_f64().to_string(), |d| d.date().to_string()),
        Data::Error(error) => error.to_string(),
    }
}
