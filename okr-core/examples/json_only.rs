//! A service that reads JSON and scores, built without okr-core's default features (no
//! YAML, JSON Schema or report code): `cargo run -p okr-core --no-default-features
//! --example json_only`. scripts/test.sh runs it that way.

use okr_core::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let json = r#"{"cycles": [{"id": "Q3", "start": "2026-07-01", "end": "2026-09-30"}],
        "objectives": [{"id": "O1", "title": "Delight returning customers", "key_results": [
            {"id": "K1", "title": "Raise NPS from 30 to 45", "metric": {"start": 30, "target": 45},
             "check_ins": [{"date": "2026-08-01", "value": 36}]}]}]}"#;
    let document = from_json_str(json)?;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 1).ok_or("bad day")?;
    let report = score(&document, day, &ScoreConfig::default());
    let kr = report
        .key_result("K1")
        .and_then(|k| k.score)
        .ok_or("K1 is not scored")?;
    // (36 − 30) / (45 − 30) = 0.4
    if (kr - 0.4).abs() > 1e-9 {
        return Err(format!("K1 scored {kr}, not 0.4").into());
    }
    // YAML is not compiled in here: it is refused with a kind a caller can branch on.
    let yaml = okr_core::format::load_str("objectives: []", Format::Yaml, &LoadOptions::default());
    let refused = yaml.err().and_then(|e| {
        e.problems()
            .first()
            .map(|p| p.kind == okr_core::ProblemKind::UnsupportedFormat)
    });
    println!("{}", serde_json::to_string(&report)?);
    if cfg!(not(feature = "yaml")) && refused != Some(true) {
        return Err("YAML should be refused without the yaml feature".into());
    }
    Ok(())
}
