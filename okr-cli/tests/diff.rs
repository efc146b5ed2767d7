//! `okr diff` and `okr lint --previous/--previous-git`: reviewing a change to an OKR file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{Scratch, okr, okr_in};
use std::path::Path;
use std::process::Command;

const OLD: &str = "cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]\nobjectives:\n  - id: O1\n    title: Delight returning customers\n    cycle: Q3\n    key_results:\n      - id: K1\n        title: Raise repeat purchase rate from 20% to 30%\n        metric: { start: 20, target: 30 }\n        check_ins:\n          - { date: 2026-07-15, value: 22 }\n";

fn lowered() -> String {
    OLD.replace("target: 30 }", "target: 25 }")
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=okr",
            "-c",
            "user.email=okr@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn diff_exits_like_diff_and_names_the_lowered_bar_in_every_format() {
    let scratch = Scratch::new();
    let old = scratch.file("old.yaml", OLD);
    let new = scratch.file("new.yaml", lowered());
    let same = okr(&["diff", s(&old), s(&old), "--as-of", "2026-08-01"]);
    assert_eq!(
        (same.code, same.stdout.as_str()),
        (0, "no changes to the OKRs\n")
    );
    let text = okr(&["diff", s(&old), s(&new), "--as-of", "2026-08-01"]);
    assert_eq!(text.code, 1, "{}", text.stderr);
    assert!(
        text.stdout
            .contains("K1 target: 30 → 25 (THE BAR WAS LOWERED)"),
        "{}",
        text.stdout
    );
    let json = okr(&[
        "diff",
        s(&old),
        s(&new),
        "--as-of",
        "2026-08-01",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["changes"][0]["kind"], "bar_moved");
    assert_eq!(value["changes"][0]["direction"], "lowered");
    // K1 as of 2026-08-01: (22-20)/(30-20) = 0.2 before, (22-20)/(25-20) = 0.4 after.
    assert!((value["scores"][0]["from"].as_f64().unwrap() - 0.2).abs() < 1e-9);
    assert!((value["scores"][0]["to"].as_f64().unwrap() - 0.4).abs() < 1e-9);
    let markdown = okr(&["diff", s(&old), s(&new), "--format", "markdown"]);
    assert!(
        markdown.stdout.starts_with("### OKR changes")
            && markdown.stdout.contains("**the bar was lowered**")
    );
    let broken = scratch.file("broken.yaml", "objectives: [{ id: O1 }]\n");
    let bad = okr(&["diff", s(&old), s(&broken)]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stdout.is_empty() && bad.stderr.contains("broken.yaml"),
        "{}",
        bad.stderr
    );
}

#[test]
fn git_revisions_are_compared_and_okr404_fires_only_without_a_change_note() {
    let scratch = Scratch::new();
    let dir = scratch.dir.path();
    let file = scratch.file("okrs.yaml", OLD);
    git(dir, &["init", "-q"]);
    git(dir, &["add", "okrs.yaml"]);
    git(dir, &["commit", "-q", "-m", "Q3 OKRs"]);
    std::fs::write(&file, lowered()).unwrap();

    let changed = okr_in(
        dir,
        &[
            "diff",
            "okrs.yaml",
            "--git",
            "HEAD",
            "--as-of",
            "2026-08-01",
        ],
    );
    assert_eq!(changed.code, 1, "{}", changed.stderr);
    assert!(
        changed.stdout.contains("THE BAR WAS LOWERED"),
        "{}",
        changed.stdout
    );

    let args = [
        "lint",
        "okrs.yaml",
        "--previous-git",
        "HEAD",
        "--as-of",
        "2026-08-01",
        "--select",
        "OKR404",
    ];
    let flagged = okr_in(dir, &args);
    assert!(
        flagged.stdout.contains("OKR404"),
        "{}{}",
        flagged.stdout,
        flagged.stderr
    );
    std::fs::write(
        &file,
        lowered().replace(
            "        check_ins:",
            "        change_note: churn data was double counted\n        check_ins:",
        ),
    )
    .unwrap();
    let explained = okr_in(dir, &args);
    assert!(!explained.stdout.contains("OKR404"), "{}", explained.stdout);

    // A file added since the revision has no earlier version: the rule stays silent.
    scratch.file("new.yaml", lowered());
    let added = okr_in(
        dir,
        &[
            "lint",
            "new.yaml",
            "--previous-git",
            "HEAD",
            "--as-of",
            "2026-08-01",
            "--select",
            "OKR404",
        ],
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    let missing = okr_in(dir, &["diff", "new.yaml", "--git", "HEAD"]);
    assert_eq!(missing.code, 2);
}
