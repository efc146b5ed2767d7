//! `okr tree`, `okr cascade` and `okr report`: the alignment and the quarterly review.

use crate::input;
use crate::output::{Destination, inert_block, inert_line, print, say};
use crate::{EXIT_BAD_INPUT, EXIT_OK, Outcome, ReadArgs, display_name};
use chrono::NaiveDate;
use okr_core::Document;
use okr_core::lint::LintConfig;
use okr_core::report::Review;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct TreeArgs {
    /// The OKR file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Scores as of this day (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = okr_core::model::parse_day)]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run_tree(args: &TreeArgs) -> Outcome {
    let doc = match input::load_or_report(&args.file, &args.read) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let review = Review::new(
        &doc,
        args.as_of.unwrap_or_else(crate::today),
        &Default::default(),
        None,
    );
    print(&inert_block(&okr_core::report::tree_text(&review)))?;
    Ok(EXIT_OK)
}

#[derive(Debug, clap::Args)]
pub(crate) struct CascadeArgs {
    /// The OKR file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The key result the new objective contributes to.
    #[arg(long = "from", value_name = "KR-ID")]
    from: String,
    /// The team that will own the new objective.
    #[arg(long, value_name = "TEAM")]
    team: String,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run_cascade(args: &CascadeArgs) -> Outcome {
    let doc = match input::load_or_report(&args.file, &args.read) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let draft = match okr_core::cascade::draft_child(&doc, &args.from, &args.team) {
        Ok(draft) => draft,
        Err(err) => {
            say(format_args!(
                "okr cascade: {}",
                inert_line(&err.to_string())
            ));
            return Ok(EXIT_BAD_INPUT);
        }
    };
    let listed = Document::default().with_objectives([draft]);
    match okr_core::to_yaml(&listed) {
        Ok(yaml) => {
            let body = yaml.strip_prefix("objectives:\n").unwrap_or(&yaml);
            print(&format!(
                "# Draft objective for team `{}`, aligned to key result `{}`.\n# Rewrite the title in the team's words; the key result carries the parent's measure as a start.\n# Paste under `objectives:`.\n{body}",
                inert_line(&args.team),
                inert_line(&args.from)
            ))?;
            Ok(EXIT_OK)
        }
        Err(err) => {
            say(format_args!("okr cascade: {err}"));
            Ok(EXIT_BAD_INPUT)
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct ReportArgs {
    /// The OKR file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Review as of this day (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = okr_core::model::parse_day)]
    as_of: Option<NaiveDate>,
    /// Write a self-contained HTML page here (replaced atomically); default: Markdown to stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Leave the lint findings out.
    #[arg(long)]
    no_lint: bool,
    /// Lint settings file (TOML with a [lint] table); default: okr.toml found upward from
    /// the file, as `okr lint` does.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run_report(args: &ReportArgs) -> Outcome {
    let destination = match Destination::choose(args.output.as_deref(), &[&args.file]) {
        Ok(destination) => destination,
        Err(message) => {
            say(format_args!("okr report: {message}"));
            return Ok(EXIT_BAD_INPUT);
        }
    };
    let doc = match input::load_or_report(&args.file, &args.read) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    // Exactly the settings `okr lint` would use for this file.
    let lint = if args.no_lint {
        None
    } else {
        let flags = LintConfig::default();
        match crate::settings::lint_config(&doc, &args.file, args.config.as_deref(), &flags) {
            Ok(config) => Some(config),
            Err(message) => {
                say(format_args!("okr report: {message}"));
                return Ok(EXIT_BAD_INPUT);
            }
        }
    };
    let review = Review::new(
        &doc,
        args.as_of.unwrap_or_else(crate::today),
        &Default::default(),
        lint.as_ref(),
    );
    match &destination {
        Destination::Stdout => {
            print(&inert_block(&okr_core::report::markdown(&review))).map(|()| EXIT_OK)
        }
        Destination::File(path) => {
            let status =
                destination.deliver(okr_core::report::html(&review).as_bytes(), "report")?;
            if status == EXIT_OK {
                let shown = std::path::absolute(path).unwrap_or_else(|_| path.clone());
                say(format_args!("wrote {}", display_name(&shown)));
            }
            Ok(status)
        }
    }
}
