//! A rule's documentation as data: its doc comment read into sections, with the lines
//! the source wraps at 92 columns joined back into paragraphs, and rendered as plain text,
//! Markdown or HTML for whatever shows it (a terminal, an editor, a planning widget).
//!
//! ```
//! use okr_core::lint::{DocFormat, rule_doc};
//! let doc = rule_doc("OKR206").unwrap();
//! assert_eq!(doc.name, "vague-objective");
//! assert!(doc.example.contains("Improve processes"));
//! assert!(doc.render(DocFormat::Html).starts_with("<h1>"));
//! ```

use super::registry::{Rule, find};
use crate::lint::{Category, Severity};
use serde::{Deserialize, Serialize};

/// A rule's documentation, section by section (Markdown inside each section).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RuleDoc {
    /// Stable code, e.g. `OKR102`.
    pub code: String,
    /// Kebab-case name.
    pub name: String,
    /// Default severity.
    pub severity: Severity,
    /// Category.
    pub category: Category,
    /// What the rule finds, in one sentence.
    pub summary: String,
    /// More on what it checks and when (empty for most rules).
    pub details: String,
    /// Why it matters.
    pub why: String,
    /// An OKR it fires on.
    pub example: String,
    /// What to write instead.
    pub instead: String,
    /// The guides and books the rule rests on, as cited.
    pub sources: Vec<String>,
    /// Share of its firings on OKRs from public guides that their sources call bad.
    pub precision: Option<f64>,
    /// How many OKRs from public guides the precision was measured on.
    pub corpus_size: u32,
}

/// How [`RuleDoc::render`] writes a rule's documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DocFormat {
    /// Plain text: no markup, code indented by four spaces.
    Text,
    /// Markdown, one line per paragraph.
    #[default]
    Markdown,
    /// An HTML fragment (headings, paragraphs, lists, code), every text escaped.
    Html,
}

/// A documentation format okr does not write.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a documentation format; use text, markdown or html")]
pub struct UnknownDocFormat(pub String);

impl std::str::FromStr for DocFormat {
    type Err = UnknownDocFormat;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "text" => Ok(DocFormat::Text),
            "markdown" | "md" => Ok(DocFormat::Markdown),
            "html" => Ok(DocFormat::Html),
            _ => Err(UnknownDocFormat(text.to_owned())),
        }
    }
}

/// The documentation of the rule with this code or name.
pub fn rule_doc(code_or_name: &str) -> Option<RuleDoc> {
    find(code_or_name).map(RuleDoc::of)
}

impl RuleDoc {
    fn of(rule: &Rule) -> RuleDoc {
        let info = rule.info();
        let mut doc = RuleDoc {
            code: rule.code.to_owned(),
            name: rule.name.to_owned(),
            severity: rule.severity,
            category: rule.category,
            summary: String::new(),
            details: String::new(),
            why: String::new(),
            example: String::new(),
            instead: String::new(),
            sources: Vec::new(),
            precision: info.precision,
            corpus_size: info.corpus_size,
        };
        let mut section = String::new();
        let mut lines: Vec<&str> = Vec::new();
        let text: Vec<&str> = rule
            .explanation
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect();
        for line in text.iter().copied().chain(["## end"]) {
            if let Some(heading) = line.strip_prefix("## ") {
                let body = paragraphs(&lines);
                match section.as_str() {
                    "" => {
                        let (summary, details) = body.split_once("\n\n").unwrap_or((&body, ""));
                        doc.details = details.to_owned();
                        doc.summary = summary.to_owned();
                    }
                    "Why is this bad?" => doc.why = body,
                    "Example" => doc.example = body,
                    "Use instead" => doc.instead = body,
                    "Sources" => doc.sources = sources(&body),
                    _ => {}
                }
                section = heading.trim().to_owned();
                lines.clear();
            } else {
                lines.push(line);
            }
        }
        doc
    }

    /// The whole documentation: a title, the severity, category and measured precision,
    /// then the sections.
    pub fn render(&self, format: DocFormat) -> String {
        let trust = match self.precision {
            Some(precision) => format!(
                "Measured precision: {precision:.2} on {} OKRs from public guides.",
                self.corpus_size
            ),
            None => format!(
                "Measured precision: none (it did not fire on the {} OKRs from public guides).",
                self.corpus_size
            ),
        };
        let markdown = format!(
            "# {} ({})\n\nDefault severity: {}. Category: {}. {trust}\n\n{}{}\n\n## Why is this bad?\n\n{}\n\n## Example\n\n{}\n\n## Use instead\n\n{}\n\n## Sources\n\n{}\n",
            self.name,
            self.code,
            self.severity,
            self.category.as_str(),
            self.summary,
            if self.details.is_empty() {
                String::new()
            } else {
                format!("\n\n{}", self.details)
            },
            self.why,
            self.example,
            self.instead,
            self.sources.join("; "),
        );
        match format {
            DocFormat::Markdown => markdown,
            DocFormat::Text => to_text(&markdown),
            DocFormat::Html => to_html(&markdown),
        }
    }
}

/// A doc comment's first paragraph, on one line: what `okr rules` lists.
pub(crate) fn summary(explanation: &str) -> String {
    let lines: Vec<&str> = explanation
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    paragraphs(&lines)
}

/// Source lines joined into one line per paragraph (list items and code kept as lines).
fn paragraphs(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut in_code = false;
    let mut joinable = false;
    for line in lines {
        let fence = line.trim_start().starts_with("```");
        if fence || in_code {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(line);
            out.push('\n');
            if fence {
                in_code = !in_code;
            }
            joinable = false;
        } else if line.trim().is_empty() {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
            }
            joinable = false;
        } else if joinable && !starts_item(line) {
            out.push(' ');
            out.push_str(line.trim());
        } else {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(line.trim_end());
            joinable = true;
        }
    }
    out.trim().to_owned()
}

fn starts_item(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("- ") || line.starts_with("* ")
}

/// `Sources: A, B ("quote"); C` as its entries (the separators inside parentheses and
/// quotes belong to the entry).
fn sources(body: &str) -> Vec<String> {
    let body = body.strip_prefix("Sources:").unwrap_or(body);
    let mut entries = Vec::new();
    let (mut depth, mut quoted, mut current) = (0usize, false, String::new());
    for c in body.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '"' => quoted = !quoted,
            _ => {}
        }
        if matches!(c, ',' | ';') && depth == 0 && !quoted {
            entries.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    entries.push(current);
    entries
        .into_iter()
        .map(|e| e.trim().trim_end_matches('.').trim().to_owned())
        .filter(|e| !e.is_empty())
        .collect()
}

fn to_text(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push_str("    ");
            out.push_str(line);
        } else if let Some(heading) = line.strip_prefix("# ").or(line.strip_prefix("## ")) {
            out.push_str(heading);
        } else {
            out.push_str(&line.replace('`', ""));
        }
        out.push('\n');
    }
    out
}

fn to_html(markdown: &str) -> String {
    let escape = crate::text::escape_html;
    let mut out = String::new();
    let mut in_code = false;
    let mut in_list = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            out.push_str(if in_code {
                "</code></pre>\n"
            } else {
                "<pre><code>"
            });
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push_str(&escape(line));
            out.push('\n');
            continue;
        }
        let item = line.trim_start().strip_prefix("- ");
        if in_list && item.is_none() {
            out.push_str("</ul>\n");
            in_list = false;
        }
        if let Some(item) = item {
            if !in_list {
                out.push_str("<ul>\n");
                in_list = true;
            }
            out.push_str(&format!("<li>{}</li>\n", inline(item)));
        } else if let Some(heading) = line.strip_prefix("# ") {
            out.push_str(&format!("<h1>{}</h1>\n", inline(heading)));
        } else if let Some(heading) = line.strip_prefix("## ") {
            out.push_str(&format!("<h2>{}</h2>\n", inline(heading)));
        } else if !line.trim().is_empty() {
            out.push_str(&format!("<p>{}</p>\n", inline(line)));
        }
    }
    if in_list {
        out.push_str("</ul>\n");
    }
    out
}

/// Escaped text with `code` spans as `<code>`.
fn inline(text: &str) -> String {
    let escape = crate::text::escape_html;
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", escape(part))
            } else {
                escape(part)
            }
        })
        .collect()
}
