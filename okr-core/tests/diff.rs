//! `okr_core::diff`: what a reviewer must see between two versions.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use okr_core::diff::{Bar, Change, diff, markdown, text};

const OLD: &str = "cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
objectives:
  - id: O1
    title: Delight returning customers
    cycle: Q3
    key_results:
      - id: K1
        title: Raise repeat purchase rate from 20% to 30%
        metric: { start: 20, target: 30 }
        check_ins:
          - { date: 2026-07-15, value: 22 }
          - { date: 2026-07-29, value: 24 }
      - id: K2
        title: Cut refunds from 4% to 2%
        metric: { start: 4, target: 2 }
  - id: O2
    title: Hire a great team
    cycle: Q3
    aligns_to: O1
    key_results: [{ id: K3, title: Hire 3 engineers, metric: { start: 0, target: 3 } }]
";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 1).unwrap()
}

fn load(text: &str) -> okr_core::Document {
    okr_core::from_yaml_str(text).unwrap()
}

#[test]
fn the_same_okrs_written_differently_are_no_change() {
    let old = load(OLD);
    let json = okr_core::to_json(&old).unwrap();
    let result = diff(&old, &okr_core::from_json_str(&json).unwrap(), day());
    assert!(result.is_empty() && result.scores.is_empty(), "{result:#?}");
    assert_eq!(text(&result), "no changes to the OKRs\n");
}

#[test]
fn names_a_lowered_target_a_deleted_check_in_and_a_renamed_objective() {
    let new = OLD
        .replace(
            "title: Delight returning customers",
            "title: Delight every customer",
        )
        .replace(
            "metric: { start: 20, target: 30 }",
            "metric: { start: 20, target: 26 }",
        )
        .replace("          - { date: 2026-07-15, value: 22 }\n", "")
        .replace(
            "metric: { start: 4, target: 2 }",
            "metric: { start: 4, target: 1.5 }",
        );
    let result = diff(&load(OLD), &load(&new), day());
    let expected = vec![
        Change::ObjectiveRenamed {
            id: "O1".into(),
            from: "Delight returning customers".into(),
            to: "Delight every customer".into(),
        },
        Change::BarMoved {
            objective: "O1".into(),
            key_result: "K1".into(),
            field: "target".into(),
            from: 30.0,
            to: 26.0,
            direction: Bar::Lowered,
        },
        Change::CheckInDeleted {
            key_result: "K1".into(),
            date: "2026-07-15".parse().unwrap(),
            value: Some(22.0),
        },
        // A falling metric with a lower target is harder: raised.
        Change::BarMoved {
            objective: "O1".into(),
            key_result: "K2".into(),
            field: "target".into(),
            from: 2.0,
            to: 1.5,
            direction: Bar::Raised,
        },
    ];
    assert_eq!(result.changes, expected);
    // K1 as of 2026-08-01 (last check-in 24): old (24-20)/(30-20) = 0.4, new (24-20)/(26-20) = 2/3.
    // O1 is the mean of K1 and K2 (no check-in: 0): 0.2 before, 1/3 after.
    let o1 = result.scores.iter().find(|s| s.objective == "O1").unwrap();
    assert!(
        (o1.from.unwrap() - 0.2).abs() < 1e-9 && (o1.to.unwrap() - 1.0 / 3.0).abs() < 1e-9,
        "{o1:?}"
    );
    let shown = text(&result);
    assert!(
        shown.contains("K1 target: 30 → 26 (THE BAR WAS LOWERED)"),
        "{shown}"
    );
    let comment = markdown(&result);
    assert!(
        comment.contains("**the bar was lowered**")
            && comment.contains("**deleted after the fact**"),
        "{comment}"
    );
}

#[test]
fn lists_additions_edits_and_alignment_moves() {
    let new = OLD
        .replace("{ date: 2026-07-29, value: 24 }", "{ date: 2026-07-29, value: 25 }\n          - { date: 2026-08-05, value: 26 }")
        .replace("aligns_to: O1", "aligns_to: K1")
        .replace("key_results: [{ id: K3, title: Hire 3 engineers, metric: { start: 0, target: 3 } }]", "key_results:\n      - { id: K3, title: Hire 3 engineers, metric: { start: 0, target: 3 } }\n      - { id: K4, title: Onboard them in 2 weeks }")
        + "  - id: O3\n    title: Open the Lisbon office\n    key_results: [Sign the lease]\n";
    let result = diff(&load(OLD), &load(&new), day());
    let kinds: Vec<String> = result
        .changes
        .iter()
        .map(|c| {
            serde_json::to_value(c).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "check_in_edited",
            "check_in_added",
            "alignment_changed",
            "key_result_added",
            "objective_added"
        ]
    );
    assert!(
        matches!(&result.changes[0], Change::CheckInEdited { from: Some(f), to: Some(t), fields, .. } if *f == 24.0 && *t == 25.0 && fields == &["value"])
    );
    assert!(
        matches!(&result.changes[2], Change::AlignmentChanged { from, to, .. } if from == &["O1"] && to == &["K1"])
    );
}

#[test]
fn markdown_escapes_text_from_the_file() {
    let new = OLD.replace(
        "title: Hire a great team",
        "title: \"Hire *the* best | [team](x)\"",
    );
    let comment = markdown(&diff(&load(OLD), &load(&new), day()));
    assert!(
        comment.contains("Hire \\*the\\* best \\| \\[team\\](x)"),
        "{comment}"
    );
}
