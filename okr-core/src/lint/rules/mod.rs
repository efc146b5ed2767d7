//! One file per rule; the registry (`super::registry::RULES`) lists them all.

pub(crate) mod alignment_cycle;
pub(crate) mod bau_kpi_as_kr;
pub(crate) mod binary_kr_without_confidence;
pub(crate) mod cascade_too_deep;
pub(crate) mod chronic_miss;
pub(crate) mod competitor_parity_objective;
pub(crate) mod compound_key_result;
pub(crate) mod compound_objective;
pub(crate) mod conflicting_objectives;
pub(crate) mod duplicate_key_result;
pub(crate) mod kr_copied_as_child_objective;
pub(crate) mod kr_outside_cycle;
pub(crate) mod kr_without_owner;
pub(crate) mod missing_baseline;
pub(crate) mod missing_okr_type;
pub(crate) mod not_achievable_in_cycle;
pub(crate) mod objective_is_metric;
pub(crate) mod orphan_objective;
pub(crate) mod output_key_result;
pub(crate) mod sandbagging;
pub(crate) mod set_and_forget;
pub(crate) mod solution_prescribing_objective;
pub(crate) mod suppression_without_reason;
pub(crate) mod target_equals_baseline;
pub(crate) mod too_few_key_results;
pub(crate) mod too_many_key_results;
pub(crate) mod too_many_objectives;
pub(crate) mod unpaired_quantity_kr;
pub(crate) mod unused_suppression;
pub(crate) mod vague_key_result;
pub(crate) mod vague_objective;
pub(crate) mod vanity_metric;

use crate::model::Document;

/// Final scores of an objective in earlier cycles, oldest first (cycle ids sort in time
/// order for the usual `2026-Q3` / `FY27-H1` shapes).
pub(crate) fn history_scores<'a>(doc: &'a Document, objective: &str) -> Vec<(&'a str, f64)> {
    let mut scores: Vec<(&str, f64)> = doc
        .history
        .iter()
        .filter(|h| h.objective == objective && h.score.is_finite())
        .map(|h| (h.cycle.as_str(), h.score))
        .collect();
    scores.sort_by(|a, b| a.0.cmp(b.0));
    scores
}
