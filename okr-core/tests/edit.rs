//! Format-preserving edits: a change rewrites only the bytes it must.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use okr_core::edit::{EditError, EditableDocument};
use okr_core::format::{Format, LoadOptions};
use okr_core::model::{CheckIn, Document};
use proptest::prelude::*;
use std::path::Path;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn editable(text: &str, format: Format) -> EditableDocument {
    EditableDocument::parse(text, format, &LoadOptions::default()).unwrap()
}

/// `text` with `line` inserted so that it becomes line number `at` (1-based).
fn with_line(text: &str, at: usize, line: &str) -> String {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let inserted = format!("{line}\n");
    lines.insert(at - 1, &inserted);
    lines.concat()
}

fn format_of(path: &Path) -> Format {
    if path.extension().is_some_and(|e| e == "json") {
        Format::Json
    } else {
        Format::Yaml
    }
}

#[test]
fn every_example_and_hostile_file_that_loads_saves_back_byte_for_byte() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut saved = 0;
    for dir in ["examples", "tests/hostile"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if !matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml" | "json")
            ) {
                continue;
            }
            let Ok(document) =
                EditableDocument::parse(text.clone(), format_of(&path), &LoadOptions::default())
            else {
                continue;
            };
            assert_eq!(document.into_text(), text, "{}", path.display());
            saved += 1;
        }
    }
    assert!(saved >= 3, "only {saved} files loaded");
}

#[test]
fn one_check_in_on_the_example_adds_exactly_one_line() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/acme.yaml");
    let original = std::fs::read_to_string(path).unwrap();
    // C1-KR1's last check-in is on line 42; the new one, a day later, goes right after it.
    assert!(
        original
            .lines()
            .nth(41)
            .unwrap()
            .contains("2026-11-20, value: 21.8")
    );
    let mut doc = editable(&original, Format::Yaml);
    doc.add_check_in(
        "C1-KR1",
        CheckIn::new(day("2026-11-27"))
            .value(22.0)
            .note("black friday"),
    )
    .unwrap();
    let expected = with_line(
        &original,
        43,
        "          - { date: 2026-11-27, value: 22, note: black friday }",
    );
    assert_eq!(doc.text(), expected);
    // And one dated earlier than the others goes first, in date order.
    doc.add_check_in("C1-KR1", CheckIn::new(day("2026-10-01")).value(18.1))
        .unwrap();
    assert_eq!(
        doc.text(),
        with_line(
            &expected,
            39,
            "          - { date: 2026-10-01, value: 18.1 }"
        )
    );
    let kr = doc.document().key_result("C1-KR1").unwrap();
    let dates: Vec<String> = kr.check_ins.iter().map(|c| c.date.to_string()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn new_items_follow_their_siblings_style() {
    let text = "objectives:\n  - id: O1\n    title: Grow # keep this comment\n    key_results:\n      - id: K1\n        title: Raise NPS from 30 to 45\n        metric: { start: 30.0, target: 45 }\n        check_ins:\n          - date: 2026-07-01\n            value: 31\n      - { id: K2, title: Cut churn from 5 to 3, metric: { start: 5, target: 3 }, check_ins: [{ date: 2026-07-01, value: 4.5 }] }\n      - id: K3\n        title: Grow revenue from 1 to 2\n        metric: { start: 1, target: 2 }\n\n# the end\n";
    let mut doc = editable(text, Format::Yaml);
    doc.add_check_in("K1", CheckIn::new(day("2026-07-08")).value(32.0))
        .unwrap();
    doc.add_check_in("K2", CheckIn::new(day("2026-07-08")).value(4.0))
        .unwrap();
    doc.add_check_in(
        "K3",
        CheckIn::new(day("2026-07-08")).value(1.5).confidence(0.5),
    )
    .unwrap();
    let expected = "objectives:\n  - id: O1\n    title: Grow # keep this comment\n    key_results:\n      - id: K1\n        title: Raise NPS from 30 to 45\n        metric: { start: 30.0, target: 45 }\n        check_ins:\n          - date: 2026-07-01\n            value: 31\n          - date: 2026-07-08\n            value: 32\n      - { id: K2, title: Cut churn from 5 to 3, metric: { start: 5, target: 3 }, check_ins: [{ date: 2026-07-01, value: 4.5 }, { date: 2026-07-08, value: 4 }] }\n      - id: K3\n        title: Grow revenue from 1 to 2\n        metric: { start: 1, target: 2 }\n        check_ins:\n          - { date: 2026-07-08, value: 1.5, confidence: 0.5 }\n\n# the end\n";
    assert_eq!(doc.text(), expected);
    // Moving a target rewrites that number only: `30.0` keeps its spelling.
    doc.set_target("K1", 40.0).unwrap();
    assert_eq!(
        doc.text(),
        expected.replace("start: 30.0, target: 45", "start: 30.0, target: 40")
    );
}

#[test]
fn json_items_are_laid_out_like_their_siblings() {
    let text = "{\n  \"objectives\": [\n    {\n      \"id\": \"O1\",\n      \"title\": \"Grow\",\n      \"key_results\": [\n        {\n          \"id\": \"K1\",\n          \"title\": \"Raise NPS from 30 to 45\",\n          \"check_ins\": [\n            {\n              \"date\": \"2026-07-01\",\n              \"value\": 31\n            }\n          ]\n        },\n        {\n          \"id\": \"K2\",\n          \"title\": \"Cut churn from 5 to 3\"\n        }\n      ]\n    }\n  ]\n}\n";
    let mut doc = editable(text, Format::Json);
    doc.add_check_in("K1", CheckIn::new(day("2026-07-08")).value(32.0))
        .unwrap();
    doc.add_check_in("K2", CheckIn::new(day("2026-07-08")).value(4.0))
        .unwrap();
    let expected = text
        .replace(
            "              \"value\": 31\n            }\n",
            "              \"value\": 31\n            },\n            {\n              \"date\": \"2026-07-08\",\n              \"value\": 32\n            }\n",
        )
        .replace(
            "\"title\": \"Cut churn from 5 to 3\"\n",
            "\"title\": \"Cut churn from 5 to 3\",\n          \"check_ins\": [{\"date\": \"2026-07-08\", \"value\": 4}]\n",
        );
    assert_eq!(doc.text(), expected);
}

#[test]
fn refusals_change_nothing_and_say_what_to_do() {
    let text = "objectives:\n  - id: O1\n    title: Grow\n    key_results:\n      - id: K1\n        title: Raise NPS from 30 to 45\n        metric: { start: 30, target: 45 }\n      - id: K2\n        title: Ship the app\n        binary: { done: false }\n";
    let mut doc = editable(text, Format::Yaml);
    let unknown = doc
        .add_check_in("k1", CheckIn::new(day("2026-07-01")).value(1.0))
        .unwrap_err();
    assert!(
        matches!(unknown, EditError::UnknownKeyResult { ref suggestion, .. } if suggestion.is_some())
    );
    let binary = doc
        .add_check_in("K2", CheckIn::new(day("2026-07-01")).value(1.0))
        .unwrap_err();
    assert!(binary.to_string().contains("done"), "{binary}");
    let confidence = doc.add_check_in(
        "K1",
        CheckIn::new(day("2026-07-01")).value(1.0).confidence(70.0),
    );
    assert!(matches!(
        confidence,
        Err(EditError::BadNumber {
            field: "confidence",
            ..
        })
    ));
    // All or nothing: one bad item keeps the good one out too, and says which it was.
    let batch = doc
        .add_check_ins([
            ("K1", CheckIn::new(day("2026-07-01")).value(33.0)),
            ("K1", CheckIn::new(day("2026-07-02")).value(f64::NAN)),
        ])
        .unwrap_err();
    assert_eq!(batch.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [1]);
    assert_eq!(doc.text(), text);
    doc.set_done("K2", None, true).unwrap();
    assert_eq!(doc.text(), text.replace("done: false", "done: true"));
}

// ---- property: edits through the text give the model the same edits would ----

/// How a generated key result writes its check-ins.
#[derive(Debug, Clone, Copy)]
enum Style {
    None,
    FlowLines,
    BlockMaps,
    FlowList,
    FlowKeyResult,
}

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        Just(Style::None),
        Just(Style::FlowLines),
        Just(Style::BlockMaps),
        Just(Style::FlowList),
        Just(Style::FlowKeyResult),
    ]
}

fn yaml_of(styles: &[(Style, Vec<u32>)]) -> String {
    let mut text = String::from(
        "# generated\nobjectives:\n  - id: O1\n    title: Grow the business\n    key_results:\n",
    );
    for (k, (style, days)) in styles.iter().enumerate() {
        let items: Vec<String> = days
            .iter()
            .map(|d| format!("{{ date: 2026-07-{:02}, value: {d} }}", d % 28 + 1))
            .collect();
        match style {
            Style::FlowKeyResult => {
                text += &format!(
                    "      - {{ id: K{k}, title: Raise x from 0 to 100, metric: {{ start: 0, target: 100 }}, check_ins: [{}] }}\n",
                    items.join(", ")
                );
                continue;
            }
            _ => {
                text += &format!(
                    "      - id: K{k}  # key result {k}\n        title: Raise x from 0 to 100\n        metric: {{ start: 0, target: 100 }}\n"
                )
            }
        }
        match style {
            Style::FlowLines if !days.is_empty() => {
                text += "        check_ins:\n";
                for item in &items {
                    text += &format!("          - {item}\n");
                }
            }
            Style::BlockMaps if !days.is_empty() => {
                text += "        check_ins:\n";
                for d in days {
                    text += &format!(
                        "          - date: 2026-07-{:02}\n            value: {d}\n",
                        d % 28 + 1
                    );
                }
            }
            Style::FlowList => text += &format!("        check_ins: [{}]\n", items.join(", ")),
            _ => {}
        }
        text += "\n";
    }
    text
}

fn sorted_days(days: Vec<u32>) -> Vec<u32> {
    let mut days = days;
    days.sort_by_key(|d| d % 28);
    days
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn check_ins_through_the_text_equal_check_ins_on_the_model(
        styles in prop::collection::vec((style(), prop::collection::vec(0u32..200, 0..4).prop_map(sorted_days)), 1..4),
        edits in prop::collection::vec((0usize..4, 0u32..200, prop::option::of(0u32..=10)), 1..8),
        as_json in any::<bool>(),
    ) {
        let yaml = yaml_of(&styles);
        let (text, format) = if as_json {
            let document = okr_core::from_yaml_str(&yaml).unwrap();
            (okr_core::to_json(&document).unwrap(), Format::Json)
        } else {
            (yaml, Format::Yaml)
        };
        let mut doc = editable(&text, format);
        let mut model: Document = doc.document().clone();
        for (k, value, confidence) in edits {
            let id = format!("K{}", k % styles.len());
            let date = NaiveDate::from_ymd_opt(2026, 8, value % 28 + 1).unwrap();
            let mut check_in = CheckIn::new(date).value(f64::from(value) / 4.0);
            if let Some(c) = confidence {
                check_in = check_in.confidence(f64::from(c) / 10.0);
            }
            doc.add_check_in(&id, check_in.clone()).unwrap();
            // The model edit, done independently: after every check-in of the same day or before.
            let list = &mut model.key_result_mut(&id).unwrap().check_ins;
            let at = list.iter().filter(|c| c.date <= date).count();
            list.insert(at, check_in);
        }
        prop_assert_eq!(doc.document(), &model);
        let reloaded = okr_core::format::load_str(doc.text(), format, &LoadOptions::default()).unwrap();
        prop_assert_eq!(&reloaded, &model);
        // Comments survive, in order.
        let comments: Vec<&str> = text.lines().filter(|l| l.contains('#')).collect();
        let kept: Vec<&str> = doc.text().lines().filter(|l| l.contains('#')).collect();
        prop_assert_eq!(kept, comments);
    }
}

#[test]
fn next_cycle_on_the_example_records_final_scores_and_carries_the_unfinished_over() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/acme.yaml");
    let original = std::fs::read_to_string(path).unwrap();
    let before = okr_core::from_yaml_str(&original).unwrap();
    let end = before.cycles[0].end;
    let scores = okr_core::score::score(&before, end, &okr_core::score::ScoreConfig::default());
    let mut doc = editable(&original, Format::Yaml);
    let cycle = okr_core::model::Cycle::new("2027-Q1", day("2027-01-01"), day("2027-03-31"));
    let summary = doc
        .start_next_cycle(cycle, okr_core::edit::Carry::Unfinished)
        .unwrap();
    let after =
        okr_core::format::load_str(doc.text(), Format::Yaml, &LoadOptions::default()).unwrap();
    assert_eq!(&after, doc.document());
    // Only lines were added: the original's lines are all there, in order.
    let mut lines = doc.text().lines();
    for line in original.lines() {
        assert!(lines.any(|l| l == line), "lost {line:?}");
    }
    for objective in &scores.objectives {
        let recorded = after
            .history
            .iter()
            .find(|h| h.objective == *objective.id && h.cycle == "2026-Q4");
        match objective.score {
            // History keeps four decimal places of what `okr score --as-of END` computes.
            Some(score) => assert!(
                (recorded.unwrap().score - score).abs() <= 0.00005,
                "{}",
                objective.id
            ),
            None => assert!(recorded.is_none()),
        }
        let copy = after
            .objectives
            .iter()
            .find(|o| o.carried_from.as_deref() == Some(&objective.id));
        let finished = objective.score.is_some_and(|s| s >= 1.0);
        assert_eq!(copy.is_none(), finished, "{}", objective.id);
        if let Some(copy) = copy {
            assert_eq!(copy.cycle.as_deref(), Some("2027-Q1"));
            let old = before
                .objectives
                .iter()
                .find(|o| *o.id == *objective.id)
                .unwrap();
            assert_eq!(copy.key_results.len(), old.key_results.len());
            for (new_kr, old_kr) in copy.key_results.iter().zip(&old.key_results) {
                assert!(new_kr.check_ins.is_empty());
                if let (Some(m), Some(last)) = (
                    &old_kr.metric,
                    old_kr.check_ins.iter().filter_map(|c| c.value).next_back(),
                ) {
                    let moved = (m.start.min(m.target)..=m.start.max(m.target)).contains(&last)
                        && last != m.target;
                    let expected = if moved { last } else { m.start };
                    assert_eq!(
                        new_kr.metric.as_ref().unwrap().start,
                        expected,
                        "{:?}",
                        new_kr.id
                    );
                }
            }
        }
    }
    assert_eq!(summary.ended, "2026-Q4");
    // Running it again for the same cycle is refused, and changes nothing.
    let text = doc.text().to_owned();
    let again = okr_core::model::Cycle::new("2027-Q1", day("2027-01-01"), day("2027-03-31"));
    assert!(
        doc.start_next_cycle(again, okr_core::edit::Carry::All)
            .is_err()
    );
    assert_eq!(doc.text(), text);
}

#[test]
fn a_crlf_file_keeps_crlf_on_the_lines_an_edit_adds() {
    let text = "objectives:\r\n  - id: O1\r\n    title: Grow\r\n    key_results:\r\n      - id: K1\r\n        title: Raise NPS from 30 to 45\r\n        metric: { start: 30, target: 45 }\r\n        check_ins:\r\n          - { date: 2026-07-01, value: 31 }\r\n";
    let mut doc = editable(text, Format::Yaml);
    doc.add_check_in("K1", CheckIn::new(day("2026-07-08")).value(33.0))
        .unwrap();
    assert_eq!(
        doc.text(),
        format!("{text}          - {{ date: 2026-07-08, value: 33 }}\r\n")
    );
}
