//! Problems carry a stable kind and a structured location, decided where they are raised.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use okr_core::{LocSegment, ProblemKind, from_yaml_str};

/// The kind of the problem at `path`, in a document whose every flaw is placed by hand.
fn kinds(yaml: &str) -> Vec<(String, String)> {
    let error = from_yaml_str(yaml).expect_err("the document has problems");
    error
        .problems()
        .into_iter()
        .map(|p| (p.path.to_string(), p.kind.as_str().to_owned()))
        .collect()
}

#[test]
fn each_validation_problem_has_the_kind_of_its_flaw() {
    let yaml = "\
cycles:
  - { id: Q3, start: 2026-09-30, end: 2026-07-01 }
teams: [{ id: web }, { id: ops, parent: ops }]
objectives:
  - id: O1
    title: Delight new cooks
    owner: ghost
    weight: -2
    aligns_to: O1
    key_results:
      - { id: K1, title: Raise NPS, metric: { start: 30, target: 30 }, ownr: web }
      - { id: K1, title: Hold costs, threshold: {} }
";
    let found = kinds(yaml);
    let expect = [
        ("cycles[0].end", "end_before_start"),
        ("teams[1].parent", "team_loop"),
        ("objectives[0].owner", "unknown_reference"),
        ("objectives[0].weight", "out_of_range"),
        ("objectives[0].aligns_to", "alignment_cycle"),
        (
            "objectives[0].key_results[0].metric.target",
            "start_equals_target",
        ),
        ("objectives[0].key_results[0].ownr", "unknown_field"),
        ("objectives[0].key_results[1].id", "duplicate_id"),
        ("objectives[0].key_results[1].threshold", "empty_threshold"),
    ];
    for (path, kind) in expect {
        assert!(
            found.iter().any(|(p, k)| p == path && k == kind),
            "no {kind} at {path} in {found:?}"
        );
    }
}

#[test]
fn type_errors_have_kinds_too() {
    let yaml = "\
objectives:
  - { id: O1, title: A, key_results: [{ id: K1, title: B, check_ins: [{ date: 2026-02-30, value: 1 }] }] }
  - { id: O2, title: Grow, weight: heavy }
  - { id: O3 }
";
    let found = kinds(yaml);
    for (path, kind) in [
        (
            "objectives[0].key_results[0].check_ins[0].date",
            "not_a_date",
        ),
        ("objectives[1].weight", "wrong_type"),
        ("objectives[2]", "missing_field"),
    ] {
        assert!(
            found.iter().any(|(p, k)| p == path && k == kind),
            "no {kind} at {path} in {found:?}"
        );
    }
    let syntax = from_yaml_str("objectives: [\n").unwrap_err().problems();
    assert_eq!(syntax[0].kind, ProblemKind::SyntaxError);
}

#[test]
fn loc_lists_keys_and_indexes_and_json_carries_kind_and_loc() {
    let error = from_yaml_str("objectives:\n  - { id: O1, title: A, owner: ghost }\n").unwrap_err();
    let problem = &error.problems()[0];
    assert_eq!(
        problem.loc(),
        [
            LocSegment::Key("objectives".into()),
            LocSegment::Index(0),
            LocSegment::Key("owner".into())
        ]
    );
    let json = serde_json::to_value(problem).unwrap();
    assert_eq!(json["kind"], "unknown_reference");
    assert_eq!(json["loc"], serde_json::json!(["objectives", 0, "owner"]));
    assert_eq!(json["line"], 2);
    // The JSON reads back as the same problem.
    let again: okr_core::Problem = serde_json::from_value(json).unwrap();
    assert_eq!(&again, problem);
}

/// Every kind's name is its serde name and has a row in docs/errors.md.
#[test]
fn every_kind_is_documented_under_its_serde_name() {
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/errors.md")).unwrap();
    let table = &docs[docs.find("## Kinds of problem").unwrap()..];
    let all = [
        ProblemKind::InputTooLarge,
        ProblemKind::NotUtf8,
        ProblemKind::EmptyInput,
        ProblemKind::SyntaxError,
        ProblemKind::UnsupportedFormat,
        ProblemKind::TrailingContent,
        ProblemKind::DuplicateKey,
        ProblemKind::TooDeep,
        ProblemKind::ExpansionLimit,
        ProblemKind::NotAnOkrFile,
        ProblemKind::WrongType,
        ProblemKind::InvalidValue,
        ProblemKind::MissingField,
        ProblemKind::UnknownField,
        ProblemKind::MisplacedField,
        ProblemKind::NotADate,
        ProblemKind::NotFinite,
        ProblemKind::NumberTooLarge,
        ProblemKind::EmptyId,
        ProblemKind::InvalidId,
        ProblemKind::DuplicateId,
        ProblemKind::AmbiguousOwnerId,
        ProblemKind::UnknownReference,
        ProblemKind::TeamLoop,
        ProblemKind::AlignmentCycle,
        ProblemKind::EndBeforeStart,
        ProblemKind::OutOfRange,
        ProblemKind::WeightOverflow,
        ProblemKind::SeveralMeasures,
        ProblemKind::StartEqualsTarget,
        ProblemKind::EmptyThreshold,
        ProblemKind::ImpossibleThreshold,
        ProblemKind::ReadError,
    ];
    for kind in all {
        let name = kind.as_str();
        assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{name}\""));
        assert!(
            table.contains(&format!("`{name}`")),
            "{name} is not in docs/errors.md"
        );
        // Its help is written in its row of the table (read_error's row is the text above).
        let help = kind.help();
        assert!(!help.is_empty() && !help.ends_with('.'), "{name}: {help:?}");
        let row = table
            .lines()
            .find(|l| l.starts_with(&format!("| `{name}` |")));
        if let Some(row) = row {
            assert!(
                row.ends_with(&format!("| {help} |")),
                "{name}: the table says {row}"
            );
        } else {
            assert_eq!(kind, ProblemKind::ReadError);
        }
    }
}

#[test]
fn problems_in_json_carry_their_kinds_help() {
    let error =
        okr_core::from_yaml_str("objectives:\n  - id: O1\n    title: Grow\n    owner: ghost\n")
            .unwrap_err();
    let json = serde_json::to_value(&error.problems()[0]).unwrap();
    assert_eq!(json["kind"], "unknown_reference");
    assert_eq!(json["help"], ProblemKind::UnknownReference.help());
    // The help is output only: a problem read back from JSON is the same problem.
    let back: okr_core::Problem = serde_json::from_value(json).unwrap();
    assert_eq!(back, error.problems()[0]);
}
