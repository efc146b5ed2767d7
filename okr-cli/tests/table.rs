//! `okr export --to csv` and `okr import`: spreadsheets in and out, all or nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{Scratch, example, okr};

fn s(path: &std::path::Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn export_then_import_gives_back_the_same_tables() {
    let scratch = Scratch::new();
    let (okrs, check_ins) = (
        scratch.dir.path().join("okrs.csv"),
        scratch.dir.path().join("check-ins.csv"),
    );
    let run = okr(&[
        "export",
        &example(),
        "--to",
        "csv",
        "--check-ins",
        s(&check_ins),
        "-o",
        s(&okrs),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let yaml = scratch.dir.path().join("back.yaml");
    let run = okr(&[
        "import",
        s(&okrs),
        "--check-ins",
        s(&check_ins),
        "-o",
        s(&yaml),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(okr(&["check", s(&yaml)]).code, 0);
    let again = okr(&["export", s(&yaml), "--to", "csv"]);
    assert_eq!(again.stdout, std::fs::read_to_string(&okrs).unwrap());
    // Importing over an input is refused.
    assert_eq!(okr(&["import", s(&okrs), "-o", s(&okrs)]).code, 2);
}

#[test]
fn a_bad_table_names_file_line_and_column_and_writes_nothing() {
    let scratch = Scratch::new();
    let table = scratch.file(
        "okrs.csv",
        "Objective,Title,KR,Measure,Start,Target\nO1,Grow,Raise NPS,metric,thirty,45\nO1,Grow,Cut churn,metric,5,3\n",
    );
    let out = scratch.dir.path().join("okrs.yaml");
    let run = okr(&[
        "import",
        s(&table),
        "--map",
        "Objective=objective_id",
        "--map",
        "Title=objective_title",
        "--map",
        "KR=key_result_title",
        "-o",
        s(&out),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("okrs.csv:2: column `Start`: `thirty` is not a number"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
    let unknown = okr(&["import", s(&table), "--map", "Objective=objective"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("not a column of the layout"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn markdown_imports_with_notes_and_exports_back() {
    let scratch = Scratch::new();
    let fixture = common::repo_root().join("okr-core/tests/fixtures/markdown/headings.md");
    let out = scratch.dir.path().join("okrs.yaml");
    let run = okr(&["import", s(&fixture), "-o", s(&out)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("note: line 5:"), "{}", run.stderr);
    assert_eq!(okr(&["check", s(&out)]).code, 0);
    let markdown = okr(&["export", s(&out), "--to", "markdown"]).stdout;
    assert!(
        markdown.starts_with("## 2019-Q2\n\n### Make the build fast @infra\n"),
        "{markdown}"
    );
}
