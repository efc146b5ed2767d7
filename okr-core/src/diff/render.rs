//! A diff as text for the terminal and as Markdown for a pull-request comment. Text from the
//! files (ids, titles) is made inert, as in every other output.

use super::{Bar, Change, Diff, ScoreChange};
use crate::text::{inert_line, percent_text};
use std::fmt::Write as _;

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "none".to_owned(), |v| format!("{v}"))
}

fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), percent_text)
}

/// One change as a sentence; `strong` wraps the words a reviewer must not miss.
fn sentence(change: &Change, strong: fn(&str) -> String) -> String {
    let t = |text: &str| inert_line(text).into_owned();
    match change {
        Change::ObjectiveAdded { id, title } => format!("objective {} added: {}", t(id), t(title)),
        Change::ObjectiveRemoved { id, title } => {
            format!("objective {} removed: {}", t(id), t(title))
        }
        Change::ObjectiveRenamed { id, from, to } => {
            format!("objective {} renamed: {} → {}", t(id), t(from), t(to))
        }
        Change::KeyResultAdded {
            objective,
            id,
            title,
        } => {
            format!(
                "key result {} added to {}: {}",
                t(id.as_deref().unwrap_or("(no id)")),
                t(objective),
                t(title)
            )
        }
        Change::KeyResultRemoved {
            objective,
            id,
            title,
        } => {
            format!(
                "key result {} removed from {}: {}",
                t(id.as_deref().unwrap_or("(no id)")),
                t(objective),
                t(title)
            )
        }
        Change::KeyResultRenamed { id, from, to, .. } => {
            format!("key result {} renamed: {} → {}", t(id), t(from), t(to))
        }
        Change::AlignmentChanged { id, from, to } => {
            let list = |ids: &[String]| {
                if ids.is_empty() {
                    "nothing".to_owned()
                } else {
                    t(&ids.join(", "))
                }
            };
            format!(
                "objective {} now aligns to {} (was {})",
                t(id),
                list(to),
                list(from)
            )
        }
        Change::BarMoved {
            key_result,
            field,
            from,
            to,
            direction,
            ..
        } => {
            let verdict = match (field.as_str(), direction) {
                ("weight", Bar::Lowered) => "weight lowered".to_owned(),
                ("weight", _) => "weight raised".to_owned(),
                (_, Bar::Lowered) => strong("the bar was lowered"),
                _ => "the bar was raised".to_owned(),
            };
            format!("{} {field}: {from} → {to} ({verdict})", t(key_result))
        }
        Change::CheckInAdded {
            key_result,
            date,
            value,
        } => {
            format!(
                "{} check-in added on {date}: {}",
                t(key_result),
                number(*value)
            )
        }
        Change::CheckInEdited {
            key_result,
            date,
            from,
            to,
            fields,
        } => format!(
            "{} check-in of {date} {} ({}; value {} → {})",
            t(key_result),
            strong("edited after the fact"),
            fields.join(", "),
            number(*from),
            number(*to)
        ),
        Change::CheckInDeleted {
            key_result,
            date,
            value,
        } => format!(
            "{} check-in of {date} {} (value {})",
            t(key_result),
            strong("deleted after the fact"),
            number(*value)
        ),
    }
}

/// Each score change as (inert objective id, score before, score after).
fn score_rows(diff: &Diff) -> impl Iterator<Item = (String, String, String)> + '_ {
    diff.scores.iter().map(
        |ScoreChange {
             objective,
             from,
             to,
         }| { (inert_line(objective).into_owned(), score(*from), score(*to)) },
    )
}

fn mark(change: &Change) -> char {
    match change {
        Change::ObjectiveAdded { .. }
        | Change::KeyResultAdded { .. }
        | Change::CheckInAdded { .. } => '+',
        Change::ObjectiveRemoved { .. }
        | Change::KeyResultRemoved { .. }
        | Change::CheckInDeleted { .. } => '-',
        _ => '~',
    }
}

/// The diff for a terminal: one line per change, then the score changes.
pub fn text(diff: &Diff) -> String {
    let mut out = String::new();
    if diff.is_empty() {
        out.push_str("no changes to the OKRs\n");
        return out;
    }
    for change in &diff.changes {
        let _ = writeln!(
            out,
            "{} {}",
            mark(change),
            sentence(change, |s| s.to_uppercase())
        );
    }
    if !diff.scores.is_empty() {
        let _ = writeln!(out, "\nscores as of {}:", diff.as_of);
        for (objective, from, to) in score_rows(diff) {
            let _ = writeln!(out, "  {objective} {from} → {to}");
        }
    }
    out
}

/// Escapes what Markdown would read as markup in text taken from the files.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The diff as a pull-request comment.
pub fn markdown(diff: &Diff) -> String {
    let mut out = String::from("### OKR changes\n\n");
    if diff.is_empty() {
        out.push_str("No changes to the OKRs.\n");
        return out;
    }
    for change in &diff.changes {
        let line = sentence(change, |s| format!("\u{0}{s}\u{1}"));
        // Escape the file's text, then turn the placeholders into bold.
        let line = md(&line).replace(['\u{0}', '\u{1}'], "**");
        let _ = writeln!(out, "- {line}");
    }
    if !diff.scores.is_empty() {
        let _ = writeln!(
            out,
            "\n| objective | score before | score after (as of {}) |\n|---|---:|---:|",
            diff.as_of
        );
        for (objective, from, to) in score_rows(diff) {
            let _ = writeln!(out, "| {} | {from} | {to} |", md(&objective));
        }
    }
    out
}
