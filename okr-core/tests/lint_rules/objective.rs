//! Objective rules: how an objective is written.

use super::*;

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
