//! Reading OKR files: size limit before reading, format from extension or content.

use okr_core::format::{Format, LoadOptions, ReadError};
use okr_core::lint::output::FileProblem;
use okr_core::{Document, Error, Problem};
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

/// Loads `path` under the `--max-bytes` limit for commands whose output is something else
/// (a table, a converted file, a report): every problem goes to standard error, so a
/// redirected output never fills with them, and the exit code to return comes back.
pub(crate) fn load_or_report(path: &Path, read: &crate::ReadArgs) -> Result<Document, u8> {
    let options = LoadOptions::default().with_max_bytes(read.max_bytes);
    load(path, &options)
        .map(|(document, _)| document)
        .map_err(|failure| {
            report_failure(&crate::display_name(path), &failure);
            crate::EXIT_BAD_INPUT
        })
}

/// The file's text, read by the core under its size and encoding checks.
pub(crate) fn read_text(path: &Path, options: &LoadOptions) -> Result<String, ReadFailure> {
    let read = if path.as_os_str() == "-" {
        okr_core::format::read_text(std::io::stdin().lock(), None, options)
    } else {
        match std::fs::File::open(path) {
            Ok(file) => {
                let len = file.metadata().ok().map(|m| m.len());
                okr_core::format::read_text(file, len, options)
            }
            Err(e) => Err(ReadError::Io(e)),
        }
    };
    read.map_err(ReadFailure::from)
}

/// The core's format decision for a file of this name and content.
pub(crate) fn format_of(path: &Path, text: &str) -> Format {
    Format::detect(path.to_str(), text.as_bytes())
}

impl From<ReadError> for ReadFailure {
    fn from(error: ReadError) -> ReadFailure {
        match error {
            ReadError::Io(e) => ReadFailure::Io(format!("cannot read the file: {e}")),
            ReadError::Document(error) => ReadFailure::Invalid(error),
            other => ReadFailure::Io(other.to_string()),
        }
    }
}

impl ReadFailure {
    /// The failure as located problems, so it can be printed in any output format.
    pub(crate) fn problems(&self) -> Vec<Problem> {
        match self {
            ReadFailure::Io(message) => vec![Problem::new(
                okr_core::ProblemKind::ReadError,
                okr_core::DocPath::root(),
                message.clone(),
            )],
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
    let len = u64::try_from(output.stdout.len()).ok();
    let name = path.to_str();
    okr_core::format::load_reader(&output.stdout[..], len, name, None, options)
        .map(|loaded| Some(loaded.document))
        .map_err(|error| (shown, ReadFailure::from(error)))
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
