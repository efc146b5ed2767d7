//! The lint-quality corpus (benches/lint-quality/corpus and okr-core's first corpus), each
//! OKR linted and set beside its source's verdict: what the `lint-quality` tool prints and
//! what the corpus tests check. See benches/lint-quality/README.md.

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
pub const WORDING_RULES: &[&str] = &[
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
#[derive(Debug)]
pub struct Judged {
    /// `dev` (tuned on) or `test` (only scored).
    pub split: String,
    /// The source calls it bad (else good).
    pub bad: bool,
    /// The problems the source names, paraphrased.
    pub problems: Vec<String>,
    /// Codes that fired on the judged part, with their severity.
    pub fired: Vec<(&'static str, Severity)>,
    /// The OKR and its source, for listings.
    pub shown: String,
}

/// Every judged OKR of the corpus under `root` (the repository), linted; or the corpus
/// file that does not read, with why.
pub fn read_all(root: &Path) -> Result<Vec<Judged>, String> {
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
            Err(e) => return Err(format!("{}: {e}", file.display())),
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
    Ok(judged)
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
pub fn flagged(item: &Judged) -> bool {
    item.fired.iter().any(|(_, s)| *s >= Severity::Warning)
}

/// Per rule: the OKRs it fired on (any severity), how many of them are bad, and how often
/// each problem the sources named for those bad ones came up.
pub fn firings<'a>(
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

/// `part / whole`, 0 for an empty whole.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
