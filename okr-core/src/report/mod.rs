//! The quarterly review: a summary, the alignment tree, every objective with its key
//! results and burn-up charts, and the lint findings — as Markdown or as one
//! self-contained HTML page (inline CSS and SVG, no network).
//!
//! All user text is escaped for the output format.
//!
//! ```
//! use chrono::NaiveDate;
//! use okr_core::report::{Review, html, markdown};
//!
//! let doc = okr_core::from_yaml_str(r#"
//! cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
//! objectives:
//!   - id: O1
//!     title: <script>alert(1)</script> delight cooks
//!     key_results: [Raise NPS from 30 to 40]
//! "#)?;
//! let as_of = NaiveDate::from_ymd_opt(2026, 8, 15).unwrap();
//! let review = Review::new(&doc, as_of, &Default::default(), Some(&Default::default()));
//! let page = html(&review);
//! assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
//! assert!(!page.contains("<script>"));
//! assert!(markdown(&review).starts_with("# OKR review"));
//! # Ok::<(), okr_core::Error>(())
//! ```

mod html;
mod markdown;
mod score_table;
mod svg;
mod tree;

pub use crate::text::{escape_html, inert_block, inert_line, percent_text};
pub use html::html;
pub use markdown::{markdown, tree_text};
pub use score_table::{RowLevel, ScoreRow, score_rows, score_rows_of};
pub use tree::{TreeRow, prefix as tree_prefix, tree_rows};

use crate::cascade::Alignment;
use crate::lint::{LintConfig, LintReport};
use crate::model::Document;
use crate::score::{Color, Outcome, Pace, ScoreConfig, ScoreReport};
use chrono::NaiveDate;

/// Everything a review shows, computed once.
#[derive(Debug)]
pub struct Review<'a> {
    /// The document reviewed.
    pub document: &'a Document,
    /// Scores as of the review day.
    pub scores: ScoreReport,
    /// Lint findings, when the linter ran.
    pub findings: Option<LintReport>,
    /// Alignment (tree, orphans, coverage).
    pub alignment: Alignment<'a>,
    /// Headline numbers.
    pub summary: Summary,
}

/// Headline numbers of a review.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Objectives.
    pub objectives: usize,
    /// Key results.
    pub key_results: usize,
    /// Objectives by colour: red, yellow, green, unscored.
    pub by_color: [usize; 4],
    /// Objectives by outcome: missed, met, exceeded.
    pub by_outcome: [usize; 3],
    /// Objectives by pace: not started, on track, at risk, off track.
    pub by_pace: [usize; 4],
    /// Mean score of the scored objectives.
    pub average_score: Option<f64>,
    /// Share of objectives that reach a top-level objective.
    pub coverage: f64,
    /// Objectives of non-root teams aligned to nothing.
    pub orphans: usize,
}

impl<'a> Review<'a> {
    /// Scores (and, with `lint`, lints) `document` as of `as_of`.
    pub fn new(
        document: &'a Document,
        as_of: NaiveDate,
        config: &ScoreConfig,
        lint: Option<&LintConfig>,
    ) -> Self {
        let scores = crate::score::score(document, as_of, config);
        let findings = lint.map(|config| crate::lint::lint(document, as_of, config));
        Self::from_parts(document, scores, findings)
    }

    /// A review from scores and findings computed elsewhere.
    pub fn from_parts(
        document: &'a Document,
        scores: ScoreReport,
        findings: Option<LintReport>,
    ) -> Self {
        let alignment = Alignment::new(document);
        let mut summary = Summary {
            objectives: document.objectives.len(),
            key_results: document.key_result_count(),
            coverage: alignment.coverage(),
            orphans: alignment.orphans().len(),
            ..Summary::default()
        };
        let scored: Vec<f64> = scores.objectives.iter().filter_map(|o| o.score).collect();
        summary.average_score =
            (!scored.is_empty()).then(|| scored.iter().sum::<f64>() / scored.len() as f64);
        for o in &scores.objectives {
            summary.by_color[match o.color {
                Some(Color::Red) => 0,
                Some(Color::Yellow) => 1,
                Some(Color::Green) => 2,
                None => 3,
            }] += 1;
            if let Some(outcome) = o.outcome {
                summary.by_outcome[match outcome {
                    Outcome::Missed => 0,
                    Outcome::Met => 1,
                    Outcome::Exceeded => 2,
                }] += 1;
            }
            if let Some(pace) = o.pace {
                summary.by_pace[match pace {
                    Pace::NotStarted => 0,
                    Pace::OnTrack => 1,
                    Pace::AtRisk => 2,
                    Pace::OffTrack => 3,
                }] += 1;
            }
        }
        Review {
            document,
            scores,
            findings,
            alignment,
            summary,
        }
    }
}

/// A score as a whole percentage, or a dash.
pub(crate) fn percent(score: Option<f64>) -> String {
    score.map_or_else(|| "–".to_owned(), percent_text)
}

/// The colour the HTML report paints a score of this colour (`None`: unscored), as
/// `#rrggbb`; charts elsewhere (Python's `ScoreReport.plot`) use the same.
pub fn color_hex(color: Option<Color>) -> &'static str {
    match color {
        Some(Color::Red) => "#c62828",
        Some(Color::Yellow) => "#b8860b",
        Some(Color::Green) => "#2e7d32",
        None => "#9e9e9e",
    }
}
