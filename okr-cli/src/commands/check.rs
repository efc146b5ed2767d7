use crate::input::{self, ReadFailure};
use crate::output::{print, print_json, say};
use crate::{EXIT_BAD_INPUT, EXIT_OK, Outcome, ReadArgs, display_name};
use okr_core::LoadOptions;
use okr_core::lint::output::FileProblem;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// OKR files (YAML or JSON; `-` reads standard input).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Output format: `text` (one `file:line: path: message` per problem) or `json`
    /// (`{"problems": [...]}`).
    #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = ["text", "json"])]
    format: String,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run(args: &Args) -> Outcome {
    let options = LoadOptions::default().with_max_bytes(args.read.max_bytes);
    let mut problems: Vec<FileProblem> = Vec::new();
    let mut text = String::new();
    for path in &args.files {
        let file = display_name(path);
        match input::load(path, &options) {
            Ok((doc, _)) => {
                let _ = writeln!(
                    text,
                    "{file}: ok ({} objectives, {} key results)",
                    doc.objectives.len(),
                    doc.key_result_count()
                );
            }
            Err(failure) => {
                let found = input::file_problems(&file, &failure);
                for problem in &found {
                    let _ = writeln!(text, "{}", problem.line());
                }
                if let ReadFailure::Invalid(_) = &failure
                    && args.format == "text"
                {
                    let n = found.len();
                    say(format_args!(
                        "{file}: {n} problem{} found",
                        if n == 1 { "" } else { "s" }
                    ));
                }
                problems.extend(found);
            }
        }
    }
    if args.format == "json" {
        #[derive(serde::Serialize)]
        struct Report<'a> {
            problems: &'a [FileProblem],
        }
        print_json(&Report {
            problems: &problems,
        })?;
    } else {
        print(&text)?;
    }
    Ok(if problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_BAD_INPUT
    })
}
