//! Tables to documents: every bad cell is reported with its line and column, and nothing is
//! returned unless the whole table reads and the document validates.

use super::{CHECK_IN_COLUMNS, ImportOptions, KEY_RESULT_COLUMNS, Table, TableProblem};
use crate::model::{
    Binary, CheckIn, Cycle, Document, Ids, KeyResult, Metric, Milestone, Objective, ObjectiveKind,
    Threshold,
};
use crate::path::DocPath;
use chrono::NaiveDate;

/// One table's rows, with each cell found by layout column.
pub(crate) struct Sheet {
    table: Table,
    /// Layout column → (index in the file, the file's name for it).
    columns: Vec<(String, usize, String)>,
    /// Columns outside the layout, when the reader keeps them: (index, the file's name).
    pub(crate) others: Vec<(usize, String)>,
    pub(crate) rows: Vec<(u64, csv::StringRecord)>,
}

/// What a sheet does with a column outside its layout.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnknownColumns {
    /// A problem: a typo in our own layout should not pass silently.
    Refuse,
    /// Kept in `Sheet::others`: a vendor's file has columns beyond those it documents.
    Keep,
}

impl Sheet {
    pub(crate) fn read(
        text: &str,
        table: Table,
        known: &[&str],
        options: &ImportOptions,
        unknown: UnknownColumns,
        problems: &mut Vec<TableProblem>,
    ) -> Sheet {
        let mut sheet = Sheet {
            table,
            columns: Vec::new(),
            others: Vec::new(),
            rows: Vec::new(),
        };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = match reader.headers() {
            Ok(headers) => headers.clone(),
            Err(e) => {
                problems.push(TableProblem {
                    table,
                    line: 1,
                    column: None,
                    message: format!("the header does not read: {e}"),
                });
                return sheet;
            }
        };
        for (index, name) in headers.iter().enumerate() {
            let field = options
                .mapping
                .iter()
                .find(|(column, _)| column.eq_ignore_ascii_case(name))
                .map_or_else(|| name.to_ascii_lowercase(), |(_, field)| field.clone());
            if known.contains(&field.as_str()) {
                sheet.columns.push((field, index, name.to_owned()));
            } else if unknown == UnknownColumns::Keep {
                if !name.is_empty() {
                    sheet.others.push((index, name.to_owned()));
                }
            } else if !name.is_empty() {
                problems.push(TableProblem {
                    table,
                    line: 1,
                    column: Some(name.to_owned()),
                    message: format!("unknown column; the layout's columns are {} (or name it with --map `{name}=FIELD`)", known.join(", ")),
                });
            }
        }
        for record in reader.records() {
            match record {
                Ok(record) if record.iter().all(str::is_empty) => {}
                Ok(record) => {
                    let line = record.position().map_or(0, csv::Position::line);
                    sheet.rows.push((line, record));
                }
                Err(e) => problems.push(TableProblem {
                    table,
                    line: e.position().map_or(0, csv::Position::line),
                    column: None,
                    message: format!("the row does not read: {e}"),
                }),
            }
        }
        sheet
    }

    /// The cell of `field` in `record`, `None` when empty or absent.
    pub(crate) fn cell<'r>(&self, record: &'r csv::StringRecord, field: &str) -> Option<&'r str> {
        let (_, index, _) = self.columns.iter().find(|(f, ..)| f == field)?;
        record
            .get(*index)
            .filter(|c| !c.is_empty() && !c.eq_ignore_ascii_case("tbd"))
    }

    pub(crate) fn has(&self, field: &str) -> bool {
        self.columns.iter().any(|(f, ..)| f == field)
    }

    pub(crate) fn problem(&self, line: u64, field: &str, message: String) -> TableProblem {
        let column = self
            .columns
            .iter()
            .find(|(f, ..)| f == field)
            .map_or_else(|| field.to_owned(), |(_, _, name)| name.clone());
        TableProblem {
            table: self.table,
            line,
            column: Some(column),
            message,
        }
    }
}

/// A reader of one row's cells that collects problems instead of stopping at the first.
pub(crate) struct Row<'s> {
    pub(crate) sheet: &'s Sheet,
    pub(crate) record: &'s csv::StringRecord,
    pub(crate) line: u64,
    pub(crate) problems: Vec<TableProblem>,
}

impl<'s> Row<'s> {
    pub(crate) fn text(&self, field: &str) -> Option<String> {
        self.sheet.cell(self.record, field).map(str::to_owned)
    }

    pub(crate) fn number(&mut self, field: &str) -> Option<f64> {
        let cell = self.sheet.cell(self.record, field)?;
        match cell.parse::<f64>().ok().filter(|v| v.is_finite()) {
            Some(value) => Some(value),
            None => {
                let message = format!(
                    "`{cell}` is not a number; write it like 42 or 0.5, without thousands separators"
                );
                self.problems
                    .push(self.sheet.problem(self.line, field, message));
                None
            }
        }
    }

    pub(crate) fn date(&mut self, field: &str) -> Option<NaiveDate> {
        let cell = self.sheet.cell(self.record, field)?;
        match crate::model::parse_day(cell).ok() {
            Some(day) => Some(day),
            None => {
                let message = format!("`{cell}` is not a date; write YYYY-MM-DD, e.g. 2026-08-15");
                self.problems
                    .push(self.sheet.problem(self.line, field, message));
                None
            }
        }
    }

    fn flag(&mut self, field: &str) -> Option<bool> {
        let cell = self.sheet.cell(self.record, field)?;
        match cell.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" | "x" | "done" => Some(true),
            "false" | "no" | "n" | "0" | "" => Some(false),
            _ => {
                self.problems.push(self.sheet.problem(
                    self.line,
                    field,
                    format!("`{cell}` is not yes or no; write true or false"),
                ));
                None
            }
        }
    }

    fn require(&mut self, field: &str, what: &str) -> Option<f64> {
        let value = self.number(field);
        if value.is_none() && self.sheet.cell(self.record, field).is_none() {
            self.problems.push(self.sheet.problem(
                self.line,
                field,
                format!("empty; a {what} needs it"),
            ));
        }
        value
    }
}

fn ids(text: &str) -> Vec<String> {
    text.split([';', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn id_list(text: Option<String>) -> Option<Ids> {
    let list = ids(&text?);
    match list.len() {
        0 => None,
        1 => list.into_iter().next().map(Ids::One),
        _ => Some(Ids::Many(list)),
    }
}

/// The key result a row describes, if it describes one.
fn key_result(row: &mut Row<'_>) -> Option<KeyResult> {
    let id = row.text("key_result_id");
    let title = row.text("key_result_title");
    if id.is_none() && title.is_none() {
        return None;
    }
    let title = title.unwrap_or_else(|| {
        row.problems.push(row.sheet.problem(
            row.line,
            "key_result_title",
            "empty; every key result needs a title".into(),
        ));
        String::new()
    });
    let owner = id_list(row.text("kr_owner"));
    let weight = row.number("weight");
    let measure = row.text("measure").map(|m| m.to_ascii_lowercase());
    let unit = row.text("unit");
    let mut kr = KeyResult {
        id,
        owner,
        weight,
        ..KeyResult::new(title)
    };
    match measure.as_deref() {
        Some("metric") => {
            let (start, target) = (
                row.require("start", "metric"),
                row.require("target", "metric"),
            );
            kr.metric = Some(Metric {
                unit,
                ..Metric::new(start.unwrap_or_default(), target.unwrap_or_default())
            });
        }
        Some("threshold") => {
            let (min, max) = (row.number("min"), row.number("max"));
            kr.threshold = Some(Threshold {
                min,
                max,
                unit,
                ..Threshold::default()
            });
        }
        Some("binary") => {
            let done = row.flag("done").unwrap_or(false);
            let probability = row.number("probability");
            kr.binary = Some(Binary {
                done,
                probability,
                ..Binary::default()
            });
        }
        Some("from_children") => kr.from_children = Some(true),
        Some("milestones") => {
            let cell = row.text("milestones").unwrap_or_default();
            let milestones: Vec<Milestone> = cell
                .split(';')
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(|m| match m.strip_suffix(super::DONE_MARK) {
                    Some(title) => Milestone {
                        title: title.trim().to_owned(),
                        done: true,
                        ..Milestone::default()
                    },
                    None => Milestone {
                        title: m.to_owned(),
                        ..Milestone::default()
                    },
                })
                .collect();
            if milestones.is_empty() {
                row.problems.push(row.sheet.problem(
                    row.line,
                    "milestones",
                    "empty; list the milestones as `Beta (done); GA`".into(),
                ));
            }
            kr.milestones = Some(milestones);
        }
        Some("" | "sentence") | None => {
            // A key result given only as a sentence stays a bare sentence.
            if kr.id.is_none() && kr.owner.is_none() && kr.weight.is_none() {
                kr = KeyResult::sentence(kr.title);
            }
        }
        Some(other) => {
            let message = format!(
                "`{other}` is not a measure a table can hold; write metric, threshold, binary or from_children (milestones need the YAML file)"
            );
            row.problems
                .push(row.sheet.problem(row.line, "measure", message));
        }
    }
    Some(kr)
}

/// Reads a key-results table and, optionally, a check-ins table (CSV text, header first;
/// see [`super::KEY_RESULT_COLUMNS`]). Owners the table names become teams; cycles come
/// from the `cycle`, `cycle_start` and `cycle_end` columns or from `options.cycle`.
/// Returns every problem, each with its line and column, when anything is wrong.
pub fn read_csv(
    key_results: &str,
    check_ins: Option<&str>,
    options: &ImportOptions,
) -> Result<Document, Vec<TableProblem>> {
    let mut problems = Vec::new();
    let sheet = Sheet::read(
        key_results,
        Table::KeyResults,
        &KEY_RESULT_COLUMNS,
        options,
        UnknownColumns::Refuse,
        &mut problems,
    );
    // Without an id column, objectives are told apart by title and numbered O1, O2, …
    let ids_from_titles = !sheet.has("objective_id");
    if !sheet.has("objective_title") {
        problems.push(TableProblem {
            table: Table::KeyResults,
            line: 1,
            column: None,
            message:
                "no `objective_title` column (use --map COLUMN=objective_title for another name)"
                    .into(),
        });
    }
    let mut document = Document::default();
    // Where each objective and key result came from, to locate validation problems.
    let mut objective_lines: Vec<u64> = Vec::new();
    let mut kr_lines: Vec<Vec<u64>> = Vec::new();
    for (line, record) in &sheet.rows {
        let mut row = Row {
            sheet: &sheet,
            record,
            line: *line,
            problems: Vec::new(),
        };
        let named = if ids_from_titles {
            row.text("objective_title")
        } else {
            row.text("objective_id")
        };
        let found = match &named {
            Some(name) if ids_from_titles => {
                document.objectives.iter().position(|o| o.title == *name)
            }
            Some(id) => document.objectives.iter().position(|o| o.id == *id),
            // A row whose objective cells are all empty continues the objective above, as
            // merged cells do when a spreadsheet is saved as CSV.
            None if row.text("objective_title").is_none() && !document.objectives.is_empty() => {
                Some(document.objectives.len() - 1)
            }
            None => {
                let field = if ids_from_titles {
                    "objective_title"
                } else {
                    "objective_id"
                };
                problems.push(sheet.problem(
                    *line,
                    field,
                    "empty; every row names its objective (a row with the objective's cells all empty continues the objective above)".into(),
                ));
                continue;
            }
        };
        let id = match (&found, named) {
            (Some(index), _) => document.objectives[*index].id.clone(),
            (None, Some(_)) if ids_from_titles => format!("O{}", document.objectives.len() + 1),
            (None, Some(id)) => id,
            (None, None) => continue,
        };
        let index = match found {
            Some(index) => index,
            None => {
                let title = row.text("objective_title").unwrap_or_default();
                let kind = match row.text("kind").map(|k| k.to_ascii_lowercase()).as_deref() {
                    None => None,
                    Some("aspirational") => Some(ObjectiveKind::Aspirational),
                    Some("committed") => Some(ObjectiveKind::Committed),
                    Some(other) => {
                        let message =
                            format!("`{other}` is not a kind; write aspirational or committed");
                        row.problems.push(sheet.problem(*line, "kind", message));
                        None
                    }
                };
                let cycle = row.text("cycle");
                if let Some(cycle_id) = &cycle
                    && document.cycle(cycle_id).is_none()
                {
                    let (start, end) = (row.date("cycle_start"), row.date("cycle_end"));
                    match (start, end, &options.cycle) {
                        (Some(start), Some(end), _) => document.cycles.push(Cycle::new(cycle_id.clone(), start, end)),
                        (_, _, Some(given)) if given.id == *cycle_id => {}
                        _ => row.problems.push(sheet.problem(*line, "cycle", format!("cycle `{cycle_id}` has no dates; add cycle_start and cycle_end columns, or give --cycle {cycle_id} --start D --end D"))),
                    }
                }
                document.objectives.push(Objective {
                    owner: row.text("owner"),
                    cycle: cycle.or_else(|| options.cycle.as_ref().map(|c| c.id.clone())),
                    kind,
                    aligns_to: id_list(row.text("aligns_to")),
                    ..Objective::new(id.clone(), title)
                });
                objective_lines.push(*line);
                kr_lines.push(Vec::new());
                document.objectives.len() - 1
            }
        };
        if let Some(title) = row.text("objective_title")
            && title != document.objectives[index].title
        {
            let message = format!(
                "objective `{id}` is titled differently on line {}; give it one title",
                objective_lines[index]
            );
            row.problems
                .push(sheet.problem(*line, "objective_title", message));
        }
        if let Some(kr) = key_result(&mut row) {
            document.objectives[index].key_results.push(kr);
            kr_lines[index].push(*line);
        }
        problems.append(&mut row.problems);
    }
    if let Some(cycle) = &options.cycle
        && document.cycle(&cycle.id).is_none()
    {
        document.cycles.push(cycle.clone());
    }
    document.define_owners_as_teams();
    if let Some(text) = check_ins {
        read_check_ins(text, options, &mut document, &mut problems);
    }
    finish(document, problems, &objective_lines, &kr_lines)
}

/// The document when the table read without problems and it validates; otherwise every
/// problem in table order, validation problems at the row that made the item
/// (`objective_lines[i]`, `kr_lines[i][k]`).
pub(crate) fn finish(
    document: Document,
    mut problems: Vec<TableProblem>,
    objective_lines: &[u64],
    kr_lines: &[Vec<u64>],
) -> Result<Document, Vec<TableProblem>> {
    if problems.is_empty() {
        for problem in crate::validate::validate(&document) {
            let line = locate(&problem.path, objective_lines, kr_lines);
            problems.push(TableProblem {
                table: Table::KeyResults,
                line,
                column: None,
                message: format!("{}: {}", problem.path, problem.message),
            });
        }
    }
    problems.sort_by_key(|p| (p.table == Table::CheckIns, p.line));
    if problems.is_empty() {
        Ok(document)
    } else {
        Err(problems)
    }
}

/// The table line a document path came from (1 for what no row made: teams, cycles).
fn locate(path: &DocPath, objective_lines: &[u64], kr_lines: &[Vec<u64>]) -> u64 {
    use crate::path::LocSegment::{Index, Key};
    match path.segments() {
        [Key(o), Index(i), Key(k), Index(kr), ..] if o == "objectives" && k == "key_results" => {
            kr_lines.get(*i).and_then(|l| l.get(*kr)).copied()
        }
        [Key(o), Index(i), ..] if o == "objectives" => objective_lines.get(*i).copied(),
        _ => None,
    }
    .unwrap_or(1)
}

fn read_check_ins(
    text: &str,
    options: &ImportOptions,
    document: &mut Document,
    problems: &mut Vec<TableProblem>,
) {
    let sheet = Sheet::read(
        text,
        Table::CheckIns,
        &CHECK_IN_COLUMNS,
        options,
        UnknownColumns::Refuse,
        problems,
    );
    for (line, record) in &sheet.rows {
        let mut row = Row {
            sheet: &sheet,
            record,
            line: *line,
            problems: Vec::new(),
        };
        let id = row.text("key_result_id");
        let date = row.date("date");
        if row.sheet.cell(record, "date").is_none() {
            row.problems.push(sheet.problem(
                *line,
                "date",
                "empty; every check-in has a date".into(),
            ));
        }
        let (value, confidence) = (row.number("value"), row.number("confidence"));
        let note = row.text("note");
        match (
            id.as_deref().and_then(|id| document.key_result_mut(id)),
            date,
        ) {
            (Some(kr), Some(date)) if row.problems.is_empty() => {
                let position = kr.check_ins.iter().filter(|c| c.date <= date).count();
                let mut check_in = CheckIn::new(date);
                check_in.value = value;
                check_in.confidence = confidence;
                check_in.note = note;
                kr.check_ins.insert(position, check_in);
            }
            (None, _) => {
                let message = match &id {
                    Some(id) => format!("no key result `{id}` in the key-results table"),
                    None => "empty; name the key result's id".to_owned(),
                };
                row.problems
                    .push(sheet.problem(*line, "key_result_id", message));
            }
            _ => {}
        }
        problems.append(&mut row.problems);
    }
}
