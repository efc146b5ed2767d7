//! `okr convert` keeps every field, and `okr schema` describes the format.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{Scratch, okr, repo_root};

const WITH_UNKNOWN_FIELDS: &str = r#"cycles:
  - { id: 2026-Q3, start: 2026-07-01, end: 2026-09-30, x_fiscal: FY27-Q1 }
teams:
  - { id: acme, jira: ACME }
objectives:
  - id: O1
    title: Delight cooks
    zz_first: 1
    aa_second: { nested: [1, two, 3.5, true, null] }
    key_results:
      - Lift awareness from 10% to 25%
      - id: O1-KR2
        title: Raise repeat purchase rate from 5% to 15%
        metric: { start: 5, target: 15, unit: "%", source: looker }
        check_ins:
          - { date: 2026-07-15, value: 6, by: mia }
x_top_level: "007"
"#;

#[test]
fn yaml_to_json_to_yaml_keeps_unknown_fields_and_their_order() {
    let scratch = Scratch::new();
    let yaml = scratch.file("in.yaml", WITH_UNKNOWN_FIELDS);
    let run = okr(&["convert", yaml.to_str().unwrap(), "--to", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let objective = &json["objectives"][0];
    assert_eq!(objective["aa_second"]["nested"][1], "two");
    assert_eq!(json["x_top_level"], "007");
    assert_eq!(
        objective["key_results"][0],
        "Lift awareness from 10% to 25%"
    );
    assert_eq!(objective["key_results"][1]["check_ins"][0]["by"], "mia");
    let keys: Vec<&String> = objective.as_object().unwrap().keys().collect();
    let zz = keys.iter().position(|k| *k == "zz_first").unwrap();
    let aa = keys.iter().position(|k| *k == "aa_second").unwrap();
    assert!(zz < aa, "unknown fields keep their order: {keys:?}");

    let json_path = scratch.file("mid.json", &run.stdout);
    let back = okr(&["convert", json_path.to_str().unwrap(), "--to", "yaml"]);
    assert_eq!(back.code, 0, "{}", back.stderr);
    let yaml2 = scratch.file("out.yaml", &back.stdout);
    let again = okr(&["convert", yaml2.to_str().unwrap(), "--to", "json"]);
    assert_eq!(
        again.stdout, run.stdout,
        "yaml → json → yaml → json is stable"
    );
}

#[test]
fn output_file_is_written_and_input_never_overwritten() {
    let scratch = Scratch::new();
    let input = scratch.file("in.yaml", WITH_UNKNOWN_FIELDS);
    let out = scratch.dir.path().join("out.json");
    let run = okr(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written["teams"][0]["jira"], "ACME");

    let run = okr(&[
        "convert",
        input.to_str().unwrap(),
        "--to",
        "yaml",
        "-o",
        input.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        WITH_UNKNOWN_FIELDS
    );
    let leftovers: Vec<_> = std::fs::read_dir(scratch.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("okr-tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn invalid_input_and_bad_format_exit_2() {
    let scratch = Scratch::new();
    let bad = scratch.file("bad.yaml", "objectives:\n  - id: O1\n");
    let run = okr(&["convert", bad.to_str().unwrap(), "--to", "json"]);
    assert_eq!(run.code, 2);
    // The problem goes to stderr: `convert bad.yaml > out.json` must not fill out.json.
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("bad.yaml:2: objectives[0]: missing field `title`"),
        "{}",
        run.stderr
    );
    let example = repo_root().join("examples/acme.yaml");
    assert_eq!(
        okr(&["convert", example.to_str().unwrap(), "--to", "xml"]).code,
        2
    );
}

#[test]
fn bundled_example_round_trips_through_json() {
    let scratch = Scratch::new();
    let example = repo_root().join("examples/acme.yaml");
    let json = okr(&["convert", example.to_str().unwrap(), "--to", "json"]);
    let yaml = okr(&[
        "convert",
        scratch.file("a.json", &json.stdout).to_str().unwrap(),
        "--to",
        "yaml",
    ]);
    let json2 = okr(&[
        "convert",
        scratch.file("b.yaml", &yaml.stdout).to_str().unwrap(),
        "--to",
        "json",
    ]);
    assert_eq!(json.code + yaml.code + json2.code, 0);
    assert_eq!(json.stdout, json2.stdout);
}

#[test]
fn schema_describes_the_format() {
    let run = okr(&["schema"]);
    assert_eq!(run.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for list in ["cycles", "teams", "people", "objectives", "history"] {
        assert_eq!(schema["properties"][list]["type"], "array", "{list}");
    }
    let kr = &schema["$defs"]["KeyResult"]["anyOf"];
    assert_eq!(
        kr[0]["type"], "string",
        "a key result may be a bare sentence"
    );
    let props = &kr[1]["properties"];
    for measure in [
        "metric",
        "threshold",
        "binary",
        "milestones",
        "from_children",
    ] {
        assert!(props[measure].is_object(), "{measure} in {props}");
    }
    let kinds: Vec<&str> = schema["$defs"]["ObjectiveKind"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["const"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["aspirational", "committed"]);
}
