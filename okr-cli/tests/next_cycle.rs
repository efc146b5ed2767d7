//! `okr next-cycle`: close a cycle, record its scores, carry the unfinished over.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{Scratch, okr};

const OKRS: &str = "cycles:\n  - { id: Q3, start: 2026-07-01, end: 2026-09-30 }\nobjectives:\n  - id: O1\n    title: Delight returning customers\n    key_results:\n      - id: K1\n        title: Raise repeat purchase rate from 20% to 30%\n        metric: { start: 20, target: 30 }\n        check_ins:\n          - { date: 2026-09-28, value: 26 }\n  - id: O2\n    title: Launch in Portugal\n    key_results:\n      - id: K2\n        title: Open the Lisbon shop\n        binary: { done: true }\n";

fn s(path: &std::path::Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn next_cycle_writes_a_valid_file_and_never_the_input_when_given_an_output() {
    let scratch = Scratch::new();
    let file = scratch.file("okrs.yaml", OKRS);
    let out = scratch.dir.path().join("q4.yaml");
    let run = okr(&[
        "next-cycle",
        s(&file),
        "--cycle",
        "Q4",
        "--start",
        "2026-10-01",
        "--end",
        "2026-12-31",
        "-o",
        s(&out),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), OKRS);
    // O1 ended at (26-20)/(30-20) = 60 %: recorded and carried; O2 (done, 100 %) only recorded.
    assert!(
        run.stdout.contains("O1 60%") && run.stdout.contains("O2 100%"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("O1 → O1-Q4") && !run.stdout.contains("O2 →"),
        "{}",
        run.stdout
    );
    let check = okr(&["check", s(&out)]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(
        written.contains("  - { objective: O1, cycle: Q3, score: 0.6 }"),
        "{written}"
    );
    assert!(
        written.contains("metric: { start: 26, target: 30 }")
            && written.contains("carried_from: O1"),
        "{written}"
    );
    // In place, then once more for the same cycle: refused, file untouched.
    assert_eq!(
        okr(&[
            "next-cycle",
            s(&file),
            "--cycle",
            "Q4",
            "--start",
            "2026-10-01",
            "--end",
            "2026-12-31",
            "--none"
        ])
        .code,
        0
    );
    let kept = std::fs::read_to_string(&file).unwrap();
    assert!(!kept.contains("carried_from"), "{kept}");
    let again = okr(&[
        "next-cycle",
        s(&file),
        "--cycle",
        "Q4",
        "--start",
        "2026-10-01",
        "--end",
        "2026-12-31",
    ]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), kept);
}
