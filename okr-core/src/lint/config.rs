//! Linter configuration: which rules run, how severe they are, and their thresholds.

use super::Severity;
use super::registry::Rule;
use crate::model::Document;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Linter settings. Every field is optional, so settings from several places (the
/// document's `lint:` section, `okr.toml`, command-line flags) layer with [`Self::merge`].
///
/// ```
/// use okr_core::lint::LintConfig;
///
/// let config: LintConfig = serde_json::from_str(
///     r#"{"ignore": ["OKR008"], "severity": {"OKR006": "info"}, "thresholds": {"max_key_results": 4}}"#,
/// ).unwrap();
/// assert_eq!(config.thresholds.max_key_results(false), 4);
/// let strict = LintConfig { strict: Some(true), ..LintConfig::default() };
/// assert_eq!(strict.merge(&config).thresholds.max_objectives(true), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LintConfig {
    /// Run only these rules: codes (`OKR102`), code prefixes (`OKR1`), names, or `ALL`.
    /// Unset: every rule.
    pub select: Option<Vec<String>>,
    /// Never run these rules (same forms as `select`).
    pub ignore: Vec<String>,
    /// Severity per rule code or name.
    pub severity: BTreeMap<String, Severity>,
    /// Numbers the rules compare against.
    pub thresholds: Thresholds,
    /// The strict profile: one objective per team and cycle, 3–5 key results each.
    pub strict: Option<bool>,
}

/// A lint setting that cannot be used: a settings section of the wrong shape, or a rule
/// selector that names no rule. Options never silently do nothing.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The document's `lint:` section (or a settings table) has an unknown key or a value
    /// of the wrong type.
    #[error(
        "{place}: {message}; allowed keys are select, ignore, severity, thresholds, strict, allow"
    )]
    Shape {
        /// Where the settings came from.
        place: String,
        /// What is wrong.
        message: String,
    },
    /// A code, prefix or name in `select`, `ignore` or `severity` that matches no rule.
    #[error("{place}: `{selector}` matches no rule{}; `okr rules` lists them", suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownRule {
        /// Where the selector was written.
        place: String,
        /// The selector as written.
        selector: String,
        /// The nearest rule code or name, when one is close.
        suggestion: Option<String>,
    },
}

impl LintConfig {
    /// Settings from the document's own `lint:` section (suppressions excluded).
    pub fn from_document(document: &Document) -> Result<LintConfig, ConfigError> {
        let Some(section) = &document.lint else {
            return Ok(LintConfig::default());
        };
        serde_json::from_value(serde_json::Value::Object(section.extra.to_map())).map_err(|e| {
            ConfigError::Shape {
                place: "lint".to_owned(),
                message: e.to_string(),
            }
        })
    }

    /// The settings a lint of `document` runs with, the same in every front end: the
    /// document's own `lint:` section, then a settings file's `[lint]` table (`okr.toml`),
    /// then the caller's options (flags, keyword arguments), each overriding the one before.
    /// Every layer's selectors must name rules.
    ///
    /// ```
    /// use okr_core::lint::{ConfigError, LintConfig};
    ///
    /// let doc = okr_core::from_yaml_str("lint: { ignore: [OKR008] }\nobjectives: []\n")?;
    /// let flags = LintConfig { select: Some(vec!["OKR1".into()]), ..LintConfig::default() };
    /// let config = LintConfig::layered(&doc, None, &flags).unwrap();
    /// assert_eq!(config.ignore, ["OKR008"]);
    /// let typo = LintConfig { ignore: vec!["OKR99".into()], ..LintConfig::default() };
    /// assert!(matches!(LintConfig::layered(&doc, None, &typo), Err(ConfigError::UnknownRule { .. })));
    /// # Ok::<(), okr_core::Error>(())
    /// ```
    pub fn layered(
        document: &Document,
        file: Option<&LintConfig>,
        options: &LintConfig,
    ) -> Result<LintConfig, ConfigError> {
        let from_document = LintConfig::from_document(document)?;
        from_document.check_selectors("lint")?;
        let mut config = from_document;
        if let Some(file) = file {
            file.check_selectors("settings file [lint]")?;
            config = config.merge(file);
        }
        options.check_selectors("options")?;
        Ok(config.merge(options))
    }

    /// An error for the first selector that names no rule, with the nearest code or name.
    pub fn check_selectors(&self, place: &str) -> Result<(), ConfigError> {
        match self.unknown_selectors().into_iter().next() {
            None => Ok(()),
            Some(selector) => Err(ConfigError::UnknownRule {
                place: place.to_owned(),
                suggestion: nearest_rule(&selector),
                selector,
            }),
        }
    }

    /// True when these settings leave no rule to run (a selection that selects nothing
    /// useful, or ignores everything): worth a warning.
    pub fn disables_every_rule(&self) -> bool {
        !super::registry::RULES.iter().any(|r| self.is_enabled(r))
    }

    /// `self` overridden by `other`: set values win, `ignore` lists add up, severities merge.
    pub fn merge(&self, other: &LintConfig) -> LintConfig {
        let mut severity = self.severity.clone();
        severity.extend(other.severity.iter().map(|(k, v)| (k.clone(), *v)));
        LintConfig {
            select: other.select.clone().or_else(|| self.select.clone()),
            ignore: self.ignore.iter().chain(&other.ignore).cloned().collect(),
            severity,
            thresholds: self.thresholds.merge(&other.thresholds),
            strict: other.strict.or(self.strict),
        }
    }

    /// Whether the strict profile is on.
    pub fn is_strict(&self) -> bool {
        self.strict.unwrap_or(false)
    }

    /// Selectors that name no rule (typos), for callers to report.
    pub fn unknown_selectors(&self) -> Vec<String> {
        let selectors = self
            .select
            .iter()
            .flatten()
            .chain(&self.ignore)
            .chain(self.severity.keys());
        selectors
            .filter(|s| {
                !super::registry::RULES
                    .iter()
                    .any(|r| selector_matches(s, r))
            })
            .cloned()
            .collect()
    }

    pub(crate) fn is_enabled(&self, rule: &Rule) -> bool {
        let selected = self
            .select
            .as_ref()
            .is_none_or(|list| list.iter().any(|s| selector_matches(s, rule)));
        selected && !self.ignore.iter().any(|s| selector_matches(s, rule))
    }

    pub(crate) fn severity_of(&self, rule: &Rule) -> Severity {
        self.severity
            .iter()
            .find(|(key, _)| rule.matches(key))
            .map_or(rule.severity, |(_, severity)| *severity)
    }
}

/// The rule code or name closest to a selector that matched none, when one is close.
fn nearest_rule(selector: &str) -> Option<String> {
    let wanted = selector.trim().to_ascii_lowercase();
    super::registry::RULES
        .iter()
        .flat_map(|r| [r.code, r.name])
        .map(|candidate| {
            let distance = strsim::levenshtein(&wanted, &candidate.to_ascii_lowercase());
            (distance, candidate)
        })
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 4))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate.to_owned())
}

/// `ALL`, a code, a code prefix (`OKR1` = all OKR1xx rules) or a rule name.
fn selector_matches(selector: &str, rule: &Rule) -> bool {
    let selector = selector.trim();
    selector.eq_ignore_ascii_case("all")
        || rule.name == selector
        || (selector.len() >= 3
            && rule.code.len() >= selector.len()
            && rule.code[..selector.len()].eq_ignore_ascii_case(selector))
}

/// Thresholds of the rules; unset values take the defaults given below (also tabled in
/// docs/writing-rules.md).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// OKR001 warns above this many objectives per owner and cycle (default 3, strict 1).
    pub max_objectives: Option<usize>,
    /// OKR001 errs above this many (default 5).
    pub max_objectives_error: Option<usize>,
    /// OKR002 warns above this many key results per objective (default 5).
    pub max_key_results: Option<usize>,
    /// OKR002 warns above this many key results per team and cycle (default 20).
    pub max_team_key_results: Option<usize>,
    /// OKR003 warns below this many key results (default 2, strict 3).
    pub min_key_results: Option<usize>,
    /// OKR304 warns deeper than this many alignment levels (default 3).
    pub max_alignment_depth: Option<usize>,
    /// OKR401 warns when the last check-in is older than this many days (default 14).
    pub stale_days: Option<i64>,
    /// OKR401 errs when it is older than this (three missed weekly check-ins; default 21).
    pub missed_days: Option<i64>,
    /// OKR106: word-overlap similarity that counts as a duplicate (default 0.8).
    pub duplicate_similarity: Option<f64>,
    /// OKR305: similarity of a child objective to its parent key result (default 0.9).
    pub copy_similarity: Option<f64>,
}

impl Thresholds {
    fn merge(&self, other: &Thresholds) -> Thresholds {
        Thresholds {
            max_objectives: other.max_objectives.or(self.max_objectives),
            max_objectives_error: other.max_objectives_error.or(self.max_objectives_error),
            max_key_results: other.max_key_results.or(self.max_key_results),
            max_team_key_results: other.max_team_key_results.or(self.max_team_key_results),
            min_key_results: other.min_key_results.or(self.min_key_results),
            max_alignment_depth: other.max_alignment_depth.or(self.max_alignment_depth),
            stale_days: other.stale_days.or(self.stale_days),
            missed_days: other.missed_days.or(self.missed_days),
            duplicate_similarity: other.duplicate_similarity.or(self.duplicate_similarity),
            copy_similarity: other.copy_similarity.or(self.copy_similarity),
        }
    }

    /// OKR001 warning threshold.
    pub fn max_objectives(&self, strict: bool) -> usize {
        self.max_objectives.unwrap_or(if strict { 1 } else { 3 })
    }
    /// OKR001 error threshold.
    pub fn max_objectives_error(&self) -> usize {
        self.max_objectives_error.unwrap_or(5)
    }
    /// OKR002 per-objective threshold.
    pub fn max_key_results(&self, _strict: bool) -> usize {
        self.max_key_results.unwrap_or(5)
    }
    /// OKR002 per-team threshold.
    pub fn max_team_key_results(&self) -> usize {
        self.max_team_key_results.unwrap_or(20)
    }
    /// OKR003 minimum.
    pub fn min_key_results(&self, strict: bool) -> usize {
        self.min_key_results.unwrap_or(if strict { 3 } else { 2 })
    }
    /// OKR304 depth.
    pub fn max_alignment_depth(&self) -> usize {
        self.max_alignment_depth.unwrap_or(3)
    }
    /// OKR401 warning age.
    pub fn stale_days(&self) -> i64 {
        self.stale_days.unwrap_or(14)
    }
    /// OKR401 error age.
    pub fn missed_days(&self) -> i64 {
        self.missed_days.unwrap_or(21)
    }
    /// OKR106 similarity.
    pub fn duplicate_similarity(&self) -> f64 {
        self.duplicate_similarity.unwrap_or(0.8)
    }
    /// OKR305 similarity.
    pub fn copy_similarity(&self) -> f64 {
        self.copy_similarity.unwrap_or(0.9)
    }
}
