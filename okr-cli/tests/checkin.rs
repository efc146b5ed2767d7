//! `okr checkin`: check-ins appended in place, only the new lines changed, all or nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{Scratch, okr};

const OKRS: &str = "# Our OKRs for Q3\ncycles:\n  - { id: Q3, start: 2026-07-01, end: 2026-09-30 }\nteams:\n  - { id: web }\nobjectives:\n  - id: O1\n    title: Delight returning customers\n    owner: web\n    cycle: Q3\n    key_results:\n      - id: K1\n        title: Raise repeat purchase rate from 20% to 30%\n        metric: { start: 20, target: 30, unit: \"%\" }\n        check_ins:\n          - { date: 2026-07-15, value: 21 }   # first read\n\n      - id: K2\n        title: Launch the loyalty programme\n        binary: { done: false }\n";

fn s(path: &std::path::Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_check_in_adds_one_line_and_prints_the_new_scores() {
    let scratch = Scratch::new();
    let file = scratch.file("okrs.yaml", OKRS);
    let run = okr(&[
        "checkin",
        s(&file),
        "K1",
        "25",
        "--date",
        "2026-08-01",
        "--note",
        "summer sale",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = OKRS.replace(
        "   # first read\n",
        "   # first read\n          - { date: 2026-08-01, value: 25, note: summer sale }\n",
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
    // K1: (25 - 20) / (30 - 20) = 50 %; O1 is the mean of K1 and K2 (not done): 25 %.
    assert!(run.stdout.contains("key result 50%"), "{}", run.stdout);
    assert!(run.stdout.contains("objective O1 25%"), "{}", run.stdout);
}

#[test]
fn done_marks_a_binary_key_result_by_changing_one_word() {
    let scratch = Scratch::new();
    let file = scratch.file("okrs.yaml", OKRS);
    let run = okr(&["checkin", s(&file), "K2", "--done", "--date", "2026-08-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        OKRS.replace("done: false", "done: true")
    );
    let value_for_binary = okr(&["checkin", s(&file), "K2", "1"]);
    assert_eq!(value_for_binary.code, 2);
    assert!(
        value_for_binary.stderr.contains("--done") || value_for_binary.stderr.contains("`done`"),
        "{}",
        value_for_binary.stderr
    );
}

#[test]
fn a_csv_with_one_bad_row_writes_nothing_and_names_every_bad_line_and_column() {
    let scratch = Scratch::new();
    let file = scratch.file("okrs.yaml", OKRS);
    let csv = scratch.file(
        "values.csv",
        "key_result,value,date,confidence\nK1,22,2026-07-22,0.6\nK1,lots,2026-07-29,\nKX,23,2026-08-05,\nK1,24,2026-08-12,1.5\n",
    );
    let run = okr(&["checkin", s(&file), "--from", s(&csv)]);
    assert_eq!(run.code, 2);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        OKRS,
        "nothing may be written"
    );
    // Paths are shown as given; each line is the CSV's name, the line, then the column.
    let lines: Vec<String> = run
        .stderr
        .lines()
        .map(|line| line.replace(s(&csv), "values.csv"))
        .collect();
    assert!(
        lines[0].starts_with("values.csv:3: column `value`"),
        "{}",
        run.stderr
    );
    assert!(
        lines[1].starts_with("values.csv:4: column `key_result`") && lines[1].contains("`KX`"),
        "{}",
        run.stderr
    );
    assert!(
        lines[2].starts_with("values.csv:5: column `confidence`"),
        "{}",
        run.stderr
    );
    assert!(lines[3].contains("nothing was written"), "{}", run.stderr);

    let good = scratch.file(
        "good.csv",
        "key_result,value,date\nK1,23,2026-08-05\nK1,22,2026-07-22\n",
    );
    let run = okr(&["checkin", s(&file), "--from", s(&good)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Both in date order after the existing 2026-07-15 check-in.
    let expected = OKRS.replace(
        "   # first read\n",
        "   # first read\n          - { date: 2026-07-22, value: 22 }\n          - { date: 2026-08-05, value: 23 }\n",
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
}

#[test]
fn unknown_key_results_and_missing_values_are_usage_errors() {
    let scratch = Scratch::new();
    let file = scratch.file("okrs.yaml", OKRS);
    let unknown = okr(&["checkin", s(&file), "k1", "3"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `K1`"),
        "{}",
        unknown.stderr
    );
    let missing = okr(&["checkin", s(&file), "K1"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("VALUE"), "{}", missing.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), OKRS);
}

#[test]
fn the_check_ins_table_of_okr_export_feeds_back_into_checkin() {
    let scratch = Scratch::new();
    let file = scratch.file("okrs.yaml", OKRS);
    let csv = scratch.file(
        "check-ins.csv",
        "key_result_id,date,value,confidence,note\nK1,2026-07-22,23,0.6,\n",
    );
    let run = okr(&["checkin", s(&file), "--from", s(&csv)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = OKRS.replace(
        "   # first read\n",
        "   # first read\n          - { date: 2026-07-22, value: 23, confidence: 0.6 }\n",
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
}
