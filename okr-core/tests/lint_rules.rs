//! Every rule has fixtures that must fire (at the right path, with the right severity)
//! and near-misses that must not.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use okr_core::lint::{LintConfig, LintReport, Severity, lint};

const AS_OF: (i32, u32, u32) = (2026, 8, 1); // 31 of the 91 days of Q3

fn run_with(yaml: &str, config: &LintConfig) -> LintReport {
    let doc = okr_core::from_yaml_str(yaml)
        .unwrap_or_else(|e| panic!("fixture does not load: {e}\n{yaml}"));
    lint(
        &doc,
        NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap(),
        config,
    )
}

fn run(yaml: &str) -> LintReport {
    run_with(yaml, &LintConfig::default())
}

#[track_caller]
fn fires(yaml: &str, code: &str, path: &str, severity: Severity) {
    let report = run(yaml);
    let found = report
        .diagnostics
        .iter()
        .find(|d| d.code == code && d.path == path);
    let Some(d) = found else {
        panic!(
            "{code} did not fire at {path}; findings: {:#?}\n{yaml}",
            report.diagnostics
        );
    };
    assert_eq!(d.severity, severity, "{code} at {path}: {}", d.message);
    assert!(!d.message.is_empty() && !d.help.is_empty());
}

#[track_caller]
fn silent(yaml: &str, code: &str) {
    let report = run(yaml);
    let hits: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect();
    assert!(hits.is_empty(), "{code} fired: {hits:#?}\n{yaml}");
}

const HEAD: &str = "cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]\n";

/// One aspirational objective with the given key-result titles (checked in recently).
fn krs(titles: &[&str]) -> String {
    let list = if titles.is_empty() { " []" } else { "" };
    let mut yaml = format!(
        "{HEAD}objectives:\n  - id: O1\n    title: Delight home cooks with cookware they love\n    kind: aspirational\n    key_results:{list}\n"
    );
    for (i, title) in titles.iter().enumerate() {
        yaml += &format!(
            "      - {{ id: K{i}, title: {}, check_ins: [{{ date: 2026-07-30, value: 1, confidence: 0.7 }}] }}\n",
            serde_json::to_string(title).unwrap()
        );
    }
    yaml
}

/// One objective with the given title and two good key results.
fn objective(title: &str) -> String {
    format!(
        "{HEAD}objectives:\n  - id: O1\n    title: {}\n    kind: aspirational\n    key_results:\n      - Raise weekly active cooks from 10k to 14k\n      - Cut median page load from 3 s to 1.5 s\n",
        serde_json::to_string(title).unwrap()
    )
}

const K0: &str = "objectives[0].key_results[0]";
const O0: &str = "objectives[0]";

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
fn okr004_missing_baseline() {
    fires(
        &krs(&["Reach 40% weekly activation"]),
        "OKR004",
        K0,
        Severity::Info,
    );
    silent(&krs(&["Raise weekly activation from 28% to 40%"]), "OKR004");
    silent(&krs(&["Keep CAC under $50"]), "OKR004");
}

#[test]
fn okr005_target_equals_baseline() {
    fires(
        &krs(&["Raise NPS from 40 to 40"]),
        "OKR005",
        K0,
        Severity::Error,
    );
    fires(
        &krs(&["Reduce churn from 2% to 3%"]),
        "OKR005",
        K0,
        Severity::Error,
    );
    let contradiction = format!(
        "{HEAD}objectives:\n  - id: O1\n    title: T\n    key_results:\n      - {{ title: Reduce refund rate, metric: {{ start: 2, target: 4 }} }}\n"
    );
    fires(&contradiction, "OKR005", K0, Severity::Error);
    silent(
        &krs(&[
            "Reduce churn from 3% to 2%",
            "Improve load time from 3 s to 1 s",
        ]),
        "OKR005",
    );
}

#[test]
fn okr006_kr_without_owner() {
    let doc = |owner: &str| {
        format!(
            "{HEAD}teams: [{{ id: t }}]\npeople: [{{ id: ana, team: t }}, {{ id: bo, team: t }}, {{ id: cy, team: t }}]\nobjectives:\n  - id: O1\n    title: T\n    key_results:\n      - {{ id: K1, title: Raise NPS from 30 to 40{owner} }}\n"
        )
    };
    fires(&doc(""), "OKR006", K0, Severity::Warning);
    fires(
        &doc(", owner: [ana, bo, cy]"),
        "OKR006",
        K0,
        Severity::Warning,
    );
    fires(&doc(", owner: t"), "OKR006", K0, Severity::Info);
    silent(&doc(", owner: ana"), "OKR006");
    silent(&krs(&["Raise NPS from 30 to 40"]), "OKR006"); // a file that tracks no owners
}

#[test]
fn okr007_binary_without_confidence() {
    let doc = |binary: &str| {
        format!(
            "{HEAD}objectives:\n  - id: O1\n    title: T\n    key_results:\n      - {{ id: K1, title: Ship guest checkout, binary: {binary} }}\n"
        )
    };
    fires(&doc("{ done: false }"), "OKR007", K0, Severity::Warning);
    silent(&doc("{ done: false, probability: 0.7 }"), "OKR007");
    silent(&doc("{ done: true }"), "OKR007");
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

#[test]
fn okr101_vague_key_result() {
    fires(
        &krs(&["Improve customer satisfaction"]),
        "OKR101",
        K0,
        Severity::Error,
    );
    fires(&krs(&["Better onboarding"]), "OKR101", K0, Severity::Error);
    silent(&krs(&["Raise CSAT from 78% to 85%"]), "OKR101");
    silent(&krs(&["Double fleet-wide Y"]), "OKR101"); // a placeholder is a number to fill in
    silent(&krs(&["Launch the new website"]), "OKR101"); // a task: OKR102's job
    let structured = format!(
        "{HEAD}objectives:\n  - id: O1\n    title: T\n    key_results:\n      - {{ title: Improve onboarding, metric: {{ start: 20, target: 35 }} }}\n"
    );
    silent(&structured, "OKR101");
}

#[test]
fn okr102_output_key_result() {
    fires(
        &krs(&["Launch the new website", "Raise conversion from 1.5% to 4%"]),
        "OKR102",
        K0,
        Severity::Warning,
    );
    fires(
        &krs(&["Launch the new website", "Hire 2 salespeople"]),
        "OKR102",
        K0,
        Severity::Error,
    );
    silent(
        &krs(&["Launch self-serve checkout to lift conversion from 2% to 3%"]),
        "OKR102",
    );
    silent(&krs(&["Ship to 10,000 beta users"]), "OKR102");
    silent(&krs(&["Sign 12 new restaurant groups"]), "OKR102");
}

#[test]
fn okr103_vanity_metric() {
    fires(
        &krs(&["Reach 1 million page views on the blog"]),
        "OKR103",
        K0,
        Severity::Info,
    );
    fires(
        &krs(&["Grow Instagram followers from 40k to 60k"]),
        "OKR103",
        K0,
        Severity::Info,
    );
    silent(&krs(&["Reach 10,000 monthly organic visits"]), "OKR103");
    silent(
        &krs(&["Raise page views per session from 2 to 3"]),
        "OKR103",
    );
    silent(
        &krs(&["Grow weekly active users from 10k to 14k"]),
        "OKR103",
    );
    silent(
        &krs(&["Raise download-to-signup rate from 20% to 30%"]),
        "OKR103",
    );
}

#[test]
fn okr104_bau_kpi_as_kr() {
    fires(
        &krs(&["Continue publishing the weekly newsletter"]),
        "OKR104",
        K0,
        Severity::Info,
    );
    fires(
        &krs(&["Maintain current customer satisfaction"]),
        "OKR104",
        K0,
        Severity::Info,
    );
    silent(&krs(&["Maintain 99.9% uptime"]), "OKR104");
    silent(&krs(&["Keep CAC under $50"]), "OKR104");
    silent(&krs(&["Raise NPS from 30 to 40"]), "OKR104");
}

#[test]
fn okr105_compound_key_result() {
    fires(
        &krs(&["Raise NPS from 31 to 45 and cut churn from 3% to 2%"]),
        "OKR105",
        K0,
        Severity::Info,
    );
    silent(&krs(&["Raise NPS from 31 to 45"]), "OKR105");
    silent(&krs(&["Sign and onboard 12 partners"]), "OKR105");
}

#[test]
fn okr106_duplicate_key_result() {
    fires(
        &krs(&[
            "Raise the repeat purchase rate from 18% to 26%",
            "Raise repeat purchase rate from 18% to 26% this quarter",
        ]),
        "OKR106",
        "objectives[0].key_results[1]",
        Severity::Warning,
    );
    silent(
        &krs(&[
            "Raise repeat purchase rate from 18% to 26%",
            "Cut refund rate from 4% to 2.5%",
        ]),
        "OKR106",
    );
    let team = format!(
        "{HEAD}teams: [{{ id: t }}]\nobjectives:\n  - {{ id: A, title: a, owner: t, key_results: [Raise NPS from 30 to 40] }}\n  - {{ id: B, title: b, owner: t, key_results: [Raise NPS from 30 to 40] }}\n"
    );
    fires(
        &team,
        "OKR106",
        "objectives[1].key_results[0]",
        Severity::Info,
    );
}

#[test]
fn okr107_unpaired_quantity() {
    fires(
        &krs(&[
            "Generate 500 new leads",
            "Book 120 demos",
            "Send 40,000 outreach emails",
        ]),
        "OKR107",
        O0,
        Severity::Info,
    );
    silent(
        &krs(&[
            "Generate 500 new leads",
            "Book 120 demos",
            "Keep lead-to-demo conversion above 12%",
        ]),
        "OKR107",
    );
}

#[test]
fn okr108_kr_outside_cycle() {
    fires(
        &krs(&["Grow ARR from $1M to $2M by the end of the year"]),
        "OKR108",
        K0,
        Severity::Warning,
    );
    let due = format!(
        "{HEAD}objectives:\n  - id: O1\n    title: T\n    key_results:\n      - {{ title: Raise NPS from 30 to 40, due: 2026-11-15 }}\n"
    );
    fires(&due, "OKR108", K0, Severity::Warning);
    silent(&krs(&["Grow ARR from $1M to $1.3M by end of Q3"]), "OKR108");
}

#[test]
fn okr201_objective_is_metric() {
    fires(
        &objective("Increase revenue by 20% with our partner channel"),
        "OKR201",
        O0,
        Severity::Info,
    );
    fires(
        &objective("Grow revenue from $4M to $5M and keep margins"),
        "OKR201",
        O0,
        Severity::Info,
    );
    // A title that is only the number is OKR207's.
    silent(&objective("Increase revenue by 20%"), "OKR201");
    silent(
        &objective("Become the #1 cookware brand for home cooks"),
        "OKR201",
    );
    silent(
        &objective("Win the professional kitchens market in 2026"),
        "OKR201",
    );
    silent(
        &objective("Make Q3 the quarter cooks fall in love with our pans"),
        "OKR201",
    );
}

#[test]
fn okr207_objective_is_a_key_result() {
    for title in [
        "Grow paid seats by 35%",
        "Hit 1,000 weekly orders",
        "Lower p95 latency to 200 ms",
        "Triple trial signups this quarter",
        "Close twelve enterprise deals",
    ] {
        fires(&objective(title), "OKR207", O0, Severity::Info);
        silent(&objective(title), "OKR201");
    }
    // A reason, an audience or a second aim: more than a number (OKR201 hints).
    for title in [
        "Grow paid seats by 35% so that support pays for itself",
        "Halve checkout time for first-time buyers",
        "Cut churn by 10% and win back lapsed teams",
        "Make onboarding so simple that 80% of new teams succeed on day one",
    ] {
        silent(&objective(title), "OKR207");
    }
    fires(
        &objective("Halve checkout time for first-time buyers"),
        "OKR201",
        O0,
        Severity::Info,
    );
    // No number at all, or a rank or a quarter: not a metric.
    silent(&objective("Become the #1 cookware brand"), "OKR207");
    silent(&objective("Own the Q3 launch"), "OKR207");
}

#[test]
fn okr208_objective_is_a_topic() {
    for title in ["Hiring", "Better documentation", "Grow partnerships."] {
        fires(&objective(title), "OKR208", O0, Severity::Warning);
        silent(&objective(title), "OKR206");
    }
    silent(&objective("Make hiring a strength of every team"), "OKR208");
    silent(&objective("Delight first-time home cooks"), "OKR208");
}

#[test]
fn okr209_activity_objective() {
    for title in [
        "Focus on enterprise onboarding",
        "Keep the support queue under control",
        "Continue the move to the new billing platform",
        "Try to reduce flaky tests",
        "Working on partner relationships",
    ] {
        fires(&objective(title), "OKR209", O0, Severity::Warning);
    }
    for title in [
        "Make the support queue something customers never notice",
        "Keepers: become the app families rely on",
        "Win the trust of enterprise security teams",
        "Focused teams ship calmer releases",
    ] {
        silent(&objective(title), "OKR209");
    }
}

#[test]
fn okr202_solution_prescribing_objective() {
    // Outcome key results do not excuse a solution in the objective.
    fires(
        &objective("Migrate to the new Kubernetes platform"),
        "OKR202",
        O0,
        Severity::Warning,
    );
    fires(
        &objective("Rollout the new benefits package"),
        "OKR202",
        O0,
        Severity::Warning,
    );
    silent(
        &objective("Develop a content plan that doubles our blog traffic"),
        "OKR202",
    );
    silent(
        &objective("Create the most intuitive mortgage application for first-time buyers"),
        "OKR202",
    );
    let tasks = format!(
        "{HEAD}objectives:\n  - id: O1\n    title: Build a partner portal\n    key_results: [Design the portal, Launch the portal]\n"
    );
    fires(&tasks, "OKR202", O0, Severity::Warning);
    silent(
        &objective("Migrate to Kubernetes so that teams deploy without waiting on ops"),
        "OKR202",
    );
    silent(&objective("Build a culture of ownership"), "OKR202");
    silent(&objective("Make re-ordering effortless"), "OKR202");
}

#[test]
fn okr203_competitor_parity() {
    fires(
        &objective("Reach feature parity with Pansonic"),
        "OKR203",
        O0,
        Severity::Warning,
    );
    fires(
        &objective("Catch up with our competitors' features"),
        "OKR203",
        O0,
        Severity::Warning,
    );
    silent(&objective("Catch up on the support backlog"), "OKR203");
}

fn with_history(kind: &str, scores: &[f64]) -> String {
    let mut yaml = format!(
        "{HEAD}objectives:\n  - id: O1\n    title: Delight home cooks\n    kind: {kind}\n    key_results: [Raise NPS from 30 to 40, Cut churn from 3% to 2%]\nhistory:\n"
    );
    for (i, s) in scores.iter().enumerate() {
        yaml += &format!(
            "  - {{ objective: O1, cycle: 2025-Q{}, score: {s} }}\n",
            i + 1
        );
    }
    yaml
}

#[test]
fn okr204_not_achievable_in_cycle() {
    fires(
        &with_history("aspirational", &[0.2, 0.3, 0.1]),
        "OKR204",
        O0,
        Severity::Info,
    );
    silent(&with_history("aspirational", &[0.2, 0.3]), "OKR204");
    silent(&with_history("aspirational", &[0.2, 0.5, 0.1]), "OKR204");
}

#[test]
fn okr205_compound_objective() {
    fires(
        &objective("Grow the partner channel and improve billing"),
        "OKR205",
        O0,
        Severity::Info,
    );
    silent(&objective("Make cooking fast and fun"), "OKR205");
}

#[test]
fn okr206_vague_objective() {
    fires(
        &objective("Improve our release processes"),
        "OKR206",
        O0,
        Severity::Info,
    );
    fires(
        &objective("Boost team collaboration"),
        "OKR206",
        O0,
        Severity::Info,
    );
    // One or two words are OKR208's.
    silent(&objective("Improve processes"), "OKR206");
    silent(
        &objective("Make every release boring for the on-call engineer"),
        "OKR206",
    );
    silent(
        &objective("Improve the onboarding experience so new cooks succeed in week one"),
        "OKR206",
    );
}

fn two_teams(a: &str, b: &str) -> String {
    format!(
        "{HEAD}teams: [{{ id: co }}, {{ id: sales, parent: co }}, {{ id: finance, parent: co }}]\nobjectives:\n  - {{ id: C, title: Company goal, owner: co, key_results: [a, b] }}\n  - {{ id: S, title: Sales goal, owner: sales, aligns_to: C, key_results: [{}] }}\n  - {{ id: F, title: Finance goal, owner: finance, aligns_to: C, key_results: [{}] }}\n",
        serde_json::to_string(a).unwrap(),
        serde_json::to_string(b).unwrap()
    )
}

#[test]
fn okr301_conflicting_objectives() {
    fires(
        &two_teams(
            "Raise average discount from 10% to 15%",
            "Reduce average discount from 10% to 6%",
        ),
        "OKR301",
        "objectives[2].key_results[0]",
        Severity::Warning,
    );
    silent(
        &two_teams(
            "Raise average discount from 10% to 15%",
            "Raise average order value from $40 to $50",
        ),
        "OKR301",
    );
}

#[test]
fn okr301_names_the_first_other_team_not_the_same_one() {
    // Sales pulls the discount both ways (its own business, not a conflict between teams);
    // finance pulling it down then conflicts with sales' first pull up.
    let yaml = format!(
        "{HEAD}teams: [{{ id: co }}, {{ id: sales, parent: co }}, {{ id: finance, parent: co }}]\nobjectives:\n  - {{ id: C, title: Company goal, owner: co, key_results: [a, b] }}\n  - {{ id: S, title: Sales goal, owner: sales, aligns_to: C, key_results: [Raise average discount from 10% to 15%, Reduce average discount from 10% to 8%] }}\n  - {{ id: F, title: Finance goal, owner: finance, aligns_to: C, key_results: [Reduce average discount from 10% to 6%] }}\n"
    );
    let report = run(&yaml);
    let hits: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "OKR301")
        .collect();
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0].path, "objectives[2].key_results[0]");
    assert!(
        hits[0]
            .message
            .starts_with("`finance` wants average discount to go down while `sales` wants it to go up (\"Raise average discount"),
        "{}",
        hits[0].message
    );
}

#[test]
fn okr302_orphan_objective() {
    let doc = |aligns: &str| {
        format!(
            "{HEAD}teams: [{{ id: co }}, {{ id: web, parent: co }}]\nobjectives:\n  - {{ id: C, title: Company, owner: co }}\n  - {{ id: W, title: Web, owner: web{aligns} }}\n"
        )
    };
    fires(&doc(""), "OKR302", "objectives[1]", Severity::Warning);
    silent(&doc(", aligns_to: C"), "OKR302");
}

#[test]
fn okr303_alignment_cycle() {
    // Loading refuses loops, so build the document in code.
    use okr_core::model::{Document, Ids, Objective};
    let mut doc = Document::default();
    doc.objectives.push(Objective {
        aligns_to: Some(Ids::One("B".into())),
        ..Objective::new("A", "a")
    });
    doc.objectives.push(Objective {
        aligns_to: Some(Ids::One("A".into())),
        ..Objective::new("B", "b")
    });
    let report = lint(
        &doc,
        NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(),
        &LintConfig::default(),
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "OKR303")
        .unwrap();
    assert_eq!(
        (d.path.as_str(), d.severity),
        ("objectives[0]", Severity::Error)
    );
    assert!(d.message.contains("A → B → A"));
    silent(&objective("Fine"), "OKR303");
}

#[test]
fn okr304_cascade_too_deep() {
    let chain = |n: usize| {
        let mut yaml = format!("{HEAD}objectives:\n");
        for i in 0..n {
            let aligns = if i == 0 {
                String::new()
            } else {
                format!(", aligns_to: O{}", i - 1)
            };
            yaml += &format!("  - {{ id: O{i}, title: Level {i}{aligns} }}\n");
        }
        yaml
    };
    fires(&chain(5), "OKR304", "objectives[3]", Severity::Warning);
    let report = run(&chain(5));
    assert_eq!(
        report
            .diagnostics
            .iter()
            .filter(|d| d.code == "OKR304")
            .count(),
        1,
        "reported once, where it starts"
    );
    silent(&chain(3), "OKR304");
}

#[test]
fn okr305_kr_copied_as_child() {
    let doc = |child: &str| {
        format!(
            "{HEAD}objectives:\n  - {{ id: C, title: Company, key_results: [{{ id: C-KR2, title: Grow revenue in Europe by 20% }}] }}\n  - {{ id: T, title: {child}, aligns_to: C-KR2 }}\n"
        )
    };
    fires(
        &doc("Grow revenue in Europe by 20%"),
        "OKR305",
        "objectives[1]",
        Severity::Info,
    );
    silent(&doc("Make European chefs choose our pans"), "OKR305");
}

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
        (lowered[0].severity, lowered[0].path.as_str()),
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

#[test]
fn every_rule_has_a_fixture_and_an_explanation() {
    let source = include_str!("lint_rules.rs");
    for rule in okr_core::lint::rules() {
        let explanation = okr_core::lint::explain(rule.code).unwrap();
        for section in [
            "## Why is this bad?",
            "## Example",
            "## Use instead",
            "## Sources",
        ] {
            assert!(
                explanation.contains(section),
                "{} lacks {section}",
                rule.code
            );
        }
        assert_eq!(okr_core::lint::explain(rule.name), Some(explanation));
        let code = rule.code.to_lowercase();
        assert!(
            source.contains(&format!("fn {code}_")) || rule.code.starts_with("OKR9"),
            "{} has no fixture test",
            rule.code
        );
    }
    assert!(okr_core::lint::rules().len() >= 25);
}
