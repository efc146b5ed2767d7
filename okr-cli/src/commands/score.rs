use crate::input;
use crate::output::{Style, inert_line, print, print_json};
use crate::{EXIT_OK, Outcome, ReadArgs};
use chrono::NaiveDate;
use okr_core::report::{RowLevel, percent_text, score_rows};
use okr_core::score::{Color, ScoreConfig, ScoreReport};
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The OKR file (YAML or JSON; `-` reads standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Score as of this day (default: today). Check-ins after it are ignored.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = okr_core::model::parse_day)]
    as_of: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = ["text", "json"])]
    format: String,
    #[command(flatten)]
    read: ReadArgs,
}

pub(crate) fn run(args: &Args) -> Outcome {
    let doc = match input::load_or_report(&args.file, &args.read) {
        Ok(doc) => doc,
        Err(code) => return Ok(code),
    };
    let as_of = args.as_of.unwrap_or_else(crate::today);
    let report = okr_core::score::score(&doc, as_of, &ScoreConfig::default());
    if args.format == "json" {
        print_json(&report)?;
    } else {
        print(&render_text(&report, Style::for_stdout()))?;
    }
    Ok(EXIT_OK)
}

/// An aligned table: objectives, then their key results indented under them.
pub(crate) fn render_text(report: &ScoreReport, style: Style) -> String {
    let mut rows: Vec<[String; 6]> = Vec::new();
    let mut colors: Vec<Option<Color>> = Vec::new();
    for row in score_rows(report) {
        let objective = row.level == RowLevel::Objective;
        // An objective's missing pace or outcome shows as "-"; a key result's cells stay
        // blank, so the eye reads down the objectives.
        let blank = if objective { "-" } else { "" };
        rows.push([
            if objective {
                inert_line(row.objective_id).into_owned()
            } else {
                format!("  {}", inert_line(row.id.unwrap_or("·")))
            },
            truncate(row.title, 48),
            percent(row.score),
            row.pace_or_forecast().unwrap_or_else(|| blank.into()),
            row.outcome_or_confidence().unwrap_or_else(|| blank.into()),
            match (objective, row.owner) {
                (true, Some(owner)) => inert_line(owner).into_owned(),
                _ => String::new(),
            },
        ]);
        colors.push(row.color);
    }
    let header = ["ID", "TITLE", "SCORE", "PACE/FORECAST", "OUTCOME", "OWNER"];
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let _ = writeln!(out, "Scores as of {}", report.as_of);
    let line = |cells: &[String; 6], color: Option<Color>, out: &mut String| {
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            let padded = format!("{cell:<width$}");
            let text = if i == 2 {
                style.paint(color, &padded)
            } else {
                padded
            };
            out.push_str(&text);
            out.push_str(if i + 1 < cells.len() { "  " } else { "" });
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('\n');
    };
    line(&header.map(String::from), None, &mut out);
    for (row, color) in rows.iter().zip(colors) {
        line(row, color, &mut out);
    }
    out
}

fn percent(score: Option<f64>) -> String {
    score.map_or("-".into(), percent_text)
}

/// At most `max` characters of a title, made inert.
fn truncate(text: &str, max: usize) -> String {
    let text = inert_line(text);
    if text.chars().count() <= max {
        text.into_owned()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}
