//! The output formats of a lint run over files: text (like ruff), JSON, SARIF 2.1.0 and
//! GitHub workflow annotations, shared by `okr lint` and anything that embeds the linter.
//!
//! Files that did not load are reported inside each format (a `problems` list in JSON,
//! results of the rule `OKR000` in SARIF, `::error` commands for GitHub), so a caller that
//! prints one of these prints one valid document of its format whatever the input. Text
//! from the files is made inert ([`crate::text::inert_line`]).
//!
//! ```
//! use okr_core::lint::output::{self, Finding};
//!
//! let doc = okr_core::from_yaml_str("objectives:\n  - id: O1\n    title: Improve things\n")?;
//! let as_of = chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
//! let report = okr_core::lint::lint(&doc, as_of, &Default::default());
//! let findings = Finding::all("okrs.yaml", &report, None);
//! let sarif: serde_json::Value = serde_json::from_str(&output::sarif(&findings, &[]))?;
//! assert_eq!(sarif["version"], "2.1.0");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::{Diagnostic, LintReport, Severity};
use crate::error::Problem;
use crate::text::inert_line;
use serde::Serialize;
use serde_json::{Value, json};
use std::fmt::Write as _;

/// A finding with the file it came from.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Finding<'a> {
    /// The file as the caller names it.
    pub file: &'a str,
    /// The finding itself.
    #[serde(flatten)]
    pub diagnostic: &'a Diagnostic,
    /// The offending line of the source (text output only), cut to a readable length.
    #[serde(skip)]
    pub source_line: Option<&'a str>,
}

impl<'a> Finding<'a> {
    /// The findings of one file's report; with `source`, each carries its source line (at
    /// most 160 bytes of it: one-line JSON can be huge).
    pub fn all(file: &'a str, report: &'a LintReport, source: Option<&'a str>) -> Vec<Finding<'a>> {
        let lines: Vec<&str> = source.map(|s| s.lines().collect()).unwrap_or_default();
        report
            .diagnostics
            .iter()
            .map(|d| Finding {
                file,
                diagnostic: d,
                source_line: d
                    .line
                    .and_then(|l| lines.get(l.wrapping_sub(1)))
                    .map(|s| shorten(s)),
            })
            .collect()
    }
}

/// At most 160 bytes of a source line (on a char boundary).
fn shorten(line: &str) -> &str {
    let mut end = line.len().min(160);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    &line[..end]
}

/// A problem of a file that did not load, as the formats list it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct FileProblem {
    /// The file as the caller names it.
    pub file: String,
    /// The problem.
    #[serde(flatten)]
    pub problem: Problem,
}

impl FileProblem {
    /// A problem of `file`.
    pub fn new(file: impl Into<String>, problem: Problem) -> Self {
        FileProblem {
            file: file.into(),
            problem,
        }
    }

    /// `file:line: path: message [id]`, one line whatever the file held.
    pub fn line(&self) -> String {
        let p = &self.problem;
        let mut text = self.file.clone();
        if let Some(line) = p.line {
            let _ = write!(text, ":{line}");
        }
        text.push_str(": ");
        if !p.path.is_empty() {
            let _ = write!(text, "{}: ", p.path);
        }
        text.push_str(&p.message);
        if let Some(id) = &p.id
            && !p.message.contains(id.as_str())
        {
            let _ = write!(text, " [{id}]");
        }
        inert_line(&text).into_owned()
    }
}

/// Counts of findings by severity: (error, warning, info).
pub fn severity_counts(findings: &[Finding<'_>]) -> (usize, usize, usize) {
    let count = |s: Severity| {
        findings
            .iter()
            .filter(|d| d.diagnostic.severity == s)
            .count()
    };
    (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    )
}

/// The code under which load and validation problems appear among lint results.
pub const LOAD_CODE: &str = "OKR000";
/// The name of [`LOAD_CODE`].
pub const LOAD_NAME: &str = "load";

/// One objective's quality score with the file it is in, for listings across files.
#[derive(Debug, Clone, Serialize)]
pub struct FileQuality<'a> {
    /// The file as the caller names it.
    pub file: &'a str,
    /// The objective's score and the points each rule cost it.
    #[serde(flatten)]
    pub objective: &'a super::ObjectiveQuality,
}

impl<'a> FileQuality<'a> {
    /// The quality of every objective of one file's report.
    pub fn all(file: &'a str, report: &'a LintReport) -> Vec<FileQuality<'a>> {
        report
            .objectives
            .iter()
            .map(|objective| FileQuality { file, objective })
            .collect()
    }
}

/// How many of the lowest-scoring objectives the text output names.
const LOWEST_SHOWN: usize = 5;

/// The quality lines of the text output: the mean, and the lowest objectives with the
/// points each rule cost them.
fn quality_text(quality: &[FileQuality<'_>], out: &mut String) {
    if quality.is_empty() {
        return;
    }
    let total: u32 = quality.iter().map(|q| q.objective.quality).sum();
    let count = u32::try_from(quality.len()).unwrap_or(u32::MAX);
    let _ = writeln!(
        out,
        "Objective quality: mean {} of 100 over {} objective{} (each finding costs error 20, warning 10, info 2).",
        total / count.max(1),
        quality.len(),
        plural(quality.len())
    );
    let mut lowest: Vec<&FileQuality<'_>> = quality
        .iter()
        .filter(|q| q.objective.quality < 100)
        .collect();
    lowest.sort_by_key(|q| q.objective.quality);
    for q in lowest.iter().take(LOWEST_SHOWN) {
        let lost: Vec<String> = q
            .objective
            .lost
            .iter()
            .map(|l| format!("{} -{}", l.code, l.points))
            .collect();
        let _ = writeln!(
            out,
            "  {} {} {}: {}",
            q.file,
            inert_line(&q.objective.id),
            q.objective.quality,
            lost.join(", ")
        );
    }
}

/// Text like ruff's: problems of files that did not load, then each finding with its
/// source line, help and path, then a summary line.
pub fn text(
    listed: &[Finding<'_>],
    problems: &[FileProblem],
    quality: &[FileQuality<'_>],
) -> String {
    let mut out = String::new();
    for problem in problems {
        let _ = writeln!(out, "{}", problem.line());
    }
    for item in listed {
        let d = item.diagnostic;
        let place = match d.line {
            Some(line) => format!("{}:{line}", item.file),
            None => item.file.to_owned(),
        };
        let _ = writeln!(
            out,
            "{place}: {} {} [{}] {}",
            d.code,
            d.rule,
            d.severity,
            inert_line(&d.message)
        );
        if let (Some(line), Some(source)) = (d.line, &item.source_line) {
            let _ = writeln!(out, "  {line:>4} | {}", inert_line(source.trim_end()));
        }
        let _ = writeln!(out, "       = help: {}", inert_line(&d.help));
        let _ = writeln!(
            out,
            "       = path: {}{}",
            inert_line(&d.path.to_string()),
            d.id.as_ref()
                .map(|id| format!(" ({})", inert_line(id)))
                .unwrap_or_default()
        );
    }
    let (errors, warnings, infos) = severity_counts(listed);
    // With no finding every objective scores 100: nothing to add to "All checks passed".
    if !listed.is_empty() {
        quality_text(quality, &mut out);
    }
    if !problems.is_empty() {
        let _ = writeln!(
            out,
            "{} file problem{} (fix them first: `okr check` lists them too).",
            problems.len(),
            plural(problems.len())
        );
    }
    if listed.is_empty() {
        if problems.is_empty() {
            out.push_str("All checks passed.\n");
        }
    } else {
        let _ = writeln!(
            out,
            "Found {} problem{} ({errors} error{}, {warnings} warning{}, {infos} info). `okr explain CODE` says why.",
            listed.len(),
            plural(listed.len()),
            plural(errors),
            plural(warnings)
        );
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `{diagnostics, problems, summary}`, streamed to `out` straight from the findings (no
/// value tree, never one string), pretty-printed and ending in a newline.
pub fn write_json(
    listed: &[Finding<'_>],
    problems: &[FileProblem],
    quality: &[FileQuality<'_>],
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Summary {
        error: usize,
        warning: usize,
        info: usize,
    }
    #[derive(serde::Serialize)]
    struct Report<'a, 'b> {
        diagnostics: &'a [Finding<'b>],
        /// Files that did not load: `{file, line, path, id, message}`.
        problems: &'a [FileProblem],
        summary: Summary,
        /// Every objective's quality: `{file, id, quality, lost: [{code, points}]}`.
        objectives: &'a [FileQuality<'b>],
    }
    let (error, warning, info) = severity_counts(listed);
    let report = Report {
        diagnostics: listed,
        problems,
        summary: Summary {
            error,
            warning,
            info,
        },
        objectives: quality,
    };
    serde_json::to_writer_pretty(&mut out, &report).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// SARIF 2.1.0, as read by code-scanning tools.
pub fn sarif(listed: &[Finding<'_>], problems: &[FileProblem]) -> String {
    let load_rule = json!({
        "id": LOAD_CODE,
        "name": LOAD_NAME,
        "shortDescription": {"text": "The file does not load: a syntax, type or validation problem."},
        "fullDescription": {"text": "The file could not be read as an OKR document, so it was not linted. `okr check` lists the same problems."},
        "defaultConfiguration": {"level": "error"},
        "properties": {"category": "structure"},
    });
    let rules: Vec<Value> = std::iter::once(load_rule)
        .chain(super::rules().into_iter().map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": super::explain(r.code).unwrap_or_default()},
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {"category": r.category.as_str()},
            })
        }))
        .collect();
    let location = |file: &str, line: Option<usize>, path: &str, id: Option<&str>| {
        let mut physical = json!({"artifactLocation": {"uri": artifact_uri(file)}});
        if let Some(line) = line {
            physical["region"] = json!({"startLine": line});
        }
        json!([{
            "physicalLocation": physical,
            "logicalLocations": [{"fullyQualifiedName": path, "name": id}],
        }])
    };
    let load_results = problems.iter().map(|item| {
        let p = &item.problem;
        json!({
            "ruleId": LOAD_CODE,
            "level": "error",
            "message": {"text": p.message},
            "locations": location(&item.file, p.line, &p.path.to_string(), p.id.as_deref()),
        })
    });
    let lint_results = listed.iter().map(|item| {
        let d = item.diagnostic;
        json!({
            "ruleId": d.code,
            "level": level(d.severity),
            "message": {"text": format!("{} Help: {}", d.message, d.help)},
            "locations": location(item.file, d.line, &d.path.to_string(), d.id.as_deref()),
        })
    });
    let results: Vec<Value> = load_results.chain(lint_results).collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "okr",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/okr-dev/okr",
                "rules": rules,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default() + "\n"
}

/// A file name as a SARIF artifact URI: percent-encoded, relative to the working directory
/// as given, or a `file://` URI when the name is absolute (RFC 8089).
fn artifact_uri(file: &str) -> String {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    // Everything but unreserved characters and the path separator.
    const PATH: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'[')
        .add(b'\\')
        .add(b']')
        .add(b'^')
        .add(b'`')
        .add(b'{')
        .add(b'|')
        .add(b'}')
        .add(b':')
        .add(b';')
        .add(b'=')
        .add(b'&')
        .add(b'+')
        .add(b',')
        .add(b'$')
        .add(b'@')
        .add(b'!')
        .add(b'\'')
        .add(b'(')
        .add(b')')
        .add(b'*');
    let encoded = utf8_percent_encode(file, PATH).to_string();
    if std::path::Path::new(file).is_absolute() {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// GitHub Actions workflow commands: one `::error file=…,line=…::message` per finding.
/// User text is escaped as GitHub documents (`%`, CR, LF; also `:` and `,` in properties),
/// after control characters are made inert, so it can never start a command of its own.
pub fn github(listed: &[Finding<'_>], problems: &[FileProblem]) -> String {
    let mut out = String::new();
    let mut annotate = |command: &str, file: &str, line: Option<usize>, title: &str, text: &str| {
        let mut properties = format!("file={}", escape_property(file));
        if let Some(line) = line {
            let _ = write!(properties, ",line={line}");
        }
        let _ = write!(properties, ",title={}", escape_property(title));
        let _ = writeln!(out, "::{command} {properties}::{}", escape_data(text));
    };
    for item in problems {
        let p = &item.problem;
        let text = if p.path.is_empty() {
            p.message.clone()
        } else {
            format!("{}: {}", p.path, p.message)
        };
        annotate(
            "error",
            &item.file,
            p.line,
            &format!("{LOAD_CODE} {LOAD_NAME}"),
            &text,
        );
    }
    for item in listed {
        let d = item.diagnostic;
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        annotate(
            command,
            item.file,
            d.line,
            &format!("{} {}", d.code, d.rule),
            &format!("{} ({})", d.message, d.help),
        );
    }
    out
}

fn escape_data(text: &str) -> String {
    inert_line(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
