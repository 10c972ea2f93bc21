//! `guildbook award …`, `guildbook issuer …`, `guildbook clearance …` and `guildbook verify`:
//! who holds which credential, their badges signed and checked offline, and whether a person is
//! cleared for gated work — exit 0 when cleared, 1 when not, so a deploy pipeline can gate on it.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use guildbook_badges as ob;
use guildbook_core::credentials::BadgeFormat;
use guildbook_core::keystore::{self, KeyStore};
use guildbook_core::{CoreError, Workspace};

use crate::print;

#[derive(Subcommand)]
pub enum AwardCommand {
    /// id, holder, credential, status (tab-separated), newest first.
    List,
    /// Write an award as a signed Open Badges 3.0 credential.
    Export {
        id: String,
        #[arg(long, value_enum)]
        format: Format,
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// JSON with an eddsa-rdfc-2022 proof.
    Json,
    /// A VC-JWT signed with ES256.
    Jwt,
    /// The badge image with the signed JSON baked in.
    Png,
    Svg,
}

impl From<Format> for BadgeFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Json => BadgeFormat::Json,
            Format::Jwt => BadgeFormat::Jwt,
            Format::Png => BadgeFormat::Png,
            Format::Svg => BadgeFormat::Svg,
        }
    }
}

#[derive(Subcommand)]
pub enum IssuerCommand {
    /// Every public key the issuer used (retired ones too) as a JWK Set, for third parties.
    Keys {
        #[arg(short, long)]
        output: PathBuf,
    },
    /// The signed revocation list (Bitstring Status List) to host at the address badges name.
    StatusList {
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Make a new signing key; the old one is retired and keeps verifying what it signed.
    RotateKey,
}

/// The keys the desktop app keeps in its settings folder (GUILDBOOK_CONFIG_DIR in tests).
pub fn key_store() -> Result<KeyStore, CoreError> {
    let config = std::env::var_os("GUILDBOOK_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(|| dirs::config_dir().map(|d| d.join(keystore::SETTINGS_FOLDER)))
        .ok_or_else(|| CoreError::Invalid("This system has no settings folder for keys.".into()))?;
    Ok(KeyStore::in_settings(&config))
}

pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    guildbook_core::files::write_atomically(path, bytes)
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
    ws: &mut Workspace,
    command: AwardCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        AwardCommand::Export { id, format, output } => {
            let award = ws.find_award(&id)?;
            let bytes = ws.export_award(&key_store()?, &award.id, format.into())?;
            write_file(&output, &bytes)?;
            print(
                out,
                format!(
                    "{}\t{}\t{}",
                    output.display(),
                    award.contractor_name,
                    award.credential_name
                ),
            )
        }
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

pub fn run_issuer(
    ws: &mut Workspace,
    command: IssuerCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    let keys = key_store()?;
    match command {
        IssuerCommand::Keys { output } => {
            let jwks = ws.issuer_jwks()?;
            write_file(
                &output,
                serde_json::to_string_pretty(&jwks)
                    .expect("JSON")
                    .as_bytes(),
            )?;
            let n = jwks["keys"].as_array().map_or(0, Vec::len);
            print(out, format!("{}\t{n} public keys", output.display()))
        }
        IssuerCommand::StatusList { output } => {
            let list = ws.revocation_list(&keys)?;
            write_file(
                &output,
                serde_json::to_string_pretty(&list)
                    .expect("JSON")
                    .as_bytes(),
            )?;
            print(
                out,
                format!(
                    "{}\t{}",
                    output.display(),
                    list["id"].as_str().unwrap_or("")
                ),
            )
        }
        IssuerCommand::RotateKey => {
            let key = ws.rotate_issuer_key(&keys)?;
            print(out, format!("{}\t{}", key.id, key.did))
        }
    }
}

/// `guildbook verify FILE`: every check by name, then the verdict. Exit 0 only when valid.
pub fn run_verify(
    workspace: Option<&Path>,
    file: &Path,
    issuer_keys: Option<&Path>,
    status_list: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    // A text file holding a certificate's QR text is a certificate, not a badge.
    let head = std::fs::read(file)
        .map(|b| b[..b.len().min(4096)].to_vec())
        .unwrap_or_default();
    if let Ok(text) = std::str::from_utf8(&head) {
        if ob::is_certificate_text(text) {
            return crate::doc::run_verify_code(workspace, text.trim(), issuer_keys, out);
        }
    }
    let report: guildbook_core::credentials::BadgeVerification = match workspace {
        // Inside a workspace: its own keys and revocation records count too.
        Some(dir) if issuer_keys.is_none() && status_list.is_none() => {
            Workspace::open(dir)?.verify_badge(file)?.into()
        }
        _ => {
            let mut options = ob::VerifyOptions::default();
            if let Some(path) = issuer_keys {
                options.trusted_keys = read_json(path)?;
            }
            if let Some(path) = status_list {
                options.status_lists.push(read_json(path)?);
            }
            guildbook_core::credentials::badges::verifier()?
                .verify_file(file, &options)
                .into()
        }
    };
    print_verdict(
        out,
        &report.checks,
        &report.verdict,
        &[
            report.name.as_deref(),
            report.holder_name.as_deref(),
            report.issuer_name.as_deref(),
        ],
        &file.display().to_string(),
    )
}

/// A JSON file given on the command line (keys, a status list).
pub(crate) fn read_json(path: &Path) -> Result<serde_json::Value, CoreError> {
    let text = std::fs::read_to_string(path)
        .map_err(CoreError::io(format!("Could not read {}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| CoreError::Invalid(format!("{} is not JSON ({e}).", path.display())))
}

/// Every check by name, then `verdict <TAB> verdict <TAB> what it is about`; an error (exit 1)
/// unless valid.
pub(crate) fn print_verdict(
    out: &mut dyn Write,
    checks: &[guildbook_core::credentials::BadgeCheck],
    verdict: &str,
    about: &[Option<&str>],
    what: &str,
) -> Result<(), CoreError> {
    for c in checks {
        print(out, format!("{}\t{}\t{}", c.name, c.outcome, c.detail))?;
    }
    let about = about
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    print(out, format!("verdict\t{verdict}\t{about}"))?;
    if verdict == "valid" {
        Ok(())
    } else {
        Err(CoreError::Invalid(format!(
            "{what} is not valid ({verdict})."
        )))
    }
}
