//! `guildbook award …` and `guildbook clearance …`: who holds which credential, and whether a
//! person is cleared for gated work — exit 0 when cleared, 1 when not, so a deploy pipeline can
//! gate on it.

use std::io::Write;

use clap::Subcommand;
use guildbook_core::{CoreError, Workspace};

use crate::print;

#[derive(Subcommand)]
pub enum AwardCommand {
    /// id, holder, credential, status (tab-separated), newest first.
    List,
}

#[derive(Subcommand)]
pub enum ClearanceCommand {
    /// Exit 0 when the contractor is cleared for the work area; 1 with the reason when not.
    Check {
        /// The work area's name or id.
        #[arg(long)]
        area: String,
        /// The contractor's id.
        #[arg(long)]
        contractor: String,
    },
    /// Everyone cleared for the work area: id, name, the credentials that clear them, until when.
    List {
        #[arg(long)]
        area: String,
    },
}

pub fn run_award(
    ws: &Workspace,
    command: AwardCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        AwardCommand::List => {
            for a in ws.all_awards()? {
                print(
                    out,
                    format!(
                        "{}\t{}\t{}\t{}",
                        a.id,
                        a.contractor_name,
                        a.credential_name,
                        a.status.word()
                    ),
                )?;
            }
            Ok(())
        }
    }
}

pub fn run_clearance(
    ws: &Workspace,
    command: ClearanceCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        ClearanceCommand::Check { area, contractor } => {
            let c = ws.clearance(&area, &contractor)?;
            if c.cleared {
                print(out, c.summary)
            } else {
                Err(CoreError::Invalid(c.summary))
            }
        }
        ClearanceCommand::List { area } => {
            for p in ws.cleared_for(&area)? {
                print(
                    out,
                    format!(
                        "{}\t{}\t{}\t{}",
                        p.contractor_id,
                        p.contractor_name,
                        p.via.join(", "),
                        p.until.as_deref().unwrap_or("no expiry")
                    ),
                )?;
            }
            Ok(())
        }
    }
}
