//! The `source` argument: YAML/JSON text or a plain JS object, read into a validated document.

use crate::errors::{document_error, usage_error};
use js_sys::JsString;
use okr_core::format::{DEFAULT_MAX_BYTES, Format, LoadOptions, Reloader, load_str};
use okr_core::{Document, Error, Problem};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

// A plain object is read as JSON text through the core's own JSON reader: the module then
// carries one deserializer per type instead of two (a serde-wasm-bindgen one costs about
// 125 KiB), objects get exactly the errors and limits of JSON text, and `JSON.stringify`
// refuses cycles. The replacer is a Rust closure, not a JS snippet, so the generated
// packages stay plain CommonJS (node) and plain ES modules (web).

/// `JSON.stringify` would turn NaN and infinities into `null`, which reads as "missing":
/// they become the core's spelling of non-finite numbers (YAML's `.nan`, `.inf`), which
/// the reader refuses as such, with their path. BigInts, which `JSON.stringify` cannot
/// write at all, become their digits, refused as text where a number belongs.
fn keep_unwritable_numbers(_key: JsValue, value: JsValue) -> JsValue {
    match value.as_f64() {
        Some(n) if n.is_nan() => return JsValue::from_str(".nan"),
        Some(n) if n == f64::INFINITY => return JsValue::from_str(".inf"),
        Some(n) if n == f64::NEG_INFINITY => return JsValue::from_str("-.inf"),
        _ => {}
    }
    if value.is_bigint()
        && let Ok(text) = value.unchecked_ref::<js_sys::BigInt>().to_string(10)
    {
        return text.into();
    }
    value
}

/// Why a source could not be read.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The document itself is wrong: `validate` reports these as problems.
    Document(Error),
    /// The argument is not a document at all: always thrown.
    Usage(JsValue),
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        match failure {
            Failure::Document(error) => document_error(&error),
            Failure::Usage(error) => error,
        }
    }
}

/// A source as text: what the caller passed, or the JSON of a plain object.
struct Text {
    text: String,
    format: Format,
    from_object: bool,
}

/// The text of `source`; `format` applies to text (sniffed when not given).
/// The text of a text `source` (an object has none to edit), and its format.
pub(crate) fn text_only(
    source: &JsValue,
    format: Option<Format>,
) -> Result<(String, Format), Failure> {
    match text_of(source, format)? {
        Text {
            from_object: false,
            text,
            format,
        } => Ok((text, format)),
        _ => Err(Failure::Usage(usage_error(
            "source",
            "edits change text: pass the YAML or JSON text of the document",
        ))),
    }
}

fn text_of(source: &JsValue, format: Option<Format>) -> Result<Text, Failure> {
    if let Some(text) = source.dyn_ref::<JsString>() {
        check_length(text.length() as usize)?;
        let text = utf8_of(text);
        let format = format.unwrap_or_else(|| Format::detect(None, text.as_bytes()));
        return Ok(Text {
            text,
            format,
            from_object: false,
        });
    }
    if source.is_object() {
        let text = to_json(source, "source").map_err(Failure::Document)?;
        return Ok(Text {
            text,
            format: Format::Json,
            from_object: true,
        });
    }
    Err(Failure::Usage(usage_error(
        "source",
        "source must be YAML or JSON text, or a plain object of the OKR file format",
    )))
}

/// Documents whose text is longer than this are read afresh on every call rather than
/// kept for the next one: at that size no one is linting as they type, and the model of a
/// large document is worth giving back to the allocator.
const KEEP_AT_MOST: usize = 4 * 1024 * 1024;

thread_local! {
    /// The last document read. A planning widget sends the same document on every
    /// keystroke with one small change, so an edit inside one objective re-reads only that
    /// objective ([`Reloader`]); holds at most one document of up to [`KEEP_AT_MOST`] bytes.
    static READER: RefCell<Reloader> = RefCell::default();
}

/// Reads and validates `source`, then passes the document to `use_document` with, for a
/// text source, the text and its format (to locate lines).
pub(crate) fn with_document<T>(
    source: &JsValue,
    format: Option<Format>,
    use_document: impl FnOnce(&Document, Option<(&str, Format)>) -> T,
) -> Result<T, Failure> {
    let Text {
        text,
        format,
        from_object,
    } = text_of(source, format)?;
    let options = LoadOptions::default();
    let lines = (!from_object).then_some((text.as_str(), format));
    let read = READER.with(|reader| match reader.try_borrow_mut() {
        Ok(mut reader) if text.len() <= KEEP_AT_MOST => reader
            .load_str(&text, format, &options)
            .map(|document| use_document(document, lines)),
        // Too large to keep, or (only in a re-entrant call) the reader is in use.
        _ => load_str(&text, format, &options).map(|document| use_document(&document, lines)),
    });
    // Lines of the intermediate JSON of an object mean nothing to the caller.
    read.map_err(|error| match from_object {
        true => Failure::Document(error.without_lines()),
        false => Failure::Document(error),
    })
}

thread_local! {
    /// `new TextEncoder()` and its `encode` method, looked up once.
    static ENCODER: Option<(JsValue, js_sys::Function)> = text_encoder();
}

fn text_encoder() -> Option<(JsValue, js_sys::Function)> {
    let class = js_sys::Reflect::get(&js_sys::global(), &"TextEncoder".into()).ok()?;
    let encoder =
        js_sys::Reflect::construct(class.dyn_ref::<js_sys::Function>()?, &js_sys::Array::new())
            .ok()?;
    let encode = js_sys::Reflect::get(&encoder, &"encode".into()).ok()?;
    Some((encoder, encode.dyn_into().ok()?))
}

/// The text of a JS string as UTF-8 in wasm memory.
///
/// wasm-bindgen's own conversion copies ASCII one character at a time in JS (about 0.5 ms
/// for a 120 KB document in node); the engine's `TextEncoder` encodes it natively and the
/// bytes arrive in one copy. Lone surrogates become U+FFFD either way.
fn utf8_of(text: &JsString) -> String {
    let encoded = ENCODER.with(|encoder| {
        let (encoder, encode) = encoder.as_ref()?;
        let bytes = encode.call1(encoder, text).ok()?;
        let bytes: &js_sys::Uint8Array = bytes.dyn_ref()?;
        String::from_utf8(bytes.to_vec()).ok()
    });
    encoded.unwrap_or_else(|| String::from(text))
}

/// Refuses text over the core's size limit before copying it into wasm memory, where a
/// huge string could exhaust the memory (an abort, not an error). One UTF-16 unit of a JS
/// string is at least one byte of UTF-8.
fn check_length(units: usize) -> Result<(), Failure> {
    if units > DEFAULT_MAX_BYTES {
        return Err(Failure::Document(Error::TooLarge {
            size: units,
            limit: DEFAULT_MAX_BYTES,
        }));
    }
    Ok(())
}

/// A JS value as JSON text; what `JSON.stringify` refuses (a cycle, a throwing `toJSON`)
/// is an error at `path`.
pub(crate) fn to_json(value: &JsValue, path: &str) -> Result<String, Error> {
    let replacer = Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(keep_unwritable_numbers);
    // `JSON.stringify` may also return `undefined` (e.g. a `toJSON` that returns nothing),
    // so the result is checked to be a string rather than trusted.
    let message =
        match js_sys::JSON::stringify_with_replacer(value, replacer.as_ref().unchecked_ref())
            .map(JsValue::from)
        {
            Ok(json) => match json.dyn_ref::<JsString>() {
                Some(json) if json.length() as usize > DEFAULT_MAX_BYTES => {
                    return Err(Error::TooLarge {
                        size: json.length() as usize,
                        limit: DEFAULT_MAX_BYTES,
                    });
                }
                Some(json) => return Ok(String::from(json)),
                None => "it writes no JSON".to_owned(),
            },
            // What was thrown need not be an Error; anything else gives no message.
            Err(thrown) => thrown
                .dyn_ref::<js_sys::Error>()
                .and_then(|error| error.message().as_string())
                .or_else(|| thrown.as_string())
                .unwrap_or_default(),
        };
    Err(Error::Syntax(Problem {
        kind: okr_core::ProblemKind::WrongType,
        path: okr_core::DocPath::parse(path),
        id: None,
        line: None,
        message: format!(
            "cannot be read as plain data ({message}); pass plain objects, arrays, strings and numbers"
        ),
    }))
}
