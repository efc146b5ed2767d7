use crate::input::{self, ReadFailure};
use crate::{EXIT_BAD_INPUT, EXIT_OK, ReadArgs, display_name};
use okr_core::LoadOptions;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// OKR files (YAML or JSON; `-` reads standard input).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run(args: &Args) -> u8 {
    let options = LoadOptions::default().with_max_bytes(args.read.max_bytes);
    let mut status = EXIT_OK;
    for path in &args.files {
        let file = display_name(path);
        match input::load(path, &options) {
            Ok((doc, _)) => {
                let key_results = doc.key_result_count();
                println!(
                    "{file}: ok ({} objectives, {key_results} key results)",
                    doc.objectives.len()
                );
            }
            Err(failure) => {
                input::report_failure(&file, &failure);
                if let ReadFailure::Invalid(err) = &failure {
                    let n = err.problems().len();
                    eprintln!("{file}: {n} problem{} found", if n == 1 { "" } else { "s" });
                }
                status = EXIT_BAD_INPUT;
            }
        }
    }
    status
}
