//! What lint reads from titles, remembered from one run to the next.

use super::words::OwnedWords;
use crate::hash::HashMap;
use crate::sentence::{ParsedKeyResult, parse_key_result};
use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Sentences and words read from titles, kept between lint runs.
///
/// A planning widget lints the whole document on every keystroke while the person edits
/// one title at a time. Reading a key-result sentence is most of the cost of linting a
/// small document, so [`lint_with_memo`](super::lint_with_memo) reads only the titles it
/// has not seen in the run before. After each run the memo keeps just the texts that run
/// used: it never holds more than one document's titles.
///
/// The findings are exactly those of [`lint`](super::lint); only the time differs.
///
/// ```
/// use okr_core::lint::{LintConfig, Memo, lint_with_memo};
///
/// let mut doc: okr_core::Document = okr_core::format::load_str(
///     "objectives:\n  - id: O1\n    title: Delight new customers\n    key_results:\n      - title: Ship the onboarding tour\n",
///     okr_core::Format::Yaml,
///     &Default::default(),
/// )?;
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// let config = LintConfig::default();
/// let mut memo = Memo::default();
/// let first = lint_with_memo(&doc, as_of, &config, &mut memo);
/// assert!(first.diagnostics.iter().any(|d| d.rule == "output-key-result"));
///
/// // The person rewrites the key result; only that sentence is read again.
/// doc.objectives[0].key_results[0].title = "Raise day-7 activation from 30% to 45%".into();
/// let second = lint_with_memo(&doc, as_of, &config, &mut memo);
/// assert!(!second.diagnostics.iter().any(|d| d.rule == "output-key-result"));
/// # Ok::<(), okr_core::Error>(())
/// ```
#[derive(Default)]
pub struct Memo {
    sentences: RefCell<Table<ParsedKeyResult>>,
    words: RefCell<Table<OwnedWords>>,
    run: u32,
}

impl fmt::Debug for Memo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Memo")
            .field("sentences", &self.sentences.borrow().entries.len())
            .field("words", &self.words.borrow().entries.len())
            .finish()
    }
}

impl Memo {
    /// Starts a run: what it looks up from now on is marked as used.
    pub(super) fn start_run(&mut self) {
        self.run = self.run.wrapping_add(1);
    }

    /// Ends a run: forgets every text the run did not use.
    pub(super) fn finish_run(&mut self) {
        self.sentences.get_mut().keep_run(self.run);
        self.words.get_mut().keep_run(self.run);
    }

    pub(super) fn sentence(&self, text: &str) -> Held<ParsedKeyResult> {
        self.sentences
            .borrow_mut()
            .get_or_read(text, self.run, parse_key_result)
    }

    pub(super) fn words(&self, text: &str) -> Held<OwnedWords> {
        self.words
            .borrow_mut()
            .get_or_read(text, self.run, OwnedWords::of)
    }
}

/// Values read from texts, each with the last run that used it.
struct Table<T> {
    entries: HashMap<Box<str>, (Arc<T>, u32)>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            entries: HashMap::default(),
        }
    }
}

impl<T> Table<T> {
    fn get_or_read(&mut self, text: &str, run: u32, read: impl FnOnce(&str) -> T) -> Held<T> {
        if let Some((value, used)) = self.entries.get_mut(text) {
            *used = run;
            return Held::Shared(Arc::clone(value));
        }
        let value = Arc::new(read(text));
        self.entries.insert(text.into(), (Arc::clone(&value), run));
        Held::Shared(value)
    }

    fn keep_run(&mut self, run: u32) {
        self.entries.retain(|_, (_, used)| *used == run);
    }
}

/// A value read for this run, or shared with the memo.
pub(crate) enum Held<T> {
    Own(T),
    Shared(Arc<T>),
}

impl<T> Deref for Held<T> {
    type Target = T;

    fn deref(&self) -> &T {
        match self {
            Held::Own(value) => value,
            Held::Shared(value) => value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_keeps_only_the_texts_it_used() {
        let mut memo = Memo::default();
        memo.start_run();
        let first = memo.sentence("Raise NPS from 30 to 40");
        assert_eq!(first.target, Some(40.0));
        memo.sentence("Ship the tour");
        memo.finish_run();
        assert_eq!(memo.sentences.borrow().entries.len(), 2);

        memo.start_run();
        let again = memo.sentence("Raise NPS from 30 to 40");
        // The same reading, shared rather than read again.
        assert!(
            matches!((&first, &again), (Held::Shared(a), Held::Shared(b)) if Arc::ptr_eq(a, b))
        );
        memo.finish_run();
        let kept: Vec<String> = memo
            .sentences
            .borrow()
            .entries
            .keys()
            .map(|k| k.to_string())
            .collect();
        assert_eq!(kept, ["Raise NPS from 30 to 40"]);
    }

    #[test]
    fn words_are_remembered_like_sentences() {
        let mut memo = Memo::default();
        memo.start_run();
        let words = memo.words("Grow the users");
        assert_eq!(
            words.words().iter().collect::<Vec<_>>(),
            ["grow", "the", "users"]
        );
        memo.finish_run();
        memo.start_run();
        memo.finish_run();
        assert_eq!(memo.words.borrow().entries.len(), 0);
    }
}
