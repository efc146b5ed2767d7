use crate::output::print_json;
use crate::{EXIT_OK, Outcome};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_: &Args) -> Outcome {
    print_json(&okr_core::schema::json_schema())?;
    Ok(EXIT_OK)
}
