//! Running the `guildbook` command as a script or a third party would: real processes, real files.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub fn guildbook(ws: &Path, args: &[&str]) -> Output {
    guildbook_with_fault(ws, args, None)
}

/// Runs the command; with a fault point, the process aborts there as `kill -9` would.
pub fn guildbook_with_fault(ws: &Path, args: &[&str], fault: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_guildbook"));
    cmd.arg("--workspace")
        .arg(ws)
        .args(args)
        .env_remove("GUILDBOOK_FAULT");
    if let Some(point) = fault {
        cmd.env("GUILDBOOK_FAULT", point);
    }
    cmd.output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

pub fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo");
    let out = guildbook(&ws, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, ws)
}
