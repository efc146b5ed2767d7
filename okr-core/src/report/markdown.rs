//! The review as Markdown: for pull requests, wikis and terminals.

use super::{Review, percent, tree};
use crate::score::Color;
use std::fmt::Write as _;

/// Escapes text for Markdown tables and inline text (and for renderers that allow HTML).
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The review as Markdown.
pub fn markdown(review: &Review<'_>) -> String {
    let scores = &review.scores;
    let s = &review.summary;
    let mut out = String::new();
    let _ = writeln!(out, "# OKR review\n\nAs of {}.\n", scores.as_of);
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| Objectives | {} ({} key results) |",
        s.objectives, s.key_results
    );
    let _ = writeln!(out, "| Average score | {} |", percent(s.average_score));
    let _ = writeln!(
        out,
        "| Colour | green {} · yellow {} · red {} · not scored {} |",
        s.by_color[2], s.by_color[1], s.by_color[0], s.by_color[3]
    );
    let _ = writeln!(
        out,
        "| Outcome (if the cycle ended today) | exceeded {} · met {} · missed {} |",
        s.by_outcome[2], s.by_outcome[1], s.by_outcome[0]
    );
    let _ = writeln!(
        out,
        "| Pace | on track {} · at risk {} · off track {} · not started {} |",
        s.by_pace[1], s.by_pace[2], s.by_pace[3], s.by_pace[0]
    );
    let _ = writeln!(
        out,
        "| Alignment coverage | {:.0}% ({} orphans) |",
        s.coverage * 100.0,
        s.orphans
    );
    if let Some(f) = &review.findings {
        let _ = writeln!(
            out,
            "| Lint findings | {} errors · {} warnings · {} info |",
            f.summary.error, f.summary.warning, f.summary.info
        );
    }

    // A fence longer than any run of backticks in the titles cannot be closed by them.
    let tree = tree_text(review);
    let longest_run = tree.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    let _ = writeln!(out, "\n## Alignment\n\n{fence}text");
    out.push_str(&tree);
    let _ = writeln!(out, "{fence}");

    let _ = writeln!(out, "\n## Objectives and key results");
    for o in &scores.objectives {
        let _ = writeln!(
            out,
            "\n### {} — {}\n\n{} ({}) · {} · owner {} · pace {} · outcome {}\n",
            md(&o.id),
            md(&o.title),
            percent(o.score),
            o.color.map_or("not scored", Color::as_str),
            o.kind.as_str(),
            md(o.owner.as_deref().unwrap_or("–")),
            o.pace.map_or("–".into(), |p| p.as_str().replace('_', " ")),
            o.outcome.map_or("–", |x| x.as_str())
        );
        if o.key_results.is_empty() {
            let _ = writeln!(out, "No key results.");
            continue;
        }
        let _ = writeln!(
            out,
            "| Key result | Score | Colour | Attainment | Confidence | Forecast |\n|---|---:|---|---:|---:|---:|"
        );
        for kr in &o.key_results {
            let _ = writeln!(
                out,
                "| {}{} | {} | {} | {} | {} | {} |",
                kr.id
                    .as_deref()
                    .map(|id| format!("{} ", md(id)))
                    .unwrap_or_default(),
                md(&kr.title),
                percent(kr.score),
                kr.color.map_or("not scored", Color::as_str),
                percent(kr.attainment),
                kr.confidence.map_or("–".into(), |c| format!("{c:.1}")),
                percent(kr.forecast)
            );
        }
    }
    if let Some(findings) = &review.findings {
        let _ = writeln!(out, "\n## Lint findings\n");
        if findings.diagnostics.is_empty() {
            let _ = writeln!(out, "No findings.");
        } else {
            let _ = writeln!(
                out,
                "| Severity | Rule | Item | Finding | What to do |\n|---|---|---|---|---|"
            );
            for d in &findings.diagnostics {
                let _ = writeln!(
                    out,
                    "| {} | {} {} | {} | {} | {} |",
                    d.severity,
                    d.code,
                    d.rule,
                    md(&d.id.clone().unwrap_or_else(|| d.path.to_string())),
                    md(&d.message),
                    md(&d.help)
                );
            }
        }
    }
    out
}

/// The alignment tree drawn with box characters, one objective per line with its owner,
/// score and colour; shared objectives are marked, orphans listed at the end.
pub fn tree_text(review: &Review<'_>) -> String {
    let (main, orphans) = tree::tree_rows(review.document, &review.alignment);
    let mut out = String::new();
    for row in &main {
        out.push_str(&tree_line(review, row));
    }
    if !orphans.is_empty() {
        out.push_str("\nOrphans (team objectives aligned to nothing):\n");
        for row in &orphans {
            out.push_str(&tree_line(review, row));
        }
    }
    out
}

/// One tree line for text output.
pub(crate) fn tree_line(review: &Review<'_>, row: &tree::TreeRow) -> String {
    let o = &review.scores.objectives[row.objective];
    let mut notes = Vec::new();
    if let Some(via) = &row.via {
        notes.push(format!("via {via}"));
    }
    if row.repeat {
        notes.push("shared, shown above".into());
    } else if row.shared {
        notes.push("shared".into());
    }
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!("  ({})", notes.join(", "))
    };
    let flat = |text: &str| text.replace(['\n', '\r'], " ");
    format!(
        "{}{}  {}  [{}]  {} {}{}\n",
        tree::prefix(row),
        flat(&o.id),
        flat(&o.title),
        flat(o.owner.as_deref().unwrap_or("–")),
        percent(o.score),
        o.color.map_or("not scored", Color::as_str),
        notes
    )
}
