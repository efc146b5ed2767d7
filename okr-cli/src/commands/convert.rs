use crate::input;
use crate::output::{Destination, say};
use crate::{EXIT_BAD_INPUT, Outcome, ReadArgs, display_name};
use okr_core::Format;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The OKR file to convert (`-` reads standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Output format.
    #[arg(long, value_name = "FORMAT", value_parser = ["json", "yaml"])]
    to: String,
    /// Write here instead of standard output (`-`): a regular file, replaced atomically,
    /// never the input file.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run(args: &Args) -> Outcome {
    let file = display_name(&args.file);
    let destination = match Destination::choose(args.output.as_deref(), &[&args.file]) {
        Ok(destination) => destination,
        Err(message) => {
            say(format_args!("okr convert: {message}"));
            return Ok(EXIT_BAD_INPUT);
        }
    };
    // On standard error: `okr convert bad.yaml > out.json` must not fill out.json.
    let doc = match input::load_or_report(&args.file, &args.read) {
        Ok(doc) => doc,
        Err(code) => return Ok(code),
    };
    let format: Format = match args.to.parse() {
        Ok(format) => format,
        Err(message) => {
            say(format_args!("okr convert: {message}"));
            return Ok(EXIT_BAD_INPUT);
        }
    };
    let text = match format {
        Format::Json => okr_core::to_json(&doc),
        Format::Yaml => okr_core::to_yaml(&doc),
    };
    let text = match text {
        Ok(text) => text,
        Err(err) => {
            say(format_args!("{file}: {err}"));
            return Ok(EXIT_BAD_INPUT);
        }
    };
    destination.deliver(text.as_bytes(), "convert")
}
