//! `guildbook doc …` prints career-path guides and certificates as PDF; certificates are checked
//! in `verify`.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use clap::Subcommand;
use guildbook_core::documents::{load_fonts, BatchTarget, Paper};
use guildbook_core::{CoreError, Workspace};

use crate::credential::{key_store, write_file};
use crate::print;

#[derive(Subcommand)]
pub enum DocCommand {
    /// A role's career-path guide (its newest published ladder) as PDF.
    Guide {
        /// The role's id or name.
        role: String,
        #[arg(short, long)]
        output: PathBuf,
        /// a4 or letter.
        #[arg(long, default_value = "a4")]
        paper: String,
    },
    /// An award's certificate as PDF (a revoked award has none).
    Certificate {
        award: String,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, default_value = "a4")]
        paper: String,
    },
    /// Every certificate of a credential, or of the awards named, into a new folder or a .zip
    /// file — all or nothing (Ctrl-C leaves nothing behind). Revoked awards are skipped.
    Certificates {
        /// The credential's id or name.
        #[arg(long)]
        credential: Option<String>,
        /// An award id (repeat for a cohort).
        #[arg(long = "award")]
        awards: Vec<String>,
        /// A new folder, or a file ending in .zip.
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, default_value = "a4")]
        paper: String,
    },
}

pub fn run(ws: &mut Workspace, command: DocCommand, out: &mut dyn Write) -> Result<(), CoreError> {
    match command {
        DocCommand::Guide {
            role,
            output,
            paper,
        } => {
            let role = ws.find_role(&role)?;
            let pdf = ws.guide_pdf(&load_fonts()?, &role.id, Paper::parse(&paper)?)?;
            write_file(&output, &pdf)?;
            print(out, format!("{}\t{} bytes", output.display(), pdf.len()))
        }
        DocCommand::Certificate {
            award,
            output,
            paper,
        } => {
            let award = ws.find_award(&award)?;
            let pdf = ws.certificate_pdf(
                &key_store()?,
                &load_fonts()?,
                &award.id,
                Paper::parse(&paper)?,
            )?;
            write_file(&output, &pdf)?;
            print(out, format!("{}\t{} bytes", output.display(), pdf.len()))
        }
        DocCommand::Certificates {
            credential,
            awards,
            output,
            paper,
        } => {
            let mut ids = awards;
            if let Some(wanted) = credential {
                let found = ws.find_credential(&wanted)?;
                ids.extend(ws.holders(&found.id)?.into_iter().map(|a| a.id));
            }
            if ids.is_empty() {
                return Err(CoreError::Invalid(
                    "name a credential (--credential) or awards (--award ID …) to print".into(),
                ));
            }
            let cancel = Arc::new(AtomicBool::new(false));
            let flag = cancel.clone();
            // Ctrl-C stops between certificates and the batch removes what it wrote.
            let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
            let target = BatchTarget::from_path(&output);
            let mut progress = |done: u32, total: u32| eprint!("\rcertificates: {done} of {total}");
            let result = ws.export_certificates(
                &key_store()?,
                &ids,
                Paper::parse(&paper)?,
                &target,
                &mut progress,
                &cancel,
            )?;
            eprintln!();
            let outcome =
                result.map_err(|_| CoreError::Invalid("cancelled; nothing was written".into()))?;
            for skipped in &outcome.skipped {
                print(out, format!("skipped\t{skipped}"))?;
            }
            print(
                out,
                format!("{}\t{} certificates", outcome.path, outcome.written),
            )
        }
    }
}
