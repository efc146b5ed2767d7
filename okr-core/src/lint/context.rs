//! What rules see: the document, precomputed once (parsed sentences, alignment, teams),
//! and the sink they report findings to.

use super::memo::{Held, Memo};
use super::registry::Rule;
use super::words::{OwnedWords, Words, WordsArena};
use super::{Diagnostic, LintConfig, Severity};
use crate::cascade::{Alignment, AlignmentGraph};
use crate::hash::HashMap;
use crate::model::{Cycle, Document, KeyResult, Objective};
use crate::path::DocPath;
use crate::sentence::{Direction, ParsedKeyResult, parse_key_result};
use chrono::NaiveDate;
use std::ops::Range;

pub(crate) struct Context<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) as_of: NaiveDate,
    pub(crate) config: &'a LintConfig,
    pub(crate) strict: bool,
    /// The objectives [`Context::objectives`] and [`Context::key_results`] walk: the few
    /// [`Scope::Objective`](super::registry::Scope) rules are running on.
    window: Range<usize>,
    /// `kr_start[i]`: how many key results come before objective `i`'s (one extra entry at
    /// the end), so that key result `k` of objective `i` is number `kr_start[i] + k`.
    kr_start: Vec<usize>,
    /// The sentences of the window's key results, in order: read for the window and dropped
    /// with it, while they are still in the cache.
    parsed: Vec<Held<ParsedKeyResult>>,
    /// The words of every key result's title, by number (kept: document-wide rules compare
    /// titles across objectives).
    kr_words: WordsArena,
    /// The words of every objective's title, by objective index.
    objective_words: WordsArena,
    /// For every key result, by number: which way its sentence moves its metric, and the
    /// entry of the metric's words in `metric_words` (what document-wide rules keep of a
    /// sentence once its window is gone).
    metrics: Vec<(Option<Direction>, Option<usize>)>,
    metric_words: WordsArena,
    /// Whether the document tracks owners at all (a people list, or any key result with an
    /// owner): a document-wide fact that rules seeing one objective at a time still need.
    tracks_owners: bool,
    /// Readings kept from earlier runs, when the caller keeps a memo.
    memo: Option<&'a Memo>,
    /// The alignment graph and the team tree, as the cascade module builds them.
    alignment: Alignment<'a>,
    /// Final scores of earlier cycles by objective id, oldest first (cycle ids sort in time
    /// order for the usual `2026-Q3` / `FY27-H1` shapes).
    history: HashMap<&'a str, Vec<(&'a str, f64)>>,
    /// The version of the document before this one, when the caller gave it (rule OKR404
    /// compares the two).
    pub(crate) previous: Option<&'a Document>,
}

/// What [`Context::parsed`] answers outside the window (a bug in a rule's scope): an
/// unread sentence rather than a panic.
static UNREAD: ParsedKeyResult = ParsedKeyResult {
    direction: None,
    verb: None,
    metric: None,
    baseline: None,
    target: None,
    unit: None,
    change: None,
    bound: None,
    deadline: None,
    has_number: false,
};

impl<'a> Context<'a> {
    /// Earlier final scores of an objective, oldest first.
    pub(crate) fn history(&self, objective: &str) -> &[(&'a str, f64)] {
        self.history.get(objective).map_or(&[], Vec::as_slice)
    }

    /// A context that has read no titles yet: [`Context::read_window`] reads them.
    pub(crate) fn new(
        doc: &'a Document,
        as_of: NaiveDate,
        config: &'a LintConfig,
        memo: Option<&'a Memo>,
    ) -> Self {
        let mut kr_start = Vec::with_capacity(doc.objectives.len() + 1);
        kr_start.push(0);
        let mut key_results = 0;
        let mut any_owner = false;
        for objective in &doc.objectives {
            key_results += objective.key_results.len();
            kr_start.push(key_results);
            any_owner = any_owner || objective.key_results.iter().any(|kr| kr.owner.is_some());
        }
        Context {
            doc,
            as_of,
            config,
            strict: config.is_strict(),
            window: 0..0,
            kr_start,
            parsed: Vec::new(),
            kr_words: WordsArena::with_capacity(key_results),
            objective_words: WordsArena::with_capacity(doc.objectives.len()),
            metrics: Vec::with_capacity(key_results),
            metric_words: WordsArena::default(),
            tracks_owners: any_owner || !doc.people.is_empty(),
            memo,
            alignment: Alignment::new(doc),
            history: history_index(doc),
            previous: None,
        }
    }

    /// Reads the titles of the objectives in `window` (the ones after those read so far),
    /// drops the sentences of the window before, and makes `window` the one rules walk.
    pub(crate) fn read_window(&mut self, window: Range<usize>) {
        debug_assert_eq!(window.start, self.window.end, "windows are read in order");
        self.parsed.clear();
        let doc = self.doc;
        for objective in &doc.objectives[window.clone()] {
            for kr in &objective.key_results {
                let sentence = self.sentence(&kr.title);
                let metric = sentence
                    .metric
                    .as_deref()
                    .map(|m| self.read_words(Arena::Metric, m));
                self.metrics.push((sentence.direction, metric));
                self.parsed.push(sentence);
                self.read_words(Arena::KeyResult, &kr.title);
            }
            self.read_words(Arena::Objective, &objective.title);
        }
        self.window = window;
    }

    fn read_words(&mut self, arena: Arena, text: &str) -> usize {
        let memo = self.memo;
        let arena = match arena {
            Arena::KeyResult => &mut self.kr_words,
            Arena::Objective => &mut self.objective_words,
            Arena::Metric => &mut self.metric_words,
        };
        match memo {
            Some(memo) => arena.push_words(memo.words(text).words()),
            None => arena.push(text),
        }
    }

    /// Ends the windows: frees the last window's sentences before the document-wide rules.
    pub(crate) fn close_windows(&mut self) {
        debug_assert_eq!(self.window.end, self.doc.objectives.len());
        self.parsed = Vec::new();
        self.window = self.window.end..self.window.end;
    }

    /// Whether the document tracks owners: it lists people, or some key result has one.
    pub(crate) fn tracks_owners(&self) -> bool {
        self.tracks_owners
    }

    /// The objectives of the window, with their indices in the document. Document-wide
    /// rules read `doc.objectives` instead: the window is empty when they run.
    pub(crate) fn objectives(&self) -> impl Iterator<Item = (usize, &'a Objective)> + use<'a> {
        let doc: &'a Document = self.doc;
        self.window
            .clone()
            .zip(&doc.objectives[self.window.clone()])
    }

    /// Key result `k` of objective `i`'s number among all key results (past the end for an
    /// objective that does not exist).
    fn kr_number(&self, i: usize, k: usize) -> usize {
        self.kr_start.get(i).map_or(usize::MAX, |start| start + k)
    }

    /// The sentence of key result `k` of objective `i`, which must be in the window.
    pub(crate) fn parsed(&self, i: usize, k: usize) -> &ParsedKeyResult {
        let first = self.kr_number(self.window.start, 0);
        let number = self.kr_number(i, k);
        debug_assert!(
            self.window.contains(&i),
            "objective {i} is outside the window"
        );
        number
            .checked_sub(first)
            .and_then(|at| self.parsed.get(at))
            .map_or(&UNREAD, |held| &**held)
    }

    /// The words of key result `k` of objective `i`'s title.
    pub(crate) fn kr_words(&self, i: usize, k: usize) -> Words<'_> {
        self.kr_words.get(self.kr_number(i, k))
    }

    /// The words of objective `i`'s title.
    pub(crate) fn objective_words(&self, i: usize) -> Words<'_> {
        self.objective_words.get(i)
    }

    /// Which way key result `k` of objective `i` moves its metric, and the metric's words.
    pub(crate) fn metric(&self, i: usize, k: usize) -> (Option<Direction>, Option<Words<'_>>) {
        match self.metrics.get(self.kr_number(i, k)) {
            Some(&(direction, words)) => (direction, words.map(|w| self.metric_words.get(w))),
            None => (None, None),
        }
    }

    /// The key-result sentence in `text`, read once per memo run.
    pub(crate) fn sentence(&self, text: &str) -> Held<ParsedKeyResult> {
        match self.memo {
            Some(memo) => memo.sentence(text),
            None => Held::Own(parse_key_result(text)),
        }
    }

    /// The words of `text`, split once per memo run.
    pub(crate) fn words(&self, text: &str) -> Held<OwnedWords> {
        match self.memo {
            Some(memo) => memo.words(text),
            None => Held::Own(OwnedWords::of(text)),
        }
    }

    /// Every key result of the window with its objective, indices and parsed sentence.
    pub(crate) fn key_results(&self) -> impl Iterator<Item = KeyResultRef<'_>> {
        self.objectives().flat_map(move |(i, objective)| {
            objective
                .key_results
                .iter()
                .enumerate()
                .map(move |(k, kr)| KeyResultRef {
                    objective_index: i,
                    index: k,
                    objective,
                    kr,
                    parsed: self.parsed(i, k),
                    words: self.kr_words(i, k),
                })
        })
    }

    /// The objective-level alignment graph.
    pub(crate) fn graph(&self) -> &AlignmentGraph {
        self.alignment.graph()
    }

    /// The team an owner id stands for: the team itself, or a person's team.
    pub(crate) fn team_of(&self, owner: &str) -> Option<&'a str> {
        self.alignment.team_of_owner(owner)
    }

    pub(crate) fn is_team(&self, id: &str) -> bool {
        self.alignment.is_team(id)
    }

    pub(crate) fn is_person(&self, id: &str) -> bool {
        self.alignment.is_person(id)
    }

    /// A root team has no parent (the company).
    pub(crate) fn is_root_team(&self, team: &str) -> bool {
        self.alignment.is_root_team(team)
    }

    pub(crate) fn cycle_of(&self, objective: &Objective) -> Option<&'a Cycle> {
        self.doc.cycle_of(objective)
    }
}

/// Which of the context's word arenas a title goes to.
#[derive(Clone, Copy)]
enum Arena {
    KeyResult,
    Objective,
    Metric,
}

fn history_index(doc: &Document) -> HashMap<&str, Vec<(&str, f64)>> {
    let mut index: HashMap<&str, Vec<(&str, f64)>> = HashMap::default();
    for entry in doc.history.iter().filter(|h| h.score.is_finite()) {
        index
            .entry(entry.objective.as_str())
            .or_default()
            .push((entry.cycle.as_str(), entry.score));
    }
    for scores in index.values_mut() {
        scores.sort_by(|a, b| a.0.cmp(b.0));
    }
    index
}

pub(crate) struct KeyResultRef<'c> {
    pub(crate) objective_index: usize,
    pub(crate) index: usize,
    pub(crate) objective: &'c Objective,
    pub(crate) kr: &'c KeyResult,
    pub(crate) parsed: &'c ParsedKeyResult,
    pub(crate) words: Words<'c>,
}

impl KeyResultRef<'_> {
    pub(crate) fn path(&self) -> DocPath {
        kr_path(self.objective_index, self.index)
    }

    pub(crate) fn id(&self) -> Option<&str> {
        self.kr.id.as_deref()
    }

    /// Has a structured measure (metric, threshold, binary, milestones, from_children).
    pub(crate) fn has_measure(&self) -> bool {
        self.kr.measure().is_some()
    }
}

pub(crate) fn objective_path(i: usize) -> DocPath {
    DocPath::objective(i)
}

pub(crate) fn kr_path(i: usize, k: usize) -> DocPath {
    DocPath::key_result(i, k)
}

/// Where a rule reports; applies the configured severity.
pub(crate) struct Sink<'s> {
    rule: &'static Rule,
    override_severity: Option<Severity>,
    out: &'s mut Vec<Diagnostic>,
}

impl<'s> Sink<'s> {
    pub(crate) fn new(
        rule: &'static Rule,
        config: &LintConfig,
        out: &'s mut Vec<Diagnostic>,
    ) -> Self {
        let configured = config.severity_of(rule);
        Sink {
            rule,
            override_severity: (configured != rule.severity
                || config.severity.keys().any(|k| rule.matches(k)))
            .then_some(configured),
            out,
        }
    }

    /// Reports a finding at the rule's default severity.
    pub(crate) fn report(
        &mut self,
        path: DocPath,
        id: Option<&str>,
        message: String,
        help: impl Into<String>,
    ) {
        self.report_at(self.rule.severity, path, id, message, help);
    }

    /// Reports a finding at `severity` (rules with graded findings), unless configured otherwise.
    pub(crate) fn report_at(
        &mut self,
        severity: Severity,
        path: DocPath,
        id: Option<&str>,
        message: String,
        help: impl Into<String>,
    ) {
        self.out.push(Diagnostic {
            code: self.rule.code,
            rule: self.rule.name,
            severity: self.override_severity.unwrap_or(severity),
            message,
            help: help.into(),
            path,
            id: id.map(str::to_owned),
            line: None,
        });
    }
}

/// A sentence in quotes for a message, cut at 70 characters. It writes straight into the
/// message (most findings quote a title, and an organisation can have thousands).
pub(crate) fn quote(text: &str) -> Quoted<'_> {
    Quoted(text.trim())
}

/// See [`quote`].
pub(crate) struct Quoted<'a>(&'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.char_indices().nth(70) {
            None => write!(f, "\"{}\"", self.0),
            Some(_) => {
                let cut = self
                    .0
                    .char_indices()
                    .nth(67)
                    .map_or(self.0.len(), |(at, _)| at);
                write!(f, "\"{}…\"", &self.0[..cut])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_cut_after_70_characters() {
        let seventy = "é".repeat(70);
        assert_eq!(
            quote(&format!("  {seventy} ")).to_string(),
            format!("\"{seventy}\"")
        );
        let long = format!("{seventy}x");
        assert_eq!(quote(&long).to_string(), format!("\"{}…\"", "é".repeat(67)));
    }
}
