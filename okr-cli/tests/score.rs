//! `okr score`: the JSON shape of docs/reports.md, text table, as-of handling.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{example, okr};
use serde_json::Value;

#[test]
fn json_has_the_report_shape() {
    let run = okr(&[
        "score",
        &example(),
        "--as-of",
        "2026-11-23",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["as_of"], "2026-11-23");
    let objective = &report["objectives"][0];
    let keys: Vec<&str> = objective
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "title",
            "owner",
            "cycle",
            "kind",
            "score",
            "color",
            "outcome",
            "expected",
            "pace",
            "key_results"
        ]
    );
    let kr = &objective["key_results"][0];
    let keys: Vec<&str> = kr.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "id",
            "title",
            "owner",
            "score",
            "attainment",
            "color",
            "current",
            "forecast",
            "confidence"
        ]
    );

    // C1-KR1: 18% → 26%, latest check-in 21.8 on 2026-11-20.
    assert_eq!(kr["id"], "C1-KR1");
    assert!((kr["score"].as_f64().unwrap() - (21.8 - 18.0) / 8.0).abs() < 1e-9);
    assert_eq!(kr["color"], "yellow");
    assert_eq!(kr["confidence"], 0.6);
    // Q4 2026: 53 of 91 days gone on 2026-11-23.
    assert!((objective["expected"].as_f64().unwrap() - 53.0 / 91.0).abs() < 1e-9);
    // An objective whose only key result is vague has a null score.
    let p2 = report["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "P2")
        .unwrap();
    assert!(p2["score"].is_null() && p2["pace"].is_null());
}

#[test]
fn as_of_changes_the_result_and_before_the_cycle_is_not_started() {
    let early = okr(&[
        "score",
        &example(),
        "--as-of",
        "2026-09-01",
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_str(&early.stdout).unwrap();
    for objective in report["objectives"].as_array().unwrap() {
        assert_eq!(objective["pace"], "not_started", "{}", objective["id"]);
    }
}

#[test]
fn text_table_lists_every_objective_and_key_result() {
    let run = okr(&["score", &example(), "--as-of", "2026-11-23"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("Scores as of 2026-11-23\n"));
    assert!(
        !run.stdout.contains('\x1b'),
        "no colours when piped or NO_COLOR is set"
    );
    for id in ["C1", "  C1-KR1", "  SUP2-KR1", "P2"] {
        assert!(
            run.stdout.lines().any(|l| l.starts_with(id)),
            "{id} missing:\n{}",
            run.stdout
        );
    }
    let c1 = run.stdout.lines().find(|l| l.starts_with("C1 ")).unwrap();
    assert!(c1.contains("on track") && c1.contains("missed"), "{c1}");
}

#[test]
fn default_as_of_is_today_and_bad_dates_are_usage_errors() {
    let run = okr(&["score", &example(), "--format", "json"]);
    assert_eq!(run.code, 0);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["as_of"].as_str().unwrap().len(), 10);
    let bad = okr(&["score", &example(), "--as-of", "2026-02-30"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("no such day"), "{}", bad.stderr);
    // The same days are refused by every front end (pytest and node check this table too).
    for wrong in [
        " 2026-08-15",
        "2026-08-15 ",
        "2026-8-15",
        "+2026-08-15",
        "15.08.2026",
    ] {
        let bad = okr(&["score", &example(), "--as-of", wrong]);
        assert_eq!(bad.code, 2, "{wrong:?}");
        assert!(
            bad.stderr.contains("YYYY-MM-DD"),
            "{wrong:?}: {}",
            bad.stderr
        );
    }
}
