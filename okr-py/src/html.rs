//! `_repr_html_` for notebooks: a small table, every text from the document escaped.

use okr_core::report::{RowLevel, escape_html as escape, score_rows};
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
    let mut objective_index = 0;
    for row in score_rows(report) {
        if row.level == RowLevel::Objective {
            objective_index += 1;
        }
        let index = objective_index - 1;
        if shortened && (SHOWN_AT_EACH_END..total - SHOWN_AT_EACH_END).contains(&index) {
            if index == SHOWN_AT_EACH_END && row.level == RowLevel::Objective {
                let _ = writeln!(
                    html,
                    "<tr class=\"elided\"><td colspan=\"6\">… {} more objectives …</td></tr>",
                    total - 2 * SHOWN_AT_EACH_END
                );
            }
            continue;
        }
        let progress = row.pace_or_forecast().unwrap_or_default();
        let status = row.outcome_or_confidence().unwrap_or_default();
        let _ = match row.level {
            RowLevel::Objective => writeln!(
                html,
                "<tr class=\"objective\"><td><b>{}</b></td><td><b>{}</b></td><td>{}</td>{}<td>{progress}</td><td>{status}</td></tr>",
                escape(row.objective_id),
                escape(row.title),
                escape(row.owner.unwrap_or("")),
                score_cell(row.score, row.color),
            ),
            _ => writeln!(
                html,
                "<tr class=\"key-result\"><td style=\"padding-left:1.5em\">{}</td><td>{}</td><td></td>{}<td>{progress}</td><td>{status}</td></tr>",
                escape(row.id.unwrap_or("")),
                escape(row.title),
                score_cell(row.score, row.color),
            ),
        };
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
