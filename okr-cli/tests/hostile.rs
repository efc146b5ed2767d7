//! Hostile input gets exit 2 and a message, never a panic (101), a hang or a blow-up.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{Scratch, check, okr};

#[track_caller]
fn assert_refused(run: &common::Run, needle: &str) {
    assert_eq!(
        run.code, 2,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stdout.contains(needle),
        "expected `{needle}` in:\n{}",
        run.stdout
    );
}

#[test]
fn billion_laughs_alias_bomb() {
    let mut yaml = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..12 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        yaml.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    yaml.push_str("objectives: []\n");
    assert_refused(&check("bomb.yaml", yaml), "alias bombs");
}

#[test]
fn ten_thousand_deep_nesting_yaml_and_json() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let run = check("deep.yaml", format!("objectives: []\nx_extra: {deep}\n"));
    assert_eq!(run.code, 2, "{}", run.stdout);
    let run = check(
        "deep.json",
        format!("{{\"objectives\": [], \"x\": {deep}}}"),
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stdout.contains("too deeply"), "{}", run.stdout);
    let block: String = (0..10_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    assert_eq!(check("block.yaml", block).code, 2);
}

#[test]
fn binary_and_invalid_utf8() {
    let run = check("pic.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\x00");
    assert_refused(&run, "not UTF-8");
    let run = check(
        "latin1.yaml",
        b"objectives:\n  - id: O1\n    title: Caf\xe9\n",
    );
    assert_refused(&run, ":3: input is not UTF-8 text");
    let run = check(
        "nul.yaml",
        "objectives:\n  - id: O1\n    title: \u{0}\u{1}\n",
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
}

#[test]
fn empty_and_blank_files() {
    assert_refused(&check("empty.yaml", ""), "input is empty");
    assert_refused(
        &check("blank.yaml", "\n   \n# only a comment\n"),
        "input is empty",
    );
    assert_refused(&check("empty.json", ""), "input is empty");
}

#[test]
fn file_over_the_size_limit_is_refused_without_reading_it_all() {
    let scratch = Scratch::new();
    let path = scratch.dir.path().join("huge.yaml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap(); // sparse: 100 MiB of zeros, instant to create
    let run = okr(&["check", path.to_str().unwrap()]);
    assert_refused(&run, "over the 67108864-byte limit");
    let small = scratch.file("small.yaml", "objectives: []\n# padding\n");
    let run = okr(&["check", "--max-bytes", "10", small.to_str().unwrap()]);
    assert_refused(&run, "over the 10-byte limit");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let run = check(
        "bom.yaml",
        "\u{feff}objectives:\r\n  - id: O1\r\n    title: Grow\r\n",
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    let run = check("bom.json", "\u{feff}{\"objectives\": []}");
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn top_level_of_the_wrong_shape() {
    for text in [
        "- 1\n- 2\n",
        "42\n",
        "\"just a string\"\n",
        "objectives: {}\n",
    ] {
        let run = check("shape.yaml", text);
        assert_eq!(run.code, 2, "{text:?}: {}", run.stdout);
    }
}
