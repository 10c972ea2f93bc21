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
    /// Record an assessor. Either make their key pair here (--key-out: the private key goes to
    /// that file, for the assessor to keep) or give the public key they made themselves
    /// (--public-key). Prints the assessor's id.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        email: String,
        /// Where to write the new private key file (never overwritten).
        #[arg(
            long,
            required_unless_present = "public_key",
            conflicts_with = "public_key"
        )]
        key_out: Option<PathBuf>,
        /// The assessor's public key (base64), as `guildbook assessor key` printed it.
        #[arg(long)]
        public_key: Option<String>,
        /// An external lead, who signs exported files with `guildbook assessment sign`.
        #[arg(long)]
        external: bool,
    },
    /// For an external lead, on their own computer (no workspace needed): make a key pair, keep
    /// the private key in FILE and print the public key to send to the organisation.
    Key {
        #[arg(long)]
        name: String,
        #[arg(short, long)]
        output: PathBuf,
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
    dir: Result<PathBuf, CoreError>,
    command: AssessorCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        AssessorCommand::Key { name, output } => {
            let key = signing::generate()?;
            signing::write_key_file(&output, &name, &key, None)?;
            print(out, signing::public_key_text(&key.verifying_key()))
        }
        AssessorCommand::Add {
            name,
            email,
            key_out: None,
            public_key: Some(public),
            external,
        } => {
            let a = Workspace::open(&dir?)?.add_assessor(&name, &email, &public, external)?;
            print(out, format!("{}\t{}", a.id, a.name))
        }
        AssessorCommand::Add {
            name,
            email,
            key_out,
            external,
            ..
        } => {
            let mut ws = Workspace::open(&dir?)?;
            let key_out = key_out.expect("clap asks for --key-out or --public-key");
            let key = signing::generate()?;
            let public = signing::public_key_text(&key.verifying_key());
            signing::write_key_file(&key_out, &name, &key, None)?;
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
            let key = signing::read_key_file(&key)?.key;
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
            let filter = guildbook_core::progression::renewals::ReviewFilter {
                within_days: within,
                ..Default::default()
            };
            for r in ws.review_queue(guildbook_core::dates::today_here(), &filter)? {
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
