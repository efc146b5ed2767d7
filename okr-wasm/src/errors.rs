//! Results and errors as JavaScript values.
//!
//! Every failure becomes a real `Error` (so `instanceof Error`, stack traces and
//! `error.message` work as JS users expect) named `OkrError`, carrying the located problems:
//! `path`, `id` and `line` of the first one, and `problems`, the whole list.

use okr_core::Problem;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// What every export returns: a JS value, or an `OkrError` to throw.
pub(crate) type JsResult<T = JsValue> = Result<T, JsValue>;

/// Converts a result to a plain JS object with the JSON shapes of docs/reports.md: maps become
/// objects (not `Map`s) and missing values `null` (not `undefined`).
///
/// The value crosses as JSON text read by `JSON.parse`: one string and one native parse
/// instead of a call into JS for every field, and the module needs no second serializer.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult {
    let json = serde_json::to_string(value)
        .map_err(|e| usage_error("", format!("could not convert the result: {e}")))?;
    js_sys::JSON::parse(&json)
}

/// The error for a document that does not load or validate.
pub(crate) fn document_error(error: &okr_core::Error) -> JsValue {
    // The core's message already names the first problem's line and path.
    okr_error(&error.to_string(), &error.problems())
}

/// The error for a wrong argument, located by its name (`options.asOf`, `source`).
pub(crate) fn usage_error(path: &str, message: impl Into<String>) -> JsValue {
    // Argument names (`options.asOf`) read as paths from the caller's argument list.
    usage_problem(Problem::new(
        okr_core::ProblemKind::InvalidValue,
        okr_core::DocPath::parse(path),
        message,
    ))
}

/// The error for a wrong argument the core has already described (its kind and message).
pub(crate) fn usage_problem(problem: Problem) -> JsValue {
    okr_error(&problem.to_string(), std::slice::from_ref(&problem))
}

fn okr_error(message: &str, problems: &[Problem]) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("OkrError");
    let first = problems.first();
    let line = first
        .and_then(|p| p.line)
        .map_or(JsValue::NULL, |line| JsValue::from_f64(line as f64));
    let id = first
        .and_then(|p| p.id.as_deref())
        .map_or(JsValue::NULL, JsValue::from_str);
    let properties = [
        (
            "path",
            JsValue::from_str(&first.map(|p| p.path.to_string()).unwrap_or_default()),
        ),
        ("id", id),
        ("line", line),
        // Converted directly (not through `to_js`, whose error path leads back here).
        (
            "problems",
            serde_json::to_string(problems)
                .ok()
                .and_then(|json| js_sys::JSON::parse(&json).ok())
                .unwrap_or(JsValue::NULL),
        ),
    ];
    for (name, value) in properties {
        // Setting a property on a fresh Error object cannot fail; if it ever did, the
        // error would still carry its message, so the result is ignored.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str(name), &value);
    }
    error.into()
}
