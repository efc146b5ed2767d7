//! One file per rule, in a folder per category, named after the rule. The code, category
//! and default severity of each rule live in one table: `super::registry::RULES`.

/// Counts and completeness of objectives and key results.
pub(crate) mod structure {
    pub(crate) mod missing_okr_type;
    pub(crate) mod too_few_key_results;
    pub(crate) mod too_many_key_results;
    pub(crate) mod too_many_objectives;
}
/// How a key result is written.
pub(crate) mod keyresult {
    pub(crate) mod bau_kpi_as_kr;
    pub(crate) mod binary_kr_without_confidence;
    pub(crate) mod compound_key_result;
    pub(crate) mod duplicate_key_result;
    pub(crate) mod kr_outside_cycle;
    pub(crate) mod kr_without_owner;
    pub(crate) mod missing_baseline_or_target;
    pub(crate) mod output_key_result;
    pub(crate) mod target_equals_baseline;
    pub(crate) mod vague_key_result;
    pub(crate) mod vanity_metric;
}
/// How an objective is written.
pub(crate) mod objective {
    pub(crate) mod activity_objective;
    pub(crate) mod competitor_parity_objective;
    pub(crate) mod compound_objective;
    pub(crate) mod not_achievable_in_cycle;
    pub(crate) mod objective_is_a_key_result;
    pub(crate) mod objective_is_a_topic;
    pub(crate) mod objective_is_metric;
    pub(crate) mod solution_prescribing_objective;
    pub(crate) mod unpaired_quantity_kr;
    pub(crate) mod vague_objective;
}
/// How objectives connect across teams.
pub(crate) mod alignment {
    pub(crate) mod alignment_cycle;
    pub(crate) mod cascade_too_deep;
    pub(crate) mod conflicting_objectives;
    pub(crate) mod kr_copied_as_child_objective;
    pub(crate) mod orphan_objective;
}
/// Check-ins and results over time.
pub(crate) mod tracking {
    pub(crate) mod chronic_miss;
    pub(crate) mod sandbagging;
    pub(crate) mod set_and_forget;
    pub(crate) mod stealth_target_change;
}
/// The linter's own bookkeeping (suppressions).
pub(crate) mod meta {
    pub(crate) mod suppression_without_reason;
    pub(crate) mod unused_suppression;
}
