//! How far to trust each rule: its precision measured on OKRs that nobody on the project
//! wrote (the `dev` split of `benches/lint-quality/`, each OKR judged good or bad by the
//! public source it comes from). Written by
//! `cargo run --release -p okr-benches --bin lint-quality -- --emit-table`; regenerate it
//! whenever a rule changes. A rule is `warning` or `error` by default only where its
//! precision here is at least 0.9.

/// When the figures were measured.
pub(crate) const MEASURED_ON: &str = "2026-12-03";
/// OKRs judged good or bad in the `dev` split.
pub(crate) const CORPUS_SIZE: u32 = 299;
/// (code, OKRs the rule fired on at any severity, of which the source calls bad).
pub(crate) const FIRINGS: &[(&str, u32, u32)] = &[
    ("OKR004", 68, 23),
    ("OKR101", 23, 21),
    ("OKR102", 76, 69),
    ("OKR103", 4, 3),
    ("OKR105", 1, 0),
    ("OKR201", 2, 0),
    ("OKR202", 13, 13),
    ("OKR205", 4, 2),
    ("OKR206", 8, 6),
    ("OKR207", 9, 9),
    ("OKR208", 6, 6),
    ("OKR209", 4, 4),
];

/// A rule's measured precision and the firings it rests on, if it fired on the corpus.
pub(crate) fn precision(code: &str) -> Option<(f64, u32)> {
    FIRINGS
        .iter()
        .find(|(c, _, _)| *c == code)
        .filter(|(_, fired, _)| *fired > 0)
        .map(|(_, fired, bad)| (f64::from(*bad) / f64::from(*fired), *fired))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_follow_the_measured_precision() {
        for rule in crate::lint::registry::RULES {
            if let Some((precision, _)) = precision(rule.code) {
                assert!(
                    rule.severity == crate::lint::Severity::Info || precision >= 0.9,
                    "{} is {} by default with a measured precision of {precision:.2}",
                    rule.code,
                    rule.severity
                );
            }
        }
        for (code, fired, bad) in FIRINGS {
            assert!(crate::lint::registry::find(code).is_some(), "{code}");
            assert!(bad <= fired && *fired <= CORPUS_SIZE, "{code}");
        }
    }
}
