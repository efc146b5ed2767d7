//! Meta rules: the linter's own bookkeeping (suppressions).

use super::*;

#[test]
fn okr901_okr902_suppressions_without_reason_or_effect() {
    let yaml = "lint: { allow: [{ rule: OKR203, reason: nothing to see }] }
objectives:
  - id: O1
    title: Delight home cooks with cookware they love
    lint: { allow: [{ rule: OKR206 }, { rule: OKR120, reason: typo }] }
    key_results: [Raise NPS from 30 to 40, Cut churn from 3% to 2%]
";
    let report = run(yaml);
    let find = |code: &str, path: &str| {
        report
            .diagnostics
            .iter()
            .find(|d| d.code == code && d.path == path)
    };
    assert!(
        find("OKR901", "objectives[0].lint.allow[0]").is_some(),
        "{:#?}",
        report.diagnostics
    );
    let unused = find("OKR902", "objectives[0].lint.allow[0]").unwrap();
    assert!(unused.message.contains("silences nothing"));
    assert!(
        find("OKR902", "objectives[0].lint.allow[1]")
            .unwrap()
            .message
            .contains("no rule")
    );
    assert!(find("OKR902", "lint.allow[0]").is_some());
    // A suppression of a rule that is switched off is not "unused".
    let off = LintConfig {
        ignore: vec!["OKR206".into(), "OKR203".into()],
        ..LintConfig::default()
    };
    let report = run_with(yaml, &off);
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.code == "OKR902" && d.path != "objectives[0].lint.allow[1]")
    );
}
