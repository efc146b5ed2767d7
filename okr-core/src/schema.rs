//! The JSON Schema of the OKR file format, generated from the model types.
//!
//! Editors use it for completion and inline checks, e.g. with the YAML language server:
//! `# yaml-language-server: $schema=okr.schema.json` at the top of an OKR file.
//!
//! ```
//! let schema = okr_core::schema::json_schema();
//! assert_eq!(schema["title"], "OKR document");
//! assert!(schema["properties"]["objectives"].is_object());
//! ```

use crate::model::Document;
use serde_json::{Value, json};

/// The JSON Schema (draft 2020-12) of an OKR document.
pub fn json_schema() -> Value {
    let schema = schemars::schema_for!(Document);
    let mut value = schema.to_value();
    // A key result may also be written as a bare sentence.
    if let Some(defs) = value.get_mut("$defs").and_then(Value::as_object_mut)
        && let Some(kr) = defs.remove("KeyResult")
    {
        let description = kr.get("description").cloned().unwrap_or(Value::Null);
        let mut object = kr;
        if let Some(map) = object.as_object_mut() {
            map.remove("description");
        }
        defs.insert(
            "KeyResult".into(),
            json!({
                "description": description,
                "anyOf": [
                    {"type": "string", "minLength": 1, "description": "A key result as a bare sentence; its measure is inferred from the text when it can be."},
                    object
                ]
            }),
        );
    }
    // The extension-field policy (validate::fields): additionalProperties stays open.
    if let Some(root) = value.as_object_mut() {
        root.insert(
            "$comment".into(),
            json!("Every object accepts fields okr does not know and keeps them through load and save (additionalProperties is open). A key that is a near miss of a known field (metirc, check-ins, wieght, objetives: a different case or separator, a plural, or a small typo) is an error with a suggestion instead. Prefix your own fields with x_ to keep them whatever their name."),
        );
    }
    value
}
