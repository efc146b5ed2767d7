//! Writing results: to standard output, or to a file replaced atomically.
//!
//! Every write reports its failure: a command returns the `io::Error` of its output and
//! `main` turns it into an exit status (a closed pipe ends quietly, anything else is exit 2).
//! Text that came from a file is made inert here before it reaches a terminal.

pub(crate) use okr_core::report::{inert_block, inert_line};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where a command's output goes.
#[derive(Debug)]
pub(crate) enum Destination {
    /// Standard output (no `-o`, or `-o -`).
    Stdout,
    /// A file, replaced atomically.
    File(PathBuf),
}

impl Destination {
    /// Checks an `-o` target before any work is done: it must not be one of the inputs
    /// (also through a symlink or a hard link), and if it exists it must be a regular file.
    pub(crate) fn choose(output: Option<&Path>, inputs: &[&Path]) -> Result<Destination, String> {
        let Some(path) = output.filter(|p| p.as_os_str() != "-") else {
            return Ok(Destination::Stdout);
        };
        let shown = inert_line(&path.display().to_string()).into_owned();
        if let Ok(meta) = std::fs::metadata(path)
            && !meta.is_file()
        {
            return Err(format!(
                "refusing to write to `{shown}`: it exists and is not a regular file (a directory, FIFO or device); choose a file path, or `-o -` for standard output"
            ));
        }
        for input in inputs.iter().filter(|p| p.as_os_str() != "-") {
            if same_file::is_same_file(path, input).unwrap_or(false) {
                return Err(format!(
                    "refusing to write to `{shown}`: it is the input file {}; choose another -o path",
                    inert_line(&input.display().to_string())
                ));
            }
        }
        Ok(Destination::File(path.to_owned()))
    }

    /// Writes a command's result here; a file is replaced atomically and keeps its
    /// permission bits. A failure to write a file is the command's error (exit 2, naming
    /// the file); a failure on standard output goes to `main` (a closed pipe is quiet).
    pub(crate) fn deliver(&self, contents: &[u8], command: &str) -> crate::Outcome {
        match self {
            Destination::Stdout => print_bytes(contents).map(|()| crate::EXIT_OK),
            Destination::File(path) => match write_atomically(path, contents) {
                Ok(()) => Ok(crate::EXIT_OK),
                Err(err) => {
                    say(format_args!(
                        "okr {command}: cannot write {}: {err}",
                        inert_line(&path.display().to_string())
                    ));
                    Ok(crate::EXIT_BAD_INPUT)
                }
            },
        }
    }
}

/// Writes `contents` to `path` through a new temporary file in the same directory and a
/// rename, so a reader never sees half a file and a failure never leaves a damaged one.
/// A symlinked target is written through (the link stays a link); an existing target keeps
/// its permission bits.
pub(crate) fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = if is_link {
        std::fs::canonicalize(path)?
    } else {
        path.to_owned()
    };
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let existing = std::fs::metadata(&target).ok();
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // create_new: never follow or reuse something already at the temporary name.
    let (temp, mut file) = (0..100)
        .find_map(|attempt| {
            let temp = dir.join(format!(".{name}.okr-tmp-{}-{attempt}", std::process::id()));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)
            {
                Ok(file) => Some(Ok((temp, file))),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => None,
                Err(e) => Some(Err(e)),
            }
        })
        .unwrap_or_else(|| {
            Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "no free temporary file name",
            ))
        })?;
    let result = (|| {
        file.write_all(contents)?;
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, &target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Streams `value` as pretty JSON to standard output (no intermediate string).
pub(crate) fn print_json(value: &impl serde::Serialize) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Prints text to standard output.
pub(crate) fn print(text: &str) -> io::Result<()> {
    print_bytes(text.as_bytes())
}

fn print_bytes(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// One line on standard error; a failure to write it has nowhere left to be reported.
pub(crate) fn say(text: impl std::fmt::Display) {
    let _ = writeln!(io::stderr().lock(), "{text}");
}

/// Colours for terminals; plain text when stdout is not a terminal or `NO_COLOR` is set.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    color: bool,
}

impl Style {
    pub(crate) fn for_stdout() -> Self {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: !no_color && std::io::stdout().is_terminal(),
        }
    }

    /// Paints `text` in the traffic-light colour of a score.
    pub(crate) fn paint(self, color: Option<okr_core::score::Color>, text: &str) -> String {
        use okr_core::score::Color;
        let code = match (self.color, color) {
            (true, Some(Color::Red)) => "31",
            (true, Some(Color::Yellow)) => "33",
            (true, Some(Color::Green)) => "32",
            _ => return text.to_owned(),
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}
