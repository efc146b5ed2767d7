//! Changing an OKR file the way a person would: an edit rewrites only the bytes it must, so
//! comments, blank lines, key order, quoting, flow or block style and number spelling stay as
//! written, and a commit's diff shows only what changed.
//!
//! Edits are splices at the byte spans the YAML parser reports (JSON is read as flow YAML by
//! the same parser). Every edit is checked: the new text is loaded again and must give
//! exactly the typed document the edit describes, or the edit is refused and nothing changes.
//! `docs/living-document.md` explains why splicing was chosen over a lossless YAML tree.
//!
//! ```
//! use okr_core::edit::EditableDocument;
//! use okr_core::format::{Format, LoadOptions};
//! use okr_core::model::CheckIn;
//! use chrono::NaiveDate;
//!
//! let text = "objectives:\n  - id: O1\n    title: Delight cooks  # the 2026 theme\n    key_results:\n      - id: K1\n        title: Raise NPS from 30 to 45\n        check_ins:\n          - { date: 2026-07-15, value: 33 }\n";
//! let mut doc = EditableDocument::parse(text, Format::Yaml, &LoadOptions::default())?;
//! let day = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
//! doc.add_check_in("K1", CheckIn::new(day).value(36.5).confidence(0.7))?;
//! assert_eq!(doc.text(), format!("{text}          - {{ date: 2026-08-01, value: 36.5, confidence: 0.7 }}\n"));
//! assert_eq!(doc.document().key_result("K1").unwrap().check_ins.len(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// Edits splice text at the YAML parser's spans: they need the `yaml` feature. The checks
// of a check-in (shared with `Scorer::add_check_in`) do not.
#[cfg(feature = "yaml")]
mod document;
mod error;
#[cfg(feature = "yaml")]
mod next_cycle;
#[cfg(feature = "yaml")]
mod render;
#[cfg(feature = "yaml")]
mod spans;
#[cfg(feature = "yaml")]
mod splice;

#[cfg(feature = "yaml")]
pub use document::EditableDocument;
pub use error::EditError;
#[cfg(feature = "yaml")]
pub use next_cycle::{Carry, NextCycle};

use crate::model::{CheckIn, Document, Measure};

/// Whether `check_in` may be added to key result `id` of `document`: the id exists, the
/// numbers can be stored, and the value suits the measure. Shared with
/// [`crate::score::Scorer::add_check_in`].
pub(crate) fn check_check_in(
    document: &Document,
    id: &str,
    check_in: &CheckIn,
) -> Result<(), EditError> {
    check_numbers(check_in)?;
    let Some(kr) = document.key_result(id) else {
        return Err(EditError::UnknownKeyResult {
            id: id.to_owned(),
            suggestion: nearest_key_result(document, id),
        });
    };
    check_measure(id, kr.measure(), check_in)
}

fn wrong_measure(id: &str, message: &str) -> EditError {
    EditError::WrongMeasure {
        id: id.to_owned(),
        message: message.to_owned(),
    }
}

fn check_numbers(check_in: &CheckIn) -> Result<(), EditError> {
    if let Some(value) = check_in.value
        && !value.is_finite()
    {
        return Err(EditError::BadNumber {
            field: "value",
            message: format!("{value} is not a finite number"),
        });
    }
    if let Some(confidence) = check_in.confidence
        && !(0.0..=1.0).contains(&confidence)
    {
        return Err(EditError::BadNumber {
            field: "confidence",
            message: format!("{confidence} is outside [0, 1]; write 0.7 for 70 %"),
        });
    }
    Ok(())
}

/// A value goes with a number measure (a metric, a threshold, or a measure read from the
/// title); the other measures record progress in their own fields.
fn check_measure(
    id: &str,
    measure: Option<Measure<'_>>,
    check_in: &CheckIn,
) -> Result<(), EditError> {
    let wrong = |message: &str| Err(wrong_measure(id, message));
    match (measure, check_in.value) {
        (Some(Measure::Binary(_)), Some(_)) => {
            wrong("it is done or not done (binary); record that with `done`, not a value")
        }
        (Some(Measure::Milestones(_)), Some(_)) => {
            wrong("it is measured by milestones; mark a milestone done instead of giving a value")
        }
        (Some(Measure::FromChildren), Some(_)) => {
            wrong("its score comes from its child objectives; check in on their key results")
        }
        (Some(Measure::Metric(_) | Measure::Threshold(_)), None) => {
            wrong("a check-in needs a value for a metric or threshold")
        }
        _ => Ok(()),
    }
}

#[cfg(feature = "yaml")]
fn find_key_result(document: &Document, id: &str) -> Option<(usize, usize)> {
    document
        .objectives
        .iter()
        .enumerate()
        .find_map(|(o, objective)| {
            objective
                .key_results
                .iter()
                .position(|kr| kr.id.as_deref() == Some(id))
                .map(|k| (o, k))
        })
}

fn nearest_key_result(document: &Document, id: &str) -> Option<String> {
    document
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .filter_map(|kr| kr.id.as_deref())
        .map(|candidate| {
            (
                strsim::normalized_levenshtein(&candidate.to_lowercase(), &id.to_lowercase()),
                candidate,
            )
        })
        .filter(|(similarity, _)| *similarity >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate.to_owned())
}
