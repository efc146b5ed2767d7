//! The review report: HTML parsed with a real parser (structure, escaping, every
//! objective and chart), Markdown, the tree, cascade drafts, and graph queries.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use okr_core::cascade::{Alignment, AlignmentGraph, draft_child};
use okr_core::lint::LintConfig;
use okr_core::report::{Review, html, markdown, tree_text};
use scraper::{Html, Selector};

fn acme() -> okr_core::Document {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/acme.yaml"
    ))
    .unwrap();
    okr_core::from_yaml_str(&text).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    page.select(&Selector::parse(css).unwrap()).collect()
}

fn text(el: &scraper::ElementRef<'_>) -> String {
    el.text().collect::<String>()
}

#[test]
fn html_has_structure_every_objective_and_every_chart() {
    let doc = acme();
    let review = Review::new(
        &doc,
        day(2026, 11, 23),
        &Default::default(),
        Some(&LintConfig::default()),
    );
    let page = Html::parse_document(&html(&review));
    assert!(
        page.errors.is_empty(),
        "HTML parse errors: {:?}",
        page.errors
    );

    assert_eq!(select(&page, "h1").len(), 1);
    let h2: Vec<String> = select(&page, "h2").iter().map(text).collect();
    assert_eq!(
        h2,
        [
            "Summary",
            "Alignment",
            "Objectives and key results",
            "Lint findings"
        ]
    );
    assert_eq!(select(&page, "html")[0].value().attr("lang"), Some("en"));

    // Every objective has its own section and heading; every key result a row and a chart.
    let articles = select(&page, "article.objective");
    assert_eq!(articles.len(), doc.objectives.len());
    for objective in &doc.objectives {
        let section = select(&page, &format!("article#objective-{}", objective.id));
        assert_eq!(section.len(), 1, "{}", objective.id);
        let heading = text(&select(&page, &format!("article#objective-{} h3", objective.id))[0]);
        assert!(heading.contains(&objective.title), "{heading}");
        let rows = select(
            &page,
            &format!("article#objective-{} tbody tr", objective.id),
        );
        assert_eq!(rows.len(), objective.key_results.len(), "{}", objective.id);
    }
    let key_results: usize = doc.objectives.iter().map(|o| o.key_results.len()).sum();
    assert_eq!(select(&page, "svg.chart").len(), key_results);
    for chart in select(&page, "svg.chart") {
        assert_eq!(chart.value().attr("role"), Some("img"));
        assert_eq!(
            select(&Html::parse_fragment(&chart.html()), "line.expected").len(),
            1
        );
    }
    // C1-KR1 has four check-ins before 2026-11-23: a line through four points and a forecast.
    let c1 = select(&page, "article#objective-C1 tbody tr")[0].html();
    let c1 = Html::parse_fragment(&c1);
    assert_eq!(select(&c1, "circle.check-in").len(), 4);
    assert_eq!(select(&c1, "polyline.progress").len(), 1);
    assert_eq!(select(&c1, "line.forecast").len(), 1);

    // Tables have header cells; colours are paired with words.
    for table in select(&page, "table") {
        let table = Html::parse_fragment(&table.html());
        assert!(!select(&table, "th").is_empty());
    }
    for tag in select(&page, ".tag") {
        assert!(!text(&tag).trim().is_empty(), "a colour tag without words");
    }

    // The tree lists every objective (shared ones twice) and names the orphans.
    let tree_ids: Vec<String> = select(&page, "ul.tree li a.id").iter().map(text).collect();
    for objective in &doc.objectives {
        assert!(
            tree_ids.contains(&objective.id),
            "{} missing from the tree",
            objective.id
        );
    }
    assert!(select(&page, "h3#orphans").len() == 1);

    // Findings: one row per diagnostic.
    let findings = review.findings.as_ref().unwrap();
    assert_eq!(
        select(&page, "section[aria-labelledby=findings] tbody tr").len(),
        findings.diagnostics.len()
    );

    // Summary numbers, computed independently from the score report.
    let scored: Vec<f64> = review
        .scores
        .objectives
        .iter()
        .filter_map(|o| o.score)
        .collect();
    let average = scored.iter().sum::<f64>() / scored.len() as f64;
    let cards: Vec<String> = select(&page, ".cards dd").iter().map(text).collect();
    assert_eq!(cards[0], doc.objectives.len().to_string());
    assert_eq!(cards[2], format!("{:.0}%", average * 100.0));
    assert!(!page.html().contains("<script"), "no scripts in the page");
    assert!(
        !page.html().contains("http://") && !page.html().contains("src=\"http"),
        "no network resources"
    );
}

#[test]
fn user_text_is_escaped_everywhere() {
    let yaml = r#"cycles: [{ id: Q3, name: "<b>Q3</b>", start: 2026-07-01, end: 2026-09-30 }]
teams: [{ id: co }, { id: "t\"><img src=x onerror=alert(1)>", parent: co }]
objectives:
  - id: O1
    title: "<script>alert('title')</script> & friends"
    owner: co
    key_results:
      - { id: "K1\" onmouseover=\"alert(1)", title: "<img src=x onerror=alert(2)> from 1 to 2", check_ins: [{ date: 2026-07-10, value: 1.5 }] }
  - { id: O2, title: "Sub goal </td></tr></table><h1>pwned</h1>", owner: "t\"><img src=x onerror=alert(1)>", aligns_to: O1 }
"#;
    let doc = okr_core::from_yaml_str(yaml).unwrap();
    let review = Review::new(
        &doc,
        day(2026, 8, 1),
        &Default::default(),
        Some(&LintConfig::default()),
    );
    let page_text = html(&review);
    let page = Html::parse_document(&page_text);
    assert!(
        select(&page, "script").is_empty(),
        "a script element got through"
    );
    assert!(
        select(&page, "img").is_empty(),
        "an img element got through"
    );
    assert_eq!(
        select(&page, "h1").len(),
        1,
        "an injected heading got through"
    );
    assert!(
        select(&page, "[onmouseover], [onerror]").is_empty(),
        "an attribute got through"
    );
    // …and the text is shown as text.
    let heading = text(&select(&page, "article#objective-O1 h3")[0]);
    assert!(heading.contains("<script>alert('title')</script> & friends"));
    assert!(
        page.root_element()
            .text()
            .collect::<String>()
            .contains("<b>Q3</b>")
    );

    // Markdown: outside the fenced tree, markup is escaped; inside it, text is verbatim
    // (renderers show code as text) and the fence cannot be closed early.
    let md = markdown(&review);
    let fence_start = md.find("## Alignment\n\n```").unwrap();
    let fence_end = fence_start + md[fence_start..].find("\n```\n").unwrap();
    let outside = format!("{}{}", &md[..fence_start], &md[fence_end + 5..]);
    assert!(
        !outside.contains("<script>") && outside.contains("&lt;script&gt;"),
        "{outside}"
    );
    assert!(!outside.contains("</td></tr></table><h1>"));
    let sneaky = "objectives:\n  - { id: O1, title: \"```\\n<script>x</script>\" }\n";
    let doc = okr_core::from_yaml_str(sneaky).unwrap();
    let md = markdown(&Review::new(
        &doc,
        day(2026, 8, 1),
        &Default::default(),
        None,
    ));
    let fence = md
        .lines()
        .find(|l| l.ends_with("text"))
        .unwrap()
        .trim_end_matches("text");
    assert!(
        fence.len() > 3,
        "the fence outgrows the title's backticks: {md}"
    );
    assert_eq!(
        md.lines().filter(|l| l.starts_with(fence)).count(),
        2,
        "{md}"
    );
}

#[test]
fn markdown_has_every_objective_and_the_findings() {
    let doc = acme();
    let review = Review::new(
        &doc,
        day(2026, 11, 23),
        &Default::default(),
        Some(&LintConfig::default()),
    );
    let md = markdown(&review);
    assert!(md.starts_with("# OKR review\n\nAs of 2026-11-23."));
    for objective in &doc.objectives {
        assert!(
            md.contains(&format!("### {} — ", objective.id)),
            "{}",
            objective.id
        );
    }
    let findings = review.findings.as_ref().unwrap();
    let rows = md
        .lines()
        .filter(|l| {
            l.starts_with("| error |") || l.starts_with("| warning |") || l.starts_with("| info |")
        })
        .count();
    assert_eq!(rows, findings.diagnostics.len());
}

/// A hand-drawn DAG:
///
/// ```text
/// A (co)        B (co)
/// ├── C (dept, via A-KR1)
/// │   └── E (team)          E also aligns to D
/// └── D (dept)
///     └── E (team, shared)
/// F (team, orphan)
/// ```
const DAG: &str = "teams: [{ id: co }, { id: dept, parent: co }, { id: team, parent: dept }]
objectives:
  - { id: A, title: a, owner: co, key_results: [{ id: A-KR1, title: k, from_children: true }] }
  - { id: B, title: b, owner: co }
  - { id: C, title: c, owner: dept, aligns_to: A-KR1 }
  - { id: D, title: d, owner: dept, aligns_to: A }
  - { id: E, title: e, owner: team, aligns_to: [C, D] }
  - { id: F, title: f, owner: team }
";

#[test]
fn graph_queries_on_a_hand_drawn_dag() {
    let doc = okr_core::from_yaml_str(DAG).unwrap();
    let g = AlignmentGraph::new(&doc);
    let (a, b, c, d, e, f) = (0, 1, 2, 3, 4, 5);
    assert_eq!(g.parents(e), [c, d]);
    assert_eq!(g.children(a), [c, d]);
    assert_eq!(g.ancestors(e), [a, c, d]);
    assert_eq!(g.descendants(a), [c, d, e]);
    assert!(g.descendants(b).is_empty());
    assert_eq!(g.roots(), [a, b, f]);
    assert_eq!(
        g.depths(),
        [Some(1), Some(1), Some(2), Some(2), Some(3), Some(1)]
    );
    let order = g.topological_order();
    let pos = |x: usize| order.iter().position(|&y| y == x).unwrap();
    assert!(pos(a) < pos(c) && pos(c) < pos(e) && pos(d) < pos(e));
    let alignment = Alignment::new(&doc);
    assert_eq!(alignment.orphans(), [f]);
    assert!((alignment.coverage() - 5.0 / 6.0).abs() < 1e-12); // all but F reach A or B
}

#[test]
fn tree_nests_shares_and_lists_orphans_last() {
    let doc = okr_core::from_yaml_str(DAG).unwrap();
    let review = Review::new(&doc, day(2026, 8, 1), &Default::default(), None);
    let tree = tree_text(&review);
    let lines: Vec<&str> = tree.lines().collect();
    let expected_prefixes = [
        "A  a",
        "├── C  c",
        "│   └── E  e",
        "└── D  d",
        "    └── E  e",
        "B  b",
        "",
        "Orphans (team objectives aligned to nothing):",
        "F  f",
    ];
    assert_eq!(lines.len(), expected_prefixes.len(), "{tree}");
    for (line, prefix) in lines.iter().zip(expected_prefixes) {
        assert!(
            line.starts_with(prefix),
            "{line:?} should start with {prefix:?}\n{tree}"
        );
    }
    assert!(lines[1].contains("(via A-KR1)"));
    assert!(lines[2].ends_with("(shared)"), "{}", lines[2]);
    assert!(lines[4].contains("shared, shown above"), "{}", lines[4]);
}

#[test]
fn deep_chain_and_wide_fan_out() {
    use okr_core::model::{Document, Ids, Objective};
    let n = 100_000;
    let mut chain = Document::default();
    for i in 0..n {
        let aligns = (i > 0).then(|| Ids::One(format!("O{}", i - 1)));
        chain.objectives.push({
            let mut objective = Objective::new(format!("O{i}"), "t");
            objective.aligns_to = aligns;
            objective
        });
    }
    let g = AlignmentGraph::new(&chain);
    assert_eq!(g.depths()[n - 1], Some(n));
    assert_eq!(g.ancestors(n - 1).len(), n - 1);
    assert_eq!(g.descendants(0).len(), n - 1);
    assert_eq!(g.topological_order().len(), n);
    assert!((Alignment::new(&chain).coverage() - 1.0).abs() < 1e-12);
    let review = Review::new(&chain, day(2026, 8, 1), &Default::default(), None);
    assert_eq!(tree_text(&review).lines().count(), n);

    let mut fan = Document::default();
    fan.objectives.push(Objective::new("root", "r"));
    for i in 0..n {
        fan.objectives
            .push(Objective::new(format!("c{i}"), "t").with_aligns_to(Ids::One("root".into())));
    }
    let g = AlignmentGraph::new(&fan);
    assert_eq!(g.children(0).len(), n);
    assert_eq!(g.descendants(0).len(), n);
    assert_eq!(g.depths().iter().filter(|d| **d == Some(2)).count(), n);
}

#[test]
fn cascade_drafts_a_valid_child_objective() {
    let mut doc = acme();
    let draft = draft_child(&doc, "C1-KR2", "support").unwrap();
    assert_eq!(draft.id, "SUPPORT-C1-KR2");
    assert_eq!(draft.aligned_ids().collect::<Vec<_>>(), ["C1-KR2"]);
    let metric = draft.key_results[0].metric.as_ref().unwrap();
    assert_eq!((metric.start, metric.target), (4.0, 2.5));
    // The draft drops into the document and the document stays valid.
    doc.objectives.push(draft);
    assert!(okr_core::validate::validate(&doc).is_empty());
    // A second draft for the same pair gets its own id.
    assert_eq!(
        draft_child(&doc, "C1-KR2", "support").unwrap().id,
        "SUPPORT-C1-KR2-2"
    );
    assert!(draft_child(&doc, "NOPE", "support").is_err());
    assert!(draft_child(&doc, "C1-KR2", "nobody").is_err());
}

#[test]
fn score_rows_list_each_objective_then_its_key_results() {
    use okr_core::report::{RowLevel, score_rows};
    let doc = acme();
    let report = okr_core::score::score(&doc, day(2026, 8, 20), &Default::default());
    let rows = score_rows(&report);
    let key_results: usize = doc.objectives.iter().map(|o| o.key_results.len()).sum();
    assert_eq!(rows.len(), doc.objectives.len() + key_results);
    let mut at = 0;
    for objective in &doc.objectives {
        assert_eq!(rows[at].level, RowLevel::Objective);
        assert_eq!(rows[at].id, Some(objective.id.as_str()));
        assert!(rows[at].forecast.is_none() && rows[at].confidence.is_none());
        for kr in &objective.key_results {
            at += 1;
            let row = &rows[at];
            assert_eq!(
                (row.level, row.objective_id),
                (RowLevel::KeyResult, objective.id.as_str())
            );
            assert_eq!(row.title, kr.title.as_str());
            assert!(row.pace.is_none() && row.outcome.is_none() && row.kind.is_none());
        }
        at += 1;
    }
}

#[test]
fn score_row_cells_read_as_the_tables_show_them() {
    use okr_core::report::score_rows;
    let doc = okr_core::from_yaml_str(
        "cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
objectives:
  - id: O1
    title: Grow
    cycle: Q3
    key_results:
      - id: K1
        title: Reach 100 customers
        metric: { start: 0, target: 100 }
        check_ins:
          - { date: 2026-07-08, value: 20, confidence: 0.5 }
          - { date: 2026-07-15, value: 50, confidence: 0.7 }
",
    )
    .unwrap();
    let report = okr_core::score::score(&doc, day(2026, 7, 16), &Default::default());
    let rows = score_rows(&report);
    // The latest confidence, one decimal; a forecast from the two check-ins.
    assert_eq!(rows[1].outcome_or_confidence().as_deref(), Some("conf 0.7"));
    assert!(rows[1].pace_or_forecast().unwrap().starts_with("→ "));
    let pace = rows[0].pace_or_forecast().unwrap();
    assert!(!pace.contains('_'), "{pace}");
    assert_eq!(
        Some(pace.replace(' ', "_").as_str()),
        rows[0].pace.map(|p| p.as_str())
    );
}

#[test]
fn score_rows_of_add_what_only_the_document_has() {
    use okr_core::model::Measure;
    use okr_core::report::{RowLevel, score_rows_of};
    let doc = okr_core::from_yaml_str(
        "cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
objectives:
  - id: O1
    title: Grow
    key_results:
      - id: K1
        title: Reach 100 customers
        weight: 2
        metric: { start: 10, target: 100, unit: customers }
      - id: K2
        title: Keep uptime high
        threshold: { min: 99.5, unit: '%' }
      - Ship the app
  - id: O2
    title: Help O1
    aligns_to: [K1, K2]
    weight: 3
    key_results: []
",
    )
    .unwrap();
    let report = okr_core::score::score(&doc, day(2026, 8, 1), &Default::default());
    let rows = score_rows_of(&report, &doc);
    let k1 = &rows[1];
    assert_eq!(
        (k1.measure, k1.start, k1.target, k1.unit, k1.weight),
        (
            Some("metric"),
            Some(10.0),
            Some(100.0),
            Some("customers"),
            Some(2.0)
        )
    );
    let k2 = &rows[2];
    assert_eq!(
        (k2.measure, k2.min, k2.max, k2.unit, k2.start),
        (Some("threshold"), Some(99.5), None, Some("%"), None)
    );
    assert_eq!((rows[3].measure, rows[3].title), (None, "Ship the app"));
    let o2 = &rows[4];
    assert_eq!(o2.level, RowLevel::Objective);
    assert_eq!(
        (o2.aligns_to.as_deref(), o2.weight),
        (Some("K1, K2"), Some(3.0))
    );
    // On acme, every key result row names its own measure.
    let acme = acme();
    let report = okr_core::score::score(&acme, day(2026, 8, 20), &Default::default());
    let krs = acme.objectives.iter().flat_map(|o| &o.key_results);
    let rows = score_rows_of(&report, &acme);
    let kr_rows = rows.iter().filter(|r| r.level == RowLevel::KeyResult);
    for (kr, row) in krs.zip(kr_rows) {
        assert_eq!(
            row.measure,
            kr.measure().as_ref().map(Measure::name),
            "{}",
            kr.title
        );
    }
}

#[test]
fn the_html_report_paints_with_color_hex() {
    use okr_core::report::color_hex;
    use okr_core::score::Color;
    let doc = acme();
    let review = Review::new(&doc, day(2026, 8, 20), &Default::default(), None);
    let page = html(&review);
    for color in Color::WORST_TO_BEST {
        let rule = format!(
            ".{} {{ background: {}; }}",
            color.as_str(),
            color_hex(Some(color))
        );
        assert!(page.contains(&rule), "{rule}");
    }
    assert!(page.contains(&format!(".none {{ background: {}; }}", color_hex(None))));
}
