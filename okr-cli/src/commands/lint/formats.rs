//! Output formats of `okr lint`: text (like ruff), JSON, SARIF 2.1.0, GitHub annotations.

use super::{FileDiagnostic, severity_counts};
use okr_core::lint::Severity;
use serde_json::{Value, json};
use std::fmt::Write as _;

pub(super) fn text(listed: &[FileDiagnostic<'_>]) -> String {
    let mut out = String::new();
    for item in listed {
        let d = item.diagnostic;
        let place = match d.line {
            Some(line) => format!("{}:{line}", item.file),
            None => item.file.to_owned(),
        };
        let _ = writeln!(
            out,
            "{place}: {} {} [{}] {}",
            d.code, d.rule, d.severity, d.message
        );
        if let (Some(line), Some(source)) = (d.line, &item.source_line) {
            let _ = writeln!(out, "  {line:>4} | {}", source.trim_end());
        }
        let _ = writeln!(out, "       = help: {}", d.help);
        let _ = writeln!(
            out,
            "       = path: {}{}",
            d.path,
            d.id.as_ref()
                .map(|id| format!(" ({id})"))
                .unwrap_or_default()
        );
    }
    let (errors, warnings, infos) = severity_counts(listed);
    if listed.is_empty() {
        out.push_str("All checks passed.\n");
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

/// `{diagnostics, summary}`, serialised straight from the findings (no value tree).
/// The JSON report (DESIGN §6), streamed to standard output: a large organisation's
/// findings are never held as one string.
pub(super) fn print_json(listed: &[FileDiagnostic<'_>]) {
    #[derive(serde::Serialize)]
    struct Summary {
        error: usize,
        warning: usize,
        info: usize,
    }
    #[derive(serde::Serialize)]
    struct Report<'a, 'b> {
        diagnostics: &'a [FileDiagnostic<'b>],
        summary: Summary,
    }
    let (error, warning, info) = severity_counts(listed);
    let report = Report {
        diagnostics: listed,
        summary: Summary {
            error,
            warning,
            info,
        },
    };
    crate::output::print_json(&report);
}

/// SARIF 2.1.0, as read by code-scanning tools.
pub(super) fn sarif(listed: &[FileDiagnostic<'_>]) -> String {
    let rules: Vec<Value> = okr_core::lint::rules()
        .into_iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": okr_core::lint::explain(r.code).unwrap_or_default()},
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {"category": r.category.as_str()},
            })
        })
        .collect();
    let results: Vec<Value> = listed
        .iter()
        .map(|item| {
            let d = item.diagnostic;
            let mut physical = json!({"artifactLocation": {"uri": item.file}});
            if let Some(line) = d.line {
                physical["region"] = json!({"startLine": line});
            }
            json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": {"text": format!("{} Help: {}", d.message, d.help)},
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{"fullyQualifiedName": d.path, "name": d.id}],
                }],
            })
        })
        .collect();
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

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// GitHub Actions workflow commands: one `::error file=…,line=…::message` per finding.
pub(super) fn github(listed: &[FileDiagnostic<'_>]) -> String {
    let mut out = String::new();
    for item in listed {
        let d = item.diagnostic;
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut properties = format!("file={}", escape_property(item.file));
        if let Some(line) = d.line {
            let _ = write!(properties, ",line={line}");
        }
        let _ = write!(
            properties,
            ",title={}",
            escape_property(&format!("{} {}", d.code, d.rule))
        );
        let _ = writeln!(
            out,
            "::{command} {properties}::{}",
            escape_data(&format!("{} ({})", d.message, d.help))
        );
    }
    out
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
