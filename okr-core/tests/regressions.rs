//! Replays every input of `tests/fuzz-regressions/` through the fuzz targets' code
//! (`fuzz/src/lib.rs`, included here) in a plain `cargo test`: inputs the fuzzers found
//! interesting, and every crasher once it is fixed. No input may panic.
//!
//! `.yaml`/`.json`/`.bin` files go through the `pipeline` (load → score → lint → review as
//! HTML, Markdown and tree, as of several days) and the `roundtrip` (save and load back in
//! both formats); `.txt` files through the key-result sentence parser. A crasher that is not
//! fixed yet is listed in `CRASHERS` and replayed by its own `#[ignore]`d test.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[allow(dead_code, unreachable_pub, clippy::panic)]
#[path = "../../fuzz/src/lib.rs"]
mod fuzz;

use std::path::{Path, PathBuf};

/// Inputs that still crash, by file name; each has an `#[ignore]`d test below.
const CRASHERS: &[&str] = &[];

fn inputs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fuzz-regressions exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|e| e != "md"))
        .collect();
    files.sort();
    files
}

/// Runs one input through the code of the fuzz target its extension names.
fn replay(path: &Path) {
    let data = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "txt") {
        fuzz::sentence(&String::from_utf8_lossy(&data));
    } else {
        fuzz::pipeline(&data);
        fuzz::roundtrip(&data);
    }
}

#[test]
fn every_regression_input_replays_without_a_panic() {
    let files = inputs();
    assert!(files.len() >= 5, "the regression inputs went missing");
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if CRASHERS.contains(&name.as_str()) {
            continue;
        }
        let outcome = std::panic::catch_unwind(|| replay(path));
        if let Err(payload) = outcome {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(format!("{name}: {message}"));
        }
    }
    assert!(failures.is_empty(), "panicked on:\n{}", failures.join("\n"));
}

#[test]
fn every_listed_crasher_exists() {
    for name in CRASHERS {
        assert!(
            inputs().iter().any(|p| p.file_name().unwrap() == *name),
            "{name} is listed in CRASHERS but missing"
        );
    }
}

#[test]
fn the_pipeline_reaches_scoring_on_the_seeds() {
    // Guards the replay itself: the seeds must load, or the test above proves little.
    let loaded = inputs()
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "json"))
        .filter(|p| {
            let data = std::fs::read(p).unwrap();
            fuzz::load_and_describe(&data, fuzz::format_of(&data)).is_some()
        })
        .count();
    assert!(loaded >= 3, "only {loaded} seeds load");
}
