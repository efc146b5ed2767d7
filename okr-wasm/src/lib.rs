//! # okr-wasm
//!
//! The JavaScript face of okr (wasm-bindgen): `check`, `lint`, `score`, `validate`,
//! `rules`, `explain`, `ruleDoc`, `parseKeyResult`, `addCheckIn`, `diff`, `version` and the
//! `Linter` class, for node and the browser. `scripts/build-wasm.sh` assembles the npm
//! package in `pkg/`: the node and web builds of this module behind the entries of `js/`
//! (which give errors their `OkrError` class and turn `Date`s into days);
//! `src/okr_wasm.d.ts` is the hand-written TypeScript API.
//!
//! Contract (written up in docs/format.md, docs/reports.md and docs/errors.md):
//! - `source` is YAML/JSON text (format sniffed, or `options.format`) or a plain object of
//!   the file schema (dates as `"YYYY-MM-DD"` strings, a key result may be a bare sentence),
//!   read through `JSON.stringify` and the core's JSON reader (`source.rs`);
//! - results are plain objects of the shapes in docs/reports.md (snake_case keys, `null`
//!   for missing);
//! - failures throw `Error` objects named `OkrError` carrying `path`, `id`, `line` and
//!   `problems` (`errors.rs`); nothing may panic, since a panic aborts the wasm instance.
//!
//! The core never reads a clock; this binding does, only for the default `asOf` (today).

// The JSON-only build (no `yaml` feature) exists to measure what YAML costs the module
// (benches/README.md); the options and errors only text edits use are idle there.
#![cfg_attr(not(feature = "yaml"), allow(dead_code, unused_imports))]

mod edit;
pub use edit::{add_check_in, diff};
mod linter;
pub use linter::Linter;
mod errors;
mod options;
mod source;

use errors::{JsResult, to_js, usage_error};
use okr_core::Problem;
use okr_core::lint::Memo;
use options::{Options, Setting};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// What `lint` read from titles in its last call. A planning widget lints on every
    /// keystroke and most titles have not changed since, so each call reads only the new
    /// ones; the memo holds no more than the last document's titles.
    static LINT_MEMO: RefCell<Memo> = RefCell::default();
}

#[wasm_bindgen]
extern "C" {
    /// `console.warn`: how JS libraries say "this probably is not what you meant" without
    /// failing (node prints it on stderr, browsers in the console).
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(message: &str);
}

// The declarations are written by hand (precise unions instead of generated `any`) and
// placed in the generated `okr_wasm.d.ts`; every export below uses `skip_typescript`.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &'static str = include_str!("okr_wasm.d.ts");

/// Scores every objective and key result of `source` as of `options.asOf` (default: today).
///
/// Returns the score report (its shape: docs/reports.md in the okr repository); throws an
/// `OkrError` when the source does not load or validate, or an option is wrong.
#[wasm_bindgen(js_name = score, skip_typescript)]
pub fn score(source: JsValue, options: JsValue) -> JsResult {
    let options = Options::read(
        &options,
        &[Setting::Format, Setting::AsOf, Setting::ScoreConfig],
    )?;
    let as_of = options.as_of_or_today()?;
    let report = source::with_document(&source, options.format, |document, _| {
        okr_core::score::score(document, as_of, &options.config)
    })?;
    to_js(&report)
}

/// Lints `source` as of `options.asOf` (default: today; staleness and trend rules use it).
///
/// Returns `{diagnostics, summary}` (docs/reports.md in the okr repository), with source
/// lines for text sources.
/// Titles unchanged since the previous call are not read again (see `LINT_MEMO`). The
/// document's own `lint:` section applies first, then `options.config` (the keys of an
/// `okr.toml` `[lint]` table), then `options.select` / `options.ignore`. Throws an
/// `OkrError` when the source does not load or validate, or an option is wrong; warns on
/// the console when the options leave no rule to run.
#[wasm_bindgen(js_name = lint, skip_typescript)]
pub fn lint(source: JsValue, options: JsValue) -> JsResult {
    let options = Options::read(&options, LINT_SETTINGS)?;
    LINT_MEMO.with(|memo| match memo.try_borrow_mut() {
        Ok(mut memo) => lint_with(&source, &options, Some(&mut memo)),
        // Only a re-entrant call could find it borrowed; it lints without the memo.
        Err(_) => lint_with(&source, &options, None),
    })
}

/// The options `lint` (and a [`linter::Linter`]) accepts.
const LINT_SETTINGS: &[Setting] = &[
    Setting::Format,
    Setting::AsOf,
    Setting::Select,
    Setting::Ignore,
    Setting::LintConfig,
];

/// Lints `source` with read `options`, remembering titles in `memo` when given.
fn lint_with(source: &JsValue, options: &Options, memo: Option<&mut Memo>) -> JsResult {
    let as_of = options.as_of_or_today()?;
    let report = source::with_document(source, options.format, |document, text| {
        lint_document(document, text, options, as_of, memo)
    })??;
    to_js(&report)
}

/// The lint report of a loaded document: its own `lint:` section, then `options.config`,
/// then `options.select` / `options.ignore`; located when the text is worth it.
fn lint_document(
    document: &okr_core::Document,
    text: Option<(&str, okr_core::Format)>,
    options: &Options,
    as_of: chrono::NaiveDate,
    memo: Option<&mut Memo>,
) -> Result<okr_core::lint::LintReport, JsValue> {
    let flags = okr_core::lint::LintConfig {
        select: options.select.clone(),
        ignore: options.ignore.clone(),
        ..Default::default()
    };
    let config = okr_core::lint::LintConfig::layered(document, Some(&options.lint), &flags)
        .map_err(|e| usage_error("lint", e.to_string()))?;
    if config.disables_every_rule() {
        console_warn("okr lint(): the selection leaves no rule to run (rules() lists them)");
    }
    let mut report = match memo {
        Some(memo) => okr_core::lint::lint_with_memo(document, as_of, &config, memo),
        None => okr_core::lint::lint(document, as_of, &config),
    };
    if let Some((text, format)) = text
        && okr_core::lint::LintReport::worth_locating(text, format)
    {
        report.locate(text);
    }
    Ok(report)
}

/// What `check` returns: the document's problems, or its scores and lint findings.
#[derive(Debug, Serialize)]
struct Check {
    valid: bool,
    problems: Vec<Problem>,
    score: Option<okr_core::score::ScoreReport>,
    lint: Option<okr_core::lint::LintReport>,
}

/// Validates, scores and lints `source` from one read, for a widget that checks on every
/// keystroke: `{valid, problems, score, lint}`. A document that does not load or validate
/// gives `valid: false` and its problems (with `score` and `lint` null) instead of
/// throwing; only misuse (a bad option, a source that is neither text nor an object)
/// throws. Takes `lint`'s options (`format`, `asOf`, `select`, `ignore`, `config`).
#[wasm_bindgen(js_name = check, skip_typescript)]
pub fn check(source: JsValue, options: JsValue) -> JsResult {
    let options = Options::read(&options, LINT_SETTINGS)?;
    let as_of = options.as_of_or_today()?;
    let checked = LINT_MEMO.with(|memo| {
        let mut memo = memo.try_borrow_mut().ok();
        source::with_document(&source, options.format, |document, text| {
            let lint = lint_document(document, text, &options, as_of, memo.as_deref_mut())?;
            let score = okr_core::score::score(document, as_of, &options.config);
            Ok::<_, JsValue>((score, lint))
        })
    });
    let result = match checked {
        Ok(read) => {
            let (score, lint) = read?;
            Check {
                valid: true,
                problems: Vec::new(),
                score: Some(score),
                lint: Some(lint),
            }
        }
        Err(source::Failure::Document(error)) => Check {
            valid: false,
            problems: error.problems(),
            score: None,
            lint: None,
        },
        Err(source::Failure::Usage(error)) => return Err(error),
    };
    to_js(&result)
}

/// Every lint rule: `{code, name, severity, category, summary}`.
#[wasm_bindgen(js_name = rules, skip_typescript)]
pub fn rules() -> JsResult {
    to_js(&okr_core::lint::rules())
}

/// The documentation of a rule, by code (`OKR102`) or name, as `options.format`: `"markdown"`
/// (default, one line per paragraph), `"text"` or `"html"`; throws for an unknown rule.
#[wasm_bindgen(js_name = explain, skip_typescript)]
pub fn explain(code: JsValue, options: JsValue) -> Result<String, JsValue> {
    let options = Options::read(&options, &[Setting::DocFormat])?;
    Ok(rule_doc_of(&code, "explain")?.render(options.doc_format))
}

/// A rule's documentation as data: `{code, name, severity, category, summary, why, example,
/// instead, sources, precision, corpus_size}` (Markdown inside each section).
#[wasm_bindgen(js_name = ruleDoc, skip_typescript)]
pub fn rule_doc(code: JsValue) -> JsResult {
    to_js(&rule_doc_of(&code, "ruleDoc")?)
}

fn rule_doc_of(code: &JsValue, function: &str) -> Result<okr_core::lint::RuleDoc, JsValue> {
    let Some(code) = code.as_string() else {
        return Err(usage_error(
            "code",
            format!("{function} expects a rule code such as \"OKR102\""),
        ));
    };
    okr_core::lint::rule_doc(&code)
        .ok_or_else(|| usage_error("code", format!("no rule `{code}`; rules() lists them")))
}

/// What `validate` returns: every problem of the document, none when it is valid.
#[derive(Debug, Serialize)]
struct Validation {
    valid: bool,
    problems: Vec<Problem>,
}

/// Checks `source` against the file format's rules without throwing for its problems.
///
/// Syntax errors, type errors and rule violations all come back as
/// `{valid: false, problems: [{path, id, line, message}]}` (in reading order), so an editor
/// can show them as the user types. It throws only for misuse: a `source` that is neither
/// text nor an object, or a bad option.
#[wasm_bindgen(js_name = validate, skip_typescript)]
pub fn validate(source: JsValue, options: JsValue) -> JsResult {
    let options = Options::read(&options, &[Setting::Format])?;
    validate_with(&source, options.format)
}

/// Every problem of `source` (none when it is valid); throws only for misuse.
fn validate_with(source: &JsValue, format: Option<okr_core::Format>) -> JsResult {
    let problems = match source::with_document(source, format, |_, _| ()) {
        Ok(()) => Vec::new(),
        Err(source::Failure::Document(error)) => error.problems(),
        Err(source::Failure::Usage(error)) => return Err(error),
    };
    to_js(&Validation {
        valid: problems.is_empty(),
        problems,
    })
}

/// Reads a key-result sentence: direction, metric, baseline, target, unit, change, deadline.
#[wasm_bindgen(js_name = parseKeyResult, skip_typescript)]
pub fn parse_key_result(text: JsValue) -> JsResult {
    let Some(text) = text.as_string() else {
        return Err(usage_error("text", "parseKeyResult expects a string"));
    };
    to_js(&okr_core::parse_key_result(&text))
}

/// The version of okr (the Rust crates and this binding share it).
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
