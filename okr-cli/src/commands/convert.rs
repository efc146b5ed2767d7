use crate::input;
use crate::output::{print, write_atomically};
use crate::{EXIT_BAD_INPUT, EXIT_OK, ReadArgs, display_name};
use okr_core::{Format, LoadOptions};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The OKR file to convert (`-` reads standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Output format.
    #[arg(long, value_name = "FORMAT", value_parser = ["json", "yaml"])]
    to: String,
    /// Write here instead of standard output (replaced atomically; never the input file).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run(args: &Args) -> u8 {
    let file = display_name(&args.file);
    let options = LoadOptions::default().with_max_bytes(args.read.max_bytes);
    let doc = match input::load(&args.file, &options) {
        Ok((doc, _)) => doc,
        Err(failure) => {
            input::report_failure(&file, &failure);
            return EXIT_BAD_INPUT;
        }
    };
    let format: Format = match args.to.parse() {
        Ok(format) => format,
        Err(message) => {
            eprintln!("okr convert: {message}");
            return EXIT_BAD_INPUT;
        }
    };
    let text = match format {
        Format::Json => okr_core::to_json(&doc),
        Format::Yaml => okr_core::to_yaml(&doc),
    };
    let text = match text {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{file}: {err}");
            return EXIT_BAD_INPUT;
        }
    };
    match &args.output {
        None => print(&text),
        Some(out) => {
            if same_file(out, &args.file) {
                eprintln!(
                    "okr convert: refusing to overwrite the input file {file}; choose another -o path"
                );
                return EXIT_BAD_INPUT;
            }
            if let Err(err) = write_atomically(out, text.as_bytes()) {
                eprintln!("okr convert: cannot write {}: {err}", out.display());
                return EXIT_BAD_INPUT;
            }
        }
    }
    EXIT_OK
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
