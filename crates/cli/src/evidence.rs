//! `guildbook evidence add` and `guildbook vault verify`.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;
use guildbook_core::vault::VaultProblemKind;
use guildbook_core::{CoreError, Workspace};

use crate::print;

#[derive(Subcommand)]
pub enum EvidenceCommand {
    /// Copy files into the vault as evidence for a contractor; prints id, sha256, name per file.
    Add {
        #[arg(long)]
        contractor: String,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum VaultCommand {
    /// Re-read every vault file; list the missing and the altered. Exit 1 if any.
    Verify,
}

pub fn run_evidence(
    ws: &mut Workspace,
    command: EvidenceCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        EvidenceCommand::Add { contractor, files } => {
            // All the files or none, as in the app.
            for e in ws.add_evidence_files(&contractor, &files, None)? {
                let f = e.file.expect("file evidence has a file");
                print(out, format!("{}\t{}\t{}", e.id, f.sha256, f.name))?;
            }
            Ok(())
        }
    }
}

pub fn run_vault(
    ws: &Workspace,
    command: VaultCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        VaultCommand::Verify => {
            let report = ws.verify_vault()?;
            for p in &report.problems {
                let what = match p.kind {
                    VaultProblemKind::Missing => "missing",
                    VaultProblemKind::Corrupt => "corrupt",
                };
                print(
                    out,
                    format!("{what}\t{}\t{}", p.sha256, p.used_by.join("; ")),
                )?;
            }
            if report.problems.is_empty() {
                print(
                    out,
                    format!(
                        "ok: {} files, {:.1} MB, all intact",
                        report.checked,
                        report.bytes as f64 / 1e6
                    ),
                )
            } else {
                Err(CoreError::Invalid(format!(
                    "{} of {} vault files are missing or altered",
                    report.problems.len(),
                    report.checked
                )))
            }
        }
    }
}
