//! Running the `guildbook` command as a script or a third party would: real processes, real files.

use std::path::{Path, PathBuf};
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

/// A demo workspace with its own settings folder (so its issuer keys), for commands run inside
/// it or, as a third party would, with no workspace at all.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub ws: PathBuf,
}

impl Env {
    pub fn demo() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("demo");
        let env = Env { dir, ws };
        let out = env.run(&["demo"], true);
        assert!(out.status.success(), "{}", text(&out.stderr));
        env
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `guildbook`, inside the workspace or (a third party) with no workspace at all.
    pub fn run(&self, args: &[&str], in_workspace: bool) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_guildbook"));
        cmd.env_remove("GUILDBOOK_WORKSPACE")
            .env("GUILDBOOK_CONFIG_DIR", self.path("config"));
        if in_workspace {
            cmd.arg("--workspace").arg(&self.ws);
        }
        cmd.args(args).output().unwrap()
    }

    /// Runs `guildbook` inside the workspace; it aborts at `point` as `kill -9` would.
    pub fn run_with_fault(&self, args: &[&str], point: &str) -> Output {
        Command::new(env!("CARGO_BIN_EXE_guildbook"))
            .env_remove("GUILDBOOK_WORKSPACE")
            .env("GUILDBOOK_CONFIG_DIR", self.path("config"))
            .env("GUILDBOOK_FAULT", point)
            .arg("--workspace")
            .arg(&self.ws)
            .args(args)
            .output()
            .unwrap()
    }

    pub fn award_of(&self, who: &str) -> String {
        let list = text(&self.run(&["award", "list"], true).stdout);
        let line = list.lines().find(|l| l.contains(who)).unwrap();
        line.split('\t').next().unwrap().to_string()
    }
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}
