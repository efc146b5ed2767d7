//! The one table of rules and their stable codes.

use super::Category::{Alignment, KeyResult, Meta, Objective, Structure, Tracking};
use super::Severity::{Error, Info, Warning};
use super::context::{Context, Sink};
use super::rules::{alignment, keyresult, meta, objective, structure, tracking};
use super::{Category, Severity};
use serde::Serialize;

/// A rule as the linter runs it: its code, category and default severity from the table
/// below, joined to the body its rule file declares.
pub(crate) struct Rule {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) severity: Severity,
    pub(crate) category: Category,
    /// What the rule reads at once, which decides how the linter runs it.
    pub(crate) scope: Scope,
    /// The rule's doc comment: what it does, why it is bad, example, use instead, sources.
    pub(crate) explanation: &'static str,
    pub(crate) check: fn(&Context<'_>, &mut Sink<'_>),
}

/// What a rule file declares: its name, what it reads, its doc comment and its check.
/// Everything that classifies the rule (code, category, severity) sits in [`RULES`].
pub(crate) struct RuleBody {
    pub(crate) name: &'static str,
    pub(crate) scope: Scope,
    pub(crate) explanation: &'static str,
    pub(crate) check: fn(&Context<'_>, &mut Sink<'_>),
}

/// What a rule needs to see at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// One objective at a time: the rule reads an objective and its key results (and the
    /// context's document-wide lookups: teams, alignment, history) and reports only inside
    /// that objective. The linter runs these rules over a few objectives at a time while
    /// their data is still in the CPU cache, instead of walking the whole document per rule.
    Objective,
    /// The whole document: the rule compares objectives with each other (counts per team,
    /// duplicates, the alignment graph).
    Document,
}

/// Declares a rule body whose doc comment is also its `okr explain` text.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            name: $rule:literal,
            scope: $scope:ident,
            check: $check:path $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub(crate) const $name: $crate::lint::registry::RuleBody = $crate::lint::registry::RuleBody {
            name: $rule,
            scope: $crate::lint::registry::Scope::$scope,
            explanation: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}
pub(crate) use declare_rule;

const fn entry(code: &'static str, category: Category, severity: Severity, body: RuleBody) -> Rule {
    Rule {
        code,
        name: body.name,
        severity,
        category,
        scope: body.scope,
        explanation: body.explanation,
        check: body.check,
    }
}

/// Every rule, in code order: code, category, default severity, rule file.
///
/// Codes are stable: never reuse or renumber one. The hundreds are historical, not the
/// category: OKR001–008 were the first rules, then 1xx, 2xx, 3xx, 4xx were added in
/// batches, and a few rules (OKR004–007 about key results, OKR107 about an objective's key
/// results as a set) sit in a hundred that is not their category's. The category column
/// and the rule's folder are what group rules; `okr explain` takes a code or a name.
#[rustfmt::skip]
pub(crate) static RULES: &[Rule] = &[
    entry("OKR001", Structure, Warning, structure::too_many_objectives::RULE),
    entry("OKR002", Structure, Warning, structure::too_many_key_results::RULE),
    entry("OKR003", Structure, Warning, structure::too_few_key_results::RULE),
    entry("OKR004", KeyResult, Info,    keyresult::missing_baseline_or_target::RULE),
    entry("OKR005", KeyResult, Error,   keyresult::target_equals_baseline::RULE),
    entry("OKR006", KeyResult, Warning, keyresult::kr_without_owner::RULE),
    entry("OKR007", KeyResult, Warning, keyresult::binary_kr_without_confidence::RULE),
    entry("OKR008", Structure, Info,    structure::missing_okr_type::RULE),
    entry("OKR101", KeyResult, Error,   keyresult::vague_key_result::RULE),
    entry("OKR102", KeyResult, Warning, keyresult::output_key_result::RULE),
    entry("OKR103", KeyResult, Info,    keyresult::vanity_metric::RULE),
    entry("OKR104", KeyResult, Info,    keyresult::bau_kpi_as_kr::RULE),
    entry("OKR105", KeyResult, Info,    keyresult::compound_key_result::RULE),
    entry("OKR106", KeyResult, Warning, keyresult::duplicate_key_result::RULE),
    entry("OKR107", Objective, Info,    objective::unpaired_quantity_kr::RULE),
    entry("OKR108", KeyResult, Warning, keyresult::kr_outside_cycle::RULE),
    entry("OKR201", Objective, Info,    objective::objective_is_metric::RULE),
    entry("OKR202", Objective, Warning, objective::solution_prescribing_objective::RULE),
    entry("OKR203", Objective, Warning, objective::competitor_parity_objective::RULE),
    entry("OKR204", Objective, Info,    objective::not_achievable_in_cycle::RULE),
    entry("OKR205", Objective, Info,    objective::compound_objective::RULE),
    entry("OKR206", Objective, Info,    objective::vague_objective::RULE),
    entry("OKR207", Objective, Info,    objective::objective_is_a_key_result::RULE),
    entry("OKR208", Objective, Warning, objective::objective_is_a_topic::RULE),
    entry("OKR209", Objective, Warning, objective::activity_objective::RULE),
    entry("OKR301", Alignment, Warning, alignment::conflicting_objectives::RULE),
    entry("OKR302", Alignment, Warning, alignment::orphan_objective::RULE),
    entry("OKR303", Alignment, Error,   alignment::alignment_cycle::RULE),
    entry("OKR304", Alignment, Warning, alignment::cascade_too_deep::RULE),
    entry("OKR305", Alignment, Info,    alignment::kr_copied_as_child_objective::RULE),
    entry("OKR401", Tracking,  Warning, tracking::set_and_forget::RULE),
    entry("OKR402", Tracking,  Warning, tracking::sandbagging::RULE),
    entry("OKR403", Tracking,  Warning, tracking::chronic_miss::RULE),
    entry("OKR404", Tracking,  Warning, tracking::stealth_target_change::RULE),
    entry("OKR901", Meta,      Warning, meta::suppression_without_reason::RULE),
    entry("OKR902", Meta,      Warning, meta::unused_suppression::RULE),
];

/// The rule with this code or name, for the few places that run one rule by itself.
pub(crate) fn named(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// Public description of a rule (for `okr rules` and the bindings).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RuleInfo {
    /// Stable code, e.g. `OKR102`.
    pub code: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Category.
    pub category: Category,
    /// First line of the explanation.
    pub summary: String,
    /// Share of the OKRs it fired on that their sources call bad, measured on OKRs from
    /// public guides (`benches/lint-quality`); `None` when it never fired there (rules
    /// about owners, dates, check-ins and organisations cannot, on quoted OKRs).
    pub precision: Option<f64>,
    /// How many OKRs that precision rests on.
    pub precision_firings: Option<u32>,
    /// How many OKRs the corpus judged (the same for every rule).
    pub corpus_size: u32,
}

impl Rule {
    pub(crate) fn info(&self) -> RuleInfo {
        RuleInfo {
            code: self.code,
            name: self.name,
            severity: self.severity,
            category: self.category,
            summary: super::doc::summary(self.explanation),
            precision: super::measured::precision(self.code).map(|(p, _)| p),
            precision_firings: super::measured::precision(self.code).map(|(_, n)| n),
            corpus_size: super::measured::CORPUS_SIZE,
        }
    }

    pub(crate) fn matches(&self, code_or_name: &str) -> bool {
        self.code.eq_ignore_ascii_case(code_or_name) || self.name == code_or_name
    }
}

/// Every rule, in code order.
pub fn rules() -> Vec<RuleInfo> {
    RULES.iter().map(|r| r.info()).collect()
}

/// The rule with this code or name.
pub fn rule(code_or_name: &str) -> Option<RuleInfo> {
    find(code_or_name).map(Rule::info)
}

pub(crate) fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.matches(code_or_name.trim()))
}

/// The full explanation of a rule (Markdown): what it does, why it is bad, an example,
/// what to write instead, and the sources.
pub fn explain(code_or_name: &str) -> Option<String> {
    let rule = find(code_or_name)?;
    let trust = match super::measured::precision(rule.code) {
        Some((precision, fired)) => format!(
            "Measured precision: {precision:.2} (fired on {fired} of {} OKRs from public guides, {}).",
            super::measured::CORPUS_SIZE,
            super::measured::MEASURED_ON
        ),
        None => format!(
            "Measured precision: none (did not fire on the {} OKRs from public guides, {}).",
            super::measured::CORPUS_SIZE,
            super::measured::MEASURED_ON
        ),
    };
    Some(format!(
        "# {} ({})\n\nDefault severity: {}. Category: {}. {trust}\n\n{}",
        rule.name,
        rule.code,
        rule.severity,
        rule.category.as_str(),
        explanation_text(rule.explanation).trim()
    ))
}

/// Doc-comment lines carry one leading space (`/// text`); drop it.
fn explanation_text(raw: &str) -> String {
    raw.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}
