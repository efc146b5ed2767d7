//! `okr tree`, `okr cascade` and `okr report` on the bundled three-level example.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{Scratch, example, okr};

#[test]
fn tree_draws_company_departments_and_teams() {
    let run = okr(&["tree", &example(), "--as-of", "2026-11-23"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with("C1  Become the cookware brand"),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("[acme]") && lines[0].contains("yellow"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("├── PE1  ") && l.contains("(via C1-KR1)"))
    );
    assert!(
        lines.iter().any(|l| l.starts_with("│   ├── W1  ")),
        "teams nest under departments:\n{}",
        run.stdout
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("M1  ") && l.contains("shared, shown above"))
    );
    let orphans = lines.iter().position(|l| l.starts_with("Orphans")).unwrap();
    assert!(lines[orphans + 1..].iter().any(|l| l.starts_with("P2  ")));
    assert!(lines[orphans + 1..].iter().any(|l| l.starts_with("SUP2  ")));
}

#[test]
fn cascade_prints_a_draft_that_fits_the_file() {
    let run = okr(&[
        "cascade",
        &example(),
        "--from",
        "C1-KR2",
        "--team",
        "support",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("aligns_to: C1-KR2"));
    assert!(run.stdout.contains("owner: support"));
    // Paste it under `objectives:` (at the end of that list) and the file still checks.
    let original = std::fs::read_to_string(example()).unwrap();
    let cut = original.find("\nhistory:").unwrap();
    let indented: String = run
        .stdout
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("  {l}\n"))
        .collect();
    let combined = format!("{}\n{}{}", &original[..cut], indented, &original[cut..]);
    let scratch = Scratch::new();
    let path = scratch.file("combined.yaml", combined);
    let check = okr(&["check", path.to_str().unwrap()]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert!(check.stdout.contains("14 objectives"));

    assert_eq!(
        okr(&["cascade", &example(), "--from", "NOPE", "--team", "support"]).code,
        2
    );
    assert_eq!(
        okr(&[
            "cascade",
            &example(),
            "--from",
            "C1-KR2",
            "--team",
            "nobody"
        ])
        .code,
        2
    );
}

#[test]
fn report_writes_html_or_prints_markdown() {
    let scratch = Scratch::new();
    let out = scratch.dir.path().join("nested/dir/report.html");
    let run = okr(&[
        "report",
        &example(),
        "--as-of",
        "2026-11-23",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The status line goes to stderr: stdout is for output only.
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.trim_end().ends_with("report.html"),
        "{}",
        run.stderr
    );
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("id=\"findings\""));
    let quiet = okr(&["report", &example(), "--as-of", "2026-11-23", "--no-lint"]);
    assert!(quiet.stdout.starts_with("# OKR review") && !quiet.stdout.contains("## Lint findings"));
    let md = okr(&["report", &example(), "--as-of", "2026-11-23"]);
    assert!(md.stdout.contains("## Lint findings"));
}
