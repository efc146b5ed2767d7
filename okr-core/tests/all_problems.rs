//! Every problem in one pass: a type error in one item marks that item (or field) invalid,
//! and every other item is still read and cross-checked.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use okr_core::format::{Format, LoadOptions, load_str};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// A document with some validation problems of its own, decided by the flags.
fn document(objectives: usize, flaws: &[bool]) -> Value {
    let flaw = |i: usize| flaws.get(i % flaws.len().max(1)).copied().unwrap_or(false);
    let mut list = Vec::new();
    for i in 0..objectives {
        let owner = if flaw(i) {
            format!("ghost{i}")
        } else {
            "web".into()
        };
        let target = if flaw(i + 1) { 10.0 } else { 20.0 };
        let probability = if flaw(i + 2) { 1.5 } else { 0.5 };
        let weight = if flaw(i + 3) { -1.0 } else { 1.0 };
        list.push(json!({
            "id": format!("O{i}"),
            "title": format!("Objective number {i}"),
            "owner": owner,
            "weight": weight,
            "aligns_to": if flaw(i + 4) { json!("NOWHERE") } else { Value::Null },
            "key_results": [
                {
                    "id": format!("O{i}-K1"),
                    "title": "Raise the rate",
                    "metric": {"start": 10.0, "target": target},
                    "check_ins": [
                        {"date": "2026-07-08", "value": 11.0, "confidence": if flaw(i + 5) { 3.0 } else { 0.5 }},
                        {"date": "2026-07-15", "value": 12.0}
                    ]
                },
                {
                    "id": format!("O{i}-K2"),
                    "title": "Ship it",
                    "binary": {"done": false, "probability": probability}
                }
            ]
        }));
    }
    let mut doc = json!({
        "cycles": [{"id": "Q3", "start": "2026-07-01", "end": if flaws.first() == Some(&true) { "2026-06-01" } else { "2026-09-30" }}],
        "teams": [{"id": "web"}],
        "objectives": list,
    });
    // Null aligns_to is not a list of ids: leave it out instead.
    for objective in doc["objectives"].as_array_mut().unwrap() {
        if objective["aligns_to"].is_null() {
            objective.as_object_mut().unwrap().remove("aligns_to");
        }
    }
    doc
}

/// A type error put into one place, and the path it makes invalid.
fn break_one(doc: &mut Value, objective: usize, which: usize) -> String {
    let o = format!("objectives[{objective}]");
    let item = &mut doc["objectives"][objective];
    match which % 6 {
        0 => {
            item["title"] = json!(42);
            format!("{o}.title")
        }
        1 => {
            item["weight"] = json!("heavy");
            format!("{o}.weight")
        }
        2 => {
            item["key_results"][0]["metric"]["start"] = json!("lots");
            format!("{o}.key_results[0].metric")
        }
        3 => {
            item["key_results"][0]["check_ins"][1]["date"] = json!("2026-02-30");
            format!("{o}.key_results[0].check_ins[1]")
        }
        4 => {
            item["key_results"][1]["binary"]["done"] = json!("maybe");
            format!("{o}.key_results[1].binary")
        }
        _ => {
            item["key_results"][0]["check_ins"][0]["value"] = json!([1, 2]);
            format!("{o}.key_results[0].check_ins[0]")
        }
    }
}

fn problems(doc: &Value, format: Format) -> BTreeSet<(String, String)> {
    // Pretty JSON is also YAML (1.2 is a superset of JSON), one field per line, so both
    // readers see the same document with meaningful lines.
    let text = serde_json::to_string_pretty(doc).unwrap();
    match load_str(&text, format, &LoadOptions::default()) {
        Ok(_) => BTreeSet::new(),
        Err(err) => err
            .problems()
            .into_iter()
            .map(|p| (p.path.to_string(), p.message))
            .collect(),
    }
}

fn inside(path: &str, item: &str) -> bool {
    path.strip_prefix(item)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn an_unrelated_type_error_never_hides_other_problems(
        objectives in 1usize..6,
        flaws in proptest::collection::vec(any::<bool>(), 1..8),
        target in 0usize..6,
        which in 0usize..6,
        json_text in any::<bool>(),
    ) {
        let format = if json_text { Format::Json } else { Format::Yaml };
        let clean = document(objectives, &flaws);
        let before = problems(&clean, format);
        let mut broken = clean.clone();
        let invalid = break_one(&mut broken, target % objectives, which);
        let after = problems(&broken, format);
        // The type error itself is reported...
        prop_assert!(after.iter().any(|(path, _)| inside(path, &invalid)), "{invalid}: {after:?}");
        // ...and every problem outside the broken place still is.
        for problem in before.iter().filter(|(path, _)| !inside(path, &invalid)) {
            prop_assert!(after.contains(problem), "lost {problem:?} after breaking {invalid}: {after:?}");
        }
    }
}

#[test]
fn type_errors_and_cross_checks_are_reported_together() {
    let yaml = "cycles:\n  - { id: Q3, start: 2026-07-01, end: 2026-06-30 }\nteams:\n  - { id: web }\nobjectives:\n  - id: O1\n    title: Grow\n    owner: nobody\n    key_results:\n      - id: K1\n        title: Raise NPS\n        metric: { start: 30, target: 30 }\n        check_ins:\n          - { date: 2026-02-30, value: 31 }\n          - { date: 2026-07-08, value: 31, confidence: 7 }\n  - id: O2\n    title: 42\n    owner: ghost\n    weight: -1\n";
    let err = okr_core::from_yaml_str(yaml).unwrap_err();
    let found: Vec<(String, Option<usize>)> = err
        .problems()
        .into_iter()
        .map(|p| (p.path.to_string(), p.line))
        .collect();
    let expected = [
        ("cycles[0].end", 2),
        ("objectives[0].owner", 8),
        ("objectives[0].key_results[0].metric.target", 12),
        ("objectives[0].key_results[0].check_ins[0].date", 14),
        ("objectives[0].key_results[0].check_ins[1].confidence", 15),
        ("objectives[1].title", 17),
        ("objectives[1].owner", 18),
        ("objectives[1].weight", 19),
    ];
    let expected: Vec<(String, Option<usize>)> = expected
        .iter()
        .map(|(p, l)| ((*p).to_owned(), Some(*l)))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn fifty_thousand_unknown_owners_are_all_reported() {
    let mut yaml = String::from("objectives:\n");
    for i in 0..50_000 {
        yaml.push_str(&format!(
            "  - {{ id: O{i}, title: Grow, owner: ghost{i} }}\n"
        ));
    }
    let err = okr_core::from_yaml_str(&yaml).unwrap_err();
    let problems = err.problems();
    assert_eq!(problems.len(), 50_000);
    assert_eq!(problems[49_999].line, Some(50_001));
}

#[test]
fn a_misspelled_required_field_hides_neither_the_typo_nor_the_items_key_results() {
    let yaml = "objectives:\n  - id: O1\n    tittle: Grow\n    key_results:\n      - id: K1\n        title: Raise NPS\n        metric: { start: 30, target: 30 }\n  - id: O2\n    title: Keep\n    aligns_to: K1\n";
    let err = okr_core::from_yaml_str(yaml).unwrap_err();
    let found: Vec<(String, Option<usize>)> = err
        .problems()
        .into_iter()
        .map(|p| (p.path.to_string(), p.line))
        .collect();
    let expected: Vec<(String, Option<usize>)> = [
        ("objectives[0]", 2),
        ("objectives[0].tittle", 3),
        ("objectives[0].key_results[0].metric.target", 7),
    ]
    .iter()
    .map(|(p, l)| ((*p).to_owned(), Some(*l)))
    .collect();
    // O2's alignment to K1 still resolves: the key results of O1 were read.
    assert_eq!(found, expected);
}
