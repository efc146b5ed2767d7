//! Mutation smoke test: the bundled examples (and acme as JSON), each damaged by a few
//! seeded pseudo-random edits, through `okr check`, `okr score` and `okr lint`. Whatever
//! the damage, okr answers with exit 0, 1 or 2, never a panic (101) or a signal, and the
//! three commands agree on whether the file can be read.
//!
//! Deterministic: a failure prints the seed and the mutant's number; the damaged file is
//! kept under the cargo target directory to replay by hand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{Scratch, repo_root};

/// Mutants per base file (three base files, three commands each).
const MUTANTS: usize = 150;

/// xorshift64*: small, seeded, good enough to pick edits.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Bytes that mean something to YAML or JSON, and a few that mean trouble.
const INTERESTING: &[u8] = b":-[]{},&*!|>'\"#\n\r\t ?%@`0123456789.eE+~\\\x00\xff\xc3";

#[derive(Debug, Clone, Copy)]
enum Edit {
    FlipBit,
    Insert,
    Delete,
    DuplicateLine,
    SwapDigit,
}

const EDITS: [Edit; 5] = [
    Edit::FlipBit,
    Edit::Insert,
    Edit::Delete,
    Edit::DuplicateLine,
    Edit::SwapDigit,
];

fn apply(edit: Edit, bytes: &mut Vec<u8>, rng: &mut Rng) {
    if bytes.is_empty() {
        bytes.push(INTERESTING[rng.below(INTERESTING.len())]);
        return;
    }
    let at = rng.below(bytes.len());
    match edit {
        Edit::FlipBit => bytes[at] ^= 1 << rng.below(8),
        Edit::Insert => {
            let count = 1 + rng.below(3);
            for _ in 0..count {
                bytes.insert(at, INTERESTING[rng.below(INTERESTING.len())]);
            }
        }
        Edit::Delete => {
            let end = (at + 1 + rng.below(12)).min(bytes.len());
            bytes.drain(at..end);
        }
        Edit::DuplicateLine => {
            let start = bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let end = bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| at + i + 1);
            let line = bytes[start..end].to_vec();
            let mut line = line;
            if !line.ends_with(b"\n") {
                line.insert(0, b'\n');
            }
            let target = if rng.below(2) == 0 { start } else { end };
            bytes.splice(target..target, line);
        }
        Edit::SwapDigit => {
            // The next digit from `at` (wrapping) becomes another digit, or moves one place.
            let digits: Vec<usize> = (0..bytes.len())
                .map(|i| (at + i) % bytes.len())
                .filter(|&i| bytes[i].is_ascii_digit())
                .take(2)
                .collect();
            match digits.as_slice() {
                [a, b, ..] if rng.below(2) == 0 => bytes.swap(*a, *b),
                [a, ..] => bytes[*a] = b"0123456789"[rng.below(10)],
                [] => bytes[at] ^= 0x20,
            }
        }
    }
}

struct Outcome {
    command: String,
    code: i32,
    stderr: String,
}

/// Runs `okr`; a death by signal shows as exit -1 (the shared helper would panic instead,
/// losing the mutant).
fn run(dir: &std::path::Path, args: &[&str]) -> Outcome {
    let output = common::output_in(dir, args);
    Outcome {
        command: args.join(" "),
        code: output.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Damages `base` MUTANTS times and checks each mutant; returns the problems found.
fn mutate_and_run(name: &str, base: &[u8], extension: &str, seed: u64) -> Vec<String> {
    let scratch = Scratch::new();
    let file = format!("mutant.{extension}");
    let mut rng = Rng::new(seed);
    let mut failures = Vec::new();
    let mut codes = [0usize; 3];
    for n in 0..MUTANTS {
        let mut bytes = base.to_vec();
        for _ in 0..1 + rng.below(3) {
            let edit = EDITS[rng.below(EDITS.len())];
            apply(edit, &mut bytes, &mut rng);
        }
        scratch.file(&file, &bytes);
        let outcomes: Vec<Outcome> = [
            vec!["check", &file],
            vec!["score", &file, "--as-of", "2026-11-23"],
            vec!["lint", &file, "--as-of", "2026-11-23", "--format", "json"],
        ]
        .iter()
        .map(|args| run(scratch.dir.path(), args))
        .collect();
        let mut problems: Vec<String> = outcomes
            .iter()
            .filter(|o| !(0..=2).contains(&o.code) || o.stderr.contains("panicked"))
            .map(|o| format!("`okr {}` exit {}: {}", o.command, o.code, o.stderr.trim()))
            .collect();
        let (check, score, lint) = (outcomes[0].code, outcomes[1].code, outcomes[2].code);
        // Reading is shared: a file check accepts scores, and one it refuses is refused by all.
        // (lint may still exit 2 on a readable file: its `lint:` settings can be invalid.)
        if check == 0 && score != 0 {
            problems.push(format!("check accepts the file but score exits {score}"));
        }
        if check == 2 && (score != 2 || lint != 2) {
            problems.push(format!(
                "check refuses the file but score exits {score} and lint {lint}"
            ));
        }
        if check == 1 {
            problems.push("check exits 1, which only lint may".to_owned());
        }
        if let Some(slot) = codes.get_mut(check as usize) {
            *slot += 1;
        }
        if !problems.is_empty() {
            let kept = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join(format!("mutant-{name}-{seed}-{n}.{extension}"));
            std::fs::write(&kept, &bytes).unwrap();
            failures.push(format!(
                "{name} mutant {n} (seed {seed}, kept as {}):\n  {}",
                kept.display(),
                problems.join("\n  ")
            ));
        }
    }
    eprintln!("{name}: {MUTANTS} mutants, `okr check` exit 0/1/2 = {codes:?}");
    // The edits must not be so harsh that nothing loads, nor so mild that nothing breaks.
    assert!(
        codes[0] > 0 && codes[2] > 0,
        "{name}: check exit codes 0/1/2 = {codes:?}; the mutations no longer test both sides"
    );
    failures
}

fn example(name: &str) -> Vec<u8> {
    std::fs::read(repo_root().join("examples").join(name)).unwrap()
}

fn assert_none(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} mutant(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn mutated_acme_yaml_never_crashes() {
    assert_none(&mutate_and_run(
        "acme",
        &example("acme.yaml"),
        "yaml",
        0x5eed_0001,
    ));
}

#[test]
fn mutated_well_written_yaml_never_crashes() {
    assert_none(&mutate_and_run(
        "well-written",
        &example("well-written.yaml"),
        "yaml",
        0x5eed_0002,
    ));
}

#[test]
fn mutated_acme_json_never_crashes() {
    let text = String::from_utf8(example("acme.yaml")).unwrap();
    let doc = okr_core::from_yaml_str(&text).expect("acme.yaml loads");
    let json = okr_core::to_json(&doc).unwrap();
    assert!(json.starts_with('{'));
    assert_none(&mutate_and_run(
        "acme-json",
        json.as_bytes(),
        "json",
        0x5eed_0003,
    ));
}

#[test]
fn the_edits_are_deterministic_and_varied() {
    let base = b"objectives:\n  - id: O1\n    title: Raise NPS from 30 to 40\n".to_vec();
    let run = |seed| {
        let mut rng = Rng::new(seed);
        (0..50)
            .map(|i| {
                let mut bytes = base.clone();
                apply(EDITS[i % EDITS.len()], &mut bytes, &mut rng);
                bytes
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(run(7), run(7));
    assert_ne!(run(7), run(8));
    let changed = run(7).iter().filter(|m| **m != base).count();
    assert!(changed >= 45, "only {changed} of 50 edits changed the text");
}
