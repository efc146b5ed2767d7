//! How well the linter judges OKRs that nobody on the project wrote: recall on the OKRs
//! their sources call bad and flag rate on the ones they call good, per split, and each
//! rule's firings and precision. See benches/lint-quality/README.md.
//!
//! `cargo run --release -p okr-benches --bin lint-quality [-- --split dev|test] [--misses]
//! [--rule CODE] [--emit-table]`: `--misses` lists the bad OKRs not flagged and the good
//! ones flagged, `--rule` where one rule fired, `--emit-table` the `dev` figures for
//! okr-core/src/lint/measured.rs. Tune on `dev` only.

use chrono::NaiveDate;
use okr_core::lint::{LintConfig, Severity, lint};
use okr_core::model::{Document, KeyResult, Objective};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Corpus {
    sources: Vec<Source>,
}

#[derive(Debug, Deserialize)]
struct Source {
    url: String,
    split: String,
    okrs: Vec<Okr>,
}

#[derive(Debug, Deserialize)]
struct Okr {
    #[serde(default)]
    objective: Option<String>,
    #[serde(default)]
    key_results: Vec<String>,
    verdict: String,
    #[serde(default)]
    about: Option<String>,
    #[serde(default)]
    problems: Vec<String>,
}

/// The project's first corpus (statements, not whole OKRs): part of `dev`.
#[derive(Debug, Deserialize)]
struct Statement {
    text: String,
    kind: String,
    label: String,
    #[serde(default)]
    problem: Option<String>,
    source: String,
}

/// Rules that judge how an objective or key result is worded. The others need data a
/// quoted OKR does not have (owners, dates, check-ins, history, an organisation).
const WORDING_RULES: &[&str] = &[
    "OKR004", "OKR005", "OKR101", "OKR102", "OKR103", "OKR104", "OKR105", "OKR106", "OKR107",
    "OKR201", "OKR202", "OKR203", "OKR205", "OKR206", "OKR207", "OKR208", "OKR209",
];

/// Stand-ins for the part a source did not give, chosen so that no rule fires on them.
const FILLER_OBJECTIVE: &str = "Delight home cooks with cookware they love";
const FILLER_KEY_RESULTS: [&str; 2] = [
    "Raise weekly active users from 10k to 14k",
    "Cut median page load from 3 s to 1.5 s",
];

/// One judged item: what the source says, and what the linter said at each severity.
struct Judged {
    split: String,
    bad: bool,
    problems: Vec<String>,
    /// Codes that fired on the judged part, with their severity.
    fired: Vec<(&'static str, Severity)>,
    shown: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only = args
        .iter()
        .position(|a| a == "--split")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let show_misses = args.iter().any(|a| a == "--misses");
    let emit_table = args.iter().any(|a| a == "--emit-table");
    let show_rule = args
        .iter()
        .position(|a| a == "--rule")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let judged = read_all(&root);
    if emit_table {
        print_table(&judged);
        return;
    }

    for split in ["dev", "test"] {
        if only.as_deref().is_some_and(|s| s != split) {
            continue;
        }
        let items: Vec<&Judged> = judged.iter().filter(|j| j.split == split).collect();
        report(split, &items, show_misses);
        if let Some(code) = &show_rule {
            println!("-- where {code} fired ({split}):");
            for item in items
                .iter()
                .filter(|j| j.fired.iter().any(|(c, _)| c == code))
            {
                let verdict = if item.bad { "bad " } else { "good" };
                println!("  {verdict} {}", item.shown);
            }
        }
    }
}

fn read_all(root: &Path) -> Vec<Judged> {
    let as_of = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap_or_default();
    let mut judged = Vec::new();
    let dir = root.join("benches/lint-quality/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let corpus: Corpus = match serde_saphyr::from_str(&text) {
            Ok(corpus) => corpus,
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                std::process::exit(2);
            }
        };
        for source in corpus.sources {
            for okr in source.okrs {
                if okr.verdict == "example" {
                    continue;
                }
                let about = okr.about.as_deref().unwrap_or("both");
                let fired = judge(okr.objective.as_deref(), &okr.key_results, about, as_of);
                judged.push(Judged {
                    split: source.split.clone(),
                    bad: okr.verdict == "bad",
                    problems: okr.problems,
                    fired,
                    shown: format!(
                        "{} | {} ({about}; {})",
                        okr.objective.as_deref().unwrap_or("-"),
                        okr.key_results.join(" / "),
                        source.url
                    ),
                });
            }
        }
    }
    let first = root.join("okr-core/tests/corpus/okrs.yaml");
    let text = std::fs::read_to_string(first).unwrap_or_default();
    let statements: Vec<Statement> = serde_saphyr::from_str(&text).unwrap_or_default();
    for s in statements {
        let (objective, krs, about) = if s.kind == "objective" {
            (Some(s.text.as_str()), Vec::new(), "objective")
        } else {
            (None, vec![s.text.clone()], "key_results")
        };
        judged.push(Judged {
            split: "dev".into(),
            bad: s.label == "bad",
            problems: s.problem.into_iter().collect(),
            fired: judge(objective, &krs, about, as_of),
            shown: format!("{} ({}; {})", s.text, s.kind, s.source),
        });
    }
    judged
}

/// Lints one OKR and returns the wording findings on the part the verdict is about.
fn judge(
    objective: Option<&str>,
    key_results: &[String],
    about: &str,
    as_of: NaiveDate,
) -> Vec<(&'static str, Severity)> {
    let mut krs: Vec<KeyResult> = key_results
        .iter()
        .enumerate()
        .map(|(k, title)| KeyResult::new(title.as_str()).with_id(format!("K{k}")))
        .collect();
    if krs.is_empty() {
        krs = FILLER_KEY_RESULTS
            .iter()
            .enumerate()
            .map(|(k, t)| KeyResult::new(*t).with_id(format!("F{k}")))
            .collect();
    }
    let objective =
        Objective::new("O", objective.unwrap_or(FILLER_OBJECTIVE)).with_key_results(krs);
    let doc = Document::default().with_objectives([objective]);
    let report = lint(&doc, as_of, &LintConfig::default());
    report
        .diagnostics
        .iter()
        .filter(|d| WORDING_RULES.contains(&d.code))
        .filter(|d| {
            let on_objective = d.path == "objectives[0]";
            match about {
                "objective" => on_objective,
                "key_results" => !on_objective,
                _ => true,
            }
        })
        .map(|d| (d.code, d.severity))
        .collect()
}

/// Flagged: a warning or an error (info is a coaching hint, not a verdict).
fn flagged(item: &Judged) -> bool {
    item.fired.iter().any(|(_, s)| *s >= Severity::Warning)
}

fn report(split: &str, items: &[&Judged], show_misses: bool) {
    let bad: Vec<&&Judged> = items.iter().filter(|j| j.bad).collect();
    let good: Vec<&&Judged> = items.iter().filter(|j| !j.bad).collect();
    let caught = bad.iter().filter(|j| flagged(j)).count();
    let false_flags = good.iter().filter(|j| flagged(j)).count();
    let any_caught = bad.iter().filter(|j| !j.fired.is_empty()).count();
    println!("== {split}: {} bad, {} good", bad.len(), good.len());
    println!(
        "recall on bad (warning+error): {caught}/{} = {:.2}   (any severity: {:.2})",
        bad.len(),
        ratio(caught, bad.len()),
        ratio(any_caught, bad.len())
    );
    println!(
        "flag rate on good (warning+error): {false_flags}/{} = {:.2}",
        good.len(),
        ratio(false_flags, good.len())
    );
    println!(
        "{:<7} {:>7} {:>7} {:>9}  problems caught (source's words, paraphrased)",
        "rule", "fired", "on bad", "precision"
    );
    let by_rule = firings(items.iter().copied());
    for (code, (fired, on_bad, problems)) in &by_rule {
        let mut top: Vec<(&String, &usize)> = problems.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let named: Vec<String> = top.iter().take(3).map(|(p, _)| (*p).clone()).collect();
        println!(
            "{code:<7} {fired:>7} {on_bad:>7} {:>9.2}  {}",
            ratio(*on_bad, *fired),
            named.join("; ")
        );
    }
    if show_misses {
        println!("-- bad, not flagged:");
        for item in bad.iter().filter(|j| !flagged(j)) {
            println!("  {}  [{}]", item.shown, item.problems.join("; "));
        }
        println!("-- good, flagged:");
        for item in good.iter().filter(|j| flagged(j)) {
            println!("  {}  {:?}", item.shown, item.fired);
        }
    }
    println!();
}

/// The `dev` firings as the body of okr-core/src/lint/measured.rs's tables.
fn print_table(judged: &[Judged]) {
    let dev: Vec<&Judged> = judged.iter().filter(|j| j.split == "dev").collect();
    let by_rule = firings(dev.iter().copied());
    println!("pub(crate) const CORPUS_SIZE: u32 = {};", dev.len());
    println!("pub(crate) const FIRINGS: &[(&str, u32, u32)] = &[");
    for (code, (fired, bad, _)) in by_rule {
        println!("    (\"{code}\", {fired}, {bad}),");
    }
    println!("];");
}

/// Per rule: the OKRs it fired on (any severity), how many of them are bad, and how often
/// each problem the sources named for those bad ones came up.
fn firings<'a>(
    items: impl Iterator<Item = &'a Judged>,
) -> BTreeMap<&'static str, (usize, usize, BTreeMap<String, usize>)> {
    let mut by_rule: BTreeMap<&'static str, (usize, usize, BTreeMap<String, usize>)> =
        BTreeMap::new();
    for item in items {
        let mut codes: Vec<&'static str> = item.fired.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        for code in codes {
            let entry = by_rule.entry(code).or_default();
            entry.0 += 1;
            if item.bad {
                entry.1 += 1;
                for problem in &item.problems {
                    *entry.2.entry(problem.clone()).or_default() += 1;
                }
            }
        }
    }
    by_rule
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
