//! The linter: deterministic, explainable checks for badly written OKRs.
//!
//! Each rule lives in its own file under `rules/`, with a stable code (`OKR102`), a
//! kebab-case name, a default severity, a category, and a doc comment that is its
//! [`explain`] text. Findings are plain data ([`Diagnostic`]). [`LintConfig`] selects,
//! ignores and re-grades rules and sets thresholds; items can suppress a rule with
//! `lint: { allow: [{ rule, reason }] }` — a suppression without a reason, or one that
//! suppresses nothing, is itself reported.
//!
//! ```
//! use chrono::NaiveDate;
//! use okr_core::lint::{lint, LintConfig, Severity};
//!
//! let doc = okr_core::from_yaml_str(r#"
//! objectives:
//!   - id: O1
//!     title: Delight new users
//!     kind: aspirational
//!     key_results:
//!       - { id: KR1, title: Improve onboarding }
//!       - { id: KR2, title: Raise activation rate from 20% to 35% }
//!       - { id: KR3, title: Cut time to first value from 3 days to 1 day }
//! "#)?;
//! let report = lint(&doc, NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(), &LintConfig::default());
//! let vague = report.diagnostics.iter().find(|d| d.code == "OKR101").unwrap();
//! assert_eq!(vague.id.as_deref(), Some("KR1"));
//! assert_eq!(vague.path, "objectives[0].key_results[0]");
//! assert_eq!(vague.severity, Severity::Error);
//! assert!(okr_core::lint::explain("vague-key-result").unwrap().contains("Why is this bad?"));
//! # Ok::<(), okr_core::Error>(())
//! ```

mod config;
mod context;
mod doc;
mod measured;
mod memo;
pub mod output;
mod quality;
mod registry;
mod rules;
mod suppress;
mod words;

pub use config::{ConfigError, LintConfig, Thresholds};
pub use doc::{DocFormat, RuleDoc, UnknownDocFormat, rule_doc};
pub use memo::Memo;
pub use quality::{ObjectiveQuality, PointsLost, points};
pub use registry::{RuleInfo, explain, rule, rules};

use crate::format::LineIndex;
use crate::model::Document;
use crate::path::DocPath;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// A coaching hint: good OKRs may still carry it.
    Info,
    /// The writer should change it.
    Warning,
    /// Not an OKR as written.
    Error,
}

impl Severity {
    /// Every severity, least serious first: the order of an ordered category.
    pub const LEAST_TO_MOST: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What part of OKR practice a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Category {
    /// Counts and completeness of objectives and key results.
    Structure,
    /// How a key result is written.
    KeyResult,
    /// How an objective is written.
    Objective,
    /// How objectives connect across teams.
    Alignment,
    /// Check-ins and results over time.
    Tracking,
    /// The linter's own bookkeeping (suppressions).
    Meta,
}

impl Category {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Structure => "structure",
            Category::KeyResult => "keyresult",
            Category::Objective => "objective",
            Category::Alignment => "alignment",
            Category::Tracking => "tracking",
            Category::Meta => "meta",
        }
    }
}

/// One finding. Reads back from its JSON (a report sent between services): its code and
/// rule must be ones this version knows.
///
/// ```
/// use okr_core::lint::{lint, LintReport};
/// let doc = okr_core::from_yaml_str("objectives:\n  - id: O1\n    title: Improve things\n")?;
/// let report = lint(&doc, chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(), &Default::default());
/// let back: LintReport = serde_json::from_str(&serde_json::to_string(&report)?)?;
/// assert_eq!(back, report);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Stable rule code, e.g. `OKR102`.
    pub code: &'static str,
    /// Rule name, e.g. `output-key-result`.
    pub rule: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// What is wrong, about this item.
    pub message: String,
    /// What to do instead.
    pub help: String,
    /// Document path of the item (`objectives[2].key_results[0]`).
    pub path: DocPath,
    /// Id of the item, when it has one.
    pub id: Option<String>,
    /// 1-based source line, once located ([`LintReport::locate`]).
    pub line: Option<usize>,
}

impl<'de> Deserialize<'de> for Diagnostic {
    /// The code and rule name are looked up in the registry (they must agree).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Read {
            code: String,
            rule: String,
            severity: Severity,
            message: String,
            help: String,
            path: DocPath,
            id: Option<String>,
            line: Option<usize>,
        }
        let read = Read::deserialize(deserializer)?;
        let rule = registry::find(&read.code)
            .filter(|r| r.code == read.code && r.name == read.rule)
            .ok_or_else(|| {
                serde::de::Error::custom(format_args!(
                    "unknown rule `{}` ({}) for this version of okr",
                    read.code, read.rule
                ))
            })?;
        Ok(Diagnostic {
            code: rule.code,
            rule: rule.name,
            severity: read.severity,
            message: read.message,
            help: read.help,
            path: read.path,
            id: read.id,
            line: read.line,
        })
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Findings of severity error.
    pub error: usize,
    /// Findings of severity warning.
    pub warning: usize,
    /// Findings of severity info.
    pub info: usize,
}

/// The linter's result (its JSON shape is described in docs/reports.md).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LintReport {
    /// Findings in document order.
    pub diagnostics: Vec<Diagnostic>,
    /// Counts by severity.
    pub summary: Summary,
    /// Each objective's quality score, 0–100, with the points each rule cost it, in
    /// document order.
    #[serde(default)]
    pub objectives: Vec<ObjectiveQuality>,
}

impl LintReport {
    fn new(document: &Document, mut diagnostics: Vec<Diagnostic>) -> Self {
        // By path, then rule; findings of one rule at one path keep the order the rule
        // found them in (both sorts are stable). Sorting in place keeps lint's peak memory
        // down at an organisation's tens of thousands of findings.
        diagnostics.sort_by_cached_key(|d| d.path.coarse_order());
        for item in diagnostics.chunk_by_mut(|a, b| a.path.coarse_order() == b.path.coarse_order())
        {
            item.sort_by(|a, b| a.path.document_order(&b.path).then(a.code.cmp(b.code)));
        }
        let mut summary = Summary::default();
        for d in &diagnostics {
            match d.severity {
                Severity::Error => summary.error += 1,
                Severity::Warning => summary.warning += 1,
                Severity::Info => summary.info += 1,
            }
        }
        LintReport {
            objectives: quality::of(document, &diagnostics),
            diagnostics,
            summary,
        }
    }

    /// Whether [`Self::locate`] is worth its cost for this text: always for YAML; for JSON
    /// only when it spans several lines and is at most 8 MiB (one-line or bulk JSON from
    /// machines has no useful lines, and locating re-reads the whole text).
    pub fn worth_locating(source: &str, format: crate::Format) -> bool {
        const JSON_LOCATE_LIMIT: usize = 8 * 1024 * 1024;
        format == crate::Format::Yaml
            || (source.len() <= JSON_LOCATE_LIMIT && source.trim_end().contains('\n'))
    }

    /// Fills in source lines from the text the document was read from.
    pub fn locate(&mut self, source: &str) {
        if self.diagnostics.is_empty() {
            return;
        }
        let lines = LineIndex::for_paths(source, self.diagnostics.iter().map(|d| &d.path));
        for d in &mut self.diagnostics {
            d.line = lines.line_of(&d.path);
        }
    }

    /// True when an error-severity finding remains (the CLI then exits 1).
    pub fn has_errors(&self) -> bool {
        self.summary.error > 0
    }
}

/// Lints `document` as of `as_of` (staleness and trend rules use it).
pub fn lint(document: &Document, as_of: NaiveDate, config: &LintConfig) -> LintReport {
    run(document, as_of, config, None)
}

/// Lints `document` like [`lint`], reading only the titles `memo` has not seen in its last
/// run: the way to lint as someone types (see [`Memo`]).
pub fn lint_with_memo(
    document: &Document,
    as_of: NaiveDate,
    config: &LintConfig,
    memo: &mut Memo,
) -> LintReport {
    memo.start_run();
    let report = run(document, as_of, config, Some(memo));
    memo.finish_run();
    report
}

/// Lints `document` like [`lint`], also comparing it with its `previous` version (rule
/// OKR404: a target or baseline moved after its cycle started, with no `change_note:`).
pub fn lint_with_previous(
    document: &Document,
    previous: &Document,
    as_of: NaiveDate,
    config: &LintConfig,
) -> LintReport {
    run_in_windows(
        document,
        Some(previous),
        as_of,
        config,
        None,
        WINDOW_OBJECTIVES,
    )
}

/// How many objectives [`Scope::Objective`](registry::Scope) rules see at once: a window's
/// objectives, key results, check-ins and parsed titles (~0.5 MB) stay in the CPU cache
/// while every such rule reads them, instead of each rule walking the whole document
/// (hundreds of megabytes for an organisation's history) from memory.
const WINDOW_OBJECTIVES: usize = 64;

fn run(
    document: &Document,
    as_of: NaiveDate,
    config: &LintConfig,
    memo: Option<&Memo>,
) -> LintReport {
    run_in_windows(document, None, as_of, config, memo, WINDOW_OBJECTIVES)
}

fn run_in_windows(
    document: &Document,
    previous: Option<&Document>,
    as_of: NaiveDate,
    config: &LintConfig,
    memo: Option<&Memo>,
    window: usize,
) -> LintReport {
    let mut context = context::Context::new(document, as_of, config, memo);
    context.previous = previous;
    let (per_objective, per_document): (Vec<&registry::Rule>, Vec<&registry::Rule>) =
        registry::RULES
            .iter()
            .filter(|rule| config.is_enabled(rule))
            .partition(|rule| rule.scope == registry::Scope::Objective);
    let mut findings = Vec::new();
    let (objectives, window) = (document.objectives.len(), window.max(1));
    for start in (0..objectives).step_by(window) {
        context.read_window(start..objectives.min(start.saturating_add(window)));
        for rule in &per_objective {
            (rule.check)(
                &context,
                &mut context::Sink::new(rule, config, &mut findings),
            );
        }
    }
    context.close_windows();
    for rule in &per_document {
        (rule.check)(
            &context,
            &mut context::Sink::new(rule, config, &mut findings),
        );
    }
    // The titles' words and sentences are not needed for the report: free them first.
    drop(context);
    let findings = suppress::apply(document, findings, config);
    LintReport::new(document, findings)
}

#[cfg(test)]
mod tests {
    use super::{LintConfig, Memo, registry, run_in_windows};
    use chrono::NaiveDate;

    /// Three teams' objectives that trip every document-wide rule (they compare objectives
    /// with each other) and many one-objective rules.
    const ORGANISATION: &str = r#"
cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
teams:
  - { id: co }
  - { id: sales, parent: co }
  - { id: finance, parent: co }
objectives:
  - id: C1
    title: Make every customer a repeat customer
    owner: co
    key_results:
      - { id: C1-KR1, title: Raise repeat purchase rate from 18% to 26% }
      - { id: C1-KR2, title: Launch the loyalty program }
  - id: S1
    title: Raise repeat purchase rate from 18% to 26%
    owner: sales
    aligns_to: [C1-KR1, C1]
    key_results:
      - { title: Raise average discount from 10% to 15% }
      - { title: Improve onboarding }
      - { title: Grow weekly active cooks from 100 to 140 }
  - id: S2
    title: Win back lapsed customers
    owner: sales
    aligns_to: [S1]
    key_results:
      - { title: Grow weekly active cooks from 100 to 140 }
      - { title: Ship the win-back emails }
      - { title: Lift reactivation rate from 3% to 6% }
      - { title: Cut unsubscribe rate from 2% to 1% }
      - { title: Raise win-back order value from 40 to 50 }
      - { title: Keep complaint rate under 0.5% }
  - id: S3
    title: Be the best
    owner: sales
    aligns_to: [S2]
    key_results: [{ title: Post 30 times on Instagram }]
  - id: S4
    title: Sell more pans
    owner: sales
    aligns_to: [S3]
    key_results: [{ title: Sell 400 pans }]
  - id: D1
    title: Protect the margin
    owner: finance
    aligns_to: [C1]
    key_results:
      - { title: Reduce average discount from 10% to 6% }
      - { title: Keep gross margin at or above 42% }
  - id: D2
    title: Close the books faster
    owner: finance
    aligns_to: [D1]
    key_results: []
  - id: D3
    title: Know our costs
    owner: finance
    aligns_to: [D2]
    key_results: [{ title: Cut month-end close from 9 days to 4 days }]
"#;

    #[test]
    fn rules_see_the_same_document_whatever_the_window() {
        let mut doc = crate::from_yaml_str(ORGANISATION).unwrap();
        // A loop D1 -> D3 -> D2 -> D1, which loading would refuse.
        doc.objectives[5].aligns_to = Some(crate::model::Ids::One("D3".into()));
        let as_of = NaiveDate::from_ymd_opt(2026, 8, 20).unwrap();
        let strict = LintConfig {
            strict: Some(true),
            ..LintConfig::default()
        };
        for config in [LintConfig::default(), strict] {
            let whole = run_in_windows(&doc, None, as_of, &config, None, usize::MAX);
            // Every document-wide rule fires, so a rule that compares objectives but ran a
            // window at a time would lose findings below.
            for rule in registry::RULES {
                let meta = matches!(rule.code, "OKR901" | "OKR902");
                // OKR404 compares with a previous version, which this document has not.
                let needs_previous = rule.code == "OKR404";
                if rule.scope == registry::Scope::Document && !meta && !needs_previous {
                    assert!(
                        whole.diagnostics.iter().any(|d| d.code == rule.code),
                        "{} does not fire",
                        rule.code
                    );
                }
            }
            for window in [1, 2, 3, 7] {
                assert_eq!(
                    run_in_windows(&doc, None, as_of, &config, None, window),
                    whole,
                    "window of {window}"
                );
                let memo = Memo::default();
                assert_eq!(
                    run_in_windows(&doc, None, as_of, &config, Some(&memo), window),
                    whole,
                    "window of {window}, with a memo"
                );
            }
        }
    }
}
