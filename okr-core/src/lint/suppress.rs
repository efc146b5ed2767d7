//! Suppressions: `lint: { allow: [{ rule, reason }] }` on the document, an objective or a
//! key result silences a rule there and inside it. Missing reasons and suppressions that
//! silence nothing are reported (OKR901, OKR902).

use super::context::Sink;
use super::registry;
use super::rules::meta::{suppression_without_reason, unused_suppression};
use super::{Diagnostic, LintConfig};
use crate::model::{Document, LintSection};
use crate::path::DocPath;

struct Allowance<'a> {
    /// Path of the item the suppression sits on ("" = the whole document).
    scope: DocPath,
    /// Path of the suppression itself.
    path: DocPath,
    id: Option<&'a str>,
    rule: &'a str,
    reason: Option<&'a str>,
    used: bool,
}

pub(crate) fn apply(
    doc: &Document,
    findings: Vec<Diagnostic>,
    config: &LintConfig,
) -> Vec<Diagnostic> {
    let mut allowances = collect(doc);
    if allowances.is_empty() {
        return findings;
    }
    let mut kept: Vec<Diagnostic> = findings
        .into_iter()
        .filter(|finding| {
            let mut suppressed = false;
            for allowance in allowances.iter_mut() {
                let covers = finding.path.starts_with(&allowance.scope);
                let rule_matches = finding.code.eq_ignore_ascii_case(allowance.rule.trim())
                    || finding.rule == allowance.rule.trim();
                if covers && rule_matches {
                    allowance.used = true;
                    suppressed = true;
                }
            }
            !suppressed
        })
        .collect();

    let enabled = |name| registry::named(name).filter(|rule| config.is_enabled(rule));
    if let Some(rule) = enabled(suppression_without_reason::RULE.name) {
        let mut sink = Sink::new(rule, config, &mut kept);
        for a in allowances
            .iter()
            .filter(|a| a.reason.is_none_or(|r| r.trim().is_empty()))
        {
            sink.report(
                a.path.clone(),
                a.id,
                format!("suppression of `{}` gives no reason", a.rule),
                "add `reason:` saying why the rule does not apply here, so the next reader can judge it",
            );
        }
    }
    if let Some(rule) = enabled(unused_suppression::RULE.name) {
        let mut sink = Sink::new(rule, config, &mut kept);
        for a in allowances.iter().filter(|a| !a.used) {
            match registry::find(a.rule) {
                None => sink.report(
                    a.path.clone(),
                    a.id,
                    format!("suppression names `{}`, which is no rule", a.rule),
                    "use a code or name listed by `okr rules`",
                ),
                // A rule switched off by configuration cannot fire, so its suppression is not "unused".
                Some(rule) if !config.is_enabled(rule) => {}
                Some(rule) => sink.report(
                    a.path.clone(),
                    a.id,
                    format!(
                        "suppression of `{}` ({}) silences nothing here",
                        rule.code, rule.name
                    ),
                    "remove it: the rule no longer fires on this item",
                ),
            }
        }
    }
    kept
}

fn collect(doc: &Document) -> Vec<Allowance<'_>> {
    let mut out = Vec::new();
    push(&mut out, doc.lint.as_ref(), DocPath::root(), None);
    for (i, objective) in doc.objectives.iter().enumerate() {
        let scope = DocPath::objective(i);
        push(
            &mut out,
            objective.lint.as_ref(),
            scope.clone(),
            Some(&objective.id),
        );
        for (k, kr) in objective.key_results.iter().enumerate() {
            let id = kr.id.as_deref().or(Some(&objective.id));
            push(&mut out, kr.lint.as_ref(), DocPath::key_result(i, k), id);
        }
    }
    out
}

fn push<'a>(
    out: &mut Vec<Allowance<'a>>,
    section: Option<&'a LintSection>,
    scope: DocPath,
    id: Option<&'a str>,
) {
    let Some(section) = section else { return };
    for (n, allow) in section.allow.iter().enumerate() {
        let path = scope.clone().key("lint").key("allow").index(n);
        out.push(Allowance {
            scope: scope.clone(),
            path,
            id,
            rule: &allow.rule,
            reason: allow.reason.as_deref(),
            used: false,
        });
    }
}
