//! How well the linter judges OKRs that nobody on the project wrote: recall on the OKRs
//! their sources call bad and flag rate on the ones they call good, per split, and each
//! rule's firings and precision. See benches/lint-quality/README.md.
//!
//! `cargo run --release -p okr-benches --bin lint-quality [-- --split dev|test] [--misses]
//! [--rule CODE] [--emit-table]`: `--misses` lists the bad OKRs not flagged and the good
//! ones flagged, `--rule` where one rule fired, `--emit-table` the `dev` figures for
//! okr-core/src/lint/measured.rs. Tune on `dev` only.

use okr_benches::quality::{Judged, firings, flagged, ratio, read_all};
use std::path::Path;

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
    let judged = match read_all(&root) {
        Ok(judged) => judged,
        Err(problem) => {
            eprintln!("{problem}");
            std::process::exit(2);
        }
    };
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
