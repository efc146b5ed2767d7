//! Criterion benches of the core: load (JSON, YAML), score, lint and rollup at 1k / 10k /
//! 100k objectives, the sentence parser, and the as-you-type case of the planning widget.
//!
//! The 100k cases are slow by nature (YAML: ~45 s an iteration, 10 samples); run one group
//! or case by name, e.g. `cargo bench -p okr-benches --bench core -- load/json`.

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use okr_core::format::{Format, LoadOptions, Reloader, load_str};
use okr_core::lint::{LintConfig, Memo, lint_with_memo};
use okr_core::score::ScoreConfig;
use std::hint::black_box;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 20).unwrap_or_default()
}

fn unlimited() -> LoadOptions {
    LoadOptions::default().with_max_bytes(usize::MAX)
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let doc = okr_benches::generate(n);
        let json = okr_core::to_json(&doc).unwrap_or_default();
        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_with_input(BenchmarkId::new("json", n), &json, |b, text| {
            b.iter(|| load_str(black_box(text), Format::Json, &unlimited()))
        });
        let yaml = okr_core::to_yaml(&doc).unwrap_or_default();
        group.throughput(Throughput::Bytes(yaml.len() as u64));
        group.bench_with_input(BenchmarkId::new("yaml", n), &yaml, |b, text| {
            b.iter(|| load_str(black_box(text), Format::Yaml, &unlimited()))
        });
    }
    group.finish();
}

fn score_and_lint(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyse");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let doc = okr_benches::generate(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("score", n), &doc, |b, doc| {
            b.iter(|| okr_core::score::score(black_box(doc), as_of(), &ScoreConfig::default()))
        });
        group.bench_with_input(BenchmarkId::new("lint", n), &doc, |b, doc| {
            b.iter(|| okr_core::lint::lint(black_box(doc), as_of(), &LintConfig::default()))
        });
    }
    group.finish();
}

/// The planning widget's budget case: a 50-objective document, read from JSON text and
/// linted on every keystroke (the wasm binding does the same work in node and browsers).
fn as_you_type(c: &mut Criterion) {
    let mut group = c.benchmark_group("as_you_type");
    let json = okr_core::to_json(&okr_benches::generate(50)).unwrap_or_default();
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("load/50", |b| {
        b.iter(|| load_str(black_box(&json), Format::Json, &LoadOptions::default()))
    });
    group.bench_function("load+lint/50", |b| {
        b.iter(|| {
            load_str(black_box(&json), Format::Json, &LoadOptions::default())
                .map(|doc| okr_core::lint::lint(&doc, as_of(), &LintConfig::default()))
        })
    });
    // What the wasm binding does per keystroke: each text is the last one with one more
    // character in a key-result title; the reloader re-reads that objective, the memo that
    // title. (Every 1 000 iterations the texts start over: one full read.)
    let texts = keystrokes(&json, 1_000);
    group.bench_function("typing: reload+lint_with_memo/50", |b| {
        let (mut reloader, mut memo, mut next) = (Reloader::new(), Memo::default(), 0);
        let config = LintConfig::default();
        b.iter(|| {
            next = (next + 1) % texts.len();
            reloader
                .load_str(
                    black_box(&texts[next]),
                    Format::Json,
                    &LoadOptions::default(),
                )
                .map(|doc| lint_with_memo(doc, as_of(), &config, &mut memo))
        })
    });
    group.finish();
}

/// `count` versions of `json`, each with one more character at the end of a key-result
/// title than the last; every 8 characters the typing moves to another title.
fn keystrokes(json: &str, count: usize) -> Vec<String> {
    const TITLE: &str = "\"title\": \"";
    let mut ends: Vec<usize> = json
        .match_indices(TITLE)
        .filter_map(|(at, _)| {
            let start = at + TITLE.len();
            json[start..].find('"').map(|end| start + end)
        })
        .collect();
    let mut text = json.to_owned();
    if ends.is_empty() {
        return vec![text];
    }
    let mut texts = Vec::with_capacity(count);
    for k in 0..count {
        let at = ends[(k / 8 * 7) % ends.len()];
        text.insert(at, ['o', 'k', 'r', ' '][k % 4]);
        ends.iter_mut()
            .filter(|end| **end >= at)
            .for_each(|end| *end += 1);
        texts.push(text.clone());
    }
    texts
}

fn rollup(c: &mut Criterion) {
    use okr_core::model::{Binary, Document, Ids, KeyResult, Objective};
    let mut group = c.benchmark_group("rollup");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        // A chain n deep: every level rolls up the one below.
        let mut doc = Document::default();
        for i in 0..n {
            let mut o = Objective::new(format!("O{i}"), "t");
            if i > 0 {
                o.aligns_to = Some(Ids::One(format!("O{}", i - 1)));
            }
            if i == n - 1 {
                o.key_results
                    .push(KeyResult::new("x").with_binary(Binary::new(true)));
            }
            doc.objectives.push(o);
        }
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("chain", n), &doc, |b, doc| {
            b.iter(|| okr_core::score::score(black_box(doc), as_of(), &ScoreConfig::default()))
        });
    }
    group.finish();
}

fn sentences(c: &mut Criterion) {
    let sentences = [
        "Raise repeat purchase rate from 18% to 26%",
        "Cut p95 latency from 800 ms to 200 ms by end of Q3",
        "Increase weekly signups by 15%",
        "Keep CAC under $50",
        "Launch the new website",
        "30-day retention: Increase from 52% to 65% by Q2 end",
        "Reach 1 million page views on the recipe blog",
        "Grow ARR to $1.2M by end of Q3",
    ];
    c.bench_function("parse_key_result/8 sentences", |b| {
        b.iter(|| {
            for s in &sentences {
                black_box(okr_core::parse_key_result(black_box(s)));
            }
        })
    });
}

criterion_group!(
    benches,
    load,
    score_and_lint,
    as_you_type,
    rollup,
    sentences
);
criterion_main!(benches);
