//! Betterworks' OKR upload sheet, as its support article "OKR Uploads" describes it: a row
//! per goal (objective) or milestone (key result), milestones under the goal above them,
//! progress as a percentage. The layout, column by column, is in `docs/vendors.md`.
//!
//! ```
//! let csv = "name,type,progress,start_date,end_date,owner_email\n\
//!            Make onboarding effortless,goal,,2026-07-01,2026-09-30,ana@example.com\n\
//!            Reach 80% setup-wizard completion,milestone,30,2026-07-01,2026-09-30,li@example.com\n";
//! let document = okr_core::vendor::betterworks::read_csv(csv, &Default::default()).unwrap();
//! let kr = &document.objectives[0].key_results[0];
//! assert_eq!(kr.metric.as_ref().unwrap().current, Some(30.0));
//! assert_eq!(document.cycles[0].id, "2026-07-01..2026-09-30");
//! ```

use crate::model::{Cycle, Document, Ids, KeyResult, Metric, Objective, Person};
use crate::table::{ImportOptions, Row, Sheet, Table, TableProblem, UnknownColumns, finish};
use chrono::NaiveDate;
use serde_json::Value;

/// The columns the article documents, in its order.
pub const COLUMNS: [&str; 8] = [
    "name",
    "type",
    "progress",
    "start_date",
    "end_date",
    "owner_email",
    "categories",
    "description",
];

/// Reads a Betterworks upload sheet (CSV text, header first). Goals become objectives,
/// numbered `O1`, `O2`, … in order; milestones become key results of the goal above them,
/// measured from 0 to 100 % with their progress as the current value. Owners' emails become
/// people; each goal's dates become its cycle (or `options.cycle` when it has none).
/// Columns the article does not document are kept as fields of the row's objective or key
/// result. Returns every problem, each with its line and column, when anything is wrong.
pub fn read_csv(text: &str, options: &ImportOptions) -> Result<Document, Vec<TableProblem>> {
    let mut problems = Vec::new();
    let sheet = Sheet::read(
        text,
        Table::KeyResults,
        &COLUMNS,
        options,
        UnknownColumns::Keep,
        &mut problems,
    );
    for required in ["name", "type"] {
        if !sheet.has(required) {
            problems.push(TableProblem {
                table: Table::KeyResults,
                line: 1,
                column: None,
                message: format!(
                    "no `{required}` column (use --map COLUMN={required} for another name)"
                ),
            });
        }
    }
    let mut document = Document::default();
    let mut objective_lines: Vec<u64> = Vec::new();
    let mut kr_lines: Vec<Vec<u64>> = Vec::new();
    for (line, record) in &sheet.rows {
        let mut row = Row {
            sheet: &sheet,
            record,
            line: *line,
            problems: Vec::new(),
        };
        let title = row.text("name").unwrap_or_else(|| {
            row.problems.push(sheet.problem(
                *line,
                "name",
                "empty; every goal and milestone needs a name".into(),
            ));
            String::new()
        });
        let kind = row.text("type").map(|t| t.to_ascii_lowercase());
        let progress = row.number("progress");
        let (start, end) = (day(&mut row, "start_date"), day(&mut row, "end_date"));
        let owner = row.text("owner_email");
        if let Some(owner) = &owner
            && !document.people.iter().any(|p| p.id == *owner)
        {
            document.people.push(Person::new(owner.clone()));
        }
        let mut extra = kept_fields(&row);
        if let Some(categories) = row.text("categories") {
            let list = categories
                .split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(|c| Value::String(c.to_owned()))
                .collect();
            extra.push(("categories".into(), Value::Array(list)));
        }
        if let Some(description) = row.text("description") {
            extra.push(("description".into(), Value::String(description)));
        }
        match kind.as_deref() {
            Some("goal" | "objective") => {
                let id = format!("O{}", document.objectives.len() + 1);
                let mut objective = Objective {
                    owner,
                    cycle: cycle(&mut document, start, end, options),
                    ..Objective::new(id, title)
                };
                // A goal's own progress is kept as written: okr scores it from its key
                // results, and the file's figure is worth comparing against.
                if let Some(progress) = progress {
                    extra.push(("progress".into(), progress.into()));
                }
                for (key, value) in extra {
                    objective.extra.insert(key, value);
                }
                document.objectives.push(objective);
                objective_lines.push(*line);
                kr_lines.push(Vec::new());
            }
            Some("milestone" | "key result" | "key_result") => {
                let Some(goal) = document.objectives.len().checked_sub(1) else {
                    row.problems.push(sheet.problem(
                        *line,
                        "type",
                        "a milestone before any goal; put each milestone under its goal".into(),
                    ));
                    problems.append(&mut row.problems);
                    continue;
                };
                let mut kr = KeyResult {
                    owner: owner.map(Ids::One),
                    // The article: a blank progress is 0 %.
                    metric: Some(Metric {
                        current: Some(progress.unwrap_or(0.0)),
                        unit: Some("%".into()),
                        ..Metric::new(0.0, 100.0)
                    }),
                    ..KeyResult::new(title)
                };
                let goal_end = document.objectives[goal]
                    .cycle
                    .as_deref()
                    .and_then(|id| document.cycle(id))
                    .map(|c| c.end);
                if end.is_some() && end != goal_end {
                    kr.due = end;
                }
                for (key, value) in extra {
                    kr.extra.insert(key, value);
                }
                document.objectives[goal].key_results.push(kr);
                kr_lines[goal].push(*line);
            }
            Some(other) => {
                let message = format!("`{other}` is not a row type; write goal or milestone");
                row.problems.push(sheet.problem(*line, "type", message));
            }
            None => row.problems.push(sheet.problem(
                *line,
                "type",
                "empty; write goal or milestone".into(),
            )),
        }
        problems.append(&mut row.problems);
    }
    if let Some(cycle) = &options.cycle
        && document.cycle(&cycle.id).is_none()
        && document
            .objectives
            .iter()
            .any(|o| o.cycle.as_deref() == Some(&cycle.id))
    {
        document.cycles.push(cycle.clone());
    }
    finish(document, problems, &objective_lines, &kr_lines)
}

/// Reads a Betterworks upload sheet from a spreadsheet's bytes (`.xlsx`, `.xls`, `.ods`):
/// the sheet named `sheet`, or the first, read as [`read_csv`] reads its CSV export.
#[cfg(feature = "xlsx")]
pub fn read_spreadsheet(
    bytes: &[u8],
    sheet: Option<&str>,
    options: &ImportOptions,
) -> Result<Document, Vec<TableProblem>> {
    // The layout has no check-ins: a sheet named `check_ins`, if any, is not used.
    let (text, _) = crate::table::sheets_as_csv(bytes, sheet, None)?;
    read_csv(&text, options)
}

/// A date cell: `YYYY-MM-DD`, or `M/D/YYYY` (month first, as Betterworks' US sheets write
/// it).
fn day(row: &mut Row<'_>, field: &str) -> Option<NaiveDate> {
    let cell = row.sheet.cell(row.record, field)?;
    if cell.contains('/') {
        let parsed = NaiveDate::parse_from_str(cell, "%m/%d/%Y").ok();
        if parsed.is_none() {
            let message =
                format!("`{cell}` is not a date; write YYYY-MM-DD or MM/DD/YYYY (month first)");
            row.problems
                .push(row.sheet.problem(row.line, field, message));
        }
        return parsed;
    }
    row.date(field)
}

/// The goal's cycle: its dates (the cycle is named after them), else the default cycle.
fn cycle(
    document: &mut Document,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    options: &ImportOptions,
) -> Option<String> {
    match (start, end) {
        (Some(start), Some(end)) => {
            let id = format!("{start}..{end}");
            if document.cycle(&id).is_none() {
                document.cycles.push(Cycle::new(id.clone(), start, end));
            }
            Some(id)
        }
        _ => options.cycle.as_ref().map(|c| c.id.clone()),
    }
}

/// The row's cells in columns the article does not document, by their header.
fn kept_fields(row: &Row<'_>) -> Vec<(String, Value)> {
    row.sheet
        .others
        .iter()
        .filter_map(|(index, name)| {
            let cell = row.record.get(*index)?.trim();
            (!cell.is_empty()).then(|| (name.clone(), Value::String(cell.to_owned())))
        })
        .collect()
}
