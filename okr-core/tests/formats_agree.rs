//! The same content read from YAML and from JSON gives the same results: validation
//! problems (each at its own text's line for its path), score reports and lint reports.
//! Whatever makes YAML faster must keep this true (issue 24).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use okr_core::format::{Format, LineIndex, LoadOptions, load_str};
use okr_core::lint::{LintConfig, lint};
use okr_core::model::Document;
use okr_core::score::{ScoreConfig, score};

fn acme() -> Document {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/acme.yaml");
    okr_core::from_yaml_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

#[test]
fn score_and_lint_reports_are_the_same_from_yaml_and_from_json() {
    let document = acme();
    let yaml = okr_core::to_yaml(&document).unwrap();
    let json = okr_core::to_json(&document).unwrap();
    let from_yaml = okr_core::from_yaml_str(&yaml).unwrap();
    let from_json = okr_core::from_json_str(&json).unwrap();
    assert_eq!(from_yaml, from_json);
    let scores = |d: &Document| score(d, day(), &ScoreConfig::default());
    assert_eq!(scores(&from_yaml), scores(&from_json));
    let mut findings = [&from_yaml, &from_json].map(|d| lint(d, day(), &LintConfig::default()));
    assert!(!findings[0].diagnostics.is_empty());
    // Located against their own texts, each finding sits on the line of its path there.
    findings[0].locate(&yaml);
    findings[1].locate(&json);
    let [in_yaml, in_json] = findings.map(|report| {
        report
            .diagnostics
            .into_iter()
            .map(|d| (d.code, d.path.to_string(), d.message, d.line))
            .collect::<Vec<_>>()
    });
    let (yaml_lines, json_lines) = (LineIndex::new(&yaml), LineIndex::new(&json));
    assert_eq!(in_yaml.len(), in_json.len());
    for (a, b) in in_yaml.iter().zip(&in_json) {
        assert_eq!((a.0, &a.1, &a.2), (b.0, &b.1, &b.2));
        let path = okr_core::DocPath::parse(&a.1);
        assert_eq!(a.3, yaml_lines.line_of(&path), "{}", a.1);
        assert_eq!(b.3, json_lines.line_of(&path), "{}", b.1);
    }
}

#[test]
fn validation_problems_are_the_same_from_yaml_and_from_json() {
    let mut document = acme();
    // Three kinds of mistake, written in both formats from the same model.
    document.objectives[1].owner = Some("nobody".into());
    document.objectives[2].id = document.objectives[0].id.clone();
    document.objectives[3].key_results[0].weight = Some(-1.0);
    let yaml = okr_core::to_yaml(&document).unwrap();
    let json = okr_core::to_json(&document).unwrap();
    let problems = |text: &str, format| {
        load_str(text, format, &LoadOptions::default())
            .unwrap_err()
            .problems()
            .to_vec()
    };
    let (in_yaml, in_json) = (problems(&yaml, Format::Yaml), problems(&json, Format::Json));
    assert!(in_yaml.len() >= 3, "{in_yaml:?}");
    let (yaml_lines, json_lines) = (LineIndex::new(&yaml), LineIndex::new(&json));
    assert_eq!(in_yaml.len(), in_json.len());
    for (a, b) in in_yaml.iter().zip(&in_json) {
        assert_eq!(
            (a.kind, &a.path, &a.id, &a.message),
            (b.kind, &b.path, &b.id, &b.message)
        );
        assert_eq!(a.line, yaml_lines.line_of(&a.path), "{}", a.path);
        assert_eq!(b.line, json_lines.line_of(&b.path), "{}", b.path);
    }
}
