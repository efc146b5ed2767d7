use crate::EXIT_OK;
use crate::output::print;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_: &Args) -> u8 {
    let schema = okr_core::schema::json_schema();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    print(&text);
    EXIT_OK
}
