//! The example service (`examples/service.rs`) as a test: every step answers what a
//! service would expect, checked by hand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../examples/service.rs"]
mod service;

#[test]
fn the_example_service_builds_validates_checks_in_scores_and_lints() {
    let answers: std::collections::HashMap<_, _> = service::run().unwrap().into_iter().collect();
    assert_eq!(answers["validate"], serde_json::json!([]));
    assert!(
        answers["check_in_error"]["error"]
            .as_str()
            .unwrap()
            .contains("K9")
    );
    // K1: (36 - 30) / (45 - 30) = 0.4, and O1 is its only key result.
    let score = &answers["score"]["objectives"][0];
    assert!((score["score"].as_f64().unwrap() - 0.4).abs() < 1e-12);
    assert!((score["key_results"][0]["score"].as_f64().unwrap() - 0.4).abs() < 1e-12);
    assert!(
        answers["lint"]["objectives"][0]["quality"]
            .as_u64()
            .unwrap()
            <= 100
    );
    assert_eq!(answers["round_trip"], serde_json::json!(true));
}
