//! Documents to tables.

use super::{CHECK_IN_COLUMNS, KEY_RESULT_COLUMNS, Tables};
use crate::error::{Error, Result};
use crate::model::{Document, KeyResult, Measure, Objective};

/// A number as a spreadsheet shows it: `3`, `2.5`.
pub(super) fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v + 0.0)
        } else {
            format!("{v}")
        }
    })
}

fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_owned()
}

/// Milestones as one cell: `Beta (done); GA`.
fn milestones_cell(kr: &KeyResult) -> String {
    kr.milestones
        .iter()
        .flatten()
        .map(|m| format!("{}{}", m.title, if m.done { super::DONE_MARK } else { "" }))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The measure columns of a key result: measure, start, target, min, max, unit, done,
/// probability (empty where the measure has no such field).
fn measure_cells(kr: &KeyResult) -> [String; 8] {
    let [
        mut measure,
        mut start,
        mut target,
        mut min,
        mut max,
        mut unit,
        mut done,
        mut probability,
    ]: [String; 8] = Default::default();
    if let Some(name) = kr.measure().map(|m| m.name()) {
        measure = name.to_owned();
    }
    match kr.measure() {
        Some(Measure::Metric(m)) => {
            (start, target, unit) = (
                number(Some(m.start)),
                number(Some(m.target)),
                text(m.unit.as_deref()),
            );
        }
        Some(Measure::Threshold(t)) => {
            (min, max, unit) = (number(t.min), number(t.max), text(t.unit.as_deref()));
        }
        Some(Measure::Binary(b)) => {
            (done, probability) = (b.done.to_string(), number(b.probability));
        }
        Some(Measure::Milestones(_) | Measure::FromChildren) | None => {}
    }
    [measure, start, target, min, max, unit, done, probability]
}

fn objective_cells(document: &Document, objective: &Objective) -> [String; 8] {
    let cycle = document.cycle_of(objective);
    [
        objective.id.clone(),
        objective.title.clone(),
        text(objective.owner.as_deref()),
        // The cycle it is in, also when the document's only cycle is implied.
        cycle.map_or_else(|| text(objective.cycle.as_deref()), |c| c.id.clone()),
        cycle.map(|c| c.start.to_string()).unwrap_or_default(),
        cycle.map(|c| c.end.to_string()).unwrap_or_default(),
        objective
            .kind
            .map(|k| k.as_str().to_owned())
            .unwrap_or_default(),
        objective.aligned_ids().collect::<Vec<_>>().join(";"),
    ]
}

fn csv_error(error: &impl std::fmt::Display) -> Error {
    Error::Serialize(format!("could not write the table: {error}"))
}

/// The document as two CSV tables (see [`super::KEY_RESULT_COLUMNS`]). Milestones, history,
/// lint settings and unknown fields have no column: the YAML or JSON file keeps them.
pub fn write_csv(document: &Document) -> Result<Tables> {
    let mut key_results = csv::Writer::from_writer(Vec::new());
    key_results
        .write_record(KEY_RESULT_COLUMNS)
        .map_err(|e| csv_error(&e))?;
    let mut check_ins = csv::Writer::from_writer(Vec::new());
    check_ins
        .write_record(CHECK_IN_COLUMNS)
        .map_err(|e| csv_error(&e))?;
    for objective in &document.objectives {
        let head = objective_cells(document, objective);
        if objective.key_results.is_empty() {
            let row: Vec<String> = head
                .iter()
                .cloned()
                .chain(std::iter::repeat_n(String::new(), 13))
                .collect();
            key_results.write_record(&row).map_err(|e| csv_error(&e))?;
        }
        for kr in &objective.key_results {
            let [measure, start, target, min, max, unit, done, probability] = measure_cells(kr);
            let owner = kr
                .owner
                .as_ref()
                .map(|ids| ids.iter().collect::<Vec<_>>().join(";"));
            let row: Vec<String> = head
                .iter()
                .cloned()
                .chain([
                    text(kr.id.as_deref()),
                    kr.title.clone(),
                    owner.unwrap_or_default(),
                    measure,
                    start,
                    target,
                    min,
                    max,
                    unit,
                    number(kr.weight),
                    done,
                    probability,
                    milestones_cell(kr),
                ])
                .collect();
            key_results.write_record(&row).map_err(|e| csv_error(&e))?;
            let Some(id) = kr.id.as_deref() else { continue };
            for check_in in &kr.check_ins {
                check_ins
                    .write_record([
                        id.to_owned(),
                        check_in.date.to_string(),
                        number(check_in.value),
                        number(check_in.confidence),
                        text(check_in.note.as_deref()),
                    ])
                    .map_err(|e| csv_error(&e))?;
            }
        }
    }
    let finish = |writer: csv::Writer<Vec<u8>>| -> Result<String> {
        let bytes = writer.into_inner().map_err(|e| csv_error(&e))?;
        String::from_utf8(bytes).map_err(|e| csv_error(&e))
    };
    Ok(Tables {
        key_results: finish(key_results)?,
        check_ins: finish(check_ins)?,
    })
}
