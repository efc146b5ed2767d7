//! `okr diff`: what changed between two versions of an OKR file, or a file and a git revision.

use crate::input;
use crate::output::{print, print_json, say};
use crate::{EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, Outcome, ReadArgs, display_name};
use chrono::NaiveDate;
use okr_core::{Document, LoadOptions};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The old version (with --git: the file, compared with its version at REV).
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// The new version.
    #[arg(
        value_name = "NEW",
        required_unless_present = "git",
        conflicts_with = "git"
    )]
    new: Option<PathBuf>,
    /// Compare FILE with its version at this git revision (`git show REV:FILE`).
    #[arg(long, value_name = "REV")]
    git: Option<String>,
    /// Output format: text, json, or markdown (a pull-request comment).
    #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = ["text", "json", "markdown"])]
    format: String,
    /// Day both versions are scored as of (default: today).
    #[arg(long, value_name = "DATE", value_parser = okr_core::model::parse_day)]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    read: ReadArgs,
}

/// Exit 0 when the versions mean the same OKRs, 1 when they differ, 2 on bad input (as
/// `diff` does).
pub(crate) fn run(args: &Args) -> Outcome {
    let options = LoadOptions::default().with_max_bytes(args.read.max_bytes);
    let (old, new) = match (&args.git, &args.new) {
        (Some(revision), _) => (
            at_revision(&args.old, revision, &options),
            load(&args.old, &options),
        ),
        (None, Some(new)) => (load(&args.old, &options), load(new, &options)),
        (None, None) => unreachable_usage(),
    };
    let (Some(old), Some(new)) = (old, new) else {
        return Ok(EXIT_BAD_INPUT);
    };
    let diff = okr_core::diff::diff(&old, &new, args.as_of.unwrap_or_else(crate::today));
    match args.format.as_str() {
        "json" => print_json(&diff)?,
        "markdown" => print(&okr_core::diff::markdown(&diff))?,
        _ => print(&okr_core::diff::text(&diff))?,
    }
    Ok(if diff.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}

/// clap requires NEW unless --git is given.
fn unreachable_usage() -> (Option<Document>, Option<Document>) {
    say("okr diff: give OLD and NEW, or FILE --git REV");
    (None, None)
}

fn load(path: &Path, options: &LoadOptions) -> Option<Document> {
    match input::load(path, options) {
        Ok((document, _)) => Some(document),
        Err(failure) => {
            input::report_failure(&display_name(path), &failure);
            None
        }
    }
}

/// The file as it was at `revision`; a file that did not exist then is a usage error here.
fn at_revision(path: &Path, revision: &str, options: &LoadOptions) -> Option<Document> {
    match input::load_at_revision(path, revision, options) {
        Ok(Some(document)) => Some(document),
        Ok(None) => {
            say(format_args!(
                "okr diff: {} did not exist at {}",
                display_name(path),
                okr_core::report::inert_line(revision)
            ));
            None
        }
        Err((shown, failure)) => {
            input::report_failure(&shown, &failure);
            None
        }
    }
}
