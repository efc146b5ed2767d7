//! The command line's edges: outputs never destroy inputs, write errors are errors, stdout
//! holds only the chosen format, options never silently do nothing, and text from a file
//! is inert in every output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{Scratch, example, okr, okr_in};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

const SMALL: &str = "cycles:\n  - { id: Q3, start: 2026-07-01, end: 2026-09-30 }\nteams:\n  - { id: web }\nobjectives:\n  - id: O1\n    title: Delight returning customers\n    owner: web\n    key_results:\n      - id: O1-KR1\n        title: Raise repeat purchase rate from 20% to 30%\n        metric: { start: 20, target: 30, unit: \"%\" }\n";

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

// ---- 1. outputs never destroy inputs ----

#[test]
fn output_that_is_the_input_is_refused_directly_through_a_symlink_and_a_hard_link() {
    let scratch = Scratch::new();
    let input = scratch.file("okrs.yaml", SMALL);
    let link = scratch.dir.path().join("link.yaml");
    std::os::unix::fs::symlink(&input, &link).unwrap();
    let hard = scratch.dir.path().join("hard.yaml");
    std::fs::hard_link(&input, &hard).unwrap();
    for target in [&input, &link, &hard] {
        for command in [
            vec![
                "report",
                s(&input),
                "--as-of",
                "2026-08-01",
                "-o",
                s(target),
            ],
            vec!["convert", s(&input), "--to", "json", "-o", s(target)],
        ] {
            let run = okr(&command);
            assert_eq!(run.code, 2, "{command:?}: {}", run.stderr);
            assert!(run.stderr.contains("is the input file"), "{}", run.stderr);
            assert_eq!(std::fs::read_to_string(&input).unwrap(), SMALL);
        }
    }
    // Reading through the link and writing to the real file is the same file too.
    let run = okr(&["convert", s(&link), "--to", "yaml", "-o", s(&input)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&input).unwrap(), SMALL);
}

#[test]
fn output_that_is_not_a_regular_file_is_refused() {
    let scratch = Scratch::new();
    let input = scratch.file("okrs.yaml", SMALL);
    let fifo = scratch.dir.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let dir = scratch.dir.path().join("a-dir");
    std::fs::create_dir(&dir).unwrap();
    for target in [fifo.as_path(), dir.as_path(), Path::new("/dev/null")] {
        for command in [
            vec!["report", s(&input), "-o", s(target)],
            vec!["convert", s(&input), "--to", "json", "-o", s(target)],
        ] {
            let run = okr(&command);
            assert_eq!(run.code, 2, "{command:?}");
            assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
        }
    }
    // Still a FIFO, still a directory.
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(dir.is_dir());
}

use std::os::unix::fs::FileTypeExt;

#[test]
fn dash_means_standard_output() {
    let scratch = Scratch::new();
    let input = scratch.file("okrs.yaml", SMALL);
    let run = okr(&["convert", s(&input), "--to", "json", "-o", "-"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["objectives"][0]["id"], "O1");
    assert!(!scratch.dir.path().join("-").exists());
}

#[test]
fn an_existing_output_keeps_its_permission_bits_and_no_temporary_file_is_left() {
    let scratch = Scratch::new();
    let input = scratch.file("okrs.yaml", SMALL);
    for (mode, command) in [
        (0o640, vec!["convert", s(&input), "--to", "json", "-o"]),
        (0o604, vec!["report", s(&input), "-o"]),
    ] {
        let out = scratch.file("out", "old");
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(mode)).unwrap();
        let mut command = command.clone();
        command.push(s(&out));
        let run = okr(&command);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let meta = std::fs::metadata(&out).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, mode);
        assert_ne!(std::fs::read_to_string(&out).unwrap(), "old");
    }
    let names: Vec<String> = std::fs::read_dir(scratch.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("okr-tmp")), "{names:?}");
}

#[test]
fn output_through_a_symlink_replaces_the_target_and_keeps_the_link() {
    let scratch = Scratch::new();
    let input = scratch.file("okrs.yaml", SMALL);
    let real = scratch.file("real.json", "{}");
    let link = scratch.dir.path().join("out.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let run = okr(&["convert", s(&input), "--to", "json", "-o", s(&link)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&real).unwrap().contains("\"O1\""));
}

// ---- 2. write errors are errors ----

/// Every command that prints, with arguments that make it print something.
fn printing_commands(input: &str) -> Vec<Vec<String>> {
    let args: &[&[&str]] = &[
        &["check", input],
        &["check", "--format", "json", input],
        &["convert", input, "--to", "json"],
        &["convert", input, "--to", "yaml"],
        &["tree", input, "--as-of", "2026-08-01"],
        &["cascade", input, "--from", "C1-KR1", "--team", "web"],
        &["report", input, "--as-of", "2026-08-01"],
        &["lint", input, "--as-of", "2026-08-01"],
        &["lint", "--format", "json", input],
        &["lint", "--format", "sarif", input],
        &["lint", "--format", "github", input],
        &["score", input, "--as-of", "2026-08-01"],
        &["score", "--format", "json", input],
        &["rules"],
        &["rules", "--format", "json"],
        &["explain", "OKR102"],
        &["schema"],
        &["--help"],
    ];
    args.iter()
        .map(|a| a.iter().map(|s| (*s).to_owned()).collect())
        .collect()
}

#[test]
fn a_full_disk_is_exit_2_with_one_line_on_stderr_for_every_command() {
    let input = example();
    for args in printing_commands(&input) {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_okr"))
            .args(&args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("okr:")).collect();
        assert_eq!(lines.len(), 1, "{args:?}: {stderr}");
        assert!(lines[0].contains("No space left"), "{stderr}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly_for_every_command() {
    let input = example();
    for args in printing_commands(&input) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_okr"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before okr writes a byte.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("cannot write"), "{args:?}: {stderr}");
        // Quiet: the exit status is the command's own (lint findings are 1), never 101.
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{args:?}: {:?}",
            output.status
        );
    }
}

#[test]
fn an_unwritable_output_file_is_exit_2_naming_it() {
    let input = example();
    let run = okr(&[
        "convert",
        &input,
        "--to",
        "json",
        "-o",
        "/proc/version/cannot-be-here.json",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

// ---- 3. stdout holds only the chosen format ----

#[test]
fn machine_readable_lint_output_stays_valid_on_files_that_do_not_load() {
    let scratch = Scratch::new();
    let bad = scratch.file(
        "bad.yaml",
        "objectives:\n  - id: O1\n    title: Grow\n    owner: nobody\n",
    );
    let broken = scratch.file("broken.json", "{\"objectives\": [");
    let good = scratch.file("good.yaml", SMALL);

    let run = okr(&["lint", "--format", "json", s(&bad), s(&broken), s(&good)]);
    assert_eq!(run.code, 2);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let problems = report["problems"].as_array().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p["file"].as_str().unwrap().ends_with("bad.yaml")
                && p["path"] == "objectives[0].owner"
                && p["line"] == 4)
    );
    assert!(
        problems
            .iter()
            .any(|p| p["file"].as_str().unwrap().ends_with("broken.json"))
    );
    assert!(report["diagnostics"].is_array());

    let run = okr(&["lint", "--format", "sarif", s(&bad), s(&good)]);
    assert_eq!(run.code, 2);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let load: Vec<_> = results.iter().filter(|r| r["ruleId"] == "OKR000").collect();
    assert_eq!(load.len(), 1);
    assert_eq!(
        load[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(rules.iter().any(|r| r["id"] == "OKR000"));

    let run = okr(&["lint", "--format", "github", s(&bad)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.lines().all(|l| l.starts_with("::")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("OKR000"), "{}", run.stdout);

    let run = okr(&["check", "--format", "json", s(&bad), s(&good)]);
    assert_eq!(run.code, 2);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["problems"].as_array().unwrap().len(), 1);
}

#[test]
fn score_and_convert_of_a_bad_file_print_nothing_on_stdout() {
    let scratch = Scratch::new();
    let bad = scratch.file("bad.yaml", "objectives:\n  - id: O1\n");
    for args in [
        vec!["score", "--format", "json", s(&bad)],
        vec!["convert", s(&bad), "--to", "json"],
        vec!["report", s(&bad)],
        vec!["tree", s(&bad)],
    ] {
        let run = okr(&args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(
            run.stderr.contains("bad.yaml:2"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

// ---- 6. options never silently do nothing ----

#[test]
fn an_unknown_rule_in_flags_settings_or_the_document_is_exit_2_with_a_suggestion() {
    let scratch = Scratch::new();
    let input = scratch.file("okrs.yaml", SMALL);
    let run = okr(&["lint", s(&input), "--select", "OKR10Z"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("`OKR10Z` matches no rule"),
        "{}",
        run.stderr
    );

    let run = okr(&["lint", s(&input), "--ignore", "vage-key-result"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `vague-key-result`"),
        "{}",
        run.stderr
    );

    let doc = scratch.file("doc.yaml", format!("lint:\n  ignore: [OKR9999]\n{SMALL}"));
    let run = okr(&["lint", s(&doc)]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("OKR9999"), "{}", run.stderr);
}

#[test]
fn okr_toml_with_an_unknown_key_or_rule_is_an_error() {
    let scratch = Scratch::new();
    std::fs::create_dir(scratch.dir.path().join(".git")).unwrap();
    let input = scratch.file("okrs.yaml", SMALL);
    scratch.file("okr.toml", "[lint]\nignor = [\"OKR008\"]\n");
    let run = okr(&["lint", s(&input)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("okr.toml"), "{}", run.stderr);
    assert!(run.stderr.contains("ignor"), "{}", run.stderr);

    scratch.file("okr.toml", "[lnt]\nignore = [\"OKR008\"]\n");
    let run = okr(&["lint", s(&input)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("lnt"), "{}", run.stderr);

    scratch.file("okr.toml", "[lint]\nignore = [\"OKR0008\"]\n");
    let run = okr(&["report", s(&input)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("OKR0008"), "{}", run.stderr);
}

#[test]
fn okr_toml_discovery_stops_at_the_repository_root() {
    let scratch = Scratch::new();
    // An enclosing project's settings would break the lint if they were read.
    scratch.file("okr.toml", "[lint]\nselect = [\"NOT-A-RULE\"]\n");
    let repo = scratch.dir.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::write(repo.join("okrs.yaml"), SMALL).unwrap();
    let run = okr_in(&repo, &["lint", "okrs.yaml", "--as-of", "2026-08-01"]);
    assert_ne!(run.code, 2, "{}{}", run.stdout, run.stderr);
}

#[test]
fn report_lints_with_the_settings_lint_uses() {
    let scratch = Scratch::new();
    std::fs::create_dir(scratch.dir.path().join(".git")).unwrap();
    let input = scratch.file("okrs.yaml", SMALL);
    let lint_codes = |dir: &Path| {
        let run = okr_in(
            dir,
            &[
                "lint",
                "--format",
                "json",
                "okrs.yaml",
                "--as-of",
                "2026-08-01",
            ],
        );
        let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let before = lint_codes(scratch.dir.path());
    let silenced = before.first().expect("the small file has findings").clone();
    let review = okr(&["report", s(&input), "--as-of", "2026-08-01"]).stdout;
    assert!(review.contains(&silenced), "{review}");
    scratch.file("okr.toml", format!("[lint]\nignore = [\"{silenced}\"]\n"));
    assert!(!lint_codes(scratch.dir.path()).contains(&silenced));
    let review = okr(&["report", s(&input), "--as-of", "2026-08-01"]).stdout;
    assert!(!review.contains(&silenced), "{review}");
}

#[test]
fn a_selection_that_disables_every_rule_is_a_warning() {
    let scratch = Scratch::new();
    let input = scratch.file("okrs.yaml", SMALL);
    let run = okr(&["lint", s(&input), "--ignore", "ALL"]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("no rule to run"), "{}", run.stderr);
}

// ---- 7. text from the file is inert ----

#[test]
fn control_characters_and_forged_workflow_commands_stay_inert() {
    let scratch = Scratch::new();
    // A title that rings the bell, recolours the terminal, reverses text and tries to
    // start a GitHub workflow command on a line of its own.
    let hostile = "cycles:\n  - { id: Q3, start: 2026-07-01, end: 2026-09-30 }\nobjectives:\n  - id: O1\n    title: \"Grow\\a\\e[31m red \\u202E evil\\n::error file=x::pwned\\r\\n::set-env name=A::B\"\n    owner: nobody\n    key_results:\n      - title: \"Do \\e]0;title\\a things\"\n";
    let input = scratch.file("hostile.yaml", hostile);
    let unsafe_char = |c: char| (c.is_control() && c != '\n') || c == '\u{202e}';
    for args in [
        vec!["check", s(&input)],
        vec!["lint", s(&input), "--as-of", "2026-08-01"],
        vec![
            "lint",
            "--format",
            "github",
            s(&input),
            "--as-of",
            "2026-08-01",
        ],
        vec!["score", s(&input), "--as-of", "2026-08-01"],
        vec!["tree", s(&input), "--as-of", "2026-08-01"],
        vec!["report", s(&input), "--as-of", "2026-08-01"],
    ] {
        let run = okr(&args);
        for text in [&run.stdout, &run.stderr] {
            assert!(!text.chars().any(unsafe_char), "{args:?}: {text:?}");
            assert!(
                !text
                    .lines()
                    .any(|l| l.starts_with("::error file=x") || l.starts_with("::set-env")),
                "{args:?}: {text}"
            );
        }
    }
    // Fixed so the objective loads, the GitHub output still shows the text, escaped.
    let loads = scratch.file("loads.yaml", hostile.replace("    owner: nobody\n", ""));
    let run = okr(&[
        "lint",
        "--format",
        "github",
        s(&loads),
        "--as-of",
        "2026-08-01",
    ]);
    assert!(
        run.stdout.lines().all(|l| l.starts_with("::")),
        "{}",
        run.stdout
    );
}

#[test]
fn a_file_name_with_control_characters_is_shown_inert() {
    let scratch = Scratch::new();
    let input = scratch.file("bad\u{1b}[2Jname.yaml", "objectives:\n  - id: O1\n");
    let run = okr(&["check", s(&input)]);
    assert_eq!(run.code, 2);
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    assert!(run.stdout.contains("\\u{1b}"), "{:?}", run.stdout);
}

// ---- 5. misspelled field names are caught ----

#[test]
fn near_misses_of_known_fields_are_errors_with_a_suggestion() {
    let cases = [
        (
            "objetives:\n  - id: O1\n    title: Grow\n",
            "objetives",
            "objectives",
        ),
        (
            "objectives:\n  - id: O1\n    title: Grow\n    key_results:\n      - id: K1\n        title: Raise NPS\n        metirc: { start: 30, target: 45 }\n",
            "metirc",
            "metric",
        ),
        (
            "objectives:\n  - id: O1\n    title: Grow\n    key_results:\n      - id: K1\n        title: Raise NPS\n        metric: { start: 30, target: 45 }\n        check-ins:\n          - { date: 2026-07-01, value: 31 }\n",
            "check-ins",
            "check_ins",
        ),
        (
            "objectives:\n  - id: O1\n    title: Grow\n    wieght: 2\n",
            "wieght",
            "weight",
        ),
        (
            "objectives:\n  - id: O1\n    title: Grow\n    keyResults:\n      - Raise NPS from 30 to 45\n",
            "keyResults",
            "key_results",
        ),
    ];
    for (yaml, key, field) in cases {
        let run = common::check("typo.yaml", yaml);
        assert_eq!(run.code, 2, "{yaml}\n{}", run.stdout);
        assert!(
            run.stdout
                .contains(&format!("unknown field `{key}`; did you mean `{field}`?")),
            "{}",
            run.stdout
        );
        // Located at the key's own line.
        let line = yaml.lines().position(|l| l.contains(key)).unwrap() + 1;
        assert!(
            run.stdout.contains(&format!("typo.yaml:{line}:")),
            "{line}: {}",
            run.stdout
        );
    }
}

#[test]
fn a_measure_field_written_on_the_key_result_is_misplaced() {
    let run = common::check(
        "flat.yaml",
        "objectives:\n  - id: O1\n    title: Grow\n    key_results:\n      - id: K1\n        title: Raise NPS\n        target: 45\n",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("flat.yaml:7:") && run.stdout.contains("move it under `metric:`"),
        "{}",
        run.stdout
    );
}

#[test]
fn fields_far_from_any_known_name_stay_legal_extension_fields() {
    let yaml = "x_board: planning\nobjectives:\n  - id: O1\n    title: Grow\n    jira: ACME-1\n    slack: \"#growth\"\n    source: board deck\n    key_results:\n      - id: K1\n        title: Raise NPS from 30 to 45\n        metric: { start: 30, target: 45, x_titel: kept }\n";
    let run = common::check("ext.yaml", yaml);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn a_file_with_no_okr_sections_is_an_error() {
    for (name, text) in [
        (
            "package.json",
            "{\"name\": \"pkg\", \"version\": \"1.0.0\"}",
        ),
        ("compose.yaml", "services:\n  web:\n    image: nginx\n"),
    ] {
        let run = common::check(name, text);
        assert_eq!(run.code, 2, "{name}: {}", run.stdout);
        assert!(run.stdout.contains("no OKR sections"), "{}", run.stdout);
    }
}

#[test]
fn a_yaml_boolean_in_a_text_field_says_quote_it() {
    let run = common::check("bool.yaml", "objectives:\n  - id: O1\n    title: No\n");
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("quote it"), "{}", run.stdout);
}

#[test]
fn an_id_must_be_one_line_of_printable_text() {
    let run = common::check(
        "ids.yaml",
        "objectives:\n  - id: \"O1\\n::error::x\"\n    title: Grow\n  - id: \"O2\\u202E\"\n    title: Keep\n",
    );
    assert_eq!(run.code, 2);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines
            .iter()
            .all(|l| l.contains("one line of printable text"))
    );
}

// ---- 8. numbers say what they mean ----

#[test]
fn weight_sums_that_overflow_are_a_validation_error() {
    let run = common::check(
        "weights.yaml",
        "objectives:\n  - id: O1\n    title: Grow\n    key_results:\n      - { id: K1, title: Reach 10 users, weight: 1e308, metric: { start: 0, target: 10 } }\n      - { id: K2, title: Reach 20 users, weight: 1e308, metric: { start: 0, target: 20 } }\n",
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stdout.contains("more than a number can hold"),
        "{}",
        run.stdout
    );
}

#[test]
fn no_negative_zero_in_scores() {
    // A decreasing target with no progress: (10 - 10) / (5 - 10) is -0 in IEEE arithmetic.
    let yaml = "cycles:\n  - { id: Q3, start: 2026-07-01, end: 2026-09-30 }\nobjectives:\n  - id: O1\n    title: Grow\n    key_results:\n      - { id: K1, title: Cut churn from 10% to 5%, metric: { start: 10, target: 5, current: 10 } }\n      - { id: K2, title: Cut cost from 10 to 5, metric: { start: 10, target: 5, current: 10 } }\n";
    let scratch = Scratch::new();
    let input = scratch.file("zero.yaml", yaml);
    // A negative zero is a "-0" not preceded by a digit (dates hold "-0" too: 2026-08-01).
    let negative_zero = |text: &str| {
        text.match_indices("-0")
            .any(|(at, _)| at == 0 || !text.as_bytes()[at - 1].is_ascii_digit())
    };
    for format in ["text", "json"] {
        let run = okr(&[
            "score",
            s(&input),
            "--as-of",
            "2026-08-01",
            "--format",
            format,
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(!negative_zero(&run.stdout), "{}", run.stdout);
    }
    let run = okr(&["report", s(&input), "--as-of", "2026-08-01"]);
    assert!(!negative_zero(&run.stdout), "{}", run.stdout);
    assert!(negative_zero("a -0%") && !negative_zero("2026-08-01"));
}

#[test]
fn convert_refuses_whole_numbers_it_cannot_hold_exactly_and_keeps_the_ones_it_can() {
    let scratch = Scratch::new();
    for (name, text, line) in [
        (
            "big.yaml",
            "objectives:\n  - id: O1\n    title: Grow\n    key_results:\n      - id: K1\n        title: Reach many\n        metric: { start: 0, target: 9007199254740993 }\n".to_owned(),
            Some(7),
        ),
        (
            "big.json",
            "{\"objectives\": [{\"id\": \"O1\", \"title\": \"Grow\",\n \"key_results\": [{\"id\": \"K1\", \"title\": \"Reach many\",\n \"metric\": {\"start\": 0, \"target\": -9007199254740993}}]}]}".to_owned(),
            Some(3),
        ),
    ] {
        let input = scratch.file(name, text);
        let run = okr(&["convert", s(&input), "--to", "json"]);
        assert_eq!(run.code, 2, "{}", run.stdout);
        assert!(run.stdout.is_empty());
        assert!(run.stderr.contains("too large to hold exactly"), "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!("{name}:{}:", line.unwrap())),
            "{}",
            run.stderr
        );
    }
    // 2^53 itself, and an extension field's 64-bit integer, come through digit for digit.
    let input = scratch.file(
        "exact.yaml",
        "objectives:\n  - id: O1\n    title: Grow\n    x_ticket: 18446744073709551615\n    key_results:\n      - id: K1\n        title: Reach many\n        metric: { start: 0, target: 9007199254740992 }\n",
    );
    let run = okr(&["convert", s(&input), "--to", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("18446744073709551615"),
        "{}",
        run.stdout
    );
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        value["objectives"][0]["key_results"][0]["metric"]["target"].as_f64(),
        Some(9_007_199_254_740_992.0)
    );
}

#[test]
fn yaml_keys_that_read_as_the_same_text_are_a_duplicate() {
    let run = common::check(
        "dup.yaml",
        "objectives:\n  - id: O1\n    title: Grow\n    x_map: { 1: a, \"1\": b }\n",
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stdout.contains("duplicate key `1`"), "{}", run.stdout);
    let run = common::check(
        "dup2.yaml",
        "objectives:\n  - id: O1\n    title: Grow\n    x_flags:\n      true: a\n      \"true\": b\n",
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
}

#[test]
fn convert_keeps_the_top_level_key_order() {
    let scratch = Scratch::new();
    let input = scratch.file(
        "order.yaml",
        "x_owner_note: kept first\nobjectives:\n  - id: O1\n    title: Grow\n    owner: web\nteams:\n  - id: web\nx_last: 1\n",
    );
    let json = okr(&["convert", s(&input), "--to", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let keys: Vec<String> =
        serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&json.stdout)
            .unwrap()
            .keys()
            .cloned()
            .collect();
    assert_eq!(keys, ["x_owner_note", "objectives", "teams", "x_last"]);
    let back = scratch.file("back.json", &json.stdout);
    let yaml = okr(&["convert", s(&back), "--to", "yaml"]);
    let top: Vec<&str> = yaml
        .stdout
        .lines()
        .filter(|l| !l.starts_with([' ', '-']))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(top, ["x_owner_note", "objectives", "teams", "x_last"]);
}
