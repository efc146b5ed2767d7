//! Load → save → load is lossless, for YAML and JSON, unknown fields included.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use okr_core::format::{Format, LoadOptions, load_str};
use okr_core::model::*;
use proptest::prelude::*;
use serde_json::{Value, json};

fn unchecked() -> LoadOptions {
    // Generated references are random, so only the round trip is under test here.
    LoadOptions::default().with_validation(false)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z][a-zA-Z0-9 _.%$-]{0,20}",
        // Strings YAML would misread if written plainly.
        Just("true".to_owned()),
        Just("null".to_owned()),
        Just("007".to_owned()),
        Just("1e3".to_owned()),
        Just("- dash".to_owned()),
        Just("key: value".to_owned()),
        Just("#hash".to_owned()),
        Just("".to_owned()),
        Just("  padded ".to_owned()),
        Just("line\nbreak".to_owned()),
        Just("ünïcødé ✓".to_owned()),
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6f64..1e6,
        (-1000i32..1000).prop_map(f64::from),
        Just(0.1),
        Just(1e-300),
        Just(-0.0),
    ]
}

fn extra_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        text().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        (-1_000_000i64..1_000_000).prop_map(Value::from),
        (-1e6f64..1e6).prop_map(|f| json!(f)),
        Just(Value::Null),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::vec(("[a-z]{1,6}", inner), 0..4)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

fn extra() -> impl Strategy<Value = Extra> {
    // `x_` keeps generated keys clear of the known field names.
    prop::collection::vec(("x_[a-z]{1,8}", extra_value()), 0..3)
        .prop_map(|pairs| pairs.into_iter().collect())
}

fn date() -> impl Strategy<Value = chrono::NaiveDate> {
    (2000i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn check_in() -> impl Strategy<Value = CheckIn> {
    (
        date(),
        proptest::option::of(number()),
        proptest::option::of(0.0f64..=1.0),
        proptest::option::of(text()),
        extra(),
    )
        .prop_map(|(date, value, confidence, note, extra)| {
            let mut check_in = CheckIn::new(date);
            check_in.value = value;
            check_in.confidence = confidence;
            check_in.note = note;
            check_in.extra = extra;
            check_in
        })
}

fn key_result() -> impl Strategy<Value = KeyResult> {
    let measure = prop_oneof![
        Just((None, None, None, None, None)),
        (number(), number(), proptest::option::of(text()), extra()).prop_map(
            |(start, target, unit, extra)| (
                Some({
                    let mut metric = Metric::new(start, target);
                    metric.unit = unit;
                    metric.extra = extra;
                    metric
                }),
                None,
                None,
                None,
                None
            )
        ),
        (
            proptest::option::of(number()),
            proptest::option::of(number())
        )
            .prop_map(|(min, max)| (
                None,
                Some({
                    let mut threshold = Threshold::default();
                    threshold.min = min;
                    threshold.max = max;
                    threshold
                }),
                None,
                None,
                None
            )),
        (any::<bool>(), proptest::option::of(0.0f64..=1.0)).prop_map(|(done, probability)| (
            None,
            None,
            Some({
                let mut binary = Binary::new(done);
                binary.probability = probability;
                binary
            }),
            None,
            None
        )),
        prop::collection::vec(
            (text(), any::<bool>(), proptest::option::of(number())),
            0..3
        )
        .prop_map(|ms| {
            let ms = ms
                .into_iter()
                .map(|(title, done, weight)| {
                    let mut milestone = Milestone::new(title).with_done(done);
                    milestone.weight = weight;
                    milestone
                })
                .collect();
            (None, None, None, Some(ms), None)
        }),
        any::<bool>().prop_map(|b| (None, None, None, None, Some(b))),
    ];
    (
        any::<bool>(),
        proptest::option::of("[A-Z][A-Z0-9-]{0,6}"),
        text(),
        proptest::option::of(number()),
        measure,
        prop::collection::vec(check_in(), 0..3),
        extra(),
        proptest::option::of(date()),
    )
        .prop_map(
            |(
                bare,
                id,
                title,
                weight,
                (metric, threshold, binary, milestones, from_children),
                check_ins,
                extra,
                due,
            )| {
                if bare {
                    KeyResult::new(title)
                } else {
                    {
                        // Text where the sentence goes too, to round-trip the note.
                        let mut kr = KeyResult::new(title).with_check_ins(check_ins);
                        kr.id = id;
                        kr.weight = weight;
                        kr.due = due;
                        kr.metric = metric;
                        kr.threshold = threshold;
                        kr.binary = binary;
                        kr.milestones = milestones;
                        kr.from_children = from_children;
                        kr.change_note = due.map(|_| "target re-based after the audit".to_owned());
                        kr.extra = extra;
                        kr
                    }
                }
            },
        )
}

fn objective() -> impl Strategy<Value = Objective> {
    (
        "[A-Z][A-Z0-9]{0,4}",
        text(),
        proptest::option::of(text()),
        proptest::option::of(prop_oneof![
            Just(ObjectiveKind::Aspirational),
            Just(ObjectiveKind::Committed)
        ]),
        proptest::option::of(prop_oneof![
            "[A-Z]{1,3}".prop_map(Ids::One),
            prop::collection::vec("[A-Z]{1,3}", 0..3).prop_map(Ids::Many),
        ]),
        proptest::option::of(number()),
        prop::collection::vec(key_result(), 0..4),
        extra(),
    )
        .prop_map(
            |(id, title, owner, kind, aligns_to, weight, key_results, extra)| {
                // Some objectives carry a suppression, to round-trip `lint:` too.
                let mut objective = Objective::new(id.clone(), title).with_key_results(key_results);
                objective.owner = owner;
                objective.kind = kind;
                objective.aligns_to = aligns_to;
                objective.lint = weight.map(|_| {
                    LintSection::default().with_allow(vec![{
                        let mut allow = Allow::new("OKR102");
                        allow.reason = kind.map(|k| k.as_str().to_owned());
                        allow
                    }])
                });
                objective.weight = weight;
                objective.carried_from = kind.map(|_| format!("{id}-old"));
                objective.extra = extra;
                objective
            },
        )
}

fn document() -> impl Strategy<Value = Document> {
    (
        prop::collection::vec((text(), date(), date(), extra()), 0..2),
        prop::collection::vec((text(), proptest::option::of(text()), extra()), 0..3),
        prop::collection::vec(objective(), 0..4),
        prop::collection::vec((text(), text(), 0.0f64..=1.0), 0..2),
        extra(),
    )
        .prop_map(|(cycles, teams, objectives, history, extra)| {
            let mut document =
                Document::default()
                    .with_cycles(cycles.into_iter().map(|(id, start, end, extra)| {
                        let mut cycle = Cycle::new(id, start, end);
                        cycle.extra = extra;
                        cycle
                    }))
                    .with_teams(teams.into_iter().map(|(id, parent, extra)| {
                        let mut team = Team::new(id);
                        team.parent = parent;
                        team.extra = extra;
                        team
                    }))
                    .with_people(Vec::new())
                    .with_objectives(objectives)
                    .with_history(history.into_iter().map(|(objective, cycle, score)| {
                        HistoryEntry::new(objective, cycle, score)
                    }));
            document.extra = extra;
            document.key_order = Default::default();
            document
        })
}

/// An empty document saves as `{}`, which reads back as the same empty document.
fn reload(text: &str, format: Format) -> Document {
    load_str(text, format, &unchecked()).unwrap_or_else(|e| panic!("{e}\n--- text ---\n{text}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn yaml_round_trip_is_lossless(doc in document()) {
        let text = okr_core::to_yaml(&doc).unwrap();
        prop_assert_eq!(&reload(&text, Format::Yaml), &doc, "yaml:\n{}", text);
    }

    #[test]
    fn json_round_trip_is_lossless(doc in document()) {
        let text = okr_core::to_json(&doc).unwrap();
        prop_assert_eq!(&reload(&text, Format::Json), &doc, "json:\n{}", text);
    }

    #[test]
    fn yaml_to_json_to_yaml_is_lossless(doc in document()) {
        let json = okr_core::to_json(&reload(&okr_core::to_yaml(&doc).unwrap(), Format::Yaml)).unwrap();
        let back = reload(&okr_core::to_yaml(&reload(&json, Format::Json)).unwrap(), Format::Yaml);
        prop_assert_eq!(back, doc);
    }
}

/// A check-in's unknown field nested `depth` lists deep, as JSON.
fn deep_check_in_json(depth: usize) -> String {
    format!(
        r#"{{"objectives": [{{"id": "O1", "title": "Grow", "key_results": [{{"id": "K1",
        "title": "Reach 5 users", "metric": {{"start": 0, "target": 5}},
        "check_ins": [{{"date": "2026-07-08", "value": 1, "x_deep": {}1{}}}]}}]}}]}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

#[test]
fn json_at_the_unknown_field_limit_saves_as_yaml_that_loads_back() {
    // The deepest place an unknown field can sit, at the deepest nesting it may have.
    let json = deep_check_in_json(MAX_EXTRA_DEPTH);
    let document = load_str(&json, Format::Json, &LoadOptions::default()).unwrap();
    let yaml = okr_core::to_yaml(&document).unwrap();
    let back = load_str(&yaml, Format::Yaml, &LoadOptions::default()).unwrap();
    assert_eq!(back, document);
}

#[test]
fn unknown_fields_past_the_limit_are_refused_with_their_place() {
    let error = load_str(
        &deep_check_in_json(MAX_EXTRA_DEPTH + 1),
        Format::Json,
        &LoadOptions::default(),
    )
    .unwrap_err();
    let okr_core::Error::Syntax(problem) = error else {
        panic!("expected one located problem, got {error:?}");
    };
    assert_eq!(problem.path, "objectives[0].key_results[0].check_ins[0]");
    assert!(problem.message.contains("`x_deep`"), "{}", problem.message);
}

#[test]
fn a_document_built_with_the_constructors_validates_and_round_trips() {
    use chrono::NaiveDate;
    use okr_core::model::{CheckIn, HistoryEntry, Person};
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let mut doc = Document::default();
    doc.cycles.push(Cycle::new("Q3", day(7, 1), day(9, 30)));
    doc.teams.push(Team::new("web"));
    doc.people.push(Person::new("ana").with_team("web"));
    let mut objective = Objective::new("O1", "Delight returning customers");
    objective.owner = Some("web".into());
    objective.key_results.push(
        KeyResult::new("Raise repeat purchase rate from 20% to 30%")
            .with_id("K1")
            .with_metric(okr_core::model::Metric::new(20.0, 30.0)),
    );
    doc.objectives.push(objective);
    doc.history.push(HistoryEntry::new("O1", "Q3", 0.7));
    doc.key_result_mut("K1").unwrap().check_ins.push(
        CheckIn::new(day(7, 8))
            .value(22.0)
            .confidence(0.6)
            .note("first week"),
    );
    assert!(doc.validate().is_empty(), "{:?}", doc.validate());
    assert_eq!(
        doc.objective_mut("O1").map(|o| o.id.clone()).as_deref(),
        Some("O1")
    );
    for text in [
        okr_core::to_yaml(&doc).unwrap(),
        okr_core::to_json(&doc).unwrap(),
    ] {
        let back = okr_core::format::load_str(
            &text,
            okr_core::Format::sniff(&text),
            &okr_core::LoadOptions::default(),
        )
        .unwrap();
        assert_eq!(back, doc, "{text}");
    }
}
