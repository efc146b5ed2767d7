//! `okr.toml`: the lint settings of a repository, found upward from each file.

use okr_core::Document;
use okr_core::lint::LintConfig;
use std::path::{Path, PathBuf};

/// The settings a lint of `document` (read from `file`) runs with, the same for `okr lint`
/// and `okr report`: the document's `lint:` section, then the settings file (`--config`,
/// else `okr.toml` found upward from the file), then the flags. The error names its place.
pub(crate) fn lint_config(
    document: &Document,
    file: &Path,
    explicit: Option<&Path>,
    flags: &LintConfig,
) -> Result<LintConfig, String> {
    let settings = match explicit {
        Some(path) => Some((path.to_owned(), read(path)?)),
        None => discover(file)?,
    };
    let inert =
        |e: okr_core::lint::ConfigError| crate::output::inert_line(&e.to_string()).into_owned();
    if let Some((path, config)) = &settings {
        // Checked here first so that an error names the file.
        config
            .check_selectors(&crate::display_name(path))
            .map_err(inert)?;
    }
    LintConfig::layered(document, settings.as_ref().map(|(_, c)| c), flags).map_err(inert)
}

/// The `[lint]` table of a TOML settings file; any other table or key is an error, so a
/// misspelled setting never silently does nothing.
fn read(path: &Path) -> Result<LintConfig, String> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[serde(default)]
        lint: LintConfig,
    }
    let shown = crate::display_name(path);
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    toml::from_str::<File>(&text)
        .map(|f| f.lint)
        .map_err(|e| format!("{shown}: {}", e.message()))
}

/// `okr.toml` in the file's directory or the nearest parent, up to the repository root
/// (the directory holding `.git`): settings of an enclosing project never leak in.
fn discover(file: &Path) -> Result<Option<(PathBuf, LintConfig)>, String> {
    let start = if file.as_os_str() == "-" {
        std::env::current_dir().ok()
    } else {
        std::path::absolute(file).ok()
    };
    let mut dir = start
        .as_deref()
        .and_then(|p| if p.is_dir() { Some(p) } else { p.parent() });
    while let Some(d) = dir {
        let candidate = d.join("okr.toml");
        if candidate.is_file() {
            return read(&candidate).map(|config| Some((candidate, config)));
        }
        if d.join(".git").exists() {
            break;
        }
        dir = d.parent();
    }
    Ok(None)
}
