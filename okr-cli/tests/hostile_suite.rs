//! The hostile-input suite (tests/hostile/, see its generate.py) through `okr check`: every
//! fixture gets exit 2 and a problem naming the manifest's path and `file:line:` (or exit 0
//! for the valid ones), and never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{Run, Scratch, okr_in, repo_root};
use serde::Deserialize;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Deserialize)]
struct Manifest {
    fixtures: Vec<Entry>,
    generated: Vec<Generated>,
}

#[derive(Debug, Clone, Deserialize)]
struct Entry {
    file: String,
    format: String,
    valid: bool,
    path: Option<String>,
    #[serde(default)]
    path_prefix: Option<String>,
    line: Option<usize>,
    message_contains: Option<Contains>,
    #[serde(default)]
    known_issue: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Contains {
    One(String),
    All(Vec<String>),
}

impl Contains {
    fn all(&self) -> Vec<&str> {
        match self {
            Contains::One(text) => vec![text.as_str()],
            Contains::All(texts) => texts.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Deserialize)]
struct Generated {
    #[serde(flatten)]
    entry: Entry,
    head: String,
    unit: String,
    bytes: usize,
}

fn hostile_dir() -> PathBuf {
    repo_root().join("tests").join("hostile")
}

fn manifest() -> Manifest {
    let text = std::fs::read_to_string(hostile_dir().join("manifest.json")).expect("manifest");
    serde_json::from_str(&text).expect("manifest.json matches the documented shape")
}

/// One printed problem: `FILE[:LINE]: [PATH: ]MESSAGE`.
#[derive(Debug)]
struct Printed<'a> {
    line: Option<usize>,
    path: Option<&'a str>,
    message: &'a str,
}

fn problems_of<'a>(stdout: &'a str, file: &str) -> Vec<Printed<'a>> {
    stdout
        .lines()
        .filter_map(|text| {
            let rest = text.strip_prefix(file)?;
            let (line, rest) = match rest.strip_prefix(':') {
                Some(after) if !after.starts_with(' ') => {
                    let (number, rest) = after.split_once(':')?;
                    (Some(number.parse().ok()?), rest)
                }
                _ => (None, rest.strip_prefix(':')?),
            };
            let rest = rest.strip_prefix(' ')?;
            // A path has no spaces; a message without a path starts with words.
            let (path, message) = match rest.split_once(": ") {
                Some((head, tail)) if !head.is_empty() && !head.contains(' ') => (Some(head), tail),
                _ => (None, rest),
            };
            Some(Printed {
                line,
                path,
                message,
            })
        })
        .collect()
}

/// Whether one printed problem is the one the manifest asks for.
fn matches(entry: &Entry, problem: &Printed<'_>) -> bool {
    let path_ok = match entry.path.as_deref() {
        None => true,
        Some("") => problem.path.is_none(),
        Some(path) => problem.path == Some(path),
    };
    let prefix_ok = entry
        .path_prefix
        .as_deref()
        .is_none_or(|prefix| problem.path.is_some_and(|p| p.starts_with(prefix)));
    let line_ok = entry.line.is_none() || problem.line == entry.line;
    let message_ok = entry.message_contains.as_ref().is_none_or(|c| {
        c.all()
            .iter()
            .all(|needle| problem.message.contains(needle))
    });
    path_ok && prefix_ok && line_ok && message_ok
}

/// What is wrong with `okr check`'s answer for `entry`, if anything.
fn verdict(entry: &Entry, run: &Run) -> Option<String> {
    let expected_code = if entry.valid { 0 } else { 2 };
    let shown = || format!("stdout:\n{}stderr:\n{}", run.stdout, run.stderr);
    if run.stderr.contains("panicked") {
        return Some(format!("panicked\n{}", shown()));
    }
    if run.code != expected_code {
        return Some(format!(
            "exit {} instead of {expected_code}\n{}",
            run.code,
            shown()
        ));
    }
    if entry.valid {
        let ok = format!("{}: ok (", entry.file);
        return (!run.stdout.contains(&ok)).then(|| format!("no `{ok}` line\n{}", shown()));
    }
    let problems = problems_of(&run.stdout, &entry.file);
    if problems.is_empty() {
        return Some(format!("no `{}:` problem line\n{}", entry.file, shown()));
    }
    if problems.iter().any(|p| matches(entry, p)) {
        None
    } else {
        Some(format!(
            "no problem with path {:?}{} line {:?} and message containing {:?}\n{}",
            entry.path,
            entry
                .path_prefix
                .as_deref()
                .map(|p| format!(" (prefix {p:?})"))
                .unwrap_or_default(),
            entry.line,
            entry.message_contains,
            shown()
        ))
    }
}

fn check_all(entries: &[Entry]) -> Vec<String> {
    let dir = hostile_dir();
    entries
        .iter()
        .filter_map(|entry| {
            // Relative to tests/hostile, so the output names the file as the manifest does.
            let run = okr_in(&dir, &["check", &entry.file]);
            verdict(entry, &run).map(|why| format!("{} ({}): {why}", entry.file, entry.format))
        })
        .collect()
}

#[test]
fn every_fixture_gets_the_answer_of_the_manifest() {
    let manifest = manifest();
    let entries: Vec<Entry> = manifest
        .fixtures
        .into_iter()
        .filter(|e| e.known_issue.is_none())
        .collect();
    assert!(entries.len() > 150, "the suite shrank: {}", entries.len());
    let failures = check_all(&entries);
    assert!(
        failures.is_empty(),
        "{} of {} fixtures:\n\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n\n")
    );
}

/// The fixtures marked `known_issue` in the manifest: run with `--ignored`; once this
/// passes, drop the marker (in generate.py) so the main test covers them.
#[test]
#[ignore = "known issues: the `known_issue` entries of tests/hostile/manifest.json"]
fn known_issues() {
    let entries: Vec<Entry> = manifest()
        .fixtures
        .into_iter()
        .filter(|e| e.known_issue.is_some())
        .collect();
    let mut failures = check_all(&entries);
    let valid: Vec<&Entry> = entries.iter().filter(|e| e.valid).collect();
    failures.extend(use_valid(&valid));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn manifest_and_fixture_files_agree() {
    let manifest = manifest();
    let dir = hostile_dir();
    let mut listed: Vec<String> = manifest.fixtures.iter().map(|e| e.file.clone()).collect();
    for entry in &manifest.fixtures {
        assert!(dir.join(&entry.file).is_file(), "missing {}", entry.file);
        assert!(
            ["yaml", "json"].contains(&entry.format.as_str()),
            "{}",
            entry.file
        );
        assert!(
            entry.valid
                || entry.path.is_some()
                || entry.line.is_some()
                || entry.message_contains.is_some(),
            "{}: an invalid fixture must name a path, a line or a message",
            entry.file
        );
    }
    let mut on_disk = Vec::new();
    let mut pending = vec![dir.clone()];
    while let Some(folder) = pending.pop() {
        for item in std::fs::read_dir(&folder).unwrap() {
            let path = item.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "json")
            ) && path.file_name() != Some("manifest.json".as_ref())
            {
                let relative = path.strip_prefix(&dir).unwrap().to_str().unwrap();
                on_disk.push(relative.replace('\\', "/"));
            }
        }
    }
    listed.sort();
    on_disk.sort();
    assert_eq!(listed, on_disk, "every fixture is listed exactly once");
}

#[test]
fn valid_fixtures_also_score_lint_report_and_convert() {
    let manifest = manifest();
    let valid: Vec<&Entry> = manifest
        .fixtures
        .iter()
        .filter(|e| e.valid && e.known_issue.is_none())
        .collect();
    let failures = use_valid(&valid);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Scores, lints, reports and converts valid fixtures; a conversion must check clean again.
fn use_valid(entries: &[&Entry]) -> Vec<String> {
    let dir = hostile_dir();
    let scratch = Scratch::new();
    let out = |name: &str| scratch.dir.path().join(name).to_str().unwrap().to_owned();
    let (html, yaml, json) = (out("review.html"), out("again.yaml"), out("again.json"));
    let mut failures = Vec::new();
    for entry in entries {
        let file = entry.file.as_str();
        for args in [
            vec!["score", file, "--as-of", "2026-11-23", "--format", "json"],
            vec!["lint", file, "--as-of", "2026-11-23", "--format", "json"],
            vec!["report", file, "--as-of", "2026-08-15", "-o", &html],
            vec!["tree", file, "--as-of", "9999-12-31"],
            vec!["convert", file, "--to", "yaml", "-o", &yaml],
            vec!["check", &yaml],
            vec!["convert", file, "--to", "json", "-o", &json],
            vec!["check", &json],
        ] {
            let run = okr_in(&dir, &args);
            let ok = match args[0] {
                "score" | "lint" | "report" | "tree" => run.code == 0 || run.code == 1,
                _ => run.code == 0,
            };
            if !ok || run.stderr.contains("panicked") {
                failures.push(format!(
                    "okr {}: exit {}\n{}{}",
                    args.join(" "),
                    run.code,
                    run.stdout.chars().take(2000).collect::<String>(),
                    run.stderr
                ));
            }
        }
    }
    failures
}

/// The 100 MB-class inputs of the manifest's `generated` list, written at test time.
#[test]
fn generated_inputs_over_the_size_limit_are_refused() {
    for generated in manifest().generated {
        let entry = &generated.entry;
        assert!(generated.bytes > okr_core::format::DEFAULT_MAX_BYTES);
        let scratch = Scratch::new();
        let path = scratch.dir.path().join(&entry.file);
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        out.write_all(generated.head.as_bytes()).unwrap();
        let mut written = generated.head.len();
        let block = generated.unit.repeat(4096);
        while written < generated.bytes {
            out.write_all(block.as_bytes()).unwrap();
            written += block.len();
        }
        out.flush().unwrap();
        drop(out);
        let started = std::time::Instant::now();
        let run = okr_in(scratch.dir.path(), &["check", &entry.file]);
        assert!(
            started.elapsed().as_secs() < 30,
            "took {:?}",
            started.elapsed()
        );
        if let Some(why) = verdict(entry, &run) {
            panic!("{} ({written} bytes): {why}", entry.file);
        }
    }
}

#[test]
fn the_line_parser_reads_every_form_okr_prints() {
    let out = "a.yaml:3: objectives[0].owner: unknown team `x`\n\
               a.yaml: input is empty; add objectives\n\
               a.yaml:7: input is not UTF-8 text (invalid byte)\n\
               a.yaml: 3 problems found\n";
    let problems = problems_of(out, "a.yaml");
    assert_eq!(problems.len(), 4);
    assert_eq!(problems[0].line, Some(3));
    assert_eq!(problems[0].path, Some("objectives[0].owner"));
    assert_eq!(problems[1].line, None);
    assert_eq!(problems[1].path, None);
    assert_eq!(problems[2].line, Some(7));
    assert!(problems[2].message.starts_with("input is not UTF-8"));
}
