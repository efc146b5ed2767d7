//! Every rule has fixtures that must fire (at the right path, with the right severity)
//! and near-misses that must not. One file per category, like the rule folders.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use okr_core::lint::{LintConfig, LintReport, Severity, lint};

mod alignment;
mod catalogue;
mod keyresult;
mod meta;
mod objective;
mod structure;
mod tracking;

const AS_OF: (i32, u32, u32) = (2026, 8, 1); // 31 of the 91 days of Q3

fn run_with(yaml: &str, config: &LintConfig) -> LintReport {
    let doc = okr_core::from_yaml_str(yaml)
        .unwrap_or_else(|e| panic!("fixture does not load: {e}\n{yaml}"));
    lint(
        &doc,
        NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap(),
        config,
    )
}

fn run(yaml: &str) -> LintReport {
    run_with(yaml, &LintConfig::default())
}

#[track_caller]
fn fires(yaml: &str, code: &str, path: &str, severity: Severity) {
    let report = run(yaml);
    let found = report
        .diagnostics
        .iter()
        .find(|d| d.code == code && d.path == path);
    let Some(d) = found else {
        panic!(
            "{code} did not fire at {path}; findings: {:#?}\n{yaml}",
            report.diagnostics
        );
    };
    assert_eq!(d.severity, severity, "{code} at {path}: {}", d.message);
    assert!(!d.message.is_empty() && !d.help.is_empty());
}

#[track_caller]
fn silent(yaml: &str, code: &str) {
    let report = run(yaml);
    let hits: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect();
    assert!(hits.is_empty(), "{code} fired: {hits:#?}\n{yaml}");
}

const HEAD: &str = "cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]\n";

/// One aspirational objective with the given key-result titles (checked in recently).
fn krs(titles: &[&str]) -> String {
    let list = if titles.is_empty() { " []" } else { "" };
    let mut yaml = format!(
        "{HEAD}objectives:\n  - id: O1\n    title: Delight home cooks with cookware they love\n    kind: aspirational\n    key_results:{list}\n"
    );
    for (i, title) in titles.iter().enumerate() {
        yaml += &format!(
            "      - {{ id: K{i}, title: {}, check_ins: [{{ date: 2026-07-30, value: 1, confidence: 0.7 }}] }}\n",
            serde_json::to_string(title).unwrap()
        );
    }
    yaml
}

/// One objective with the given title and two good key results.
fn objective(title: &str) -> String {
    format!(
        "{HEAD}objectives:\n  - id: O1\n    title: {}\n    kind: aspirational\n    key_results:\n      - Raise weekly active cooks from 10k to 14k\n      - Cut median page load from 3 s to 1.5 s\n",
        serde_json::to_string(title).unwrap()
    )
}

const K0: &str = "objectives[0].key_results[0]";
const O0: &str = "objectives[0]";

fn with_history(kind: &str, scores: &[f64]) -> String {
    let mut yaml = format!(
        "{HEAD}objectives:\n  - id: O1\n    title: Delight home cooks\n    kind: {kind}\n    key_results: [Raise NPS from 30 to 40, Cut churn from 3% to 2%]\nhistory:\n"
    );
    for (i, s) in scores.iter().enumerate() {
        yaml += &format!(
            "  - {{ objective: O1, cycle: 2025-Q{}, score: {s} }}\n",
            i + 1
        );
    }
    yaml
}
