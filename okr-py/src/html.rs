//! `_repr_html_` for notebooks: a small table, every text from the document escaped.

use okr_core::report::escape_html as escape;
use okr_core::score::{Color, ScoreReport};
use std::fmt::Write;

/// The report as an HTML table: one row per objective, its key results indented below.
pub(crate) fn report_table(report: &ScoreReport) -> String {
    let mut html = String::with_capacity(256 + 200 * report.objectives.len());
    let _ = write!(
        html,
        "<table class=\"okr-score-report\">\n<caption>Scores as of {}</caption>\n\
         <thead><tr><th>id</th><th>title</th><th>owner</th><th>score</th>\
         <th>pace / forecast</th><th>outcome</th></tr></thead>\n<tbody>\n",
        report.as_of.format("%Y-%m-%d")
    );
    for o in &report.objectives {
        let _ = writeln!(
            html,
            "<tr class=\"objective\"><td><b>{}</b></td><td><b>{}</b></td><td>{}</td>{}<td>{}</td><td>{}</td></tr>",
            escape(&o.id),
            escape(&o.title),
            escape(o.owner.as_deref().unwrap_or("")),
            score_cell(o.score, o.color),
            o.pace.map_or("", |p| p.as_str()).replace('_', " "),
            o.outcome.map_or("", |x| x.as_str()),
        );
        for kr in &o.key_results {
            let forecast = kr
                .forecast
                .map(|f| format!("→ {}", percent(f)))
                .unwrap_or_default();
            let confidence = kr
                .confidence
                .map(|c| format!("conf {c:.1}"))
                .unwrap_or_default();
            let _ = writeln!(
                html,
                "<tr class=\"key-result\"><td style=\"padding-left:1.5em\">{}</td><td>{}</td><td></td>{}<td>{}</td><td>{}</td></tr>",
                escape(kr.id.as_deref().unwrap_or("")),
                escape(&kr.title),
                score_cell(kr.score, kr.color),
                forecast,
                confidence,
            );
        }
    }
    html.push_str("</tbody>\n</table>");
    html
}

fn score_cell(score: Option<f64>, color: Option<Color>) -> String {
    let Some(score) = score else {
        return "<td>–</td>".to_owned();
    };
    let background = match color {
        Some(Color::Green) => "#c6efce",
        Some(Color::Yellow) => "#ffeb9c",
        Some(Color::Red) => "#ffc7ce",
        None => "transparent",
    };
    format!(
        "<td style=\"background:{background};text-align:right\" title=\"{}\">{}</td>",
        color.map_or("", |c| c.as_str()),
        percent(score)
    )
}

fn percent(value: f64) -> String {
    okr_core::report::percent_text(value)
}
