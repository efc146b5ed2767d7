use crate::output::say;
use crate::output::{print, print_json};
use crate::{EXIT_BAD_INPUT, EXIT_OK, Outcome};
use std::fmt::Write as _;

#[derive(Debug, clap::Args)]
pub(crate) struct RulesArgs {
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = ["text", "json"])]
    format: String,
}

pub(crate) fn run_rules(args: &RulesArgs) -> Outcome {
    let rules = okr_core::lint::rules();
    if args.format == "json" {
        print_json(&rules)?;
        return Ok(EXIT_OK);
    }
    let name_width = rules.iter().map(|r| r.name.len()).max().unwrap_or(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<7} {:<name_width$} {:<8} {:<10} {:<9} SUMMARY",
        "CODE", "NAME", "SEVERITY", "CATEGORY", "PRECISION"
    );
    for r in &rules {
        let precision = r.precision.map_or("-".to_owned(), |p| format!("{p:.2}"));
        let _ = writeln!(
            out,
            "{:<7} {:<name_width$} {:<8} {:<10} {precision:<9} {}",
            r.code,
            r.name,
            r.severity.as_str(),
            r.category.as_str(),
            r.summary
        );
    }
    if let Some(size) = rules.first().map(|r| r.corpus_size) {
        let _ = writeln!(
            out,
            "\nPRECISION: share of the OKRs a rule fired on that their public source calls bad, of {size} judged OKRs (benches/lint-quality); - = never fired there."
        );
    }
    print(&out)?;
    Ok(EXIT_OK)
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExplainArgs {
    /// Rule code (OKR102) or name (output-key-result).
    #[arg(value_name = "CODE")]
    code: String,
}

pub(crate) fn run_explain(args: &ExplainArgs) -> Outcome {
    match okr_core::lint::explain(&args.code) {
        Some(text) => {
            print(&(text + "\n"))?;
            Ok(EXIT_OK)
        }
        None => {
            say(format_args!(
                "okr explain: no rule `{}`; `okr rules` lists them",
                crate::output::inert_line(&args.code)
            ));
            Ok(EXIT_BAD_INPUT)
        }
    }
}
