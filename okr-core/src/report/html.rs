//! One self-contained HTML page: inline CSS and SVG, no scripts, no network.

use super::svg::{Chart, burn_up, score_bar};
use super::{Review, percent, tree};
use crate::lint::Severity;
use crate::score::{Color, ScoreConfig};
use crate::text::escape_html as escape;
use std::fmt::Write as _;

const STYLE: &str = r#"
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #212121; }
body { margin: 0; background: #f5f5f5; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; background: #fff; }
h1 { margin: 0 0 4px; } h2 { border-bottom: 2px solid #eceff1; padding-bottom: 4px; margin-top: 32px; }
.meta { color: #616161; margin: 0 0 16px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; }
.cards div { border: 1px solid #e0e0e0; border-radius: 8px; padding: 10px 16px; min-width: 120px; }
.cards dt { color: #616161; font-size: 0.85em; } .cards dd { margin: 0; font-size: 1.6em; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 0.92em; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eceff1; vertical-align: middle; }
th { background: #fafafa; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tag { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.85em; font-weight: 600; color: #fff; }
.red { background: #c62828; } .yellow { background: #b8860b; } .green { background: #2e7d32; } .none { background: #9e9e9e; }
.error { background: #c62828; } .warning { background: #b8860b; } .info { background: #546e7a; }
.tree { list-style: none; padding: 0; font-size: 0.92em; }
.tree li { display: flex; align-items: center; gap: 8px; white-space: nowrap; }
.tree .guide { font-family: ui-monospace, Menlo, Consolas, monospace; color: #9e9e9e; white-space: pre; }
.tree .id { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 600; }
.tree .title { overflow: hidden; text-overflow: ellipsis; max-width: 460px; }
.muted { color: #757575; }
.objective { border: 1px solid #eceff1; border-radius: 8px; padding: 4px 16px 12px; margin: 16px 0; }
.objective h3 { margin: 12px 0 4px; }
caption { text-align: left; color: #616161; padding: 4px 0; }
footer { margin-top: 32px; color: #9e9e9e; font-size: 0.85em; }
"#;

fn tag(class: &str, text: &str) -> String {
    format!(r#"<span class="tag {class}">{}</span>"#, escape(text))
}

fn color_tag(color: Option<Color>) -> String {
    match color {
        Some(c) => tag(c.as_str(), c.as_str()),
        None => tag("none", "not scored"),
    }
}

/// The review as one HTML page.
pub fn html(review: &Review<'_>) -> String {
    let doc = review.document;
    let scores = &review.scores;
    let s = &review.summary;
    let mut out = String::with_capacity(64 * 1024);
    let as_of = scores.as_of;
    let _ = write!(
        out,
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>OKR review as of {as_of}</title><style>{STYLE}</style></head><body><main>"#
    );
    let cycles: Vec<String> = doc
        .cycles
        .iter()
        .map(|c| {
            format!(
                "{} ({} – {})",
                c.name.as_deref().unwrap_or(&c.id),
                c.start,
                c.end
            )
        })
        .collect();
    let _ = write!(
        out,
        r#"<header><h1>OKR review</h1><p class="meta">As of {as_of} · {}</p></header>"#,
        escape(&cycles.join(", "))
    );

    // Summary.
    out.push_str(
        r#"<section aria-labelledby="summary"><h2 id="summary">Summary</h2><dl class="cards">"#,
    );
    let cards = [
        ("Objectives", s.objectives.to_string()),
        ("Key results", s.key_results.to_string()),
        ("Average score", percent(s.average_score)),
        ("Alignment coverage", super::percent_text(s.coverage)),
        ("Orphan objectives", s.orphans.to_string()),
    ];
    for (label, value) in cards {
        let _ = write!(
            out,
            "<div><dt>{label}</dt><dd>{}</dd></div>",
            escape(&value)
        );
    }
    out.push_str("</dl>");
    out.push_str(r#"<table><caption>Objectives by colour, outcome and pace</caption><thead><tr><th scope="col">Measure</th><th scope="col">Counts</th></tr></thead><tbody>"#);
    let colour = format!(
        "{} {} · {} {} · {} {} · {} {}",
        tag("green", "green"),
        s.by_color[2],
        tag("yellow", "yellow"),
        s.by_color[1],
        tag("red", "red"),
        s.by_color[0],
        tag("none", "not scored"),
        s.by_color[3]
    );
    let _ = write!(
        out,
        r#"<tr><th scope="row">Colour</th><td>{colour}</td></tr>"#
    );
    let _ = write!(
        out,
        r#"<tr><th scope="row">Outcome (if the cycle ended today)</th><td>exceeded {} · met {} · missed {}</td></tr>"#,
        s.by_outcome[2], s.by_outcome[1], s.by_outcome[0]
    );
    let _ = write!(
        out,
        r#"<tr><th scope="row">Pace</th><td>on track {} · at risk {} · off track {} · not started {}</td></tr>"#,
        s.by_pace[1], s.by_pace[2], s.by_pace[3], s.by_pace[0]
    );
    if let Some(findings) = &review.findings {
        let _ = write!(
            out,
            r##"<tr><th scope="row">Lint findings</th><td><a href="#findings">{} errors · {} warnings · {} info</a></td></tr>"##,
            findings.summary.error, findings.summary.warning, findings.summary.info
        );
    }
    out.push_str("</tbody></table></section>");

    // Alignment tree.
    out.push_str(r#"<section aria-labelledby="tree"><h2 id="tree">Alignment</h2>"#);
    let (main, orphans) = tree::tree_rows(doc, &review.alignment);
    tree_html(&mut out, review, &main);
    if !orphans.is_empty() {
        out.push_str(r#"<h3 id="orphans">Orphans: team objectives aligned to nothing</h3>"#);
        tree_html(&mut out, review, &orphans);
    }
    out.push_str("</section>");

    // Objectives.
    out.push_str(r#"<section aria-labelledby="objectives"><h2 id="objectives">Objectives and key results</h2>"#);
    let config = ScoreConfig::default();
    for (i, o) in scores.objectives.iter().enumerate() {
        let objective = &doc.objectives[i];
        let cycle = doc.cycle_of(objective);
        let _ = write!(
            out,
            r#"<article class="objective" id="objective-{}"><h3>{} — {}</h3>"#,
            escape(&o.id),
            escape(&o.id),
            escape(&o.title)
        );
        let label = format!(
            "score {} ({})",
            percent(o.score),
            o.color.map_or("not scored", Color::as_str)
        );
        let _ = write!(
            out,
            r#"<p>{} <strong>{}</strong> {} · {} · owner {} · pace {} · outcome {} · expected by now {}</p>"#,
            score_bar(o.score, o.color, &label),
            percent(o.score),
            color_tag(o.color),
            escape(o.kind.as_str()),
            escape(o.owner.as_deref().unwrap_or("–")),
            o.pace.map_or("–".into(), |p| p.as_str().replace('_', " ")),
            o.outcome.map_or("–", |x| x.as_str()),
            percent(o.expected),
        );
        if o.key_results.is_empty() {
            out.push_str(r#"<p class="muted">No key results.</p></article>"#);
            continue;
        }
        let _ = write!(
            out,
            r#"<table><caption>Key results of {}</caption><thead><tr><th scope="col">Key result</th><th scope="col" class="num">Score</th><th scope="col">Colour</th><th scope="col" class="num">Attainment</th><th scope="col" class="num">Confidence</th><th scope="col">Pace</th><th scope="col" class="num">Forecast</th><th scope="col">Progress over the cycle</th></tr></thead><tbody>"#,
            escape(&o.id)
        );
        for (k, kr) in o.key_results.iter().enumerate() {
            let pace = match (kr.score, o.expected, o.pace) {
                (_, _, Some(crate::score::Pace::NotStarted)) => "not started".to_owned(),
                (Some(score), Some(expected), _) => {
                    config.pace(score, expected).as_str().replace('_', " ")
                }
                _ => "–".to_owned(),
            };
            let chart = match cycle {
                Some(cycle) => {
                    let points =
                        crate::score::progress_history(&objective.key_results[k], scores.as_of);
                    let title = format!(
                        "Progress of {}: {} now, expected {}, forecast {}",
                        kr.id.as_deref().unwrap_or(&kr.title),
                        percent(kr.score),
                        percent(o.expected),
                        percent(kr.forecast)
                    );
                    burn_up(&Chart {
                        start: cycle.start,
                        end: cycle.end,
                        as_of: scores.as_of,
                        points: &points,
                        score: kr.score,
                        forecast: kr.forecast,
                        color: kr.color,
                        title: &title,
                    })
                }
                None => String::from("–"),
            };
            let _ = write!(
                out,
                r#"<tr><th scope="row">{}{}</th><td class="num">{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td><td class="num">{}</td><td>{}</td></tr>"#,
                kr.id
                    .as_deref()
                    .map(|id| format!(r#"<span class="muted">{}</span> "#, escape(id)))
                    .unwrap_or_default(),
                escape(&kr.title),
                percent(kr.score),
                color_tag(kr.color),
                percent(kr.attainment),
                kr.confidence.map_or("–".into(), |c| format!("{c:.1}")),
                pace,
                percent(kr.forecast),
                chart
            );
        }
        out.push_str("</tbody></table></article>");
    }
    out.push_str("</section>");

    // Findings.
    if let Some(findings) = &review.findings {
        out.push_str(r#"<section aria-labelledby="findings"><h2 id="findings">Lint findings</h2>"#);
        if findings.diagnostics.is_empty() {
            out.push_str("<p>No findings: every check passed.</p>");
        } else {
            out.push_str(r#"<table><caption>Findings by item (run <code>okr explain CODE</code> for the reasons)</caption><thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Item</th><th scope="col">Finding</th><th scope="col">What to do</th></tr></thead><tbody>"#);
            for d in &findings.diagnostics {
                let class = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                };
                let _ = write!(
                    out,
                    r#"<tr><td>{}</td><td><code>{}</code> {}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
                    tag(class, d.severity.as_str()),
                    d.code,
                    escape(d.rule),
                    escape(&d.id.clone().unwrap_or_else(|| d.path.to_string())),
                    escape(&d.message),
                    escape(&d.help)
                );
            }
            out.push_str("</tbody></table>");
        }
        out.push_str("</section>");
    }
    let _ = writeln!(
        out,
        "<footer>Generated by okr {} — scores and findings are reproducible for the day above.</footer></main></body></html>",
        env!("CARGO_PKG_VERSION")
    );
    out
}

fn tree_html(out: &mut String, review: &Review<'_>, rows: &[tree::TreeRow]) {
    out.push_str(r#"<ul class="tree">"#);
    for row in rows {
        let o = &review.scores.objectives[row.objective];
        let label = format!(
            "{} {}",
            percent(o.score),
            o.color.map_or("not scored", Color::as_str)
        );
        let mut notes = Vec::new();
        if let Some(via) = &row.via {
            notes.push(format!("via {}", escape(via)));
        }
        if row.repeat {
            notes.push("shared — shown above".to_owned());
        } else if row.shared {
            notes.push("shared".to_owned());
        }
        let _ = write!(
            out,
            r##"<li aria-level="{}"><span class="guide">{}</span><a class="id" href="#objective-{}">{}</a> <span class="title">{}</span> <span class="muted">{}</span> {} <span>{}</span> <span class="muted">{}</span></li>"##,
            row.depth + 1,
            tree::prefix(row),
            escape(&o.id),
            escape(&o.id),
            escape(&o.title),
            escape(o.owner.as_deref().unwrap_or("")),
            score_bar(o.score, o.color, &label),
            escape(&label),
            notes.join(", ")
        );
    }
    out.push_str("</ul>");
}
