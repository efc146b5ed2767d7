//! OKRs published as Markdown: both common layouts, with the irregularities real files have.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use okr_core::markdown::{read, write};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/markdown/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn headings_and_bullets_with_mentions_tags_links_and_sub_lists() {
    let read = read(&fixture("headings.md")).unwrap();
    let doc = &read.document;
    // The 2019 Q1 section only links elsewhere: skipped with a note naming its line (5).
    assert_eq!(read.notes.len(), 1);
    assert!(
        read.notes[0].starts_with("line 5:") && read.notes[0].contains("2019-Q1"),
        "{:?}",
        read.notes
    );
    let cycles: Vec<(&str, String, String)> = doc
        .cycles
        .iter()
        .map(|c| (c.id.as_str(), c.start.to_string(), c.end.to_string()))
        .collect();
    // Only the section with objectives leaves a cycle.
    assert_eq!(
        cycles,
        [("2019-Q2", "2019-04-01".into(), "2019-06-30".into())]
    );
    assert_eq!(doc.objectives.len(), 2);
    let build = &doc.objectives[0];
    assert_eq!(
        (
            build.title.as_str(),
            build.owner.as_deref(),
            build.cycle.as_deref()
        ),
        ("Make the build fast", Some("infra"), Some("2019-Q2"))
    );
    assert_eq!(build.extra.get("priority"), Some(&serde_json::json!("p0")));
    let titles: Vec<&str> = build.key_results.iter().map(|k| k.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Cut CI time from 40 to 10 minutes",
            "Cache every dependency"
        ]
    );
    assert_eq!(
        build.key_results[0].extra.get("priority"),
        Some(&serde_json::json!("p1"))
    );
    // The sub-list belongs to the key result above it.
    assert_eq!(
        build.key_results[1].extra.get("details"),
        Some(&serde_json::json!([
            "start with the Rust toolchain",
            "then npm"
        ]))
    );
    let release = &doc.objectives[1];
    assert_eq!(release.title, "Ship a stable 1.0 release");
    // `*` bullets and a numbered one after blank lines all count.
    assert_eq!(release.key_results.len(), 3);
    // The document validates: owners became teams.
    assert!(doc.validate().is_empty(), "{:?}", doc.validate());
}

#[test]
fn a_table_per_cycle_with_bold_objective_rows_and_scores() {
    let read = read(&fixture("table.md")).unwrap();
    let doc = &read.document;
    assert!(read.notes.is_empty());
    let objectives: Vec<(&str, Option<&str>, usize)> = doc
        .objectives
        .iter()
        .map(|o| (o.title.as_str(), o.owner.as_deref(), o.key_results.len()))
        .collect();
    assert_eq!(
        objectives,
        [
            ("Grow the community", Some("devrel"), 2),
            ("Harden the release process", Some("ops"), 1)
        ]
    );
    let reach = &doc.objectives[0].key_results[0];
    // The final score becomes a 0-1 check-in on the cycle's last day.
    assert_eq!(reach.check_ins[0].date.to_string(), "2026-09-30");
    assert_eq!(reach.check_ins[0].value, Some(0.7));
    // "TBD" cells are empty: no owner, no final score.
    let answer = &doc.objectives[0].key_results[1];
    assert!(answer.owner.is_none() && answer.check_ins.is_empty());
    assert_eq!(
        doc.objectives[1].key_results[0]
            .owner
            .as_ref()
            .map(|o| o.iter().collect::<Vec<_>>()),
        Some(vec!["ed"])
    );
    assert!(doc.validate().is_empty(), "{:?}", doc.validate());
}

#[test]
fn written_markdown_reads_back_to_the_same_objectives() {
    let doc = read(&fixture("headings.md")).unwrap().document;
    let again = read(&write(&doc)).unwrap().document;
    let shape = |d: &okr_core::Document| -> Vec<(String, Option<String>, Vec<String>)> {
        d.objectives
            .iter()
            .map(|o| {
                (
                    o.title.clone(),
                    o.owner.clone(),
                    o.key_results.iter().map(|k| k.title.clone()).collect(),
                )
            })
            .collect()
    };
    assert_eq!(shape(&again), shape(&doc));
    assert!(read("no objectives here\n").is_err());
}
