//! `okr checkin`: append check-ins to an OKR file in place, changing only the inserted lines.

use crate::input;
use crate::output::{print, say, write_atomically};
use crate::{EXIT_BAD_INPUT, EXIT_OK, Outcome, ReadArgs, display_name};
use chrono::NaiveDate;
use okr_core::edit::{EditError, EditableDocument};
use okr_core::model::CheckIn;
use okr_core::report::percent_text;
use okr_core::{LoadOptions, score::ScoreConfig};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["key_result", "from"])))]
pub(crate) struct Args {
    /// The OKR file to update (YAML or JSON); it is rewritten in place, atomically, with
    /// only the new check-in lines added.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The key result's id.
    #[arg(value_name = "KR-ID")]
    key_result: Option<String>,
    /// The measured value.
    #[arg(value_name = "VALUE", allow_negative_numbers = true)]
    value: Option<f64>,
    /// Day of the check-in (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = okr_core::model::parse_day)]
    date: Option<NaiveDate>,
    /// The owner's confidence of reaching the target, from 0 to 1.
    #[arg(long, value_name = "C", allow_negative_numbers = true)]
    confidence: Option<f64>,
    /// A short note.
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// Mark a binary key result done (or, with --milestone, one of its milestones).
    #[arg(long, conflicts_with_all = ["value", "not_done"])]
    done: bool,
    /// Mark a binary key result (or a milestone) not done.
    #[arg(long, conflicts_with = "value")]
    not_done: bool,
    /// The title of the milestone that --done or --not-done marks.
    #[arg(long, value_name = "TITLE")]
    milestone: Option<String>,
    /// Append every row of a CSV file with the columns
    /// `key_result,value[,date,confidence,note]` (header first): all rows or none.
    #[arg(long, value_name = "CSV", conflicts_with_all = ["key_result", "value", "note", "confidence", "date", "done", "not_done", "milestone"])]
    from: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

/// One check-in to add, and where it came from (for messages).
struct Row {
    line: Option<u64>,
    key_result: String,
    check_in: CheckIn,
}

pub(crate) fn run(args: &Args) -> Outcome {
    let file = display_name(&args.file);
    if args.file.as_os_str() == "-" {
        say("okr checkin: give the OKR file to update, not standard input");
        return Ok(EXIT_BAD_INPUT);
    }
    let options = LoadOptions::default().with_max_bytes(args.read.max_bytes);
    let Some(mut document) = input::load_editable(&args.file, &file, &options) else {
        return Ok(EXIT_BAD_INPUT);
    };
    let (rows, mut problems) = match &args.from {
        Some(csv) => read_rows(csv),
        None => match single_row(args) {
            Ok(row) => (vec![row], Vec::new()),
            Err(message) => {
                say(format_args!("okr checkin: {message}"));
                return Ok(EXIT_BAD_INPUT);
            }
        },
    };
    let source = args
        .from
        .as_deref()
        .map_or_else(|| file.clone(), display_name);
    let marked = args.done || args.not_done;
    let mut applied = if marked {
        let id = args.key_result.as_deref().unwrap_or_default();
        document
            .set_done(id, args.milestone.as_deref(), args.done)
            .map_err(|error| vec![(0, error)])
    } else {
        Ok(())
    };
    // A done mark carries a check-in only when there is something to record with it.
    let checked_in = if marked {
        rows.into_iter()
            .filter(|row| row.check_in.note.is_some() || row.check_in.confidence.is_some())
            .collect()
    } else {
        rows
    };
    if applied.is_ok() {
        let items = checked_in
            .iter()
            .map(|row| (row.key_result.as_str(), row.check_in.clone()));
        applied = document.add_check_ins(items);
    }
    if let Err(errors) = applied {
        for (index, error) in errors {
            let line = checked_in.get(index).and_then(|row| row.line);
            let error = match line {
                Some(_) => in_column(&error),
                None => message(&error),
            };
            problems.push((
                line,
                format!(
                    "{source}:{} {}",
                    line.map_or_else(String::new, |l| format!("{l}:")),
                    error
                ),
            ));
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|(line, _)| *line);
        problems.iter().for_each(|(_, problem)| say(problem));
        say(format_args!("okr checkin: nothing was written to {file}"));
        return Ok(EXIT_BAD_INPUT);
    }
    if let Err(err) = write_atomically(&args.file, document.text().as_bytes()) {
        say(format_args!("okr checkin: cannot write {file}: {err}"));
        return Ok(EXIT_BAD_INPUT);
    }
    let ids: Vec<(&str, NaiveDate)> = if marked {
        vec![(
            args.key_result.as_deref().unwrap_or_default(),
            args.date.unwrap_or_else(crate::today),
        )]
    } else {
        checked_in
            .iter()
            .map(|row| (row.key_result.as_str(), row.check_in.date))
            .collect()
    };
    print(&summary(&document, &ids))?;
    Ok(EXIT_OK)
}

/// A refused CSV row's problem, naming the column to fix.
fn in_column(error: &EditError) -> String {
    let column = match error {
        EditError::UnknownKeyResult { .. } => "key_result",
        EditError::BadNumber { field, message } => {
            return format!(
                "column `{field}`: {}",
                okr_core::report::inert_line(message)
            );
        }
        _ => "value",
    };
    format!("column `{column}`: {}", message(error))
}

fn message(error: &EditError) -> String {
    okr_core::report::inert_line(&error.to_string()).into_owned()
}

fn single_row(args: &Args) -> Result<Row, &'static str> {
    if args.value.is_none() && !args.done && !args.not_done {
        return Err("give the VALUE to record, or --done / --not-done");
    }
    if args.milestone.is_some() && !args.done && !args.not_done {
        return Err("--milestone needs --done or --not-done");
    }
    let mut check_in = CheckIn::new(args.date.unwrap_or_else(crate::today));
    check_in.value = args.value;
    check_in.confidence = args.confidence;
    check_in.note.clone_from(&args.note);
    Ok(Row {
        line: None,
        key_result: args.key_result.clone().unwrap_or_default(),
        check_in,
    })
}

/// The rows of a check-in CSV that read, and every problem of the others with its line
/// and column.
fn read_rows(path: &Path) -> (Vec<Row>, Vec<(Option<u64>, String)>) {
    match read_csv(path) {
        Ok(read) => read,
        Err(problem) => (Vec::new(), vec![(Some(1), problem)]),
    }
}

#[allow(clippy::type_complexity)]
fn read_csv(path: &Path) -> Result<(Vec<Row>, Vec<(Option<u64>, String)>), String> {
    let name = display_name(path);
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_path(path)
        .map_err(|e| format!("{name}: cannot read the file: {e}"))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("{name}:1: {e}"))?
        .clone();
    let column = |wanted: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(wanted));
    // `key_result_id` is the column's name in the tables layout (docs/tables.md): the
    // check-ins table `okr export` writes can be fed back here.
    let kr = column("key_result").or_else(|| column("key_result_id"));
    let (Some(kr_column), Some(value_column)) = (kr, column("value")) else {
        return Err(format!(
            "{name}:1: the header needs the columns `key_result` and `value` (then optionally `date`, `confidence`, `note`)"
        ));
    };
    let known = [
        "key_result",
        "key_result_id",
        "value",
        "date",
        "confidence",
        "note",
    ];
    if let Some(unknown) = headers
        .iter()
        .find(|h| !known.iter().any(|k| h.eq_ignore_ascii_case(k)))
    {
        return Err(format!(
            "{name}:1: unknown column `{}`; the columns are {}",
            okr_core::report::inert_line(unknown),
            known.join(", ")
        ));
    }
    let (date_column, confidence_column, note_column) =
        (column("date"), column("confidence"), column("note"));
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push((
                    e.position().map(csv::Position::line),
                    format!("{name}: {e}"),
                ));
                continue;
            }
        };
        let line = record.position().map(csv::Position::line);
        let at = |column: &str, message: String| {
            format!("{name}:{}: column `{column}`: {message}", line.unwrap_or(0))
        };
        let cell =
            |index: Option<usize>| index.and_then(|i| record.get(i)).filter(|c| !c.is_empty());
        let key_result = cell(Some(kr_column)).unwrap_or_default().to_owned();
        if key_result.is_empty() {
            problems.push((
                line,
                at("key_result", "empty; give the key result's id".to_owned()),
            ));
        }
        let number = |column: &str, index: Option<usize>| -> Result<Option<f64>, String> {
            cell(index)
                .map(|text| {
                    text.parse::<f64>().map_err(|_| {
                        at(
                            column,
                            format!(
                                "`{}` is not a number; write it like 42 or 0.5",
                                okr_core::report::inert_line(text)
                            ),
                        )
                    })
                })
                .transpose()
        };
        let value = number("value", Some(value_column));
        let confidence = number("confidence", confidence_column);
        let date = match cell(date_column) {
            None => Ok(crate::today()),
            Some(text) => okr_core::model::parse_day(text).map_err(|e| at("date", e.to_string())),
        };
        match (value, confidence, date) {
            (Ok(value), Ok(confidence), Ok(date)) if !key_result.is_empty() => {
                let mut check_in = CheckIn::new(date);
                check_in.value = value;
                check_in.confidence = confidence;
                check_in.note = cell(note_column).map(str::to_owned);
                rows.push(Row {
                    line,
                    key_result,
                    check_in,
                });
            }
            (value, confidence, date) => {
                problems.extend(
                    [value.err(), confidence.err(), date.err()]
                        .into_iter()
                        .flatten()
                        .map(|p| (line, p)),
                );
            }
        }
    }
    Ok((rows, problems))
}

/// The new score of each key result checked in, and of its objective, as of its check-in.
fn summary(document: &EditableDocument, key_results: &[(&str, NaiveDate)]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for &(id, day) in key_results {
        let report = okr_core::score::score(document.document(), day, &ScoreConfig::default());
        let found = report.objectives.iter().find_map(|objective| {
            objective
                .key_results
                .iter()
                .find(|kr| kr.id.as_deref() == Some(id))
                .map(|kr| (objective, kr))
        });
        if let Some((objective, kr)) = found {
            let score = |s: Option<f64>| s.map_or_else(|| "–".to_owned(), percent_text);
            let _ = writeln!(
                out,
                "{}: as of {day}, key result {}, objective {} {}",
                okr_core::report::inert_line(id),
                score(kr.score),
                okr_core::report::inert_line(&objective.id),
                score(objective.score),
            );
        }
    }
    out
}
