//! `okr export --to csv` and `okr import TABLE.csv`: OKRs in and out of spreadsheets.

use crate::input;
use crate::output::{Destination, inert_line, say};
use crate::{EXIT_BAD_INPUT, Outcome, ReadArgs, display_name};
use chrono::NaiveDate;
use okr_core::LoadOptions;
use okr_core::model::Cycle;
use okr_core::table::{ImportOptions, KEY_RESULT_COLUMNS, Table};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct ExportArgs {
    /// The OKR file (YAML or JSON; `-` reads standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Output format.
    #[arg(long, value_name = "FORMAT", value_parser = ["csv", "markdown"])]
    to: String,
    /// Also write the check-ins table here.
    #[arg(long, value_name = "PATH")]
    check_ins: Option<PathBuf>,
    /// Write the key-results table here instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ImportArgs {
    /// The key-results table (CSV, header first; see docs/tables.md), or OKRs published as
    /// Markdown (`.md`: a heading per cycle, then headings and bullets, or a table).
    #[arg(value_name = "TABLE")]
    table: PathBuf,
    /// Read another tool's layout (docs/vendors.md): the okr-tracker API's key results
    /// (JSON), or a Betterworks OKR upload sheet (CSV or spreadsheet).
    #[arg(long, value_name = "LAYOUT", default_value = "okr", value_parser = ["okr", "okr-tracker", "betterworks"])]
    from: String,
    /// The check-ins table (CSV: key_result_id, date, value, confidence, note).
    #[arg(long, value_name = "CSV")]
    check_ins: Option<PathBuf>,
    /// A spreadsheet's sheet holding the key results (default: the first).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// A spreadsheet's sheet holding the check-ins (default: a sheet named `check_ins`, if any).
    #[arg(long, value_name = "NAME")]
    check_ins_sheet: Option<String>,
    /// Read column COLUMN as layout field FIELD (repeatable), e.g. --map "Objective=objective_title".
    #[arg(long, value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// A cycle for objectives whose row names none.
    #[arg(long, value_name = "ID", requires_all = ["start", "end"])]
    cycle: Option<String>,
    /// First day of --cycle.
    #[arg(long, value_name = "DATE", value_parser = okr_core::model::parse_day, requires = "cycle")]
    start: Option<NaiveDate>,
    /// Last day of --cycle.
    #[arg(long, value_name = "DATE", value_parser = okr_core::model::parse_day, requires = "cycle")]
    end: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "yaml", value_parser = ["yaml", "json"])]
    to: String,
    /// Write the document here instead of standard output (never over an input).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run_export(args: &ExportArgs) -> Outcome {
    let mut inputs = vec![args.file.as_path()];
    let check_ins = match &args.check_ins {
        Some(path) => match Destination::choose(Some(path), &inputs) {
            Ok(destination) => Some(destination),
            Err(message) => {
                say(format_args!("okr export: {message}"));
                return Ok(EXIT_BAD_INPUT);
            }
        },
        None => None,
    };
    if let Some(path) = &args.check_ins {
        inputs.push(path);
    }
    let destination = match Destination::choose(args.output.as_deref(), &inputs) {
        Ok(destination) => destination,
        Err(message) => {
            say(format_args!("okr export: {message}"));
            return Ok(EXIT_BAD_INPUT);
        }
    };
    let document = match input::load_or_report(&args.file, &args.read) {
        Ok(document) => document,
        Err(code) => return Ok(code),
    };
    if args.to == "markdown" {
        return destination.deliver(okr_core::markdown::write(&document).as_bytes(), "export");
    }
    let tables = match okr_core::table::write_csv(&document) {
        Ok(tables) => tables,
        Err(error) => {
            say(format_args!("okr export: {error}"));
            return Ok(EXIT_BAD_INPUT);
        }
    };
    if let Some(check_ins) = check_ins {
        let status = check_ins.deliver(tables.check_ins.as_bytes(), "export")?;
        if status != crate::EXIT_OK {
            return Ok(status);
        }
    }
    destination.deliver(tables.key_results.as_bytes(), "export")
}

/// A spreadsheet's bytes, under the size limit.
fn read_spreadsheet_bytes(path: &std::path::Path, options: &LoadOptions) -> Result<Vec<u8>, ()> {
    let read = std::fs::File::open(path)
        .map_err(okr_core::format::ReadError::Io)
        .and_then(|file| {
            let len = file.metadata().ok().map(|m| m.len());
            okr_core::format::read_bytes(file, len, options)
        });
    read.map_err(|error| input::report_failure(&display_name(path), &error.into()))
}

fn read_table(path: &std::path::Path, options: &LoadOptions) -> Result<String, ()> {
    input::read_text(path, options)
        .map_err(|failure| input::report_failure(&display_name(path), &failure))
}

pub(crate) fn run_import(args: &ImportArgs) -> Outcome {
    let mut inputs = vec![args.table.as_path()];
    if let Some(path) = &args.check_ins {
        inputs.push(path);
    }
    let destination = match Destination::choose(args.output.as_deref(), &inputs) {
        Ok(destination) => destination,
        Err(message) => {
            say(format_args!("okr import: {message}"));
            return Ok(EXIT_BAD_INPUT);
        }
    };
    let mut import = ImportOptions::default();
    for pair in &args.map {
        let Some((column, field)) = pair.split_once('=') else {
            say(format_args!(
                "okr import: --map takes COLUMN=FIELD, not `{}`",
                inert_line(pair)
            ));
            return Ok(EXIT_BAD_INPUT);
        };
        if !KEY_RESULT_COLUMNS.contains(&field.trim())
            && !okr_core::table::CHECK_IN_COLUMNS.contains(&field.trim())
        {
            say(format_args!(
                "okr import: --map {}: `{}` is not a column of the layout; they are {}",
                inert_line(pair),
                inert_line(field),
                KEY_RESULT_COLUMNS.join(", ")
            ));
            return Ok(EXIT_BAD_INPUT);
        }
        import = import.with_mapping(column.trim(), field.trim());
    }
    if let (Some(id), Some(start), Some(end)) = (&args.cycle, args.start, args.end) {
        import = import.with_cycle(Cycle::new(id.clone(), start, end));
    }
    let options = LoadOptions::default().with_max_bytes(args.read.max_bytes);
    if args.from != "okr" {
        return import_vendor(args, &import, &options, destination);
    }
    if is_spreadsheet(&args.table) {
        if args.check_ins.is_some() {
            say(
                "okr import: a spreadsheet keeps its check-ins on a sheet: use --check-ins-sheet NAME",
            );
            return Ok(EXIT_BAD_INPUT);
        }
        let Ok(bytes) = read_spreadsheet_bytes(&args.table, &options) else {
            return Ok(EXIT_BAD_INPUT);
        };
        let read = okr_core::table::read_spreadsheet(
            &bytes,
            args.sheet.as_deref(),
            args.check_ins_sheet.as_deref(),
            &import,
        );
        return deliver_import(args, read, destination);
    }
    let Ok(key_results) = read_table(&args.table, &options) else {
        return Ok(EXIT_BAD_INPUT);
    };
    let check_ins = match &args.check_ins {
        Some(path) => match read_table(path, &options) {
            Ok(text) => Some(text),
            Err(()) => return Ok(EXIT_BAD_INPUT),
        },
        None => None,
    };
    let is_markdown = args
        .table
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let read = if is_markdown {
        read_markdown(&args.table, &key_results)
    } else {
        okr_core::table::read_csv(&key_results, check_ins.as_deref(), &import)
    };
    deliver_import(args, read, destination)
}

/// The extension of a path, lowercased.
fn extension(path: &std::path::Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn is_spreadsheet(path: &std::path::Path) -> bool {
    matches!(extension(path).as_str(), "xlsx" | "xlsm" | "xls" | "ods")
}

/// `okr import --from LAYOUT`: another tool's export, in the layout its maker documents.
fn import_vendor(
    args: &ImportArgs,
    import: &ImportOptions,
    options: &LoadOptions,
    destination: Destination,
) -> Outcome {
    if args.check_ins.is_some() || args.check_ins_sheet.is_some() {
        say(format_args!(
            "okr import: --from {} carries its check-ins in the file itself; drop --check-ins",
            args.from
        ));
        return Ok(EXIT_BAD_INPUT);
    }
    if args.from == "betterworks" {
        let read = if is_spreadsheet(&args.table) {
            let Ok(bytes) = read_spreadsheet_bytes(&args.table, options) else {
                return Ok(EXIT_BAD_INPUT);
            };
            okr_core::vendor::betterworks::read_spreadsheet(&bytes, args.sheet.as_deref(), import)
        } else {
            let Ok(text) = read_table(&args.table, options) else {
                return Ok(EXIT_BAD_INPUT);
            };
            okr_core::vendor::betterworks::read_csv(&text, import)
        };
        return deliver_import(args, read, destination);
    }
    if !args.map.is_empty() || args.sheet.is_some() {
        say("okr import: --from okr-tracker reads the API's JSON: --map and --sheet do not apply");
        return Ok(EXIT_BAD_INPUT);
    }
    let Ok(text) = read_table(&args.table, options) else {
        return Ok(EXIT_BAD_INPUT);
    };
    match okr_core::vendor::okr_tracker::read(&text, import.cycle.as_ref()) {
        Ok(document) => deliver_import(args, Ok(document), destination),
        Err(problems) => {
            let file = display_name(&args.table);
            for problem in problems {
                say(okr_core::lint::output::FileProblem::new(file.clone(), problem).line());
            }
            say("okr import: nothing was written");
            Ok(EXIT_BAD_INPUT)
        }
    }
}

/// Writes an import's document, or prints every problem under the file it is about (and
/// writes nothing).
fn deliver_import(
    args: &ImportArgs,
    read: Result<okr_core::Document, Vec<okr_core::table::TableProblem>>,
    destination: Destination,
) -> Outcome {
    let document = match read {
        Ok(document) => document,
        Err(problems) => {
            for problem in problems {
                let path = match problem.table {
                    Table::CheckIns => args.check_ins.as_deref().unwrap_or(&args.table),
                    _ => &args.table,
                };
                say(format_args!(
                    "{}:{}",
                    display_name(path),
                    inert_line(&problem.to_string()).replacen("line ", "", 1)
                ));
            }
            say("okr import: nothing was written");
            return Ok(EXIT_BAD_INPUT);
        }
    };
    if document.objectives.is_empty() {
        // Not an error (an empty table is a valid, empty document), but rarely what was
        // meant: a header-only export, the wrong sheet, or the wrong --from.
        say(format_args!(
            "{}: note: no objectives found (only a header, or another sheet or layout?); the document is empty",
            display_name(&args.table)
        ));
    }
    let text = if args.to == "json" {
        okr_core::to_json(&document)
    } else {
        okr_core::to_yaml(&document)
    };
    match text {
        Ok(text) => destination.deliver(text.as_bytes(), "import"),
        Err(error) => {
            say(format_args!("okr import: {error}"));
            Ok(EXIT_BAD_INPUT)
        }
    }
}

/// A Markdown file's OKRs; its notes (sections skipped) go to standard error.
fn read_markdown(
    path: &std::path::Path,
    text: &str,
) -> Result<okr_core::Document, Vec<okr_core::table::TableProblem>> {
    match okr_core::markdown::read(text) {
        Ok(read) => {
            for note in &read.notes {
                say(format_args!(
                    "{}: note: {}",
                    display_name(path),
                    inert_line(note)
                ));
            }
            let problems = read.document.validate();
            if problems.is_empty() {
                return Ok(read.document);
            }
            say(format_args!(
                "{}: the OKRs read do not validate:",
                display_name(path)
            ));
            for problem in problems {
                say(format_args!("  {}", inert_line(&problem.to_string())));
            }
            Err(Vec::new())
        }
        Err(message) => {
            say(format_args!(
                "{}: {}",
                display_name(path),
                inert_line(&message.to_string())
            ));
            Err(Vec::new())
        }
    }
}
