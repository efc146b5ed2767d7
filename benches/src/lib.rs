//! A deterministic generator of OKR organisations for benchmarks.
//!
//! `generate(n)` builds `n` objectives across a company, departments and teams, with four
//! key results each (metric, threshold, binary, milestones, from_children and bare
//! sentences), eight check-ins per key result, alignment to objectives and to key results,
//! and two cycles of history. The same `n` always gives the same document.
//!
//! ```
//! let doc = okr_benches::generate(100);
//! assert_eq!(doc.objectives.len(), 100);
//! assert!(okr_core::validate::validate(&doc).is_empty());
//! ```

pub mod quality;

use chrono::{Days, NaiveDate};
use okr_core::model::{
    Binary, CheckIn, Cycle, Document, HistoryEntry, Ids, KeyResult, Metric, Milestone, Objective,
    ObjectiveKind, Person, Team, Threshold,
};

/// A small xorshift generator: deterministic without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const METRICS: &[(&str, &str, f64, f64)] = &[
    ("Raise repeat purchase rate", "%", 18.0, 26.0),
    ("Cut refund rate", "%", 4.0, 2.5),
    ("Increase checkout conversion", "%", 2.1, 3.0),
    ("Reduce median page load", "s", 3.2, 1.5),
    ("Grow weekly active cooks", "", 10_000.0, 14_000.0),
    ("Lift net promoter score", "", 31.0, 45.0),
    ("Cut time to first response", "h", 9.0, 4.0),
    ("Raise partner renewal rate", "%", 70.0, 85.0),
];

const OBJECTIVES: &[&str] = &[
    "Become the cookware brand home cooks trust most",
    "Make buying a pot as easy as buying a book",
    "Delight returning customers in the web shop",
    "Help cooks fix problems on their own",
    "Turn restaurant groups into long-term partners",
    "Make every support contact end with a happy cook",
];

/// Days between check-ins: eight weekly check-ins fit in the 91-day cycle.
const WEEK: u64 = 7;

/// An organisation of `objectives` objectives (see the module docs).
pub fn generate(objectives: usize) -> Document {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let start = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap_or_default();
    let end = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap_or_default();
    let mut doc =
        Document::default().with_cycles([Cycle::new("2026-Q3", start, end).with_name("Q3 2026")]);

    // Company → departments → teams: one team per 25 objectives, 8 teams per department.
    let teams = (objectives / 25).max(1);
    let departments = teams.div_ceil(8);
    doc.teams.push(Team::new("co").with_name("Company"));
    for d in 0..departments {
        doc.teams.push(
            Team::new(format!("d{d}"))
                .with_name(format!("Department {d}"))
                .with_parent("co"),
        );
    }
    for t in 0..teams {
        doc.teams.push(
            Team::new(format!("t{t}"))
                .with_name(format!("Team {t}"))
                .with_parent(format!("d{}", t / 8)),
        );
        doc.people.push(
            Person::new(format!("p{t}"))
                .with_name(format!("Person {t}"))
                .with_team(format!("t{t}")),
        );
    }

    // Level of each objective: the first few belong to the company, then departments, then teams.
    let company = (objectives / 100).clamp(1, 20);
    let department_level = company + departments * 2;
    for i in 0..objectives {
        let (owner, aligns_to) = if i < company {
            ("co".to_owned(), None)
        } else if i < department_level.min(objectives) {
            // Department objectives align to a company key result.
            let parent = rng.below(company as u64) as usize;
            (
                format!("d{}", (i - company) % departments),
                Some(Ids::One(format!("O{parent}-KR1"))),
            )
        } else {
            // Team objectives align to a department objective, sometimes to two (a DAG).
            let low = company as u64;
            let high = department_level.min(objectives) as u64;
            let parent = low + rng.below(high.saturating_sub(low).max(1));
            let ids = if rng.below(10) == 0 {
                Ids::Many(vec![
                    format!("O{parent}"),
                    format!("O{}-KR1", rng.below(low)),
                ])
            } else {
                Ids::One(format!("O{parent}"))
            };
            (
                format!("t{}", (i - department_level.min(objectives)) % teams),
                Some(ids),
            )
        };
        let is_rollup_parent = i < department_level;
        let key_results: Vec<KeyResult> = (0..4)
            .map(|k| key_result(&mut rng, i, k, is_rollup_parent, start, teams))
            .collect();
        let kind = if rng.below(5) == 0 {
            ObjectiveKind::Committed
        } else {
            ObjectiveKind::Aspirational
        };
        let mut objective = Objective::new(format!("O{i}"), OBJECTIVES[i % OBJECTIVES.len()])
            .with_owner(owner)
            .with_kind(kind)
            .with_key_results(key_results);
        objective.aligns_to = aligns_to;
        doc.objectives.push(objective);
        if i % 3 == 0 {
            for (c, cycle) in ["2026-Q1", "2026-Q2"].iter().enumerate() {
                doc.history.push(HistoryEntry::new(
                    format!("O{i}"),
                    *cycle,
                    ((rng.unit() * 100.0).round() / 100.0 + c as f64 * 0.0).min(1.0),
                ));
            }
        }
    }
    doc
}

fn key_result(
    rng: &mut Rng,
    objective: usize,
    k: usize,
    rollup_parent: bool,
    start: NaiveDate,
    people: usize,
) -> KeyResult {
    let id = format!("O{objective}-KR{}", k + 1);
    let (title, unit, from, to) = METRICS[(objective + k) % METRICS.len()];
    // Each objective measures its own market, so titles do not repeat across a team.
    let sentence = format!("{title} in market {objective} from {from} to {to}");
    let check_ins = |rng: &mut Rng, from: f64, to: f64| -> Vec<CheckIn> {
        (1..=8u64)
            .map(|week| {
                let progress = (week as f64 / 12.0) * (0.6 + rng.unit() * 0.6);
                let value = ((from + (to - from) * progress) * 100.0).round() / 100.0;
                let confidence = (rng.below(10) as f64) / 10.0;
                CheckIn::new(start + Days::new(week * WEEK))
                    .value(value)
                    .confidence(confidence)
            })
            .collect()
    };
    let owner = Some(Ids::One(format!("p{}", objective % people)));
    let mut kr = KeyResult::new(sentence.clone()).with_id(id);
    kr.owner = owner.clone();
    match (k, rollup_parent) {
        // The first key result of company and department objectives rolls up its children.
        (0, true) => kr.from_children = Some(true),
        (0, false) | (1, _) => {
            let mut metric = Metric::new(from, to);
            metric.unit = (!unit.is_empty()).then(|| unit.to_owned());
            kr.metric = Some(metric);
            kr.check_ins = check_ins(rng, from, to);
        }
        (2, _) => match objective % 3 {
            0 => {
                kr.title = "Keep gross margin at or above 42%".into();
                kr.threshold = Some(Threshold::at_least(42.0).with_unit("%"));
                kr.check_ins = check_ins(rng, 41.0, 44.0);
            }
            1 => {
                kr.title = "Ship the loyalty program".into();
                kr.binary = Some(Binary::new(rng.below(3) == 0).with_probability(0.7));
                kr.check_ins = check_ins(rng, 0.0, 1.0);
            }
            _ => {
                kr.title = "Publish care guides for the best-selling products".into();
                kr.milestones = Some(
                    (0..3)
                        .map(|m| Milestone::new(format!("Step {m}")).with_done(rng.below(2) == 0))
                        .collect(),
                );
                kr.check_ins = check_ins(rng, 0.0, 1.0);
            }
        },
        _ => {
            // A bare sentence: its measure is read from the text.
            kr = KeyResult::new(sentence);
            kr.bare = false;
            kr.owner = owner;
            kr.id = Some(format!("O{objective}-KR{}", k + 1));
            kr.check_ins = check_ins(rng, from, to);
        }
    }
    kr
}
