//! What rules see: the document, precomputed once (parsed sentences, alignment, teams),
//! and the sink they report findings to.

use super::memo::{Held, Memo};
use super::registry::Rule;
use super::text::Words;
use super::{Diagnostic, LintConfig, Severity};
use crate::cascade::{Alignment, AlignmentGraph};
use crate::hash::HashMap;
use crate::model::{Cycle, Document, KeyResult, Objective};
use crate::sentence::{ParsedKeyResult, parse_key_result};
use chrono::NaiveDate;

pub(crate) struct Context<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) as_of: NaiveDate,
    pub(crate) config: &'a LintConfig,
    pub(crate) strict: bool,
    /// `parsed[i][k]`: the sentence of key result `k` of objective `i`, read once.
    pub(crate) parsed: Vec<Vec<Held<ParsedKeyResult>>>,
    /// `kr_words[i][k]`: the words of that key result's title, split once.
    pub(crate) kr_words: Vec<Vec<Held<Words>>>,
    /// `objective_words[i]`: the words of objective `i`'s title.
    pub(crate) objective_words: Vec<Held<Words>>,
    /// Readings kept from earlier runs, when the caller keeps a memo.
    memo: Option<&'a Memo>,
    /// The alignment graph and the team tree, as the cascade module builds them.
    alignment: Alignment<'a>,
    /// Final scores of earlier cycles by objective id, oldest first (cycle ids sort in time
    /// order for the usual `2026-Q3` / `FY27-H1` shapes).
    history: HashMap<&'a str, Vec<(&'a str, f64)>>,
}

impl<'a> Context<'a> {
    /// Earlier final scores of an objective, oldest first.
    pub(crate) fn history(&self, objective: &str) -> &[(&'a str, f64)] {
        self.history.get(objective).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn new(
        doc: &'a Document,
        as_of: NaiveDate,
        config: &'a LintConfig,
        memo: Option<&'a Memo>,
    ) -> Self {
        let mut cx = Context {
            doc,
            as_of,
            config,
            strict: config.is_strict(),
            parsed: Vec::new(),
            kr_words: Vec::new(),
            objective_words: Vec::new(),
            memo,
            alignment: Alignment::new(doc),
            history: history_index(doc),
        };
        let titles = |o: &'a Objective| o.key_results.iter().map(|kr| kr.title.as_str());
        cx.parsed = doc
            .objectives
            .iter()
            .map(|o| titles(o).map(|t| cx.sentence(t)).collect())
            .collect();
        cx.kr_words = doc
            .objectives
            .iter()
            .map(|o| titles(o).map(|t| cx.words(t)).collect())
            .collect();
        cx.objective_words = doc.objectives.iter().map(|o| cx.words(&o.title)).collect();
        cx
    }

    /// The key-result sentence in `text`, read once per memo run.
    pub(crate) fn sentence(&self, text: &str) -> Held<ParsedKeyResult> {
        match self.memo {
            Some(memo) => memo.sentence(text),
            None => Held::Own(parse_key_result(text)),
        }
    }

    /// The words of `text`, split once per memo run.
    pub(crate) fn words(&self, text: &str) -> Held<Words> {
        match self.memo {
            Some(memo) => memo.words(text),
            None => Held::Own(Words::of(text)),
        }
    }

    /// Every key result with its objective, indices and parsed sentence.
    pub(crate) fn key_results(&self) -> impl Iterator<Item = KeyResultRef<'_>> {
        self.doc
            .objectives
            .iter()
            .enumerate()
            .flat_map(move |(i, objective)| {
                objective
                    .key_results
                    .iter()
                    .enumerate()
                    .map(move |(k, kr)| KeyResultRef {
                        objective_index: i,
                        index: k,
                        objective,
                        kr,
                        parsed: &self.parsed[i][k],
                        words: &self.kr_words[i][k],
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
    pub(crate) words: &'c Words,
}

impl KeyResultRef<'_> {
    pub(crate) fn path(&self) -> String {
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

pub(crate) fn objective_path(i: usize) -> String {
    format!("objectives[{i}]")
}

pub(crate) fn kr_path(i: usize, k: usize) -> String {
    format!("objectives[{i}].key_results[{k}]")
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
        path: String,
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
        path: String,
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
