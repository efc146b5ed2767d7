//! A service embedding okr: build a document in code, validate it, record a check-in,
//! score and lint it, and answer each step as JSON (what an HTTP handler would return).
//!
//! Run it with `cargo run -p okr-core --example service`; `tests/service.rs` runs it as a test.

use okr_core::prelude::*;

/// Each step's answer, as the JSON a handler would send.
pub(crate) fn run() -> Result<Vec<(&'static str, serde_json::Value)>, Box<dyn std::error::Error>> {
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).ok_or("bad day");
    let mut answers = Vec::new();

    // Build: the objects a form or an API request would carry.
    let key_result = KeyResult::new("Raise NPS from 30 to 45")
        .with_id("K1")
        .with_metric(Metric::new(30.0, 45.0));
    let document = Document::default()
        .with_cycles(vec![Cycle::new("2026-Q3", day(7, 1)?, day(9, 30)?)])
        .with_teams(vec![Team::new("web")])
        .with_objectives(vec![
            Objective::new("O1", "Delight returning customers")
                .with_owner("web")
                .with_key_results(vec![key_result]),
        ]);

    // Validate: every problem at once, as data.
    answers.push(("validate", serde_json::to_value(document.validate())?));

    // Check in: the scorer keeps its preparation across check-ins.
    let mut scorer = Scorer::new(document);
    scorer.add_check_in("K1", CheckIn::new(day(8, 1)?).value(36.0).confidence(0.7))?;
    let unknown = scorer.add_check_in("K9", CheckIn::new(day(8, 1)?).value(1.0));
    answers.push((
        "check_in_error",
        serde_json::json!({ "error": unknown.err().map(|e| e.to_string()) }),
    ));

    // Score and lint as of a day the caller chooses (the core reads no clock).
    answers.push((
        "score",
        serde_json::to_value(scorer.score(day(8, 1)?, &ScoreConfig::default()))?,
    ));
    answers.push((
        "lint",
        serde_json::to_value(lint(scorer.document(), day(8, 1)?, &LintConfig::default()))?,
    ));

    // Save and load back: the same document.
    let saved = to_yaml(scorer.document())?;
    answers.push((
        "round_trip",
        serde_json::json!(from_yaml_str(&saved)? == *scorer.document()),
    ));
    Ok(answers)
}

#[allow(dead_code)] // the test includes this file for `run` alone
fn main() -> Result<(), Box<dyn std::error::Error>> {
    for (step, answer) in run()? {
        println!("{step}: {}", serde_json::to_string(&answer)?);
    }
    Ok(())
}
