//! `okr check`: every validation problem exits 2 and names its path and line.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{check, okr, repo_root};

/// Asserts a failed check printed a problem at `line` for `path` whose message has `needle`.
#[track_caller]
fn assert_problem(run: &common::Run, line: usize, path: &str, needle: &str) {
    assert_eq!(
        run.code, 2,
        "exit code; stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    let expected = format!(":{line}: {path}: ");
    let found = run
        .stdout
        .lines()
        .any(|l| l.contains(&expected) && l.contains(needle));
    assert!(
        found,
        "no line with `{expected}` and `{needle}` in:\n{}",
        run.stdout
    );
}

const HEAD: &str =
    "cycles:\n  - { id: Q3, start: 2026-07-01, end: 2026-09-30 }\nteams:\n  - { id: acme }\n";

fn with_objectives(body: &str) -> String {
    format!("{HEAD}objectives:\n{body}")
}

#[test]
fn bundled_example_is_valid() {
    let example = repo_root().join("examples/acme.yaml");
    let run = okr(&["check", example.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("ok (13 objectives"), "{}", run.stdout);
}

#[test]
fn yaml_syntax_error_names_line() {
    let run = check(
        "bad.yaml",
        "objectives:\n  - id: O1\n    title: \"unterminated\n",
    );
    assert_problem(&run, 3, "objectives[0].title", "unclosed quote");
    let run = check(
        "bad.yaml",
        "objectives:\n  - id: O1\n    title: x\n  key_results: [\n",
    );
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("bad.yaml:4: "), "{}", run.stdout);
}

#[test]
fn json_report_gives_each_problem_its_kind_and_loc() {
    let scratch = common::Scratch::new();
    let file = scratch.file(
        "bad.yaml",
        "objectives:\n  - { id: O1, title: A, owner: ghost }\n",
    );
    let run = okr(&["check", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let problem = &report["problems"][0];
    assert_eq!(problem["kind"], "unknown_reference");
    assert_eq!(
        problem["loc"],
        serde_json::json!(["objectives", 0, "owner"])
    );
    assert_eq!(problem["line"], 2);
    assert!(problem["file"].as_str().unwrap().ends_with("bad.yaml"));
    // What to do, by kind; the table in docs/errors.md.
    assert_eq!(
        problem["help"],
        okr_core::ProblemKind::UnknownReference.help()
    );
}

#[test]
fn json_syntax_error_names_line() {
    let run = check(
        "bad.json",
        "{\n  \"objectives\": [\n    {\"id\": \"O1\",, }\n  ]\n}\n",
    );
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("bad.json:3: "), "{}", run.stdout);
}

#[test]
fn duplicate_ids_share_one_space_across_objectives_and_key_results() {
    let yaml = with_objectives(
        "  - id: O1\n    title: A\n    key_results:\n      - { id: X, title: k }\n  - id: X\n    title: B\n",
    );
    assert_problem(
        &check("dup.yaml", yaml),
        10,
        "objectives[1].id",
        "duplicate id `X`",
    );
}

#[test]
fn unknown_owner_team_is_reported() {
    let yaml = with_objectives("  - id: O1\n    title: A\n    owner: ghost\n");
    assert_problem(
        &check("t.yaml", yaml),
        8,
        "objectives[0].owner",
        "unknown team or person `ghost`",
    );
}

#[test]
fn unknown_person_owning_a_key_result_is_reported() {
    let yaml = with_objectives(
        "  - id: O1\n    title: A\n    key_results:\n      - id: K1\n        title: k\n        owner: [acme, zoe]\n",
    );
    assert_problem(
        &check("t.yaml", yaml),
        11,
        "objectives[0].key_results[0].owner[1]",
        "`zoe`",
    );
}

#[test]
fn unknown_cycle_is_reported() {
    let yaml = with_objectives("  - id: O1\n    title: A\n    cycle: 2031-Q9\n");
    assert_problem(
        &check("t.yaml", yaml),
        8,
        "objectives[0].cycle",
        "unknown cycle `2031-Q9`",
    );
}

#[test]
fn unknown_parent_team_and_person_team_are_reported() {
    let yaml = "teams:\n  - { id: a, parent: nowhere }\npeople:\n  - { id: p, team: void }\n";
    let run = check("t.yaml", yaml);
    assert_problem(&run, 2, "teams[0].parent", "`nowhere`");
    assert_problem(&run, 4, "people[0].team", "`void`");
}

#[test]
fn unknown_aligned_id_is_reported() {
    let yaml = with_objectives("  - id: O1\n    title: A\n    aligns_to: O9-KR1\n");
    assert_problem(
        &check("t.yaml", yaml),
        8,
        "objectives[0].aligns_to",
        "`O9-KR1`",
    );
}

#[test]
fn alignment_cycle_names_every_member() {
    let yaml = with_objectives(concat!(
        "  - { id: A, title: a, aligns_to: C-KR1 }\n",
        "  - { id: B, title: b, aligns_to: A }\n",
        "  - id: C\n    title: c\n    aligns_to: B\n    key_results: [{ id: C-KR1, title: k, from_children: true }]\n",
        "  - { id: D, title: d, aligns_to: D }\n",
    ));
    let run = check("t.yaml", yaml);
    assert_problem(&run, 6, "objectives[0].aligns_to", "A → C → B → A");
    assert_problem(&run, 12, "objectives[3].aligns_to", "`D` aligns to itself");
}

#[test]
fn team_parent_loop_is_reported() {
    let run = check(
        "t.yaml",
        "teams:\n  - { id: a, parent: b }\n  - { id: b, parent: a }\n",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("a → b → a") || run.stdout.contains("b → a → b"),
        "{}",
        run.stdout
    );
}

#[test]
fn non_finite_numbers_are_reported_in_yaml() {
    let yaml = with_objectives(concat!(
        "  - id: O1\n    title: A\n    key_results:\n",
        "      - { id: K1, title: k, metric: { start: .nan, target: 1 } }\n",
        "      - { id: K2, title: k, metric: { start: 0, target: .inf } }\n",
        "      - { id: K3, title: k, metric: { start: 0, target: -.inf } }\n",
    ));
    let run = check("t.yaml", yaml);
    assert_problem(
        &run,
        9,
        "objectives[0].key_results[0].metric.start",
        "not a finite number (NaN",
    );
    assert_problem(
        &run,
        10,
        "objectives[0].key_results[1].metric.target",
        "not a finite number",
    );
    assert_problem(
        &run,
        11,
        "objectives[0].key_results[2].metric.target",
        "not a finite number",
    );
}

#[test]
fn overflowing_number_is_reported_in_yaml_and_json() {
    let yaml = with_objectives(
        "  - id: O1\n    title: A\n    key_results:\n      - { id: K1, title: k, metric: { start: 0, target: 1e999 } }\n",
    );
    assert_problem(
        &check("t.yaml", yaml),
        9,
        "objectives[0].key_results[0].metric.target",
        "finite number",
    );

    let json = "{\"objectives\": [\n {\"id\": \"O1\", \"title\": \"A\", \"key_results\": [\n  {\"title\": \"k\", \"metric\": {\"start\": 0, \"target\": 1e999}}]}]}\n";
    assert_problem(
        &check("t.json", json),
        3,
        "objectives[0].key_results[0].metric.target",
        "finite",
    );
}

#[test]
fn impossible_date_is_reported() {
    let run = check(
        "t.yaml",
        "cycles:\n  - { id: Q1, start: 2026-02-30, end: 2026-03-31 }\n",
    );
    assert_problem(
        &run,
        2,
        "cycles[0].start",
        "`2026-02-30` is not a calendar date",
    );
}

#[test]
fn cycle_ending_before_it_starts_is_reported() {
    let run = check(
        "t.yaml",
        "cycles:\n  - id: Q1\n    start: 2026-04-01\n    end: 2026-03-31\n",
    );
    assert_problem(
        &run,
        4,
        "cycles[0].end",
        "ends (2026-03-31) before it starts (2026-04-01)",
    );
}

#[test]
fn metric_with_start_equal_to_target_is_reported() {
    let yaml = with_objectives(
        "  - id: O1\n    title: A\n    key_results:\n      - id: K1\n        title: k\n        metric:\n          start: 40\n          target: 40\n",
    );
    assert_problem(
        &check("t.yaml", yaml),
        13,
        "objectives[0].key_results[0].metric.target",
        "start equals target (40)",
    );
}

#[test]
fn confidence_and_probability_outside_unit_interval_are_reported() {
    let yaml = with_objectives(concat!(
        "  - id: O1\n    title: A\n    key_results:\n",
        "      - id: K1\n        title: k\n        binary: { done: false, probability: 1.2 }\n",
        "      - id: K2\n        title: k\n        metric: { start: 0, target: 1 }\n        check_ins:\n",
        "          - { date: 2026-07-08, value: 0.1, confidence: -0.1 }\n",
    ));
    let run = check("t.yaml", yaml);
    assert_problem(
        &run,
        11,
        "objectives[0].key_results[0].binary.probability",
        "probability 1.2 is outside [0, 1]",
    );
    assert_problem(
        &run,
        16,
        "objectives[0].key_results[1].check_ins[0].confidence",
        "confidence -0.1 is outside [0, 1]",
    );
}

#[test]
fn negative_weights_are_reported() {
    let yaml = with_objectives(concat!(
        "  - id: O1\n    title: A\n    weight: -2\n    key_results:\n",
        "      - { id: K1, title: k, weight: -0.5, binary: { done: true } }\n",
    ));
    let run = check("t.yaml", yaml);
    assert_problem(&run, 8, "objectives[0].weight", "weight -2 is negative");
    assert_problem(
        &run,
        10,
        "objectives[0].key_results[0].weight",
        "weight -0.5 is negative",
    );
}

#[test]
fn key_result_with_two_measures_is_reported() {
    let yaml = with_objectives(concat!(
        "  - id: O1\n    title: A\n    key_results:\n",
        "      - id: K1\n        title: k\n        metric: { start: 1, target: 2 }\n        milestones: [{ title: m }]\n",
    ));
    assert_problem(
        &check("t.yaml", yaml),
        9,
        "objectives[0].key_results[0]",
        "2 measures (metric, milestones)",
    );
}

#[test]
fn wrong_types_are_reported_for_every_item() {
    let yaml = with_objectives(concat!(
        "  - id: O1\n    title: A\n    weight: heavy\n",
        "  - id: O2\n    title: B\n    key_results:\n      - { id: K, title: k, binary: { done: maybe } }\n",
    ));
    let run = check("t.yaml", yaml);
    assert_problem(
        &run,
        8,
        "objectives[0].weight",
        "invalid type: string \"heavy\", expected a number",
    );
    assert_problem(
        &run,
        12,
        "objectives[1].key_results[0].binary.done",
        "invalid",
    );
}

#[test]
fn all_semantic_problems_are_reported_in_one_pass() {
    let yaml = with_objectives(concat!(
        "  - { id: O1, title: A, owner: ghost, cycle: nope }\n",
        "  - { id: O1, title: B, weight: -1 }\n",
    ));
    let run = check("t.yaml", yaml);
    assert_eq!(run.stdout.lines().count(), 4, "{}", run.stdout);
    assert!(run.stderr.contains("4 problems found"), "{}", run.stderr);
}

#[test]
fn duplicate_yaml_keys_are_reported() {
    let run = check(
        "t.yaml",
        "objectives:\n  - id: O1\n    title: A\n    title: B\n",
    );
    assert_problem(&run, 4, "objectives[0].title", "duplicate key `title`");
}

#[test]
fn many_files_are_checked_and_the_worst_status_wins() {
    let scratch = common::Scratch::new();
    let good = scratch.file("good.yaml", "objectives: []\n");
    let bad = scratch.file("bad.yaml", "objectives: 5\n");
    let run = okr(&["check", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("good.yaml: ok"), "{}", run.stdout);
    assert!(
        run.stdout.contains("bad.yaml:1: objectives: "),
        "{}",
        run.stdout
    );
}

#[test]
fn missing_file_and_bad_usage_exit_2() {
    assert_eq!(okr(&["check", "/no/such/file.yaml"]).code, 2);
    assert_eq!(okr(&["check"]).code, 2);
    assert_eq!(okr(&["frobnicate"]).code, 2);
    let help = okr(&["check", "--help"]);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout.contains("Validate OKR files"),
        "{}",
        help.stdout
    );
}
