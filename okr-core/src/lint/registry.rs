//! The one table of rules and their stable codes.

use super::context::{Context, Sink};
use super::rules as rule_files;
use super::{Category, Severity};
use serde::Serialize;

/// A rule: metadata plus its check.
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

/// Declares a rule whose doc comment is also its `okr explain` text.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            code: $code:literal,
            name: $rule:literal,
            severity: $severity:ident,
            category: $category:ident,
            scope: $scope:ident,
            check: $check:path $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub(crate) static $name: $crate::lint::registry::Rule = $crate::lint::registry::Rule {
            code: $code,
            name: $rule,
            severity: $crate::lint::Severity::$severity,
            category: $crate::lint::Category::$category,
            scope: $crate::lint::registry::Scope::$scope,
            explanation: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}
pub(crate) use declare_rule;

/// Every rule, in code order. Codes are stable: never reuse or renumber one.
pub(crate) static RULES: &[&Rule] = &[
    &rule_files::too_many_objectives::RULE,
    &rule_files::too_many_key_results::RULE,
    &rule_files::too_few_key_results::RULE,
    &rule_files::missing_baseline::RULE,
    &rule_files::target_equals_baseline::RULE,
    &rule_files::kr_without_owner::RULE,
    &rule_files::binary_kr_without_confidence::RULE,
    &rule_files::missing_okr_type::RULE,
    &rule_files::vague_key_result::RULE,
    &rule_files::output_key_result::RULE,
    &rule_files::vanity_metric::RULE,
    &rule_files::bau_kpi_as_kr::RULE,
    &rule_files::compound_key_result::RULE,
    &rule_files::duplicate_key_result::RULE,
    &rule_files::unpaired_quantity_kr::RULE,
    &rule_files::kr_outside_cycle::RULE,
    &rule_files::objective_is_metric::RULE,
    &rule_files::solution_prescribing_objective::RULE,
    &rule_files::competitor_parity_objective::RULE,
    &rule_files::not_achievable_in_cycle::RULE,
    &rule_files::compound_objective::RULE,
    &rule_files::vague_objective::RULE,
    &rule_files::objective_is_key_result::RULE,
    &rule_files::objective_is_a_topic::RULE,
    &rule_files::activity_objective::RULE,
    &rule_files::conflicting_objectives::RULE,
    &rule_files::orphan_objective::RULE,
    &rule_files::alignment_cycle::RULE,
    &rule_files::cascade_too_deep::RULE,
    &rule_files::kr_copied_as_child_objective::RULE,
    &rule_files::set_and_forget::RULE,
    &rule_files::sandbagging::RULE,
    &rule_files::chronic_miss::RULE,
    &rule_files::stealth_target_change::RULE,
    &rule_files::suppression_without_reason::RULE,
    &rule_files::unused_suppression::RULE,
];

/// Public description of a rule (for `okr rules` and the bindings).
#[derive(Debug, Clone, PartialEq, Serialize)]
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
            summary: explanation_text(self.explanation)
                .lines()
                .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .unwrap_or_default()
                .to_owned(),
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
    RULES
        .iter()
        .copied()
        .find(|r| r.matches(code_or_name.trim()))
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
