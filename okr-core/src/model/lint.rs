use super::Extra;
use serde::{Deserialize, Serialize};

/// The `lint:` section of the document or of one objective or key result.
///
/// On an item it holds suppressions; on the document it may also hold linter settings
/// (`select`, `ignore`, `severity`, `thresholds`, `strict`), kept in `extra` and read by
/// [`crate::lint::LintConfig::from_document`].
///
/// ```
/// let doc = okr_core::from_yaml_str(r#"
/// objectives:
///   - id: O1
///     title: Ship the migration
///     lint: { allow: [{ rule: OKR202, reason: "a platform team's objective on purpose" }] }
/// "#)?;
/// let allow = &doc.objectives[0].lint.as_ref().unwrap().allow[0];
/// assert_eq!(allow.rule, "OKR202");
/// # Ok::<(), okr_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct LintSection {
    /// Rules switched off for this item (and everything inside it), each with a reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<Allow>,
    /// Other keys: linter settings on the document, kept as written.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}

/// A suppression: `{ rule: OKR102, reason: "..." }`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Allow {
    /// Rule code (`OKR102`) or name (`output-key-result`).
    pub rule: String,
    /// Why the rule does not apply here; a suppression without one is itself reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Fields okr does not know.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Extra,
}
