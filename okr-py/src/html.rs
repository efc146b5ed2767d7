//! `_repr_html_` for notebooks: a small table, every text from the document escaped.

use okr_core::report::escape_html as escape;
use okr_core::score::{Color, ScoreReport};
use std::fmt::Write;

/// How many objectives a notebook shows at each end of a long report (as pandas shows
/// the first and last rows of a long frame).
const SHOWN_AT_EACH_END: usize = 10;

/// The report as an HTML table: one row per objective, its key results indented below.
/// A long report shows its first and last objectives, a row saying how many are left out,
/// and the totals, instead of megabytes of HTML.
pub(crate) fn report_table(report: &ScoreReport) -> String {
    let total = report.objectives.len();
    let shortened = total > 2 * SHOWN_AT_EACH_END;
    let shown = if shortened {
        2 * SHOWN_AT_EACH_END
    } else {
        total
    };
    let mut html = String::with_capacity(512 + 200 * shown);
    let _ = write!(
        html,
        "<table class=\"okr-score-report\">\n<caption>Scores as of {}</caption>\n\
         <thead><tr><th>id</th><th>title</th><th>owner</th><th>score</th>\
         <th>pace / forecast</th><th>outcome</th></tr></thead>\n<tbody>\n",
        report.as_of.format("%Y-%m-%d")
    );
    for (index, o) in report.objectives.iter().enumerate() {
        if shortened && (SHOWN_AT_EACH_END..total - SHOWN_AT_EACH_END).contains(&index) {
            if index == SHOWN_AT_EACH_END {
                let _ = writeln!(
                    html,
                    "<tr class=\"elided\"><td colspan=\"6\">… {} more objectives …</td></tr>",
                    total - 2 * SHOWN_AT_EACH_END
                );
            }
            continue;
        }
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
    if shortened {
        let key_results: usize = report.objectives.iter().map(|o| o.key_results.len()).sum();
        let _ = write!(
            html,
            "\n<p>{total} objectives, {key_results} key results (the first and last {SHOWN_AT_EACH_END} objectives shown; <code>to_pandas()</code> has them all)</p>"
        );
    }
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
