//! Reading OKR files: size limit before reading, format from extension or content.

use okr_core::format::{Format, LoadOptions};
use okr_core::lint::output::FileProblem;
use okr_core::{Document, Error, Problem};
use std::io::Read;
use std::path::Path;

/// A file that could not be turned into a document.
pub(crate) enum ReadFailure {
    /// The file could not be opened or read.
    Io(String),
    /// The content is not a valid OKR document.
    Invalid(Error),
}

/// Reads and loads `path` (`-` = standard input), never reading more than the limit + 1 byte.
pub(crate) fn load(path: &Path, options: &LoadOptions) -> Result<(Document, String), ReadFailure> {
    let text = read_text(path, options)?;
    let format = format_of(path, &text);
    okr_core::format::load_str(&text, format, options)
        .map(|doc| (doc, text))
        .map_err(ReadFailure::Invalid)
}

/// The file's text, with the size and encoding checks of the core.
pub(crate) fn read_text(path: &Path, options: &LoadOptions) -> Result<String, ReadFailure> {
    let limit = options.max_bytes;
    let mut bytes = Vec::new();
    let cap = (limit as u64).saturating_add(1);
    let result = if path.as_os_str() == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| {
            // The exact size up front: growing by doubling would hold up to twice the file
            // (a 49 MB file in a 64 MiB buffer, plus the copy while it grows).
            let size = f.metadata().map_or(0, |m| m.len()).min(cap);
            bytes.reserve_exact(usize::try_from(size).unwrap_or(0).saturating_add(1));
            f.take(cap).read_to_end(&mut bytes)
        })
    };
    result.map_err(|e| ReadFailure::Io(format!("cannot read the file: {e}")))?;
    if bytes.len() > limit {
        let size = std::fs::metadata(path)
            .map(|m| m.len() as usize)
            .unwrap_or(bytes.len());
        return Err(ReadFailure::Invalid(Error::TooLarge { size, limit }));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        ReadFailure::Invalid(Error::NotUtf8 { offset, line })
    })
}

/// JSON for `.json`, YAML for `.yaml`/`.yml`, else guessed from the content.
pub(crate) fn format_of(path: &Path, text: &str) -> Format {
    path.to_str()
        .and_then(Format::from_extension)
        .unwrap_or_else(|| Format::sniff(text))
}

impl ReadFailure {
    /// The failure as located problems, so it can be printed in any output format.
    pub(crate) fn problems(&self) -> Vec<Problem> {
        match self {
            ReadFailure::Io(message) => vec![Problem {
                kind: okr_core::ProblemKind::ReadError,
                path: String::new(),
                id: None,
                line: None,
                message: message.clone(),
            }],
            ReadFailure::Invalid(error) => error.problems(),
        }
    }
}

/// Every problem of a failed read of `file`, as the output formats list them.
pub(crate) fn file_problems(file: &str, failure: &ReadFailure) -> Vec<FileProblem> {
    failure
        .problems()
        .into_iter()
        .map(|problem| FileProblem::new(file, problem))
        .collect()
}

/// Prints every problem of a failed read as `file:line: path: message` on standard error:
/// for commands whose output is something else (a score table, a report, a converted file).
pub(crate) fn report_failure(file: &str, failure: &ReadFailure) {
    for problem in file_problems(file, failure) {
        crate::output::say(problem.line());
    }
}

/// `path` as it was at a git `revision` (`git show REV:./NAME`, run in the file's
/// directory), and the name it is shown under (`okrs.yaml@main`). `Ok(None)` when the
/// file did not exist at that revision (a file added since has no earlier version).
pub(crate) fn load_at_revision(
    path: &Path,
    revision: &str,
    options: &LoadOptions,
) -> Result<Option<Document>, (String, ReadFailure)> {
    let shown = format!(
        "{}@{}",
        crate::display_name(path),
        crate::output::inert_line(revision)
    );
    let fail = |message: String| Err((shown.clone(), ReadFailure::Io(message)));
    let directory = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Some(name) = path.file_name() else {
        return fail("not a file".to_owned());
    };
    if revision.starts_with('-') || revision.is_empty() {
        return fail(format!("`{revision}` is not a git revision"));
    }
    let object = format!("{revision}:./{}", name.to_string_lossy());
    let output = match std::process::Command::new("git")
        .arg("-C")
        .arg(directory)
        .args(["show", &object])
        .output()
    {
        Ok(output) => output,
        Err(e) => return fail(format!("cannot run git: {e}")),
    };
    if !output.status.success() {
        let reason = String::from_utf8_lossy(&output.stderr);
        // Said by git when the path is not in that revision's tree.
        if reason.contains("does not exist in") || reason.contains("exists on disk, but not in") {
            return Ok(None);
        }
        return fail(format!("git show {object}: {}", reason.trim()));
    }
    if output.stdout.len() > options.max_bytes {
        let size = output.stdout.len();
        return Err((
            shown,
            ReadFailure::Invalid(Error::TooLarge {
                size,
                limit: options.max_bytes,
            }),
        ));
    }
    let text = String::from_utf8(output.stdout).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        (
            shown.clone(),
            ReadFailure::Invalid(Error::NotUtf8 { offset, line }),
        )
    })?;
    let format = format_of(path, &text);
    okr_core::format::load_str(&text, format, options)
        .map(Some)
        .map_err(|error| (shown, ReadFailure::Invalid(error)))
}

/// Reads `path` for editing in place (the text is kept beside the document); every problem
/// is printed on standard error under `file` when it does not load.
pub(crate) fn load_editable(
    path: &Path,
    file: &str,
    options: &LoadOptions,
) -> Option<okr_core::edit::EditableDocument> {
    let loaded = read_text(path, options).and_then(|text| {
        let format = format_of(path, &text);
        okr_core::edit::EditableDocument::parse(text, format, options).map_err(ReadFailure::Invalid)
    });
    loaded
        .map_err(|failure| report_failure(file, &failure))
        .ok()
}
