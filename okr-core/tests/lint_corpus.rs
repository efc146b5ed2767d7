//! The linter against real OKRs from public guides (`tests/corpus/okrs.yaml`), each labelled
//! good or bad by its source. Fails below recall 0.8 on bad ones or above a false-positive
//! rate of 0.2 on good ones.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use okr_core::lint::{LintConfig, lint};
use okr_core::model::{Document, KeyResult, Objective};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Entry {
    text: String,
    kind: String,
    label: String,
    #[serde(default)]
    problem: Option<String>,
    source: String,
}

/// Rules that judge the wording of one statement. Structural rules (counts, owners,
/// check-ins, alignment) need a whole organisation and say nothing about one sentence;
/// OKR004 is a completeness hint documented to fire on many good key results.
const TEXT_RULES: &[&str] = &[
    "OKR005", "OKR101", "OKR102", "OKR103", "OKR104", "OKR105", "OKR108", "OKR201", "OKR202",
    "OKR203", "OKR205", "OKR206",
];

fn flagged(entry: &Entry) -> Vec<&'static str> {
    let good_kr = |title: &str| KeyResult::new(title).with_id(format!("K{title}"));
    let (objective, path) = if entry.kind == "objective" {
        let objective = Objective::new("O", entry.text.as_str()).with_key_results(vec![
            good_kr("Raise weekly active users from 10k to 14k"),
            good_kr("Cut median page load from 3 s to 1.5 s"),
        ]);
        (objective, "objectives[0]".to_owned())
    } else {
        let objective = Objective::new("O", "Delight home cooks with cookware they love")
            .with_key_results(vec![KeyResult::new(entry.text.as_str())]);
        (objective, "objectives[0].key_results[0]".to_owned())
    };
    let doc = Document::default().with_objectives(vec![objective]);
    let report = lint(
        &doc,
        NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(),
        &LintConfig::default(),
    );
    report
        .diagnostics
        .iter()
        .filter(|d| d.path == path && TEXT_RULES.contains(&d.code))
        .map(|d| d.code)
        .collect()
}

#[test]
fn corpus_recall_and_false_positive_rate() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/okrs.yaml"
    ))
    .unwrap();
    let entries: Vec<Entry> = serde_saphyr::from_str(&text).unwrap();
    assert!(
        entries.len() >= 60,
        "the corpus needs at least 60 statements"
    );
    assert!(
        entries.iter().all(|e| e.source.starts_with("http")),
        "every statement names its source"
    );

    let (mut bad, mut caught, mut good, mut false_alarms) = (0, 0, 0, 0);
    let mut missed = Vec::new();
    let mut wrongly = Vec::new();
    for entry in &entries {
        let codes = flagged(entry);
        match entry.label.as_str() {
            "bad" => {
                bad += 1;
                if codes.is_empty() {
                    missed.push(format!(
                        "  {:?} ({}; {})",
                        entry.text,
                        entry.kind,
                        entry.problem.as_deref().unwrap_or("")
                    ));
                } else {
                    caught += 1;
                }
            }
            "good" => {
                good += 1;
                if !codes.is_empty() {
                    false_alarms += 1;
                    wrongly.push(format!(
                        "  {:?} ({}) flagged {codes:?}",
                        entry.text, entry.kind
                    ));
                }
            }
            other => panic!("unknown label {other}"),
        }
    }
    let recall = caught as f64 / bad as f64;
    let fp_rate = false_alarms as f64 / good as f64;
    println!(
        "corpus: {} statements; recall on bad {caught}/{bad} = {recall:.2}; false positives on good {false_alarms}/{good} = {fp_rate:.2}",
        entries.len()
    );
    println!(
        "missed bad ones:\n{}\nflagged good ones:\n{}",
        missed.join("\n"),
        wrongly.join("\n")
    );
    assert!(recall >= 0.8, "recall {recall:.2} below 0.8");
    assert!(fp_rate <= 0.2, "false-positive rate {fp_rate:.2} above 0.2");
}
