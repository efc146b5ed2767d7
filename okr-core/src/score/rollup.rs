//! Scores flow up the alignment DAG: children first, in topological order, iteratively.
//! O(objectives + key results + alignment edges); no recursion, so chains of any depth work.

use super::measure::{self, Effective, Own};
use super::{KeyResultScore, ObjectiveScore, ScoreConfig, ScoreReport, expected_progress};
use crate::hash::HashMap;
use crate::model::{Document, Measure, Objective};
use chrono::NaiveDate;
use std::sync::Arc;

/// Where an aligned id points: an objective, or one key result of it (global index).
#[derive(Clone, Copy)]
enum Target {
    Objective(usize),
    KeyResult { objective: usize, global: usize },
}

/// What scoring needs from a document that does not change with the day: key-result
/// numbering, alignment edges and the measure read from each bare sentence.
#[derive(Debug, Clone)]
pub(super) struct Plan {
    /// `offsets[i]` is the global index of objective `i`'s first key result.
    offsets: Vec<usize>,
    objective_children: Vec<Vec<usize>>,
    kr_children: Vec<Vec<usize>>,
    parents: Vec<Vec<usize>>,
    /// How many children each objective waits for before it can be scored.
    pending: Vec<usize>,
    /// Baseline and target read from the title of key results without a written measure.
    inferred: Vec<Option<(f64, f64)>>,
    /// Each objective's names as reports show them, shared by every report of the document.
    names: Vec<Names>,
}

/// The text a report repeats from an objective: every report of a prepared document
/// shares it (cloning an `Arc` counts, it does not copy), where copying the ids and titles
/// of 100 000 key results was a third of the time of a score.
#[derive(Debug, Clone)]
struct Names {
    id: Arc<str>,
    title: Arc<str>,
    owner: Option<Arc<str>>,
    cycle: Option<Arc<str>>,
    /// Id, title and owner of each key result.
    key_results: Vec<KeyResultNames>,
}

#[derive(Debug, Clone)]
struct KeyResultNames {
    id: Option<Arc<str>>,
    title: Arc<str>,
    /// The key result's own owners (joined by ", "), else its objective's owner.
    owner: Option<Arc<str>>,
}

impl Names {
    fn of(doc: &Document, objective: &Objective) -> Names {
        let owner: Option<Arc<str>> = objective.owner.as_deref().map(Arc::from);
        Names {
            id: objective.id.as_str().into(),
            title: objective.title.as_str().into(),
            cycle: doc.cycle_of(objective).map(|c| c.id.as_str().into()),
            key_results: objective
                .key_results
                .iter()
                .map(|kr| KeyResultNames {
                    id: kr.id.as_deref().map(Arc::from),
                    title: kr.title.as_str().into(),
                    owner: match &kr.owner {
                        Some(ids) if !ids.is_empty() => {
                            Some(ids.iter().collect::<Vec<_>>().join(", ").into())
                        }
                        _ => owner.clone(),
                    },
                })
                .collect(),
            owner,
        }
    }
}

impl Plan {
    pub(super) fn new(doc: &Document) -> Plan {
        let n = doc.objectives.len();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut total = 0;
        for objective in &doc.objectives {
            offsets.push(total);
            total += objective.key_results.len();
        }
        offsets.push(total);

        let mut targets: HashMap<&str, Target> =
            HashMap::with_capacity_and_hasher(n + total, Default::default());
        for (i, objective) in doc.objectives.iter().enumerate() {
            targets
                .entry(objective.id.as_str())
                .or_insert(Target::Objective(i));
            for (k, kr) in objective.key_results.iter().enumerate() {
                if let Some(id) = &kr.id {
                    targets.entry(id.as_str()).or_insert(Target::KeyResult {
                        objective: i,
                        global: offsets[i] + k,
                    });
                }
            }
        }

        // Alignment edges, child → parent, with the children of each objective and key result.
        let mut objective_children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut kr_children: Vec<Vec<usize>> = vec![Vec::new(); total];
        let mut parents: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut pending = vec![0usize; n];
        for (child, objective) in doc.objectives.iter().enumerate() {
            for id in objective.aligned_ids() {
                // A child listed twice under the same parent still counts once.
                let push_once = |list: &mut Vec<usize>| {
                    if list.last() != Some(&child) {
                        list.push(child);
                    }
                };
                let parent = match targets.get(id) {
                    Some(Target::Objective(p)) => {
                        push_once(&mut objective_children[*p]);
                        *p
                    }
                    Some(Target::KeyResult { objective, global }) => {
                        push_once(&mut kr_children[*global]);
                        *objective
                    }
                    None => continue,
                };
                parents[child].push(parent);
                pending[parent] += 1;
            }
        }
        let inferred = doc
            .objectives
            .iter()
            .flat_map(|o| &o.key_results)
            .map(|kr| {
                kr.measure()
                    .is_none()
                    .then(|| measure::inferred_measure(kr))
                    .flatten()
            })
            .collect();
        let names = doc.objectives.iter().map(|o| Names::of(doc, o)).collect();
        Plan {
            offsets,
            objective_children,
            kr_children,
            parents,
            pending,
            inferred,
            names,
        }
    }

    /// The measure of key result `global`, as [`measure::effective_measure`] gives it.
    fn measure<'d>(&self, kr: &'d crate::model::KeyResult, global: usize) -> Effective<'d> {
        measure::with_inferred(kr, || self.inferred[global])
    }
}

/// Scores `doc` following `plan`, which must have been made from `doc` (the callers keep
/// the two together).
pub(super) fn score_document(
    doc: &Document,
    plan: &Plan,
    as_of: NaiveDate,
    config: &ScoreConfig,
) -> ScoreReport {
    let n = doc.objectives.len();
    let Plan {
        offsets,
        objective_children,
        kr_children,
        parents,
        ..
    } = plan;
    let total = offsets[n];
    let mut pending = plan.pending.clone();
    // Sized up front: a flattened iterator cannot say its length, and growing a list of
    // 80 000 measures by doubling copies it over and over.
    let mut measures: Vec<Effective<'_>> = Vec::with_capacity(total);
    for (i, objective) in doc.objectives.iter().enumerate() {
        for (k, kr) in objective.key_results.iter().enumerate() {
            measures.push(plan.measure(kr, offsets[i] + k));
        }
    }

    // Key results' own scores (everything but from_children).
    let mut own: Vec<Own> = Vec::with_capacity(total);
    for objective in &doc.objectives {
        let cycle = doc.cycle_of(objective);
        for kr in &objective.key_results {
            own.push(measure::score_key_result(
                kr,
                measures[own.len()],
                cycle,
                as_of,
            ));
        }
    }

    // Kahn's algorithm: an objective is scored once all its children are.
    let mut scores: Vec<Option<f64>> = vec![None; n];
    let mut ready: Vec<usize> = (0..n).filter(|&i| pending[i] == 0).collect();
    while let Some(i) = ready.pop() {
        let objective = &doc.objectives[i];
        let mut sum = 0.0;
        let mut weights = 0.0;
        for (k, kr) in objective.key_results.iter().enumerate() {
            let global = offsets[i] + k;
            if matches!(measures[global], Effective::Written(Measure::FromChildren)) {
                let rolled = weighted_children(&kr_children[global], doc, &scores);
                own[global].score = rolled;
                own[global].attainment = rolled;
            }
            let weight = kr.weight();
            if let Some(score) = own[global].score
                && weight > 0.0
            {
                sum += weight * score;
                weights += weight;
            }
        }
        scores[i] = if weights > 0.0 {
            Some(sum / weights)
        } else {
            weighted_children(&objective_children[i], doc, &scores)
        };
        for &parent in &parents[i] {
            pending[parent] -= 1;
            if pending[parent] == 0 {
                ready.push(parent);
            }
        }
    }

    let objectives = doc
        .objectives
        .iter()
        .enumerate()
        .map(|(i, objective)| {
            let cycle = doc.cycle_of(objective);
            let score = scores[i];
            let expected = cycle.map(|c| expected_progress(c, as_of));
            let pace = match (score, expected) {
                (_, Some(None)) => Some(super::Pace::NotStarted),
                (Some(score), Some(Some(expected))) => Some(config.pace(score, expected)),
                _ => None,
            };
            let names = &plan.names[i];
            ObjectiveScore {
                id: Arc::clone(&names.id),
                title: Arc::clone(&names.title),
                owner: names.owner.clone(),
                cycle: names.cycle.clone(),
                kind: objective.kind(),
                score,
                color: score.map(|s| config.color(s)),
                outcome: score.map(|s| config.outcome(s, objective.kind())),
                expected: expected.map(|e| e.unwrap_or(0.0)),
                pace,
                key_results: names
                    .key_results
                    .iter()
                    .enumerate()
                    .map(|(k, names)| {
                        let own = own[offsets[i] + k];
                        KeyResultScore {
                            id: names.id.clone(),
                            title: Arc::clone(&names.title),
                            owner: names.owner.clone(),
                            score: own.score,
                            attainment: own.attainment,
                            color: own.score.map(|s| config.color(s)),
                            current: own.current,
                            forecast: own.forecast,
                            confidence: own.confidence,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    ScoreReport { as_of, objectives }
}

/// Weighted mean of the children's scores (objective weight, default 1; 0 and null skipped).
fn weighted_children(children: &[usize], doc: &Document, scores: &[Option<f64>]) -> Option<f64> {
    let mut sum = 0.0;
    let mut weights = 0.0;
    for &child in children {
        let weight = doc.objectives[child].weight();
        if let Some(score) = scores[child]
            && weight > 0.0
        {
            sum += weight * score;
            weights += weight;
        }
    }
    (weights > 0.0).then(|| sum / weights)
}
