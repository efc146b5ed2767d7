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
