use crate::lint::context::{Context, Sink, quote};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds key results that join two measurable results with "and".
    ///
    /// ## Why is this bad?
    /// "Raise NPS to 50 and cut churn to 2%" is two key results in one: it cannot be scored
    /// when one half is met and the other is not, and it hides the count of key results.
    ///
    /// ## Example
    /// ```yaml
    /// - Raise NPS from 31 to 45 and cut churn from 3% to 2%
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - Raise NPS from 31 to 45
    /// - Cut monthly churn from 3% to 2%
    /// ```
    ///
    /// ## Sources
    /// Sources: KO.
    RULE {
        name: "compound-key-result",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for kr in cx.key_results() {
        let title = kr.kr.title.as_str();
        // Most titles have no joint at all: look before building the parts.
        if !title.split_whitespace().any(is_joint) {
            continue;
        }
        let parts = split_on_and(title);
        if parts.len() < 2 {
            continue;
        }
        let measurable = parts
            .iter()
            .filter(|part| {
                let p = cx.sentence(part);
                p.target.is_some() || p.change.is_some()
            })
            .count();
        if measurable >= 2 {
            sink.report(
                kr.path(),
                kr.id().or(Some(&kr.objective.id)),
                format!(
                    "key result {} joins {measurable} measurable results",
                    quote(title)
                ),
                "split it into one key result per number, so each can be scored",
            );
        }
    }
}

/// True for a word [`split_on_and`] splits at (or after).
fn is_joint(word: &str) -> bool {
    word.eq_ignore_ascii_case("and") || word == "&" || word.ends_with(';')
}

/// Splits at the words "and" / "&" and after ";", working on whole words so any Unicode is safe.
fn split_on_and(text: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    for word in text.split_whitespace() {
        if word.eq_ignore_ascii_case("and") || word == "&" {
            parts.push(String::new());
            continue;
        }
        let (word, ends_part) = match word.strip_suffix(';') {
            Some(stripped) => (stripped, true),
            None => (word, false),
        };
        if let Some(current) = parts.last_mut() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if ends_part {
            parts.push(String::new());
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}
