//! Starting the next cycle: the new cycle is added, each objective of the ending cycle gets
//! its final score in `history`, and the unfinished ones are carried into the new cycle.

use super::spans::Step;
use super::splice;
use super::{EditError, EditableDocument, render};
use crate::hash::HashSet;
use crate::model::{Cycle, Document, HistoryEntry, Ids, KeyResult, Objective};
use crate::score::{ScoreConfig, score};

/// Which objectives of the ending cycle are copied into the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Carry {
    /// Those scoring below 1.0 at the end of their cycle (the default).
    #[default]
    Unfinished,
    /// Every one.
    All,
    /// None.
    None,
}

/// What [`EditableDocument::start_next_cycle`] did.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct NextCycle {
    /// The cycle that ended (the latest one ending before the new one starts).
    pub ended: String,
    /// `(objective id, final score)` recorded in `history`.
    pub recorded: Vec<(String, f64)>,
    /// `(old id, new id)` of each objective carried into the new cycle.
    pub carried: Vec<(String, String)>,
}

impl EditableDocument {
    /// Adds `cycle`, records the final score of each objective of the cycle that ends before
    /// it, and copies the objectives `carry` selects into it: fresh ids derived from the old
    /// ones, the same key results with their baseline moved to the last check-in, no
    /// check-ins, and `carried_from:` naming the original.
    pub fn start_next_cycle(&mut self, cycle: Cycle, carry: Carry) -> Result<NextCycle, EditError> {
        let before = &self.document;
        if before.cycle(&cycle.id).is_some() {
            return Err(plan_error(format!(
                "the cycle `{}` already exists",
                cycle.id
            )));
        }
        if cycle.end < cycle.start {
            return Err(plan_error(format!(
                "the cycle `{}` ends before it starts",
                cycle.id
            )));
        }
        let ending = before
            .cycles
            .iter()
            .filter(|c| c.end < cycle.start)
            .max_by_key(|c| c.end)
            .ok_or_else(|| {
                plan_error(format!(
                    "no cycle ends before {}; nothing to close",
                    cycle.start
                ))
            })?
            .clone();
        let report = score(before, ending.end, &ScoreConfig::default());
        let mut after = before.clone();
        let mut text = self.working_text();
        let mut summary = NextCycle {
            ended: ending.id.clone(),
            recorded: Vec::new(),
            carried: Vec::new(),
        };

        // Objectives that relied on being the only cycle now need to name theirs.
        if before.cycles.len() == 1 {
            for (index, objective) in before.objectives.iter().enumerate() {
                if objective.cycle.is_none() {
                    after.objectives[index].cycle = Some(ending.id.clone());
                    let path = [Step::Key("objectives"), Step::Index(index)];
                    splice::set_field(
                        &mut text,
                        self.format,
                        &path,
                        "cycle",
                        &render::scalar_text(&ending.id, self.format),
                    )?;
                }
            }
        }
        splice::insert_item(
            &mut text,
            self.format,
            &[],
            "cycles",
            None,
            &render::to_value(&cycle),
        )?;
        after.cycles.push(cycle.clone());

        let mut taken: HashSet<String> = ids(before);
        let (mut copies, mut renamed) = (Vec::new(), Vec::new());
        for (index, objective) in before.objectives.iter().enumerate() {
            if before.cycle_of(objective).map(|c| &c.id) != Some(&ending.id) {
                continue;
            }
            // The report lists objectives in document order.
            let final_score = report
                .objectives
                .get(index)
                .filter(|o| *o.id == *objective.id)
                .and_then(|o| o.score)
                .map(four_places);
            if let Some(value) = final_score
                && !before
                    .history
                    .iter()
                    .any(|h| h.objective == objective.id && h.cycle == ending.id)
            {
                let entry = HistoryEntry::new(objective.id.clone(), ending.id.clone(), value);
                splice::insert_item(
                    &mut text,
                    self.format,
                    &[],
                    "history",
                    None,
                    &render::to_value(&entry),
                )?;
                after.history.push(entry);
                summary.recorded.push((objective.id.clone(), value));
            }
            let unfinished = final_score.is_none_or(|s| s < 1.0);
            let copy = match carry {
                Carry::All => true,
                Carry::None => false,
                Carry::Unfinished => unfinished,
            };
            if copy {
                copies.push(carry_over(
                    objective,
                    &ending.id,
                    &cycle.id,
                    &mut taken,
                    &mut renamed,
                ));
            }
        }
        // A copy aligned to an objective or key result that was copied too aligns to the copy.
        for mut carried in copies {
            if let Some(aligned) = carried.aligns_to.as_mut() {
                let remap = |id: &mut String| {
                    if let Some((_, new)) = renamed.iter().find(|(old, _)| old == id) {
                        id.clone_from(new);
                    }
                };
                match aligned {
                    Ids::One(id) => remap(id),
                    Ids::Many(ids) => ids.iter_mut().for_each(remap),
                }
            }
            splice::insert_item(
                &mut text,
                self.format,
                &[],
                "objectives",
                None,
                &render::to_value(&carried),
            )?;
            summary.carried.push((
                carried.carried_from.clone().unwrap_or_default(),
                carried.id.clone(),
            ));
            after.objectives.push(carried);
        }
        self.commit(text, after)?;
        Ok(summary)
    }
}

/// A final score as history keeps it: four decimal places (0.4014, i.e. 40.14 %), not the
/// float noise of a rollup.
fn four_places(score: f64) -> f64 {
    (score * 10_000.0).round() / 10_000.0
}

fn plan_error(message: String) -> EditError {
    EditError::Plan { message }
}

/// Every id the document uses (objectives and key results share one id space).
fn ids(document: &Document) -> HashSet<String> {
    document
        .objectives
        .iter()
        .flat_map(|o| {
            std::iter::once(o.id.clone()).chain(o.key_results.iter().filter_map(|k| k.id.clone()))
        })
        .collect()
}

/// A fresh id for `old` in the new cycle: the old cycle's id inside it replaced by the new
/// one (`2026-Q3-O1` → `2026-Q4-O1`), else the new cycle's id appended; numbered when taken.
fn fresh_id(old: &str, old_cycle: &str, new_cycle: &str, taken: &mut HashSet<String>) -> String {
    let base = if !old_cycle.is_empty() && old.contains(old_cycle) {
        old.replace(old_cycle, new_cycle)
    } else {
        format!("{old}-{new_cycle}")
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// The copy of `objective` for the new cycle; `renamed` collects `(old id, new id)` of it
/// and its key results.
fn carry_over(
    objective: &Objective,
    old_cycle: &str,
    new_cycle: &str,
    taken: &mut HashSet<String>,
    renamed: &mut Vec<(String, String)>,
) -> Objective {
    let key_results = objective
        .key_results
        .iter()
        .map(|kr| {
            let mut kr: KeyResult = kr.clone();
            if let Some(old) = kr.id.take() {
                let new = fresh_id(&old, old_cycle, new_cycle, taken);
                renamed.push((old, new.clone()));
                kr.id = Some(new);
            }
            // The new baseline is where the metric got to, when it got part of the way (a
            // value at or past the target, or behind the start, keeps the old baseline).
            if let Some(metric) = kr.metric.as_mut()
                && let Some(last) = kr.check_ins.iter().filter_map(|c| c.value).next_back()
                && (metric.start.min(metric.target)..=metric.start.max(metric.target))
                    .contains(&last)
                && last != metric.target
            {
                metric.start = last;
                metric.current = None;
            }
            kr.check_ins.clear();
            kr.change_note = None;
            kr
        })
        .collect();
    let id = fresh_id(&objective.id, old_cycle, new_cycle, taken);
    renamed.push((objective.id.clone(), id.clone()));
    Objective {
        id,
        cycle: Some(new_cycle.to_owned()),
        carried_from: Some(objective.id.clone()),
        key_results,
        ..objective.clone()
    }
}
