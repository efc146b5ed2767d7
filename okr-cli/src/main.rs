//! `okr`: check, convert and describe OKR files kept as YAML or JSON in git.

mod commands;
mod input;
mod output;
mod settings;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Exit status: everything fine.
const EXIT_OK: u8 = 0;
/// Exit status: findings the user asked to fail on (lint errors).
const EXIT_FINDINGS: u8 = 1;
/// Exit status: bad input or bad usage.
const EXIT_BAD_INPUT: u8 = 2;

/// Work with OKRs (Objectives and Key Results) kept as YAML or JSON files.
#[derive(Debug, Parser)]
#[command(name = "okr", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate OKR files and print every problem as `file:line: path: message`.
    Check(commands::check::Args),
    /// Convert an OKR file between YAML and JSON, keeping every field.
    Convert(commands::convert::Args),
    /// Append a check-in to a key result, editing only the lines it adds (or a CSV of them).
    Checkin(commands::checkin::Args),
    /// What changed between two versions (or a file and a git revision): bars lowered,
    /// check-ins edited after the fact, score changes. Exit 1 when they differ.
    Diff(commands::diff::Args),
    /// Start the next cycle: add it, record final scores in history, carry unfinished
    /// objectives over (fresh ids, baselines at their last check-in).
    NextCycle(commands::next_cycle::Args),
    /// Export OKRs as a CSV table (one row per key result), with an optional check-ins table.
    Export(commands::table::ExportArgs),
    /// Import OKRs from a CSV table (one row per key result); all rows or nothing.
    Import(commands::table::ImportArgs),
    /// Draw the alignment tree with scores and colours.
    Tree(commands::review::TreeArgs),
    /// Draft a team objective (YAML) aligned to a key result, carrying its measure.
    Cascade(commands::review::CascadeArgs),
    /// The quarterly review: Markdown to stdout, or a self-contained HTML page with -o.
    Report(commands::review::ReportArgs),
    /// Lint OKR files for badly written objectives and key results.
    Lint(commands::lint::Args),
    /// List the lint rules.
    Rules(commands::rules::RulesArgs),
    /// Explain a lint rule: what it checks, why, and what to write instead.
    Explain(commands::rules::ExplainArgs),
    /// Score objectives and key results as of a day (progress, colour, pace, forecast).
    Score(commands::score::Args),
    /// Print the JSON Schema of the OKR file format (for editor completion).
    Schema(commands::schema::Args),
}

/// Options shared by commands that read OKR files.
#[derive(Debug, Clone, clap::Args)]
struct ReadArgs {
    /// Largest file accepted, in bytes (default 64 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = okr_core::format::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() {
                EXIT_BAD_INPUT
            } else {
                EXIT_OK
            };
            // Help and version go to stdout: a closed pipe or full disk is handled as for
            // any other output.
            return ExitCode::from(match err.print() {
                Ok(()) => code,
                Err(io) => exit_status(Err(io)),
            });
        }
    };
    let outcome = match cli.command {
        Command::Check(args) => commands::check::run(&args),
        Command::Convert(args) => commands::convert::run(&args),
        Command::Checkin(args) => commands::checkin::run(&args),
        Command::Diff(args) => commands::diff::run(&args),
        Command::NextCycle(args) => commands::next_cycle::run(&args),
        Command::Export(args) => commands::table::run_export(&args),
        Command::Import(args) => commands::table::run_import(&args),
        Command::Tree(args) => commands::review::run_tree(&args),
        Command::Cascade(args) => commands::review::run_cascade(&args),
        Command::Report(args) => commands::review::run_report(&args),
        Command::Lint(args) => commands::lint::run(&args),
        Command::Rules(args) => commands::rules::run_rules(&args),
        Command::Explain(args) => commands::rules::run_explain(&args),
        Command::Score(args) => commands::score::run(&args),
        Command::Schema(args) => commands::schema::run(&args),
    };
    ExitCode::from(exit_status(outcome))
}

/// What a command ends with: its exit status, or the failure to write its output.
type Outcome = std::io::Result<u8>;

/// A closed pipe (`okr lint big.yaml | head`) ends quietly, as ripgrep does: the reader has
/// what it wanted. Any other write failure (a full disk, /dev/full) is exit 2 with one line.
fn exit_status(outcome: Outcome) -> u8 {
    match outcome {
        Ok(status) => status,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(err) => {
            output::say(format_args!("okr: cannot write the output: {err}"));
            EXIT_BAD_INPUT
        }
    }
}

/// A file argument as it is shown in output (a path, or `-` for standard input), on one
/// line of printable text whatever bytes the name holds.
fn display_name(path: &std::path::Path) -> String {
    output::inert_line(&path.display().to_string()).into_owned()
}

/// Today in local time: the one place that reads the clock (the core never does).
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
