//! The per-objective quality score: 100 minus 20 per error, 10 per warning, 2 per info.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use okr_core::lint::{LintConfig, Severity, lint, points};

const TWO: &str = "people: [{ id: ana }]
objectives:
  - id: O1
    title: Delight returning customers
    kind: committed
    key_results:
      - { id: K1, title: Improve onboarding, owner: ana }
      - { id: K2, title: Improve checkout, owner: ana }
      - { id: K3, title: Raise repeat purchase rate from 20% to 30%, owner: ana }
  - id: O2
    title: Win the Lisbon market
    kind: committed
    key_results:
      - { id: K4, title: Raise Lisbon revenue from 10k to 40k, owner: ana }
      - { id: K5, title: Raise Lisbon NPS from 20 to 40, owner: ana }
      - { id: K6, title: Cut Lisbon delivery time from 5 days to 2, owner: ana }
";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 1).unwrap()
}

#[test]
fn each_finding_costs_its_objective_points_by_severity_and_names_its_rule() {
    assert_eq!(
        (
            points(Severity::Error),
            points(Severity::Warning),
            points(Severity::Info)
        ),
        (20, 10, 2)
    );
    let doc = okr_core::from_yaml_str(TWO).unwrap();
    let only_vague = LintConfig {
        select: Some(vec!["OKR101".into()]),
        ..Default::default()
    };
    let report = lint(&doc, day(), &only_vague);
    // K1 and K2 are vague (OKR101, error): O1 loses 2 × 20; O2 loses nothing.
    assert_eq!(report.diagnostics.len(), 2);
    let o1 = &report.objectives[0];
    assert_eq!((o1.id.as_str(), o1.quality), ("O1", 60));
    assert_eq!(o1.lost.len(), 1);
    assert_eq!(
        (o1.lost[0].code.as_str(), o1.lost[0].points),
        ("OKR101", 40)
    );
    assert_eq!(
        (
            report.objectives[1].quality,
            report.objectives[1].lost.len()
        ),
        (100, 0)
    );
    // Configured down to info, each costs 2.
    let mut as_info = only_vague.clone();
    as_info.severity.insert("OKR101".into(), Severity::Info);
    assert_eq!(lint(&doc, day(), &as_info).objectives[0].quality, 96);
}

#[test]
fn quality_never_goes_below_zero_and_every_objective_has_one() {
    let areas = [
        "onboarding",
        "checkout",
        "search",
        "billing",
        "support",
        "reporting",
        "pricing",
        "hiring",
    ];
    let vague: String = areas
        .iter()
        .enumerate()
        .map(|(k, area)| format!("      - {{ id: V{k}, title: Improve {area}, owner: ana }}\n"))
        .collect();
    let doc = okr_core::from_yaml_str(&format!("people: [{{ id: ana }}]\nobjectives:\n  - id: O1\n    title: Be better\n    key_results:\n{vague}")).unwrap();
    let report = lint(&doc, day(), &LintConfig::default());
    assert_eq!(report.objectives.len(), 1);
    assert_eq!(report.objectives[0].quality, 0);
    let lost: u32 = report.objectives[0].lost.iter().map(|l| l.points).sum();
    assert!(lost >= 100, "{lost}");
}
