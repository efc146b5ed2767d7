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

#[test]
fn a_spreadsheet_imports_as_its_csv_export_does() {
    // okrs.xlsx was written from examples/okrs.csv and okrs-check-ins.csv by
    // okr-core/tests/fixtures/tables/make_xlsx.py: numbers as numbers, dates as date cells,
    // the check-ins on a sheet named check_ins. Both imports must give the same document.
    let scratch = Scratch::new();
    let root = common::repo_root();
    let sheet = root.join("okr-core/tests/fixtures/tables/okrs.xlsx");
    let (from_sheet, from_csv) = (
        scratch.dir.path().join("sheet.yaml"),
        scratch.dir.path().join("csv.yaml"),
    );
    let run = okr(&["import", s(&sheet), "-o", s(&from_sheet)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let csv = root.join("examples/okrs.csv");
    let check_ins = root.join("examples/okrs-check-ins.csv");
    let run = okr(&[
        "import",
        s(&csv),
        "--check-ins",
        s(&check_ins),
        "-o",
        s(&from_csv),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let read = |path: &std::path::Path| std::fs::read_to_string(path).unwrap();
    assert_eq!(read(&from_sheet), read(&from_csv));
    assert!(read(&from_sheet).contains("check_ins:"));
    // Naming the sheets explicitly reads the same.
    let named = okr(&[
        "import",
        s(&sheet),
        "--sheet",
        "OKRs",
        "--check-ins-sheet",
        "check_ins",
    ]);
    assert_eq!(named.stdout, read(&from_csv));
}

#[test]
fn spreadsheet_mistakes_are_errors_that_say_what_to_do() {
    let scratch = Scratch::new();
    let sheet = common::repo_root().join("okr-core/tests/fixtures/tables/okrs.xlsx");
    let missing = okr(&["import", s(&sheet), "--sheet", "Q3"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("`Q3`") && missing.stderr.contains("OKRs, check_ins"),
        "{}",
        missing.stderr
    );
    let fake = scratch.file("okrs.xlsx", "objective_id,objective_title\nO1,Grow\n");
    let run = okr(&["import", s(&fake)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a spreadsheet"), "{}", run.stderr);
    let csv = common::repo_root().join("examples/okrs-check-ins.csv");
    let both = okr(&["import", s(&sheet), "--check-ins", s(&csv)]);
    assert_eq!(both.code, 2);
    assert!(both.stderr.contains("--check-ins-sheet"), "{}", both.stderr);
    assert!(both.stdout.is_empty());
}

#[test]
fn vendor_layouts_import_from_csv_spreadsheet_and_json() {
    // The fixtures follow each vendor's documentation (docs/vendors.md); the .xlsx was
    // written from the Betterworks CSV by make_xlsx.py, with date cells and number cells.
    let vendors = common::repo_root().join("okr-core/tests/fixtures/vendors");
    let csv = okr(&[
        "import",
        "--from",
        "betterworks",
        s(&vendors.join("betterworks-okr-upload.csv")),
    ]);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    let xlsx = okr(&[
        "import",
        "--from",
        "betterworks",
        s(&vendors.join("betterworks-okr-upload.xlsx")),
    ]);
    assert_eq!(xlsx.stdout, csv.stdout);
    let tracker = okr(&[
        "import",
        "--from",
        "okr-tracker",
        s(&vendors.join("okr-tracker-key-results.json")),
        "--to",
        "json",
    ]);
    assert_eq!(tracker.code, 0, "{}", tracker.stderr);
    // What was imported is a valid OKR file: check reads it from standard input.
    for output in [&csv.stdout, &tracker.stdout] {
        let scratch = Scratch::new();
        let file = scratch.file("imported.yaml", output);
        assert_eq!(okr(&["check", s(&file)]).code, 0, "{output}");
    }
}

#[test]
fn a_bad_vendor_file_names_file_line_and_path_and_writes_nothing() {
    let scratch = Scratch::new();
    let json = scratch.file(
        "keyres.json",
        "[\n  {\"id\": \"a\", \"name\": \"Grow\",\n   \"objective\": \"Win\", \"startValue\": \"ten\", \"targetValue\": 5}\n]\n",
    );
    let out = scratch.dir.path().join("out.yaml");
    let run = okr(&["import", "--from", "okr-tracker", s(&json), "-o", s(&out)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("keyres.json:3: [0].startValue:"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
    let csv = scratch.file("upload.csv", "name,type\nShip it,task\n");
    let run = okr(&["import", "--from", "betterworks", s(&csv)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("upload.csv:2:"), "{}", run.stderr);
    assert!(run.stderr.contains("goal or milestone"), "{}", run.stderr);
    let both = okr(&[
        "import",
        "--from",
        "okr-tracker",
        s(&json),
        "--check-ins",
        s(&csv),
    ]);
    assert_eq!(both.code, 2);
}

#[test]
fn bad_spreadsheet_rows_name_row_and_column() {
    // bad.xlsx (make_xlsx.py): a number typed as text on row 2, a date that is not one and
    // a measure outside the layout on row 3, a row naming no objective on row 4.
    let sheet = common::repo_root().join("okr-core/tests/fixtures/tables/bad.xlsx");
    let run = okr(&["import", s(&sheet)]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    for (row, column) in [
        (2, "start"),
        (3, "cycle_start"),
        (3, "measure"),
        (4, "objective_id"),
    ] {
        let expected = format!("bad.xlsx:{row}: column `{column}`:");
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    }
}

#[test]
fn an_import_that_finds_no_objective_says_so() {
    let scratch = Scratch::new();
    let header = scratch.file("empty.csv", "objective_id,objective_title\n");
    let run = okr(&["import", s(&header)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("no objectives found"), "{}", run.stderr);
    let tracker = scratch.file("keyres.json", "{\"results\": []}");
    let run = okr(&["import", "--from", "okr-tracker", s(&tracker)]);
    assert!(run.stderr.contains("no objectives found"), "{}", run.stderr);
    // A table with rows says nothing of the kind.
    let full = okr(&["import", s(&common::repo_root().join("examples/okrs.csv"))]);
    assert!(
        !full.stderr.contains("no objectives found"),
        "{}",
        full.stderr
    );
}
