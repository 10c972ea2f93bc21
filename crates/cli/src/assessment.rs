//! `guildbook assessor …` and `guildbook assessment …`: keys for assessors, and assessment files
//! that an external lead signs without the app.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;
use guildbook_core::assessment;
use guildbook_core::{signing, CoreError, Workspace};

use crate::print;

#[derive(Subcommand)]
pub enum AssessorCommand {
    /// Make an Ed25519 key pair: the private key goes to KEY_OUT (kept by the assessor), the
    /// public key is recorded in the workspace. Prints the assessor's id.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        email: String,
        /// Where to write the new private key file (never overwritten).
        #[arg(long)]
        key_out: PathBuf,
        /// An external lead, who signs exported files with `guildbook assessment sign`.
        #[arg(long)]
        external: bool,
    },
}

#[derive(Subcommand)]
pub enum ReviewsCommand {
    /// Renewal reviews not yet done, most urgent first: due date, days left, bucket, contractor,
    /// role, client, engagement id (tab-separated). Overdue ones always show.
    Due {
        /// Only those due within this many days.
        #[arg(long)]
        within: Option<u32>,
    },
}

#[derive(Subcommand)]
pub enum AssessmentCommand {
    /// id, contractor, role, level, status (tab-separated), the soonest due first.
    List,
    /// Write an assessment as a file for an external lead to rate and sign.
    Export {
        id: String,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Sign an exported assessment file with the assessor's key (no workspace needed).
    Sign {
        file: PathBuf,
        #[arg(long)]
        key: PathBuf,
        /// Write the signed file here instead of over FILE.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Take back a signed file: the signature is verified before anything is stored.
    Import { file: PathBuf },
}

pub fn run_assessor(
    ws: &mut Workspace,
    command: AssessorCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        AssessorCommand::Add {
            name,
            email,
            key_out,
            external,
        } => {
            let key = signing::generate()?;
            let public = signing::public_key_text(&key.verifying_key());
            signing::write_key_file(&key_out, &name, &key)?;
            match ws.add_assessor(&name, &email, &public, external) {
                Ok(a) => print(out, format!("{}\t{}", a.id, a.name)),
                Err(e) => {
                    // Not recorded: leave no key behind that belongs to nobody.
                    let _ = std::fs::remove_file(&key_out);
                    Err(e)
                }
            }
        }
    }
}

pub fn run(
    dir: Result<PathBuf, CoreError>,
    command: AssessmentCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        AssessmentCommand::Sign { file, key, output } => {
            let mut signed = assessment::read_file(&file)?;
            let (_, key) = signing::read_key_file(&key)?;
            assessment::sign_file(&mut signed, &key)?;
            assessment::write_file(output.as_deref().unwrap_or(&file), &signed)?;
            print(out, format!("signed\t{}", signed.content.id))
        }
        AssessmentCommand::List => {
            for a in Workspace::open(&dir?)?.list_assessments()? {
                let status = serde_json::to_value(a.status).ok();
                let status = status.as_ref().and_then(|v| v.as_str()).unwrap_or_default();
                print(
                    out,
                    format!(
                        "{}\t{}\t{}\t{}\t{status}",
                        a.id, a.contractor_name, a.role_name, a.level_name
                    ),
                )?;
            }
            Ok(())
        }
        AssessmentCommand::Export { id, output } => {
            let file = Workspace::open(&dir?)?.export_assessment(&id)?;
            assessment::write_file(&output, &file)
        }
        AssessmentCommand::Import { file } => {
            let mut ws = Workspace::open(&dir?)?;
            let a = ws.import_signed_assessment(&assessment::read_file(&file)?, None)?;
            print(out, format!("{}\tsigned by {}", a.id, a.assessor.name))
        }
    }
}

pub fn run_reviews(
    ws: &Workspace,
    command: ReviewsCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        ReviewsCommand::Due { within } => {
            let filter = guildbook_core::reviews::ReviewFilter {
                within_days: within,
                ..Default::default()
            };
            for r in ws.review_queue(guildbook_core::reviews::today_here(), &filter)? {
                let bucket = serde_json::to_value(r.bucket).ok();
                let bucket = bucket.as_ref().and_then(|v| v.as_str()).unwrap_or_default();
                print(
                    out,
                    format!(
                        "{}\t{}\t{bucket}\t{}\t{}\t{}\t{}",
                        r.due_on,
                        r.days_left,
                        r.contractor_name,
                        r.role_name,
                        r.client,
                        r.engagement_id
                    ),
                )?;
            }
            Ok(())
        }
    }
}
