//! Runs the real `okr` binary against files in a temporary directory.
#![allow(dead_code, unreachable_pub, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn okr(args: &[&str]) -> Run {
    okr_in(Path::new("."), args)
}

/// Runs `okr` in `dir` without colours and returns what it did, however it ended.
pub fn output_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_okr"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run okr")
}

pub fn okr_in(dir: &Path, args: &[&str]) -> Run {
    let output = output_in(dir, args);
    Run {
        code: output.status.code().expect("okr exited by signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        Scratch {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write fixture");
        path
    }
}

/// Checks `contents` saved as `name`; returns the run.
pub fn check(name: &str, contents: impl AsRef<[u8]>) -> Run {
    let scratch = Scratch::new();
    let path = scratch.file(name, contents);
    okr(&["check", path.to_str().expect("utf-8 path")])
}

/// The repository's root (for the bundled examples).
/// The bundled example organisation, as a path argument.
pub fn example() -> String {
    repo_root()
        .join("examples/acme.yaml")
        .to_str()
        .expect("utf-8 path")
        .to_owned()
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}
