//! OKRs as open-source teams publish them in Markdown: a heading per cycle (`## 2019 Q1`,
//! `## Q3 2026`), and under it either a sub-heading per objective with a bullet per key
//! result, or a table whose bold rows are objectives and whose other rows are key results.
//! Owner mentions (`@name`) and priority tags (`p0`, `P1`) are kept as fields; links keep
//! their text. A cycle section that only links elsewhere is skipped with a note.
//!
//! ```
//! let text = "## Q3 2026\n\n### Make the build fast @infra\n\n- Cut CI time from 40 to 10 minutes @ana p1\n- [Cache](https://x) every dependency\n";
//! let read = okr_core::markdown::read(text).unwrap();
//! let objective = &read.document.objectives[0];
//! assert_eq!((objective.title.as_str(), objective.owner.as_deref()), ("Make the build fast", Some("infra")));
//! assert_eq!(objective.key_results[1].title, "Cache every dependency");
//! assert_eq!(read.document.cycles[0].id, "2026-Q3");
//! ```

use crate::model::{Cycle, Document, Ids, KeyResult, Metric, Objective};
use chrono::NaiveDate;
use serde_json::Value;

/// A document read from Markdown, and what was skipped on the way.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Read {
    /// The OKRs found.
    pub document: Document,
    /// Sections skipped (`line N: …`), such as a cycle that only links elsewhere.
    pub notes: Vec<String>,
}

/// `Q3 2026`, `2026 Q3`, `2026-Q3`, `Q3/2026` as a cycle id and its days; `None` for a
/// heading that names no quarter.
fn quarter(heading: &str) -> Option<Cycle> {
    let words: Vec<String> = heading
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | ',' | ':' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_uppercase)
        .collect();
    let q = words.iter().find_map(|w| {
        w.strip_prefix('Q')
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| (1..=4).contains(n))
    })?;
    let year = words
        .iter()
        .find_map(|w| w.parse::<i32>().ok().filter(|y| (1990..=2200).contains(y)))?;
    let start = NaiveDate::from_ymd_opt(year, 3 * q - 2, 1)?;
    let next = if q == 4 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, 3 * q + 1, 1)?
    };
    Some(Cycle::new(format!("{year}-Q{q}"), start, next.pred_opt()?))
}

/// Text with links reduced to their words and bold/italic marks removed; `@owner` mentions
/// and `p0`–`p4` tags taken out and returned.
fn clean(text: &str) -> (String, Vec<String>, Option<String>) {
    let mut out = String::new();
    let mut rest = text;
    // [words](url) -> words
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    let mut owners = Vec::new();
    let mut priority = None;
    let words: Vec<&str> = out
        .split_whitespace()
        .filter(|word| {
            let bare = word.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '[' | ']'));
            if let Some(name) = bare.strip_prefix('@').filter(|n| !n.is_empty()) {
                owners.push(name.trim_end_matches(['.', ':']).to_owned());
                return false;
            }
            let lower = bare.to_ascii_lowercase();
            if lower.len() == 2 && lower.starts_with('p') && lower.as_bytes()[1].is_ascii_digit() {
                priority = Some(lower);
                return false;
            }
            true
        })
        .collect();
    let joined = words.join(" ").replace("**", "").replace("__", "");
    let title = joined
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .to_owned();
    (title, owners, priority)
}

/// An objective heading's words without a leading label (`Objective 2:`, `O1.`).
fn objective_title(text: &str) -> &str {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    for label in ["objective", "goal"] {
        if lower.starts_with(label) {
            let rest = &trimmed[label.len()..];
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
            if let Some(rest) = rest
                .strip_prefix(':')
                .or_else(|| rest.strip_prefix('.'))
                .or_else(|| rest.strip_prefix(" -"))
            {
                return rest.trim();
            }
        }
    }
    trimmed
}

fn with_priority(extra_target: &mut crate::model::Extra, priority: Option<String>) {
    if let Some(priority) = priority {
        extra_target.insert("priority".into(), Value::String(priority));
    }
}

/// Markdown that holds no objective okr can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "no objectives found: write a heading per objective (`### Make the build fast`) with a bullet per key result, or a table whose bold rows are objectives"
)]
#[non_exhaustive]
pub struct NoObjectives;

/// Reads the OKRs of a Markdown text. Fails only when it holds no objective at all.
pub fn read(text: &str) -> Result<Read, NoObjectives> {
    let mut document = Document::default();
    let mut notes = Vec::new();
    let mut cycle: Option<(String, usize, usize)> = None; // id, heading line, objectives at start
    let mut table_columns: Option<Vec<String>> = None;
    let lines: Vec<&str> = text.lines().collect();
    let close_cycle =
        |cycle: &Option<(String, usize, usize)>, document: &Document, notes: &mut Vec<String>| {
            if let Some((id, line, before)) = cycle
                && document.objectives.len() == *before
            {
                notes.push(format!(
                "line {line}: the {id} section holds no objectives (only links or text); skipped"
            ));
            }
        };
    for (number, raw) in lines.iter().enumerate() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if let Some(heading) = trimmed.strip_prefix('#') {
            let level = 1 + heading.chars().take_while(|c| *c == '#').count();
            let heading = heading.trim_start_matches('#').trim();
            table_columns = None;
            if let Some(found) =
                quarter(heading).filter(|_| level <= 3 && heading.split_whitespace().count() <= 4)
            {
                close_cycle(&cycle, &document, &mut notes);
                if document.cycle(&found.id).is_none() {
                    document.cycles.push(found.clone());
                }
                cycle = Some((found.id, number + 1, document.objectives.len()));
                continue;
            }
            if cycle.is_some() || level >= 2 {
                let (title, owners, priority) = clean(objective_title(heading));
                if title.is_empty() {
                    continue;
                }
                let mut objective =
                    Objective::new(format!("O{}", document.objectives.len() + 1), title);
                objective.owner = owners.into_iter().next();
                objective.cycle = cycle.as_ref().map(|(id, ..)| id.clone());
                with_priority(&mut objective.extra, priority);
                document.objectives.push(objective);
            }
            continue;
        }
        if trimmed.starts_with('|') {
            let cells: Vec<&str> = trimmed
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            if cells
                .iter()
                .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
            {
                continue; // the separator row
            }
            let Some(columns) = &table_columns else {
                table_columns = Some(cells.iter().map(|c| c.to_ascii_lowercase()).collect());
                continue;
            };
            table_row(
                &mut document,
                columns,
                &cells,
                cycle.as_ref().map(|(id, ..)| id.as_str()),
            );
            continue;
        }
        let bullet = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .or_else(|| {
                let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
                (digits > 0)
                    .then(|| trimmed[digits..].strip_prefix(". "))
                    .flatten()
            });
        let (Some(item), Some(objective)) = (bullet, document.objectives.last_mut()) else {
            continue;
        };
        let indent = line.len() - trimmed.len();
        let (title, owners, priority) =
            clean(item.trim_start_matches("[ ] ").trim_start_matches("[x] "));
        if title.is_empty() {
            continue;
        }
        // A sub-list under a key result adds detail to it, not another key result.
        if indent >= 2
            && let Some(kr) = objective.key_results.last_mut()
        {
            let details = kr
                .extra
                .get("details")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let mut details = details;
            details.push(Value::String(title));
            kr.extra.insert("details".into(), Value::Array(details));
            kr.bare = false;
            continue;
        }
        let mut kr = KeyResult {
            id: Some(format!(
                "{}-KR{}",
                objective.id,
                objective.key_results.len() + 1
            )),
            ..KeyResult::new(title)
        };
        kr.owner = match owners.len() {
            0 => None,
            1 => owners.into_iter().next().map(Ids::One),
            _ => Some(Ids::Many(owners)),
        };
        with_priority(&mut kr.extra, priority);
        objective.key_results.push(kr);
    }
    close_cycle(&cycle, &document, &mut notes);
    // A skipped section leaves no cycle behind.
    let used: Vec<String> = document
        .objectives
        .iter()
        .filter_map(|o| o.cycle.clone())
        .collect();
    document.cycles.retain(|c| used.contains(&c.id));
    if document.objectives.is_empty() {
        return Err(NoObjectives);
    }
    document.define_owners_as_teams();
    Ok(Read { document, notes })
}

/// One row of a cycle's table: a bold first cell starts an objective; other rows are its
/// key results. Owner, priority and score columns are read when present; a score becomes
/// the key result's 0–1 check-in of the cycle's last day.
fn table_row(document: &mut Document, columns: &[String], cells: &[&str], cycle: Option<&str>) {
    let Some(first) = cells.first().filter(|c| !c.is_empty()) else {
        return;
    };
    let column = |names: &[&str]| {
        columns
            .iter()
            .position(|c| names.iter().any(|n| c.contains(n)))
    };
    let cell = |index: Option<usize>| {
        index
            .and_then(|i| cells.get(i))
            .map(|c| c.trim())
            .filter(|c| !c.is_empty() && !c.eq_ignore_ascii_case("tbd"))
    };
    // An owner cell may hold a mention (`@devrel`), a link or a plain name.
    let owner = cell(column(&["owner", "who", "lead"])).map(|o| {
        let (name, mentioned, _) = clean(o);
        mentioned.into_iter().next().unwrap_or(name)
    });
    let priority = cell(column(&["priority", "pri"])).map(str::to_ascii_lowercase);
    let score = cell(column(&["final", "end", "score"])).and_then(|s| s.parse::<f64>().ok());
    if first.starts_with("**") || first.starts_with("__") {
        let (title, ..) = clean(objective_title(first));
        let mut objective = Objective::new(format!("O{}", document.objectives.len() + 1), title);
        objective.owner = owner;
        objective.cycle = cycle.map(str::to_owned);
        with_priority(&mut objective.extra, priority);
        document.objectives.push(objective);
        return;
    }
    let end = cycle.and_then(|id| document.cycle(id)).map(|c| c.end);
    let Some(objective) = document.objectives.last_mut() else {
        return;
    };
    let (title, mentioned, _) = clean(first);
    let mut kr = KeyResult {
        id: Some(format!(
            "{}-KR{}",
            objective.id,
            objective.key_results.len() + 1
        )),
        ..KeyResult::new(title)
    };
    kr.owner = owner.or_else(|| mentioned.into_iter().next()).map(Ids::One);
    with_priority(&mut kr.extra, priority);
    if let (Some(score), Some(end)) = (score, end) {
        kr.metric = Some(Metric::new(0.0, 1.0));
        kr.check_ins
            .push(crate::model::CheckIn::new(end).value(score));
    }
    objective.key_results.push(kr);
}

/// The document as Markdown: a heading per cycle, a sub-heading per objective (with its
/// owner as a mention) and a bullet per key result.
pub fn write(document: &Document) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut sections: Vec<Option<&str>> = document
        .cycles
        .iter()
        .map(|c| Some(c.id.as_str()))
        .collect();
    sections.push(None);
    for section in sections {
        let objectives: Vec<&Objective> = document
            .objectives
            .iter()
            .filter(|o| document.cycle_of(o).map(|c| c.id.as_str()) == section)
            .collect();
        if objectives.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {}\n", section.unwrap_or("Other objectives"));
        for objective in objectives {
            let owner = objective
                .owner
                .as_deref()
                .map(|o| format!(" @{o}"))
                .unwrap_or_default();
            let _ = writeln!(out, "### {}{owner}\n", objective.title);
            for kr in &objective.key_results {
                let owners: Vec<String> = kr
                    .owner
                    .iter()
                    .flat_map(|ids| ids.iter().map(|o| format!(" @{o}")))
                    .collect();
                let _ = writeln!(out, "- {}{}", kr.title, owners.concat());
            }
            out.push('\n');
        }
    }
    out
}
