//! `okr next-cycle`: close the ending cycle and carry its unfinished objectives over.

use crate::input;
use crate::output::{Destination, print, say, write_atomically};
use crate::{EXIT_BAD_INPUT, EXIT_OK, Outcome, ReadArgs, display_name};
use chrono::NaiveDate;
use okr_core::LoadOptions;
use okr_core::edit::Carry;
use okr_core::model::Cycle;
use okr_core::report::{inert_line, percent_text};
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The OKR file (YAML or JSON); updated in place unless -o is given.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The new cycle's id, e.g. 2026-Q4.
    #[arg(long, value_name = "ID")]
    cycle: String,
    /// Its first day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = okr_core::model::parse_day)]
    start: NaiveDate,
    /// Its last day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = okr_core::model::parse_day)]
    end: NaiveDate,
    /// Copy every objective of the ending cycle, finished or not.
    #[arg(long, conflicts_with = "none")]
    all: bool,
    /// Copy no objective (only close the cycle and record the scores).
    #[arg(long)]
    none: bool,
    /// Write the result here instead of updating FILE (`-` for standard output).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run(args: &Args) -> Outcome {
    let file = display_name(&args.file);
    if args.file.as_os_str() == "-" && args.output.is_none() {
        say("okr next-cycle: reading standard input needs -o (there is no file to update)");
        return Ok(EXIT_BAD_INPUT);
    }
    let destination = match &args.output {
        Some(output) => match Destination::choose(Some(output), &[&args.file]) {
            Ok(destination) => Some(destination),
            Err(message) => {
                say(format_args!("okr next-cycle: {message}"));
                return Ok(EXIT_BAD_INPUT);
            }
        },
        None => None,
    };
    let options = LoadOptions::default().with_max_bytes(args.read.max_bytes);
    let Some(mut document) = input::load_editable(&args.file, &file, &options) else {
        return Ok(EXIT_BAD_INPUT);
    };
    let carry = if args.all {
        Carry::All
    } else if args.none {
        Carry::None
    } else {
        Carry::Unfinished
    };
    let cycle = Cycle::new(args.cycle.clone(), args.start, args.end);
    let summary = match document.start_next_cycle(cycle, carry) {
        Ok(summary) => summary,
        Err(error) => {
            say(format_args!(
                "okr next-cycle: {file}: {}",
                inert_line(&error.to_string())
            ));
            return Ok(EXIT_BAD_INPUT);
        }
    };
    let mut note = format!("closed {}:", inert_line(&summary.ended));
    for (id, score) in &summary.recorded {
        let _ = write!(note, " {} {}", inert_line(id), percent_text(*score));
    }
    let carried: Vec<String> = summary
        .carried
        .iter()
        .map(|(old, new)| format!("{} → {}", inert_line(old), inert_line(new)))
        .collect();
    let _ = write!(
        note,
        "\ncarried into {}: {}\n",
        inert_line(&args.cycle),
        if carried.is_empty() {
            "nothing".to_owned()
        } else {
            carried.join(", ")
        }
    );
    match destination {
        Some(destination) => {
            let status = destination.deliver(document.text().as_bytes(), "next-cycle")?;
            if status == EXIT_OK && args.output.as_deref() != Some(std::path::Path::new("-")) {
                print(&note)?;
            }
            Ok(status)
        }
        None => {
            if let Err(err) = write_atomically(&args.file, document.text().as_bytes()) {
                say(format_args!("okr next-cycle: cannot write {file}: {err}"));
                return Ok(EXIT_BAD_INPUT);
            }
            print(&note)?;
            Ok(EXIT_OK)
        }
    }
}
