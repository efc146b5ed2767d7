//! Structure rules: counts and completeness.

use super::*;

#[test]
fn okr001_too_many_objectives() {
    let objectives = |n: usize| {
        let mut yaml = format!("{HEAD}teams: [{{ id: t }}]\nobjectives:\n");
        for i in 0..n {
            yaml += &format!(
                "  - {{ id: O{i}, title: Goal number {i} for cooks, owner: t, kind: committed }}\n"
            );
        }
        yaml
    };
    fires(&objectives(4), "OKR001", "objectives[3]", Severity::Warning);
    fires(&objectives(6), "OKR001", "objectives[5]", Severity::Error);
    silent(&objectives(3), "OKR001");
    let strict = run_with(
        &objectives(2),
        &LintConfig {
            strict: Some(true),
            ..LintConfig::default()
        },
    );
    assert!(
        strict
            .diagnostics
            .iter()
            .any(|d| d.code == "OKR001" && d.path == "objectives[1]")
    );
}

#[test]
fn okr002_too_many_key_results() {
    let six: Vec<String> = (1..=6)
        .map(|i| format!("Raise metric {i} from 1 to 2"))
        .collect();
    let six: Vec<&str> = six.iter().map(String::as_str).collect();
    fires(&krs(&six), "OKR002", O0, Severity::Warning);
    silent(&krs(&six[..5]), "OKR002");
    let mut team = format!("{HEAD}teams: [{{ id: t }}]\nobjectives:\n");
    for o in 0..5 {
        team += &format!("  - id: O{o}\n    title: Goal {o}\n    owner: t\n    key_results: [");
        team += &(0..5)
            .map(|k| format!("\"Raise metric {o}{k} from 1 to 2\""))
            .collect::<Vec<_>>()
            .join(", ");
        team += "]\n";
    }
    fires(&team, "OKR002", "objectives[0]", Severity::Warning); // 25 key results for team t
}

#[test]
fn okr003_too_few_key_results() {
    fires(&krs(&[]), "OKR003", O0, Severity::Error);
    fires(
        &krs(&["Raise NPS from 30 to 40"]),
        "OKR003",
        O0,
        Severity::Warning,
    );
    silent(
        &krs(&["Raise NPS from 30 to 40", "Cut churn from 3% to 2%"]),
        "OKR003",
    );
    let rollup = format!(
        "{HEAD}objectives:\n  - {{ id: P, title: Parent }}\n  - {{ id: C, title: Child, aligns_to: P, key_results: [a, b] }}\n"
    );
    let report = run(&rollup);
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.code == "OKR003" && d.path == O0),
        "rollup parent is exempt"
    );
}

#[test]
fn okr008_missing_okr_type() {
    fires(
        &format!("{HEAD}objectives: [{{ id: O1, title: T }}]\n"),
        "OKR008",
        O0,
        Severity::Info,
    );
    silent(
        &format!("{HEAD}objectives: [{{ id: O1, title: T, kind: committed }}]\n"),
        "OKR008",
    );
}
