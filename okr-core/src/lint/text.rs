//! Small English text helpers shared by the text rules.

use crate::sentence::ParsedKeyResult;
use std::collections::BTreeSet;

/// Lowercase words: letters and digits, hyphens and apostrophes inside words kept.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| {
        !(c.is_alphanumeric()
            || c == '-'
            || c == '\''
            || c == '’'
            || c == '#'
            || c == '%'
            || c == '$')
    })
    .map(|w| {
        w.trim_matches(|c: char| c == '-' || c == '\'' || c == '’')
            .to_lowercase()
    })
    .filter(|w| !w.is_empty())
    .collect()
}

/// True when any word is in `list`.
pub(crate) fn has_any(words: &[String], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(&w.as_str()))
}

/// True when the words contain `phrase` as consecutive words.
pub(crate) fn has_phrase(words: &[String], phrase: &[&str]) -> bool {
    !phrase.is_empty()
        && words
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
}

const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "and", "or", "our", "we", "with",
    "from", "per", "is", "are", "be", "this", "that", "their", "its", "all", "new",
];

/// Content words with a light stem (plural `s` dropped), for similarity.
pub(crate) fn content_words(text: &str) -> BTreeSet<String> {
    words(text)
        .into_iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_owned()
            } else {
                w
            }
        })
        .collect()
}

/// Jaccard similarity of the content words of two sentences (0..1).
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (content_words(a), content_words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / a.union(&b).count() as f64
}

/// A sentence shortened for a message.
pub(crate) fn quote(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= 70 {
        format!("\"{text}\"")
    } else {
        let cut: String = text.chars().take(67).collect();
        format!("\"{cut}…\"")
    }
}

/// Words that make a metric a rate, ratio or quality measure rather than a raw count.
pub(crate) const RATE_WORDS: &[&str] = &[
    "rate",
    "rates",
    "ratio",
    "percentage",
    "share",
    "%",
    "per",
    "average",
    "avg",
    "median",
    "mean",
    "p50",
    "p90",
    "p95",
    "p99",
    "score",
    "nps",
    "csat",
    "ces",
    "conversion",
    "retention",
    "churn",
    "margin",
    "satisfaction",
    "adoption",
    "activation",
    "engagement",
    "frequency",
    "time",
    "latency",
    "uptime",
    "availability",
    "accuracy",
    "quality",
    "cycle",
    "payback",
    "ltv",
    "cac",
    "arpu",
    "arr",
    "mrr",
    "revenue",
    "nrr",
    "grr",
    "roi",
    "sla",
    "slo",
];

/// Qualifiers that make a count meaningful (active, paying, qualified…).
pub(crate) const QUALIFIER_WORDS: &[&str] = &[
    "active",
    "qualified",
    "paying",
    "paid",
    "retained",
    "returning",
    "repeat",
    "engaged",
    "recurring",
    "weekly",
    "monthly",
    "daily",
    "net",
    "unique",
    "organic",
];

/// Words that make a count an outcome even after a task verb ("Ship to 10,000 users").
pub(crate) const PEOPLE_REACHED: &[&str] = &[
    "users",
    "customers",
    "clients",
    "buyers",
    "members",
    "subscribers",
    "accounts",
    "teams",
    "partners",
];

/// Strict outcome markers: the metric is a rate, ratio or score, not just a topic word.
pub(crate) const OUTCOME_MARKERS: &[&str] = &[
    "rate",
    "ratio",
    "per",
    "share",
    "percentage",
    "conversion",
    "retention",
    "churn",
    "nps",
    "csat",
    "adoption",
    "margin",
];

/// True when a task-worded key result still measures an outcome: a change between two
/// values, a percentage, a rate or ratio, or a number of people reached.
pub(crate) fn is_outcome_of_task(parsed: &ParsedKeyResult, words: &[String]) -> bool {
    parsed.baseline.is_some()
        || parsed.change.is_some()
        || parsed.unit.as_deref() == Some("%")
        || has_any(words, OUTCOME_MARKERS)
        || (parsed.target.is_some() && has_any(words, PEOPLE_REACHED))
}

/// True when the key result measures an outcome shape: a change between two values, a
/// rate or ratio, or "% of …".
pub(crate) fn is_outcome_shaped(parsed: &ParsedKeyResult, words: &[String]) -> bool {
    parsed.baseline.is_some()
        || parsed.change.is_some()
        || parsed.unit.as_deref() == Some("%")
        || has_any(words, RATE_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_is_jaccard_of_content_words() {
        // {raise, nps} vs {raise, nps, europe}: 2 shared of 3.
        assert!((similarity("Raise NPS", "Raise the NPS in Europe") - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(similarity("", "x"), 0.0);
        assert_eq!(similarity("Grow revenues", "grow revenue"), 1.0);
    }
}
