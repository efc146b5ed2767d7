//! `addCheckIn` and `diff`: conversions over `okr_core::edit` and `okr_core::diff`.

use crate::errors::{JsResult, document_error, to_js, usage_error};
use crate::options::{Options, Setting};
use crate::source;
#[cfg(feature = "yaml")]
use okr_core::edit::{EditError, EditableDocument};
#[cfg(feature = "yaml")]
use okr_core::format::LoadOptions;
#[cfg(feature = "yaml")]
use okr_core::model::CheckIn;
use wasm_bindgen::prelude::*;

#[cfg(feature = "yaml")]
fn edit_error(error: &EditError) -> JsValue {
    match error {
        EditError::Invalid(inner) => document_error(inner),
        EditError::UnknownKeyResult { .. } => usage_error("keyResult", error.to_string()),
        EditError::BadNumber { field, .. } if *field == "confidence" => {
            usage_error("options.confidence", error.to_string())
        }
        _ => usage_error("value", error.to_string()),
    }
}

/// Adds a check-in to key result `keyResult` of the YAML or JSON text `source` and returns
/// the new text: the check-in is spliced in beside its siblings and nothing else changes.
/// `options`: `date` (default today), `confidence`, `note`, `format`.
#[cfg(feature = "yaml")]
#[wasm_bindgen(js_name = addCheckIn, skip_typescript)]
pub fn add_check_in(
    source: JsValue,
    key_result: JsValue,
    value: JsValue,
    options: JsValue,
) -> JsResult<String> {
    let options = Options::read(
        &options,
        &[
            Setting::Format,
            Setting::Date,
            Setting::Confidence,
            Setting::Note,
        ],
    )?;
    let Some(key_result) = key_result.as_string() else {
        return Err(usage_error(
            "keyResult",
            "expected the key result's id (a string)",
        ));
    };
    let value = match value.as_f64() {
        Some(number) => Some(number),
        None if value.is_null() || value.is_undefined() => None,
        None => return Err(usage_error("value", "expected a number, or null for none")),
    };
    let (text, format) = source::text_only(&source, options.format)?;
    let mut document = EditableDocument::parse(text, format, &LoadOptions::default())
        .map_err(|e| document_error(&e))?;
    let mut check_in = CheckIn::new(options.date_or_today()?);
    check_in.value = value;
    check_in.confidence = options.confidence;
    check_in.note = options.note;
    document
        .add_check_in(&key_result, check_in)
        .map_err(|e| edit_error(&e))?;
    Ok(document.into_text())
}

/// A module built without YAML cannot edit text: it says so.
#[cfg(not(feature = "yaml"))]
#[wasm_bindgen(js_name = addCheckIn, skip_typescript)]
pub fn add_check_in(
    _source: JsValue,
    _key_result: JsValue,
    _value: JsValue,
    _options: JsValue,
) -> JsResult<String> {
    Err(usage_error(
        "source",
        "this build of okr-wasm leaves out text edits (its `yaml` feature); use the full build",
    ))
}

/// What changed from `old` to `new` (text or plain objects): `{as_of, changes, scores}`.
/// `options`: `asOf` (default today) for the score changes, `format` for text sources.
#[wasm_bindgen(js_name = diff, skip_typescript)]
pub fn diff(old: JsValue, new: JsValue, options: JsValue) -> JsResult {
    let options = Options::read(&options, &[Setting::Format, Setting::AsOf])?;
    let as_of = options.as_of_or_today()?;
    let before = source::with_document(&old, options.format, |document, _| document.clone())?;
    let report = source::with_document(&new, options.format, |document, _| {
        okr_core::diff::diff(&before, document, as_of)
    })?;
    to_js(&report)
}
