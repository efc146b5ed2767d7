//! `okr lint`, `okr rules`, `okr explain`: findings at the right ids and lines, output
//! formats, configuration files and exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{Scratch, okr, okr_in, repo_root};
use serde_json::Value;

fn example(name: &str) -> String {
    repo_root()
        .join("examples")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

/// 1-based line of the first line of `file` containing `needle` (computed from the text).
fn line_of(file: &str, needle: &str) -> u64 {
    let text = std::fs::read_to_string(file).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1
}

fn lint_json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["lint", "--format", "json"];
    all.extend_from_slice(args);
    let run = okr(&all);
    (
        run.code,
        serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr)),
    )
}

fn find<'a>(report: &'a Value, code: &str, id: &str) -> &'a Value {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code && d["id"] == id)
        .unwrap_or_else(|| panic!("no {code} at {id}"))
}

#[test]
fn bundled_example_findings_at_the_right_ids_and_lines() {
    let file = example("acme.yaml");
    let (code, report) = lint_json(&[&file, "--as-of", "2026-11-23"]);
    assert_eq!(code, 1, "error-severity findings exit 1");
    let expect = [
        ("OKR403", "S1", "- id: S1\n"),   // chronic miss: history 0.30, 0.25
        ("OKR402", "PE1", "- id: PE1\n"), // sandbagging: history 1.0, 1.0
        ("OKR302", "SUP2", "- id: SUP2"), // support is not the root team and aligns nowhere
        ("OKR002", "M1", "- id: M1\n"),   // six key results
        ("OKR101", "P2-KR1", "- id: P2-KR1"),
        ("OKR102", "M1-KR3", "- id: M1-KR3"),
        ("OKR208", "P2", "- id: P2\n"),
        ("OKR202", "P1", "- id: P1\n"),
        ("OKR006", "M1-KR4", "- id: M1-KR4"),
    ];
    let text = std::fs::read_to_string(&file).unwrap();
    for (rule, id, needle) in expect {
        let d = find(&report, rule, id);
        let want = text
            .find(needle)
            .map(|at| text[..at].matches('\n').count() as u64 + 1)
            .unwrap();
        assert_eq!(d["line"].as_u64(), Some(want), "{rule} at {id}");
        assert_eq!(d["file"], file.as_str());
    }
    let summary = &report["summary"];
    let total = summary["error"].as_u64().unwrap()
        + summary["warning"].as_u64().unwrap()
        + summary["info"].as_u64().unwrap();
    assert_eq!(
        total as usize,
        report["diagnostics"].as_array().unwrap().len()
    );
}

#[test]
fn well_written_file_passes() {
    let run = okr(&[
        "lint",
        &example("well-written.yaml"),
        "--as-of",
        "2026-08-10",
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "All checks passed.\n");
}

#[test]
fn json_diagnostics_have_the_design_shape() {
    let (_, report) = lint_json(&[&example("acme.yaml"), "--as-of", "2026-11-23"]);
    let d = &report["diagnostics"][0];
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "file", "code", "rule", "severity", "message", "help", "path", "id", "line"
        ]
    );
}

#[test]
fn text_output_is_ruff_like() {
    let file = example("acme.yaml");
    let run = okr(&["lint", &file, "--as-of", "2026-11-23", "--select", "OKR101"]);
    assert_eq!(run.code, 1);
    let line = line_of(&file, "- id: P2-KR1");
    let first = run.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "{file}:{line}: OKR101 vague-key-result [error] key result \"Improve deployment process\" says \"improve\" but not by how much"
        )
    );
    assert!(
        run.stdout
            .contains(&format!("{line:>6} |       - id: P2-KR1")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("= help: "));
    assert!(
        run.stdout
            .trim_end()
            .ends_with("`okr explain CODE` says why.")
    );
}

#[test]
fn sarif_has_the_2_1_0_shape() {
    let file = example("acme.yaml");
    let run = okr(&["lint", &file, "--as-of", "2026-11-23", "--format", "sarif"]);
    assert_eq!(run.code, 1);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif"));
    let run0 = &log["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "okr");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(rules.len() >= 25);
    for rule in rules {
        assert!(
            rule["shortDescription"]["text"].is_string()
                && rule["fullDescription"]["text"].is_string()
        );
        assert!(
            ["error", "warning", "note"]
                .contains(&rule["defaultConfiguration"]["level"].as_str().unwrap())
        );
    }
    let results = run0["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        assert!(ids.contains(&result["ruleId"].as_str().unwrap()));
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        assert!(result["message"]["text"].as_str().unwrap().len() > 10);
        let physical = &result["locations"][0]["physicalLocation"];
        // An absolute file name becomes a file:// URI (the temp dir needs no escaping).
        assert_eq!(
            physical["artifactLocation"]["uri"],
            format!("file://{file}").as_str()
        );
        assert!(physical["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(
            result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
                .as_str()
                .unwrap()
                .starts_with("objectives")
        );
    }
}

#[test]
fn github_annotations() {
    let file = example("acme.yaml");
    let run = okr(&[
        "lint",
        &file,
        "--as-of",
        "2026-11-23",
        "--format",
        "github",
        "--select",
        "OKR101,OKR302",
    ]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    // One vague key result (P2-KR1) and two orphans (P2 and SUP2).
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    let want = format!(
        "::error file={},line={},title=OKR101 vague-key-result::",
        file.replace(':', "%3A"),
        line_of(&file, "- id: P2-KR1")
    );
    assert!(lines.iter().any(|l| l.starts_with(&want)), "{}", run.stdout);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("::warning file=") && l.contains("OKR302"))
            .count(),
        2
    );
    assert!(
        run.stdout.contains("78%25"),
        "% is escaped in annotation data"
    );
}

#[test]
fn select_ignore_and_strict_flags() {
    let file = example("acme.yaml");
    let (_, report) = lint_json(&[&file, "--as-of", "2026-11-23", "--select", "OKR4"]);
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"].as_str().unwrap().starts_with("OKR4"))
    );
    let (code, report) = lint_json(&[
        &file,
        "--as-of",
        "2026-11-23",
        "--ignore",
        "OKR101,OKR102,OKR003,OKR401,OKR005",
    ]);
    assert_eq!(code, 0, "{report}");
    let (_, report) = lint_json(&[
        &example("well-written.yaml"),
        "--as-of",
        "2026-08-10",
        "--strict",
    ]);
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "OKR003"),
        "strict wants 3 key results"
    );
}

#[test]
fn okr_toml_is_discovered_upward_and_config_flag_wins() {
    let scratch = Scratch::new();
    let nested = scratch.dir.path().join("team/q3");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::copy(
        repo_root().join("examples/acme.yaml"),
        nested.join("okrs.yaml"),
    )
    .unwrap();
    scratch.file(
        "okr.toml",
        "[lint]\nselect = [\"OKR208\"]\n[lint.severity]\nOKR208 = \"error\"\n",
    );
    let run = okr_in(
        &nested,
        &[
            "lint",
            "okrs.yaml",
            "--as-of",
            "2026-11-23",
            "--format",
            "json",
        ],
    );
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert!(
        !diagnostics.is_empty()
            && diagnostics
                .iter()
                .all(|d| d["code"] == "OKR208" && d["severity"] == "error")
    );
    assert_eq!(run.code, 1);

    let other = scratch.file("other.toml", "[lint]\nselect = [\"OKR008\"]\n");
    let run = okr_in(
        &nested,
        &[
            "lint",
            "okrs.yaml",
            "--as-of",
            "2026-11-23",
            "--format",
            "json",
            "--config",
            other.to_str().unwrap(),
        ],
    );
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"] == "OKR008")
    );
    assert_eq!(run.code, 0, "infos only");

    let broken = scratch.file("broken.toml", "[lint]\nselect = 5\n");
    let run = okr_in(
        &nested,
        &["lint", "okrs.yaml", "--config", broken.to_str().unwrap()],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("broken.toml"), "{}", run.stderr);
}

#[test]
fn bad_input_exits_2_even_with_findings_elsewhere() {
    let scratch = Scratch::new();
    let bad = scratch.file("bad.yaml", "objectives:\n  - id: O1\n");
    let run = okr(&[
        "lint",
        &example("acme.yaml"),
        bad.to_str().unwrap(),
        "--as-of",
        "2026-11-23",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout
            .contains("bad.yaml:2: objectives[0]: missing field `title`"),
        "{}",
        run.stdout
    );
}

#[test]
fn rules_and_explain() {
    let table = okr(&["rules"]);
    assert_eq!(table.code, 0);
    let json = okr(&["rules", "--format", "json"]);
    let rules: Value = serde_json::from_str(&json.stdout).unwrap();
    let rules = rules.as_array().unwrap();
    assert!(rules.len() >= 25);
    for rule in rules {
        let code = rule["code"].as_str().unwrap();
        assert!(table.stdout.contains(code), "{code} missing from the table");
        assert!(
            rule["name"]
                .as_str()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-')
        );
        assert!(["error", "warning", "info"].contains(&rule["severity"].as_str().unwrap()));
    }
    let by_code = okr(&["explain", "OKR102"]);
    let by_name = okr(&["explain", "output-key-result"]);
    assert_eq!(by_code.code, 0);
    assert_eq!(by_code.stdout, by_name.stdout);
    assert!(by_code.stdout.starts_with("# output-key-result (OKR102)"));
    for section in [
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## Sources",
    ] {
        assert!(by_code.stdout.contains(section), "{section}");
    }
    let unknown = okr(&["explain", "OKR999"]);
    assert_eq!(unknown.code, 2);
}

#[test]
fn json_and_text_give_each_objective_a_quality_that_names_what_cost_it() {
    let file = example("acme.yaml");
    let (_, report) = lint_json(&[&file, "--as-of", "2026-11-23"]);
    let objectives = report["objectives"].as_array().unwrap();
    let loaded = okr_core::from_yaml_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(objectives.len(), loaded.objectives.len());
    for objective in objectives {
        let id = objective["id"].as_str().unwrap();
        // Recomputed from the diagnostics: 20 per error, 10 per warning, 2 per info.
        let index = loaded.objectives.iter().position(|o| o.id == id).unwrap();
        let prefix = format!("objectives[{index}]");
        let cost: u64 = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| {
                let path = d["path"].as_str().unwrap();
                path == prefix || path.starts_with(&format!("{prefix}."))
            })
            .map(|d| match d["severity"].as_str().unwrap() {
                "error" => 20,
                "warning" => 10,
                _ => 2,
            })
            .sum();
        assert_eq!(
            objective["quality"].as_u64().unwrap(),
            100u64.saturating_sub(cost),
            "{id}"
        );
        let lost: u64 = objective["lost"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["points"].as_u64().unwrap())
            .sum();
        assert_eq!(lost, cost, "{id}");
    }
    let text = okr(&["lint", &file, "--as-of", "2026-11-23"]).stdout;
    assert!(text.contains("Objective quality: mean "), "{text}");
}
