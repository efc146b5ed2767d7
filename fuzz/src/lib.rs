//! What the fuzz targets run, in one place.
//!
//! `okr-core/tests/regressions.rs` includes this file (`#[path]`) and replays every input
//! of `okr-core/tests/fuzz-regressions/` through [`pipeline`] in a normal `cargo test`, so
//! it must only use `okr_core`, `chrono`, `serde_json` and std. Every function here may
//! return early, but
//! never panics unless okr-core does (or a round trip loses data, see [`roundtrip`]).

use chrono::{Days, NaiveDate};
use okr_core::format::{Format, LoadOptions};
use okr_core::lint::LintConfig;
use okr_core::lint::output::{self, FileProblem, FileQuality, Finding};
use okr_core::model::Document;
use okr_core::report::{Review, html, markdown, tree_text};
use okr_core::score::ScoreConfig;

/// The format the CLI would pick for a file without a telling extension: JSON when the text
/// starts with `{`, else YAML (bytes that are not UTF-8 go to the YAML reader, which
/// refuses them).
pub fn format_of(data: &[u8]) -> Format {
    std::str::from_utf8(data).map_or(Format::Yaml, Format::sniff)
}

/// Loads `data` with the default limits; on failure renders the error as the CLI would
/// (every problem, with path and line), so the error paths run too.
pub fn load_and_describe(data: &[u8], format: Format) -> Option<Document> {
    match okr_core::format::load(data, format, &LoadOptions::default()) {
        Ok(document) => Some(document),
        Err(error) => {
            let mut sink = error.to_string().len();
            for problem in error.problems() {
                sink += problem.to_string().len();
            }
            std::hint::black_box(sink);
            None
        }
    }
}

/// The days a document is looked at: a fixed review day, the edges of its first cycle
/// (before, at the start, at the end, after), the ends of the calendar the CLI accepts, and
/// one day picked by the input's bytes.
pub fn review_days(data: &[u8], document: &Document) -> Vec<NaiveDate> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let mut days: Vec<NaiveDate> = [day(2026, 11, 23), day(1, 1, 1), day(9999, 12, 31)]
        .into_iter()
        .flatten()
        .collect();
    if let Some(cycle) = document.cycles.first() {
        days.extend(cycle.start.checked_sub_days(Days::new(1)));
        days.push(cycle.start);
        days.push(cycle.end);
        days.extend(cycle.end.checked_add_days(Days::new(1)));
    }
    // FNV-1a over the bytes → a day between 1900 and 2100.
    let hash = data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    days.extend(day(1900, 1, 1).and_then(|d| d.checked_add_days(Days::new(hash % 73_000))));
    days
}

/// Bytes → load → score → lint → review (HTML, Markdown, tree) and the lint output formats
/// (text, JSON, SARIF, GitHub) as of each [`review_days`]. A file that does not load goes
/// through the lint output formats as a load problem.
///
/// # Panics
///
/// When the JSON or SARIF output does not parse, or the text or GitHub output has a line
/// that user text could have forged.
pub fn pipeline(data: &[u8]) {
    let Some(document) = load_and_describe(data, format_of(data)) else {
        if let Err(error) = okr_core::format::load(data, format_of(data), &LoadOptions::default()) {
            let problems: Vec<FileProblem> = error
                .problems()
                .into_iter()
                .map(|p| FileProblem::new("fuzz.yaml", p))
                .collect();
            write_every_format(&[], &problems, &[]);
        }
        return;
    };
    let text = std::str::from_utf8(data).unwrap_or_default();
    let score_config = ScoreConfig::default();
    // The document's own `lint:` settings, as `okr lint` reads them; the defaults otherwise.
    let lint_config = LintConfig::from_document(&document)
        .map(|own| LintConfig::default().merge(&own))
        .unwrap_or_default();
    for as_of in review_days(data, &document) {
        // As `okr score` and `okr lint --format json` do it...
        let scores = okr_core::score::score(&document, as_of, &score_config);
        let mut findings = okr_core::lint::lint(&document, as_of, &LintConfig::default());
        findings.locate(text);
        // ...and as `okr report` / `okr tree` do it, with the document's lint settings.
        let review = Review::new(&document, as_of, &score_config, Some(&lint_config));
        let mut sink = html(&review).len() + markdown(&review).len() + tree_text(&review).len();
        sink += scores.objectives.len() + findings.diagnostics.len();
        std::hint::black_box(sink);
        let listed = Finding::all("fuzz.yaml", &findings, Some(text));
        let quality = FileQuality::all("fuzz.yaml", &findings);
        assert!(quality.iter().all(|q| q.objective.quality <= 100));
        write_every_format(&listed, &[], &quality);
    }
}

/// The lint output formats of `listed` and `problems`: JSON and SARIF must parse, and no
/// line of the text or GitHub output may be one that user text forged.
fn write_every_format(
    listed: &[Finding<'_>],
    problems: &[FileProblem],
    quality: &[FileQuality<'_>],
) {
    let mut json = Vec::new();
    output::write_json(listed, problems, quality, &mut json)
        .unwrap_or_else(|e| panic!("json: {e}"));
    let value: serde_json::Value =
        serde_json::from_slice(&json).unwrap_or_else(|e| panic!("json output does not parse: {e}"));
    assert!(value["diagnostics"].is_array() && value["problems"].is_array());
    let sarif: serde_json::Value = serde_json::from_str(&output::sarif(listed, problems))
        .unwrap_or_else(|e| panic!("sarif output does not parse: {e}"));
    assert_eq!(sarif["version"], "2.1.0");
    let expected = listed.len() + problems.len();
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(expected)
    );
    let github = output::github(listed, problems);
    assert_eq!(
        github.lines().count(),
        expected,
        "one annotation per finding: {github}"
    );
    assert!(github.lines().all(|l| l.starts_with("::")), "{github}");
    let text = output::text(listed, problems, quality);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "control characters in text output: {text:?}"
    );
}

/// Whatever loads saves as YAML and as JSON, and each loads back to an equal document.
///
/// # Panics
///
/// When writing fails or the written text does not load back equal: a lossy round trip.
pub fn roundtrip(data: &[u8]) {
    if let Some(document) = load_and_describe(data, format_of(data)) {
        roundtrip_document(&document, &[Format::Yaml, Format::Json]);
    }
}

fn roundtrip_document(document: &Document, formats: &[Format]) {
    for &format in formats {
        let written = match format {
            Format::Yaml => okr_core::to_yaml(document),
            Format::Json => okr_core::to_json(document),
        };
        let written = match written {
            Ok(text) => text,
            Err(error) => panic!("a loaded document cannot be written as {format:?}: {error}"),
        };
        match okr_core::format::load_str(&written, format, &LoadOptions::default()) {
            Ok(again) => assert!(
                again == *document,
                "{format:?} round trip changed the document\nwritten:\n{written}"
            ),
            Err(error) => {
                panic!("written {format:?} does not load back: {error}\nwritten:\n{written}")
            }
        }
    }
}

/// The key-result sentence parser, and what the linter and scorer ask of its result.
pub fn sentence(text: &str) {
    let parsed = okr_core::parse_key_result(text);
    if let Some((baseline, target)) = parsed.baseline_and_target() {
        assert!(
            baseline.is_finite() && target.is_finite() && baseline != target,
            "baseline_and_target gave ({baseline}, {target}) for {text:?}"
        );
    }
    std::hint::black_box(parsed);
}
