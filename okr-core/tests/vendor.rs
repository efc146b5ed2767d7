//! Vendor layouts, read from fixtures written from each vendor's documentation
//! (docs/vendors.md names the version).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use okr_core::ProblemKind;
use okr_core::table::{ImportOptions, Table};
use okr_core::vendor::{betterworks, okr_tracker};
use serde_json::Value;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/vendors/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn okr_tracker_key_results_group_under_their_objectives_and_keep_their_history() {
    let document = okr_tracker::read(&fixture("okr-tracker-key-results.json"), None).unwrap();
    let shape: Vec<(&str, &str, usize)> = document
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o.title.as_str(), o.key_results.len()))
        .collect();
    // The archived key result is left out, as okr-tracker leaves it out of progression.
    assert_eq!(
        shape,
        [
            (
                "obj-permits",
                "Make permit applications fully self-service",
                2
            ),
            ("O2", "Retire the paper archive", 1)
        ]
    );
    let permits = &document.objectives[0];
    assert_eq!(permits.owner.as_deref(), Some("building-agency"));
    assert_eq!(permits.cycle.as_deref(), Some("2025-01-01..2025-06-30"));
    assert_eq!(
        (document.cycles[0].start, document.cycles[0].end),
        (day(2025, 1, 1), day(2025, 6, 30))
    );
    let digital = &permits.key_results[0];
    let history: Vec<(NaiveDate, Option<f64>)> = digital
        .check_ins
        .iter()
        .map(|c| (c.date, c.value))
        .collect();
    assert_eq!(
        history,
        [
            (day(2025, 1, 13), Some(45.0)),
            (day(2025, 2, 10), Some(55.0)),
            (day(2025, 3, 3), Some(62.0))
        ]
    );
    assert_eq!(
        digital.check_ins[2].note.as_deref(),
        Some("New form launched")
    );
    assert_eq!(digital.weight, Some(2.0));
    // The second key result of the same objective has an empty comment: no note.
    assert_eq!(permits.key_results[1].check_ins[0].note, None);
}

#[test]
fn okr_tracker_progression_is_what_okr_scores_on_the_day_of_the_last_update() {
    let text = fixture("okr-tracker-key-results.json");
    let api: Value = serde_json::from_str(&text).unwrap();
    let document = okr_tracker::read(&text, None).unwrap();
    let report = okr_core::score::score(&document, day(2025, 3, 5), &Default::default());
    // okr-tracker computes `progression` itself (start to target, clamped); the scores
    // okr computes from start, target and the latest value must agree with it.
    for item in api.as_array().unwrap() {
        if item["archived"] == Value::Bool(true) {
            continue;
        }
        let id = item["id"].as_str().unwrap();
        let score = report.key_result(id).and_then(|k| k.score).unwrap();
        let progression = item["progression"].as_f64().unwrap();
        assert!(
            (score - progression).abs() < 1e-9,
            "{id}: {score} vs {progression}"
        );
    }
}

#[test]
fn okr_tracker_problems_name_the_json_path_and_line() {
    let text = "[\n  {\"id\": \"a\", \"name\": \"Grow\", \"startValue\": \"ten\", \"targetValue\": 5},\n  {\"id\": \"b\", \"name\": \"Keep\",\n   \"objective\": \"Win\", \"progression\": 0.5,\n   \"values\": [{\"value\": 1, \"date\": \"someday\"}]}\n]";
    let problems = okr_tracker::read(text, None).unwrap_err();
    let found: Vec<(String, Option<usize>, ProblemKind)> = problems
        .iter()
        .map(|p| (p.path.to_string(), p.line, p.kind))
        .collect();
    assert_eq!(
        found,
        [
            (
                "[0].objective".to_owned(),
                Some(2),
                ProblemKind::MissingField
            ),
            ("[0].startValue".to_owned(), Some(2), ProblemKind::WrongType),
            (
                "[1].values[0].date".to_owned(),
                Some(5),
                ProblemKind::NotADate
            ),
            ("[1].values".to_owned(), Some(5), ProblemKind::MissingField),
        ]
    );
    // One of the pair alone names the other.
    let half = r#"[{"id": "a", "name": "Grow", "objective": "Win", "startValue": 3}]"#;
    let problems = okr_tracker::read(half, None).unwrap_err();
    assert_eq!(problems[0].path.to_string(), "[0].targetValue");
    let not_json = okr_tracker::read("{\"id\": ", None).unwrap_err();
    assert_eq!(not_json[0].kind, ProblemKind::SyntaxError);
}

#[test]
fn betterworks_goals_and_milestones_become_objectives_and_key_results() {
    let document =
        betterworks::read_csv(&fixture("betterworks-okr-upload.csv"), &Default::default()).unwrap();
    let shape: Vec<(&str, &str, Option<&str>, usize)> = document
        .objectives
        .iter()
        .map(|o| {
            let cycle = o.cycle.as_deref();
            (o.id.as_str(), o.title.as_str(), cycle, o.key_results.len())
        })
        .collect();
    // The US dates of the second goal are the same days as the first goal's.
    let quarter = Some("2026-07-01..2026-09-30");
    assert_eq!(
        shape,
        [
            ("O1", "Make onboarding effortless", quarter, 2),
            ("O2", "Grow revenue in EMEA", quarter, 1)
        ]
    );
    assert_eq!(document.cycles.len(), 1);
    let onboarding = &document.objectives[0];
    let progress: Vec<Option<f64>> = onboarding
        .key_results
        .iter()
        .map(|k| k.metric.as_ref().unwrap().current)
        .collect();
    // A blank progress is 0 %.
    assert_eq!(progress, [Some(40.0), Some(0.0)]);
    // A milestone ending before its goal keeps its own end as its due day.
    let due: Vec<Option<NaiveDate>> = onboarding.key_results.iter().map(|k| k.due).collect();
    assert_eq!(due, [None, Some(day(2026, 8, 31))]);
    // Owners are people; the goal's own columns and the undocumented one are kept.
    let people: Vec<&str> = document.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        people,
        [
            "ana@example.com",
            "li@example.com",
            "sam@example.com",
            "joe@example.com",
            "eva@example.com"
        ]
    );
    assert_eq!(onboarding.extra.get("progress"), Some(&Value::from(35.0)));
    assert_eq!(
        onboarding.extra.get("department"),
        Some(&Value::from("Product"))
    );
    assert_eq!(
        onboarding.extra.get("categories"),
        Some(&serde_json::json!(["Product", "Customer"]))
    );
    assert!(
        onboarding
            .extra
            .get("description")
            .unwrap()
            .as_str()
            .unwrap()
            .contains("\"too hard\"")
    );
    // Scored on the last day, a milestone at 40 % scores 0.4.
    let report = okr_core::score::score(&document, day(2026, 9, 30), &Default::default());
    let first = &report.objectives[0].key_results[0];
    assert!((first.score.unwrap() - 0.4).abs() < 1e-9);
}

#[test]
fn betterworks_problems_name_line_and_column_and_nothing_is_returned() {
    let csv = "name,type,progress,start_date\n\
               Lone milestone,milestone,10,\n\
               Grow,goal,lots,13/01/2026\n\
               Ship,task,,\n";
    let problems = betterworks::read_csv(csv, &ImportOptions::default()).unwrap_err();
    let found: Vec<(Table, u64, Option<&str>)> = problems
        .iter()
        .map(|p| (p.table, p.line, p.column.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (Table::KeyResults, 2, Some("type")),
            (Table::KeyResults, 3, Some("progress")),
            (Table::KeyResults, 3, Some("start_date")),
            (Table::KeyResults, 4, Some("type")),
        ]
    );
}

#[test]
fn okr_tracker_keeps_the_text_people_wrote() {
    let document = okr_tracker::read(&fixture("okr-tracker-key-results.json"), None).unwrap();
    let digital = &document.objectives[0].key_results[0];
    assert_eq!(
        digital.extra.get("description"),
        Some(&Value::from("Counted from the case system every Monday"))
    );
    assert_eq!(
        digital.extra.get("notes"),
        Some(&Value::from("Paper forms stay available at the front desk"))
    );
    // A description that became the title is not kept twice.
    let archive = &document.objectives[1].key_results[0];
    assert_eq!(archive.title, "Move every archive box to the digital store");
    assert!(archive.extra.get("description").is_none());
}
