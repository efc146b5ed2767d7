//! `new Linter(options)`: a linter that owns its options and its memo of titles, so two
//! widgets on one page never share a hidden cache (as ruff's wasm `Workspace` does). The
//! free `lint` is the same linter with one shared memo.

use crate::errors::JsResult;
use crate::options::Options;
use okr_core::lint::Memo;
use wasm_bindgen::prelude::*;

/// A linter with its own options (`asOf`, `select`, `ignore`, `config`, `format`) and its
/// own memory of the titles it has read, for linting as someone types.
#[wasm_bindgen(js_name = Linter, skip_typescript)]
#[derive(Debug)]
pub struct Linter {
    options: Options,
    memo: Memo,
}

#[wasm_bindgen(js_class = Linter)]
impl Linter {
    /// Reads the options once; a wrong one throws here, not on every keystroke.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Linter, JsValue> {
        Ok(Linter {
            options: Options::read(&options, super::LINT_SETTINGS)?,
            memo: Memo::default(),
        })
    }

    /// Lints `source` with this linter's options; titles unchanged since its previous call
    /// are not read again.
    pub fn lint(&mut self, source: JsValue) -> JsResult {
        super::lint_with(&source, &self.options, Some(&mut self.memo))
    }

    /// Every problem of `source`, as the free `validate` reports them (the `format` option
    /// applies).
    pub fn validate(&self, source: JsValue) -> JsResult {
        super::validate_with(&source, self.options.format)
    }
}
