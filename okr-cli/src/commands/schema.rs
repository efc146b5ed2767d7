use crate::EXIT_OK;
use crate::output::print_json;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_: &Args) -> u8 {
    print_json(&okr_core::schema::json_schema());
    EXIT_OK
}
