use crate::input;
use crate::output::{inert_line, print, say};
use crate::{EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, Outcome, ReadArgs, display_name, settings};
use chrono::NaiveDate;
use okr_core::LoadOptions;
use okr_core::lint::output::{self, FileProblem, FileQuality, Finding};
use okr_core::lint::{LintConfig, LintReport};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// OKR files (YAML or JSON; `-` reads standard input).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Lint as of this day (default: today); staleness and trend rules use it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = okr_core::model::parse_day)]
    as_of: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = ["text", "json", "sarif", "github"])]
    format: String,
    /// Run only these rules (comma-separated codes, prefixes such as OKR1, or names).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    select: Vec<String>,
    /// Skip these rules (comma-separated codes, prefixes or names).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Settings file (TOML with a [lint] table); default: okr.toml found upward from each file.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Strict profile: one objective per team and cycle, 3–5 key results each.
    #[arg(long)]
    strict: bool,
    /// The previous version of the (one) file: rule OKR404 reports targets and baselines
    /// moved since, after their cycle started, with no `change_note:`.
    #[arg(long, value_name = "OLD_FILE", conflicts_with = "previous_git")]
    previous: Option<PathBuf>,
    /// Compare each file with its version at this git revision (rule OKR404), e.g. the
    /// pull request's base branch.
    #[arg(long, value_name = "REV")]
    previous_git: Option<String>,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run(args: &Args) -> Outcome {
    let options = LoadOptions::default().with_max_bytes(args.read.max_bytes);
    let as_of = args.as_of.unwrap_or_else(crate::today);
    let flags = LintConfig {
        select: (!args.select.is_empty()).then(|| args.select.clone()),
        ignore: args.ignore.clone(),
        strict: args.strict.then_some(true),
        ..LintConfig::default()
    };
    if let Err(e) = flags.check_selectors("--select/--ignore") {
        say(format_args!("okr lint: {}", inert_line(&e.to_string())));
        return Ok(EXIT_BAD_INPUT);
    }

    if args.previous.is_some() && args.files.len() != 1 {
        say("okr lint: --previous compares one file; use --previous-git REV for several");
        return Ok(EXIT_BAD_INPUT);
    }
    let mut problems: Vec<FileProblem> = Vec::new();
    let mut results: Vec<(String, LintReport, String)> = Vec::new();
    let mut warned = false;
    for path in &args.files {
        let file = display_name(path);
        let (doc, text) = match input::load(path, &options) {
            Ok(loaded) => loaded,
            Err(failure) => {
                problems.extend(input::file_problems(&file, &failure));
                continue;
            }
        };
        let config = match settings::lint_config(&doc, path, args.config.as_deref(), &flags) {
            Ok(config) => config,
            Err(message) => {
                say(format_args!("okr lint: {file}: {message}"));
                return Ok(EXIT_BAD_INPUT);
            }
        };
        if config.disables_every_rule() && !warned {
            warned = true;
            say("okr lint: warning: the selection leaves no rule to run (see `okr rules`)");
        }
        // Without lines to locate, the text is not needed again: free it before linting
        // (a large one-line JSON file is as big as the rules' working set).
        let locate = LintReport::worth_locating(&text, input::format_of(path, &text));
        // (Shadowing alone would keep the unused text alive to the end of the loop body.)
        let text = if locate {
            text
        } else {
            drop(text);
            String::new()
        };
        let previous = match previous_version(args, path, &options) {
            Ok(previous) => previous,
            Err(failed) => {
                problems.extend(failed);
                continue;
            }
        };
        let mut report = match &previous {
            Some(previous) => okr_core::lint::lint_with_previous(&doc, previous, as_of, &config),
            None => okr_core::lint::lint(&doc, as_of, &config),
        };
        drop(doc);
        if locate {
            report.locate(&text);
        }
        results.push((file, report, text));
    }

    let has_errors = results.iter().any(|(_, r, _)| r.has_errors());
    // Only text output shows the offending line.
    let with_source = args.format == "text";
    let listed: Vec<Finding<'_>> = results
        .iter()
        .flat_map(|(file, report, text)| {
            Finding::all(file, report, with_source.then_some(text.as_str()))
        })
        .collect();
    let quality: Vec<FileQuality<'_>> = results
        .iter()
        .flat_map(|(file, report, _)| FileQuality::all(file, report))
        .collect();
    match args.format.as_str() {
        "json" => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            output::write_json(&listed, &problems, &quality, &mut out)?;
            std::io::Write::flush(&mut out)?;
        }
        "sarif" => print(&output::sarif(&listed, &problems))?,
        "github" => print(&output::github(&listed, &problems))?,
        _ => print(&output::text(&listed, &problems, &quality))?,
    }
    Ok(if !problems.is_empty() {
        EXIT_BAD_INPUT
    } else if has_errors {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// The earlier version of `path` that rule OKR404 compares with, if one was asked for and
/// existed; its load problems otherwise.
fn previous_version(
    args: &Args,
    path: &std::path::Path,
    options: &LoadOptions,
) -> Result<Option<okr_core::Document>, Vec<FileProblem>> {
    if let Some(old) = &args.previous {
        return input::load(old, options)
            .map(|(document, _)| Some(document))
            .map_err(|failure| input::file_problems(&display_name(old), &failure));
    }
    match &args.previous_git {
        Some(revision) => input::load_at_revision(path, revision, options)
            .map_err(|(shown, failure)| input::file_problems(&shown, &failure)),
        None => Ok(None),
    }
}
