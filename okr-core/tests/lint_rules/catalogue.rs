//! The catalogue: every rule has a file named after it in its category folder, a fixture
//! test in its category's test file, and an explanation; and every rule file is in the table.

use okr_core::lint::{RuleInfo, explain, rules};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `src/lint/rules/<category>/<rule_name>.rs`, from the rule's public name and category.
fn rule_file(rule: &RuleInfo) -> PathBuf {
    crate_dir()
        .join("src/lint/rules")
        .join(rule.category.as_str())
        .join(format!("{}.rs", rule.name.replace('-', "_")))
}

#[test]
fn every_code_has_a_rule_file_in_its_category_folder() {
    for rule in rules() {
        let file = rule_file(&rule);
        assert!(
            file.is_file(),
            "{} has no file at {}",
            rule.code,
            file.display()
        );
        let source = std::fs::read_to_string(&file).unwrap();
        assert!(
            source.contains(&format!("name: \"{}\"", rule.name)),
            "{} declares another rule",
            file.display()
        );
    }
}

#[test]
fn every_rule_file_is_in_the_table() {
    let expected: BTreeSet<PathBuf> = rules().iter().map(rule_file).collect();
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(crate_dir().join("src/lint/rules")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            for file in std::fs::read_dir(&path).unwrap() {
                found.insert(file.unwrap().path());
            }
        } else {
            assert_eq!(
                path.file_name().unwrap(),
                "mod.rs",
                "rule outside a category folder"
            );
        }
    }
    let missing: Vec<_> = found.difference(&expected).collect();
    assert!(
        missing.is_empty(),
        "rule files not in the registry table: {missing:?}"
    );
    assert_eq!(found.len(), rules().len());
}

#[test]
fn every_rule_has_a_fixture_test_in_its_category_file() {
    for rule in rules() {
        let tests = crate_dir()
            .join("tests/lint_rules")
            .join(format!("{}.rs", rule.category.as_str()));
        let source = std::fs::read_to_string(&tests).unwrap();
        let code = rule.code.to_lowercase();
        assert!(
            source
                .lines()
                .any(|l| l.starts_with("fn okr") && l.contains(&code)),
            "{} has no fixture test in {}",
            rule.code,
            tests.display()
        );
    }
}

#[test]
fn every_rule_explains_itself_by_code_or_name() {
    for rule in rules() {
        let explanation = explain(rule.code).unwrap();
        for section in [
            "## Why is this bad?",
            "## Example",
            "## Use instead",
            "## Sources",
        ] {
            assert!(
                explanation.contains(section),
                "{} lacks {section}",
                rule.code
            );
        }
        assert_eq!(explain(rule.name).as_ref(), Some(&explanation));
        assert_eq!(explain(&rule.code.to_lowercase()), Some(explanation));
    }
    assert!(rules().len() >= 25);
}

#[test]
fn codes_are_unique_and_in_order() {
    let codes: Vec<&str> = rules().iter().map(|r| r.code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted);
}

#[test]
fn every_rule_documents_each_section_and_renders_in_three_formats() {
    use okr_core::lint::{DocFormat, rule_doc};
    for rule in rules() {
        let doc = rule_doc(rule.code).unwrap();
        assert_eq!(
            (doc.code.as_str(), doc.name.as_str()),
            (rule.code, rule.name)
        );
        assert_eq!(doc.summary, rule.summary, "{}", rule.code);
        for (section, text) in [
            ("why", &doc.why),
            ("example", &doc.example),
            ("instead", &doc.instead),
        ] {
            assert!(!text.trim().is_empty(), "{} has no {section}", rule.code);
        }
        assert!(!doc.sources.is_empty(), "{} cites no source", rule.code);
        let markdown = doc.render(DocFormat::Markdown);
        // The same sections, whatever the format; text has no markup and HTML no raw `<`
        // from the documentation (every `<` starts a tag okr wrote).
        let text = doc.render(DocFormat::Text);
        let html = doc.render(DocFormat::Html);
        for heading in ["Why is this bad?", "Example", "Use instead", "Sources"] {
            assert!(
                markdown.contains(&format!("\n## {heading}\n")),
                "{}",
                rule.code
            );
            assert!(text.contains(&format!("\n{heading}\n")), "{}", rule.code);
            assert!(
                html.contains(&format!("<h2>{heading}</h2>")),
                "{}",
                rule.code
            );
        }
        // Code is indented; every other line is free of Markdown.
        for line in text.lines().filter(|l| !l.starts_with("    ")) {
            assert!(
                !line.contains('`') && !line.starts_with('#'),
                "{}: {line}",
                rule.code
            );
        }
        let tags = ["h1", "h2", "p", "pre", "code", "ul", "li"];
        for (at, _) in html.match_indices('<') {
            let rest = html[at + 1..].trim_start_matches('/');
            assert!(
                tags.iter().any(|t| rest.starts_with(&format!("{t}>"))),
                "{}: {}",
                rule.code,
                &html[at..]
            );
        }
    }
}

#[test]
fn paragraphs_are_one_line_and_sources_split_outside_quotes() {
    let doc = okr_core::lint::rule_doc("too-many-objectives").unwrap();
    // Its source wraps "Why is this bad?" over several lines; each paragraph is one line.
    let source = include_str!("../../src/lint/rules/structure/too_many_objectives.rs");
    let why_at = source.find("## Why is this bad?").unwrap();
    let wrapped = source[why_at..]
        .lines()
        .skip(1)
        .take_while(|l| l.trim() != "///")
        .count();
    assert!(wrapped > 1, "the fixture should be a wrapped paragraph");
    for paragraph in doc.why.split("\n\n") {
        assert!(!paragraph.contains('\n'), "{paragraph:?}");
    }
    // `K, RF, KO, IN, FB (1–3 objectives); MWM, PD, S1 (3–5, max 5);` — the comma inside
    // the parentheses stays in its entry.
    assert!(
        doc.sources.contains(&"S1 (3–5, max 5)".to_owned()),
        "{:?}",
        doc.sources
    );
    assert!(doc.sources.contains(&"K".to_owned()));
}
