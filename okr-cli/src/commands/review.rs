//! `okr tree`, `okr cascade` and `okr report`: the alignment and the quarterly review.

use crate::input;
use crate::output::{print, write_atomically};
use crate::{EXIT_BAD_INPUT, EXIT_OK, ReadArgs, display_name};
use chrono::NaiveDate;
use okr_core::lint::LintConfig;
use okr_core::report::Review;
use okr_core::{Document, LoadOptions};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub(crate) struct TreeArgs {
    /// The OKR file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Scores as of this day (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::parse_date)]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    read: ReadArgs,
}

fn load(file: &Path, read: &ReadArgs) -> Result<(Document, String), u8> {
    let options = LoadOptions::default().with_max_bytes(read.max_bytes);
    input::load(file, &options).map_err(|failure| {
        input::report_failure(&display_name(file), &failure);
        EXIT_BAD_INPUT
    })
}

pub(crate) fn run_tree(args: &TreeArgs) -> u8 {
    let (doc, _) = match load(&args.file, &args.read) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let review = Review::new(
        &doc,
        args.as_of.unwrap_or_else(crate::today),
        &Default::default(),
        None,
    );
    print(&okr_core::report::tree_text(&review));
    EXIT_OK
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

pub(crate) fn run_cascade(args: &CascadeArgs) -> u8 {
    let (doc, _) = match load(&args.file, &args.read) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let draft = match okr_core::cascade::draft_child(&doc, &args.from, &args.team) {
        Ok(draft) => draft,
        Err(err) => {
            eprintln!("okr cascade: {err}");
            return EXIT_BAD_INPUT;
        }
    };
    let listed = Document {
        objectives: vec![draft],
        ..Document::default()
    };
    match okr_core::to_yaml(&listed) {
        Ok(yaml) => {
            let body = yaml.strip_prefix("objectives:\n").unwrap_or(&yaml);
            print(&format!(
                "# Draft objective for team `{}`, aligned to key result `{}`.\n# Rewrite the title in the team's words; the key result carries the parent's measure as a start.\n# Paste under `objectives:`.\n{body}",
                args.team, args.from
            ));
            EXIT_OK
        }
        Err(err) => {
            eprintln!("okr cascade: {err}");
            EXIT_BAD_INPUT
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct ReportArgs {
    /// The OKR file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Review as of this day (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::parse_date)]
    as_of: Option<NaiveDate>,
    /// Write a self-contained HTML page here (replaced atomically); default: Markdown to stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Leave the lint findings out.
    #[arg(long)]
    no_lint: bool,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run_report(args: &ReportArgs) -> u8 {
    let (doc, _) = match load(&args.file, &args.read) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let lint = if args.no_lint {
        None
    } else {
        match LintConfig::from_document(&doc) {
            Ok(config) => Some(config),
            Err(message) => {
                eprintln!("okr report: {message}");
                return EXIT_BAD_INPUT;
            }
        }
    };
    let review = Review::new(
        &doc,
        args.as_of.unwrap_or_else(crate::today),
        &Default::default(),
        lint.as_ref(),
    );
    match &args.output {
        None => print(&okr_core::report::markdown(&review)),
        Some(path) => {
            let html = okr_core::report::html(&review);
            if let Err(err) = write_atomically(path, html.as_bytes()) {
                eprintln!("okr report: cannot write {}: {err}", path.display());
                return EXIT_BAD_INPUT;
            }
            let shown = std::path::absolute(path).unwrap_or_else(|_| path.clone());
            println!("wrote {}", shown.display());
        }
    }
    EXIT_OK
}
