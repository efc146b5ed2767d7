//! OKRs as CSV tables: the layout read and written, bad cells located, round trips exact.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use okr_core::model::{
    Binary, CheckIn, Cycle, Document, KeyResult, Metric, Milestone, Objective, ObjectiveKind, Team,
    Threshold,
};
use okr_core::table::{ImportOptions, Table, read_csv, write_csv};
use proptest::prelude::*;

fn day(text: &str) -> chrono::NaiveDate {
    text.parse().unwrap()
}

#[test]
fn a_spreadsheet_export_imports_with_a_few_mappings() {
    // As a spreadsheet exports it: its own column names, a blank row, a TBD cell, a bare
    // sentence and owners that no `teams:` list defines.
    let csv = "Objective ID,Objective,Team,Key result,Measure,Start,Target,Unit,Owner\n\
               O1,Delight returning customers,web,Raise repeat purchase rate,metric,20,30,%,ana\n\
               ,,,,,,,,\n\
               O1,Delight returning customers,web,Ship the loyalty app,,,,,\n\
               O2,Win Lisbon,sales,Open the shop,metric,0,TBD,,\n";
    let options = ImportOptions::default()
        .with_mapping("Objective ID", "objective_id")
        .with_mapping("Objective", "objective_title")
        .with_mapping("Team", "owner")
        .with_mapping("Key result", "key_result_title")
        .with_mapping("Owner", "kr_owner")
        .with_cycle(Cycle::new("Q3", day("2026-07-01"), day("2026-09-30")));
    let problems = read_csv(csv, None, &options).unwrap_err();
    // The TBD target is missing: one problem, on line 5, in the file's own column name.
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        (problems[0].line, problems[0].column.as_deref()),
        (5, Some("Target"))
    );
    let fixed = csv.replace("metric,0,TBD", "metric,0,3");
    let document = read_csv(&fixed, None, &options).unwrap();
    assert_eq!(document.objectives.len(), 2);
    let o1 = &document.objectives[0];
    assert_eq!(
        (o1.owner.as_deref(), o1.cycle.as_deref()),
        (Some("web"), Some("Q3"))
    );
    assert_eq!(
        o1.key_results[0]
            .metric
            .as_ref()
            .map(|m| (m.start, m.target)),
        Some((20.0, 30.0))
    );
    // A key result given only as a sentence stays a bare sentence.
    assert!(o1.key_results[1].is_bare());
    let teams: Vec<&str> = document.teams.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(teams, ["web", "ana", "sales"]);
}

#[test]
fn every_bad_cell_is_reported_with_its_line_and_column_and_nothing_is_returned() {
    let csv = "objective_id,objective_title,key_result_id,key_result_title,measure,start,target,done,kind\n\
               O1,Grow,K1,Raise NPS,metric,abc,45,,\n\
               ,Orphan row,K2,Cut churn,metric,5,3,,\n\
               O2,Win,K3,Launch,binary,,,maybe,stretch\n\
               O3,Keep,K4,Hold margin,gauge,,,,\n";
    let check_ins = "key_result_id,date,value\nK1,2026-07-40,3\nK9,2026-07-01,3\n";
    let problems = read_csv(csv, Some(check_ins), &ImportOptions::default()).unwrap_err();
    let found: Vec<(Table, u64, Option<&str>)> = problems
        .iter()
        .map(|p| (p.table, p.line, p.column.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (Table::KeyResults, 2, Some("start")),
            (Table::KeyResults, 3, Some("objective_id")),
            (Table::KeyResults, 4, Some("kind")),
            (Table::KeyResults, 4, Some("done")),
            (Table::KeyResults, 5, Some("measure")),
            (Table::CheckIns, 2, Some("date")),
            (Table::CheckIns, 3, Some("key_result_id")),
        ]
    );
}

#[test]
fn validation_problems_point_at_the_row_that_made_them() {
    let csv = "objective_id,objective_title,key_result_id,key_result_title,measure,start,target\nO1,Grow,K1,Raise NPS,metric,30,40\nO2,Keep,K1,Hold NPS,metric,30,35\n";
    let problems = read_csv(csv, None, &ImportOptions::default()).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, 3);
    assert!(
        problems[0].message.contains("K1"),
        "{}",
        problems[0].message
    );
}

// ---- round trips ----

fn title() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{2,8}( [a-z]{2,8}){0,3}"
}

fn key_result(k: usize) -> impl Strategy<Value = KeyResult> {
    let measure = prop_oneof![
        (0u32..50, 51u32..100, any::<bool>()).prop_map(|(a, b, up)| {
            let (start, target) = if up {
                (f64::from(a), f64::from(b))
            } else {
                (f64::from(b), f64::from(a) / 4.0)
            };
            (
                Some({
                    let mut metric = Metric::new(start, target);
                    metric.unit = up.then(|| "%".to_owned());
                    metric
                }),
                None,
                None,
                None,
            )
        }),
        (0u32..50).prop_map(|min| (
            None,
            Some({
                let mut threshold = Threshold::default();
                threshold.min = Some(f64::from(min));
                threshold
            }),
            None,
            None
        )),
        (any::<bool>(), proptest::option::of(0u32..=10)).prop_map(|(done, p)| {
            (
                None,
                None,
                Some({
                    let mut binary = Binary::default();
                    binary.done = done;
                    binary.probability = p.map(|p| f64::from(p) / 10.0);
                    binary
                }),
                None,
            )
        }),
        prop::collection::vec((title(), any::<bool>()), 1..3).prop_map(|items| {
            let milestones = items
                .into_iter()
                .map(|(title, done)| {
                    let mut milestone = Milestone::default().with_done(done);
                    milestone.title = title;
                    milestone
                })
                .collect();
            (None, None, None, Some(milestones))
        }),
    ];
    (
        title(),
        measure,
        prop::collection::vec((1u32..28, 0u32..100), 0..3),
    )
        .prop_map(
            move |(title, (metric, threshold, binary, milestones), days)| {
                let mut days = days;
                days.sort_unstable();
                {
                    let mut kr = KeyResult::new(title)
                        .with_id(format!("K{k}"))
                        .with_owner(okr_core::model::Ids::One("web".into()))
                        .with_check_ins(days.into_iter().map(|(d, v)| {
                            CheckIn::new(chrono::NaiveDate::from_ymd_opt(2026, 7, d).unwrap())
                                .value(f64::from(v) / 2.0)
                        }));
                    kr.metric = metric;
                    kr.threshold = threshold;
                    kr.binary = binary;
                    kr.milestones = milestones;
                    kr
                }
            },
        )
}

fn document() -> impl Strategy<Value = Document> {
    prop::collection::vec(
        (
            title(),
            any::<bool>(),
            prop::collection::vec(Just(()), 0..4),
        ),
        1..4,
    )
    .prop_flat_map(|objectives| {
        let mut next = 0;
        let parts: Vec<_> = objectives
            .into_iter()
            .enumerate()
            .map(|(o, (title, committed, krs))| {
                let ids: Vec<usize> = krs
                    .iter()
                    .map(|()| {
                        next += 1;
                        next
                    })
                    .collect();
                let krs: Vec<_> = ids.into_iter().map(key_result).collect();
                (Just((o, title, committed)), krs)
            })
            .collect();
        parts.prop_map(|parts| {
            let objectives: Vec<Objective> = parts
                .into_iter()
                .map(|((o, title, committed), key_results)| {
                    Objective::new(format!("O{o}"), title)
                        .with_owner("web")
                        .with_cycle("Q3")
                        .with_kind(if committed {
                            ObjectiveKind::Committed
                        } else {
                            ObjectiveKind::Aspirational
                        })
                        .with_key_results(key_results)
                })
                .collect();
            Document::default()
                .with_cycles(vec![Cycle::new(
                    "Q3",
                    chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
                    chrono::NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
                )])
                .with_teams(vec![Team::new("web")])
                .with_objectives(objectives)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn document_to_tables_to_document_keeps_every_field_of_the_layout(doc in document()) {
        prop_assume!(doc.validate().is_empty());
        let tables = write_csv(&doc).unwrap();
        let back = read_csv(&tables.key_results, Some(&tables.check_ins), &ImportOptions::default()).unwrap();
        // The document as written: every field of the layout is a field of the model.
        prop_assert_eq!(&back, &doc);
        // And the tables of what was read back are the same bytes.
        prop_assert_eq!(write_csv(&back).unwrap(), tables);
    }
}

#[test]
fn a_table_without_ids_groups_objectives_by_title_and_numbers_them() {
    // Row 3 leaves the objective empty, as a merged cell does when the sheet is saved as CSV.
    let csv = "Objective,Key result\n\
               Delight cooks,Raise NPS from 30 to 45\n\
               ,Cut churn from 5% to 3%\n\
               Win Europe,Open Berlin office by May\n\
               Delight cooks,Answer every ticket in a day\n";
    let options = ImportOptions::default()
        .with_mapping("Objective", "objective_title")
        .with_mapping("Key result", "key_result_title");
    let document = read_csv(csv, None, &options).unwrap();
    let shape: Vec<(&str, &str, usize)> = document
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o.title.as_str(), o.key_results.len()))
        .collect();
    assert_eq!(shape, [("O1", "Delight cooks", 3), ("O2", "Win Europe", 1)]);
}

#[test]
fn an_empty_objective_cell_continues_the_objective_above_but_not_on_the_first_row() {
    let csv = "objective_id,objective_title,key_result_title\nO7,Grow,Raise NPS\n,,Cut churn\n";
    let document = read_csv(csv, None, &ImportOptions::default()).unwrap();
    assert_eq!(document.objectives.len(), 1);
    assert_eq!(document.objectives[0].key_results.len(), 2);

    let first_blank = "objective_title,key_result_title\n,Raise NPS\nGrow,Cut churn\n";
    let problems = read_csv(first_blank, None, &ImportOptions::default()).unwrap_err();
    let found: Vec<(u64, Option<&str>)> = problems
        .iter()
        .map(|p| (p.line, p.column.as_deref()))
        .collect();
    assert_eq!(found, [(2, Some("objective_title"))]);
}
