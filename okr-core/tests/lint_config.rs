//! Configuration, suppressions and the quiet-on-good-OKRs guarantee.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use okr_core::lint::{LintConfig, LintReport, Severity, lint};
use std::collections::BTreeMap;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 10).unwrap()
}

fn run(yaml: &str, config: &LintConfig) -> LintReport {
    lint(&okr_core::from_yaml_str(yaml).unwrap(), as_of(), config)
}

fn codes(report: &LintReport) -> Vec<&'static str> {
    let mut codes: Vec<_> = report.diagnostics.iter().map(|d| d.code).collect();
    codes.dedup();
    codes
}

const WEAK: &str = "cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
objectives:
  - id: O1
    title: Improve processes
    key_results:
      - { id: K1, title: Improve deployment process }
      - { id: K2, title: Launch the new website }
";

#[test]
fn well_written_okrs_get_no_findings() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/well-written.yaml"
    ))
    .unwrap();
    let report = run(&text, &LintConfig::default());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(
        (
            report.summary.error,
            report.summary.warning,
            report.summary.info
        ),
        (0, 0, 0)
    );
}

#[test]
fn summary_counts_findings_by_severity() {
    let report = run(WEAK, &LintConfig::default());
    let count = |s: Severity| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    assert_eq!(report.summary.error, count(Severity::Error));
    assert_eq!(report.summary.warning, count(Severity::Warning));
    assert_eq!(report.summary.info, count(Severity::Info));
    assert!(report.has_errors());
}

#[test]
fn select_ignore_prefixes_and_names() {
    let only = |select: &[&str], ignore: &[&str]| {
        let config = LintConfig {
            select: (!select.is_empty()).then(|| select.iter().map(|s| s.to_string()).collect()),
            ignore: ignore.iter().map(|s| s.to_string()).collect(),
            ..LintConfig::default()
        };
        codes(&run(WEAK, &config))
    };
    assert_eq!(only(&["OKR101"], &[]), ["OKR101"]);
    assert_eq!(only(&["vague-key-result"], &[]), ["OKR101"]);
    assert!(only(&["OKR1"], &[]).iter().all(|c| c.starts_with("OKR1")));
    assert!(
        !only(&[], &["OKR101", "OKR4"])
            .iter()
            .any(|c| *c == "OKR101" || c.starts_with("OKR4"))
    );
    assert_eq!(only(&["OKR101"], &["OKR101"]), Vec::<&str>::new());
}

#[test]
fn severity_overrides_apply_to_every_finding_of_the_rule() {
    let mut severity = BTreeMap::new();
    severity.insert("OKR101".to_owned(), Severity::Info);
    severity.insert("output-key-result".to_owned(), Severity::Error);
    let report = run(
        WEAK,
        &LintConfig {
            severity,
            ..LintConfig::default()
        },
    );
    let of = |code: &str| {
        report
            .diagnostics
            .iter()
            .find(|d| d.code == code)
            .unwrap()
            .severity
    };
    assert_eq!(of("OKR101"), Severity::Info);
    assert_eq!(of("OKR102"), Severity::Error);
}

#[test]
fn thresholds_and_strict_profile() {
    let three_krs = "objectives:\n  - id: O1\n    title: Delight cooks\n    kind: committed\n    key_results: [Raise NPS from 30 to 40, Cut churn from 3% to 2%, Lift CSAT from 80% to 85%]\n";
    assert!(!codes(&run(three_krs, &LintConfig::default())).contains(&"OKR002"));
    let config: LintConfig =
        serde_json::from_str(r#"{"thresholds": {"max_key_results": 2}}"#).unwrap();
    assert!(codes(&run(three_krs, &config)).contains(&"OKR002"));

    let two_krs = "objectives:\n  - id: O1\n    title: Delight cooks\n    kind: committed\n    key_results: [Raise NPS from 30 to 40, Cut churn from 3% to 2%]\n";
    assert!(!codes(&run(two_krs, &LintConfig::default())).contains(&"OKR003"));
    let strict = LintConfig {
        strict: Some(true),
        ..LintConfig::default()
    };
    assert!(
        codes(&run(two_krs, &strict)).contains(&"OKR003"),
        "strict needs 3 key results"
    );
}

#[test]
fn document_lint_section_configures_and_layers_under_flags() {
    let yaml = format!("lint:\n  ignore: [OKR101]\n  severity: {{ OKR102: info }}\n{WEAK}");
    let doc = okr_core::from_yaml_str(&yaml).unwrap();
    let from_doc = LintConfig::from_document(&doc).unwrap();
    let report = lint(&doc, as_of(), &from_doc);
    assert!(!codes(&report).contains(&"OKR101"));
    assert_eq!(
        report
            .diagnostics
            .iter()
            .find(|d| d.code == "OKR102")
            .unwrap()
            .severity,
        Severity::Info
    );
    // Flags layered on top: select replaces, ignore adds up.
    let flags = LintConfig {
        select: Some(vec!["OKR10".into()]),
        ..LintConfig::default()
    };
    let merged = from_doc.merge(&flags);
    assert!(
        codes(&lint(&doc, as_of(), &merged))
            .iter()
            .all(|c| c.starts_with("OKR10") && *c != "OKR101")
    );

    let bad = okr_core::from_yaml_str(&format!("lint:\n  selekt: [OKR1]\n{WEAK}")).unwrap();
    assert!(
        LintConfig::from_document(&bad)
            .unwrap_err()
            .to_string()
            .contains("selekt")
    );
    let typo = LintConfig {
        ignore: vec!["OKR999".into()],
        ..LintConfig::default()
    };
    assert_eq!(typo.unknown_selectors(), ["OKR999"]);
}

#[test]
fn suppressions_silence_a_rule_on_the_item_and_inside_it() {
    let yaml = "cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
objectives:
  - id: O1
    title: Improve processes
    lint: { allow: [{ rule: OKR101, reason: drafts under review }] }
    key_results:
      - { id: K1, title: Improve deployment process }
      - id: K2
        title: Launch the new website
        lint: { allow: [{ rule: output-key-result, reason: a legal deadline }] }
";
    let report = run(yaml, &LintConfig::default());
    let all = codes(&report);
    assert!(
        !all.contains(&"OKR101") && !all.contains(&"OKR102"),
        "{all:?}"
    );
    assert!(
        !all.contains(&"OKR901") && !all.contains(&"OKR902"),
        "{all:?}"
    );
}

#[test]
fn findings_are_located_and_ordered() {
    let mut report = run(WEAK, &LintConfig::default());
    report.locate(WEAK);
    let k1 = report
        .diagnostics
        .iter()
        .find(|d| d.code == "OKR101")
        .unwrap();
    assert_eq!(
        (k1.path.to_string().as_str(), k1.id.as_deref(), k1.line),
        ("objectives[0].key_results[0]", Some("K1"), Some(6))
    );
    // Document order: the objective, then its first key result, then its second.
    let paths: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| d.path.to_string())
        .collect();
    let first_of = |p: &str| paths.iter().position(|x| *x == p).unwrap();
    let last_of = |p: &str| paths.iter().rposition(|x| *x == p).unwrap();
    assert!(
        last_of("objectives[0]") < first_of("objectives[0].key_results[0]"),
        "{paths:?}"
    );
    assert!(
        last_of("objectives[0].key_results[0]") < first_of("objectives[0].key_results[1]"),
        "{paths:?}"
    );
}
