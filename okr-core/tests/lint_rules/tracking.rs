//! Tracking rules: check-ins and results over time.

use super::*;

#[test]
fn okr401_set_and_forget() {
    let doc = |check_ins: &str| {
        format!(
            "{HEAD}objectives:\n  - id: O1\n    title: T\n    key_results:\n      - {{ id: K1, title: Raise NPS from 30 to 40, check_ins: [{check_ins}] }}\n"
        )
    };
    fires(&doc(""), "OKR401", K0, Severity::Error); // 31 of 91 days: a third of the cycle gone
    fires(
        &doc("{ date: 2026-07-10, value: 31 }"),
        "OKR401",
        K0,
        Severity::Error,
    ); // 22 days
    fires(
        &doc("{ date: 2026-07-15, value: 31 }"),
        "OKR401",
        K0,
        Severity::Warning,
    ); // 17 days
    silent(&doc("{ date: 2026-07-29, value: 31 }"), "OKR401");
    let after = okr_core::from_yaml_str(&doc("")).unwrap();
    let report = lint(
        &after,
        NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
        &LintConfig::default(),
    );
    assert!(
        !report.diagnostics.iter().any(|d| d.code == "OKR401"),
        "not checked after the cycle"
    );
}

#[test]
fn okr402_sandbagging() {
    fires(
        &with_history("aspirational", &[0.7, 1.0, 1.0]),
        "OKR402",
        O0,
        Severity::Warning,
    );
    fires(
        &with_history("aspirational", &[0.9, 0.9, 0.95]),
        "OKR402",
        O0,
        Severity::Warning,
    );
    silent(&with_history("committed", &[1.0, 1.0]), "OKR402");
    silent(&with_history("aspirational", &[1.0, 0.7]), "OKR402");
    let early = format!(
        "{HEAD}objectives:\n  - id: O1\n    title: T\n    key_results:\n      - {{ title: Raise NPS, metric: {{ start: 30, target: 40 }}, check_ins: [{{ date: 2026-07-03, value: 41 }}] }}\n"
    );
    fires(&early, "OKR402", K0, Severity::Warning);
}

#[test]
fn okr403_chronic_miss() {
    fires(
        &with_history("aspirational", &[0.3, 0.25]),
        "OKR403",
        O0,
        Severity::Warning,
    );
    fires(
        &with_history("committed", &[0.9, 0.95]),
        "OKR403",
        O0,
        Severity::Warning,
    );
    silent(&with_history("aspirational", &[0.3, 0.6]), "OKR403");
    silent(&with_history("committed", &[1.0, 0.95]), "OKR403");
}

/// One key result in Q3 (started 2026-07-01), as two versions would write it.
fn versioned(metric: &str, note: &str) -> String {
    format!(
        "cycles: [{{ id: Q3, start: 2026-07-01, end: 2026-09-30 }}]\nobjectives:\n  - id: O1\n    title: Delight returning customers\n    cycle: Q3\n    key_results:\n      - id: K1\n        title: Raise repeat purchase rate\n        metric: {metric}\n{note}"
    )
}

fn lint_pair(old: &str, new: &str, as_of: NaiveDate) -> Vec<okr_core::lint::Diagnostic> {
    let (old, new) = (
        okr_core::from_yaml_str(old).unwrap(),
        okr_core::from_yaml_str(new).unwrap(),
    );
    let config = okr_core::lint::LintConfig {
        select: Some(vec!["OKR404".into()]),
        ..Default::default()
    };
    okr_core::lint::lint_with_previous(&new, &old, as_of, &config).diagnostics
}

#[test]
fn okr404_stealth_target_change() {
    let day = NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap();
    let old = versioned("{ start: 20, target: 30 }", "");
    // Target lowered on a rising metric: a warning on the key result.
    let lowered = lint_pair(&old, &versioned("{ start: 20, target: 28 }", ""), day);
    assert_eq!(lowered.len(), 1, "{lowered:#?}");
    assert_eq!(
        (lowered[0].severity, lowered[0].path.to_string().as_str()),
        (Severity::Warning, "objectives[0].key_results[0]")
    );
    assert!(
        lowered[0].message.contains("lowered"),
        "{}",
        lowered[0].message
    );
    // Baseline moved toward the target also lowers the bar; moving the target up raises it (info).
    assert_eq!(
        lint_pair(&old, &versioned("{ start: 22, target: 30 }", ""), day)[0].severity,
        Severity::Warning
    );
    assert_eq!(
        lint_pair(&old, &versioned("{ start: 20, target: 35 }", ""), day)[0].severity,
        Severity::Info
    );
    // A new change note explains the move; one carried over from the old version does not.
    let note = "        change_note: baseline re-measured after the tracking fix\n";
    assert!(lint_pair(&old, &versioned("{ start: 20, target: 28 }", note), day).is_empty());
    let noted_before = versioned("{ start: 20, target: 30 }", note);
    assert_eq!(
        lint_pair(
            &noted_before,
            &versioned("{ start: 20, target: 28 }", note),
            day
        )
        .len(),
        1
    );
    // Before the cycle starts, plans may move freely; with no previous version, silence.
    let june = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
    assert!(lint_pair(&old, &versioned("{ start: 20, target: 28 }", ""), june).is_empty());
    silent(&versioned("{ start: 20, target: 28 }", ""), "OKR404");
}
