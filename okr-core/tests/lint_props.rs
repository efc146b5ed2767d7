//! Properties of the linter on generated documents: it never panics, every finding points
//! at an item that exists, and a memo kept between runs changes nothing but the time.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use okr_core::lint::{LintConfig, Memo, lint, lint_with_memo};
use okr_core::model::*;
use proptest::prelude::*;

fn title() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,60}",
        Just("Launch the new website and raise NPS from 30 to 40".to_owned()),
        Just("Cut wait from 12h → 3h & keep CAC under $50; double signups".to_owned()),
        Just("Maintain current İstanbul ﬁ ß résumé 🍳 from 5% to 3% by end of Q3".to_owned()),
        "[a-z ]{0,20}(from|to|by|under|and) [0-9$%.,kM]{1,8}( and )?[0-9%]{0,4}",
    ]
}

fn document() -> impl Strategy<Value = Document> {
    let kr = (
        title(),
        any::<bool>(),
        proptest::option::of(0.0f64..2.0),
        prop::collection::vec((0i64..120, -5.0f64..50.0), 0..3),
    );
    let objective = (
        title(),
        prop::collection::vec(kr, 0..4),
        proptest::option::of(0usize..6),
        any::<bool>(),
    );
    (
        prop::collection::vec(objective, 0..6),
        prop::collection::vec((0usize..6, 0.0f64..=1.0), 0..6),
    )
        .prop_map(|(objectives, history)| {
            let start = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
            let mut doc = Document::default()
                .with_cycles(vec![Cycle::new(
                    "Q3",
                    start,
                    NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
                )])
                .with_teams(vec![Team::new("co"), Team::new("t").with_parent("co")]);
            for (i, (title, krs, parent, committed)) in objectives.into_iter().enumerate() {
                let key_results: Vec<KeyResult> = krs
                    .into_iter()
                    .enumerate()
                    .map(|(k, (title, bare, weight, check_ins))| {
                        let mut kr = KeyResult::new(title);
                        if !bare {
                            kr.bare = false;
                            kr.id = Some(format!("O{i}-K{k}"));
                            kr.weight = weight;
                            kr.check_ins = check_ins
                                .into_iter()
                                .map(|(day, value)| {
                                    CheckIn::new(start + chrono::Days::new(day as u64))
                                        .value(value)
                                        .confidence(0.5)
                                })
                                .collect();
                        }
                        kr
                    })
                    .collect();
                doc.objectives.push({
                    let mut objective = Objective::new(format!("O{i}"), title)
                        .with_owner(if i % 2 == 0 { "co" } else { "t" })
                        .with_key_results(key_results);
                    objective.kind = committed.then_some(ObjectiveKind::Committed);
                    objective.aligns_to =
                        parent.filter(|&p| p < i).map(|p| Ids::One(format!("O{p}")));
                    objective
                });
            }
            doc.history = history
                .into_iter()
                .enumerate()
                .map(|(n, (o, score))| {
                    HistoryEntry::new(format!("O{o}"), format!("2026-Q{}", n % 2 + 1), score)
                })
                .collect();
            doc
        })
}

/// True when `path` names an item of `doc` (an objective or a key result).
fn exists(doc: &Document, path: &okr_core::DocPath) -> bool {
    use okr_core::LocSegment::{Index, Key};
    match path.segments() {
        [Key(o), Index(i)] if o == "objectives" => *i < doc.objectives.len(),
        [Key(o), Index(i), Key(k), Index(kr)] if o == "objectives" && k == "key_results" => doc
            .objectives
            .get(*i)
            .is_some_and(|objective| *kr < objective.key_results.len()),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn lint_never_panics_and_points_at_existing_items(doc in document(), day in 0u64..150, strict in any::<bool>()) {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap() + chrono::Days::new(day);
        let config = LintConfig { strict: Some(strict), ..LintConfig::default() };
        let report = lint(&doc, as_of, &config);
        for d in &report.diagnostics {
            prop_assert!(exists(&doc, &d.path), "{} points at missing {}", d.code, d.path);
            prop_assert!(!d.message.is_empty() && !d.help.is_empty());
        }
        // Scoring the same documents stays in range.
        let scores = okr_core::score::score(&doc, as_of, &Default::default());
        for o in &scores.objectives {
            prop_assert!(o.score.is_none_or(|s| (0.0..=1.0).contains(&s)));
        }
    }

    #[test]
    fn a_memo_kept_between_runs_gives_the_findings_of_a_fresh_lint(
        docs in prop::collection::vec(document(), 1..5),
        edits in prop::collection::vec((0usize..6, 0usize..4, title()), 0..6),
    ) {
        let as_of = NaiveDate::from_ymd_opt(2026, 8, 15).unwrap();
        let config = LintConfig::default();
        let mut memo = Memo::default();
        // Unrelated documents one after another, then one document edited title by title
        // (what a planning widget sends as someone types).
        let mut runs = docs.clone();
        let mut doc = docs[0].clone();
        for (o, k, title) in edits {
            if let Some(objective) = doc.objectives.get_mut(o) {
                match objective.key_results.get_mut(k) {
                    Some(kr) => kr.title = title,
                    None => objective.title = title,
                }
            }
            runs.push(doc.clone());
        }
        for doc in &runs {
            prop_assert_eq!(lint_with_memo(doc, as_of, &config, &mut memo), lint(doc, as_of, &config));
        }
    }
}
