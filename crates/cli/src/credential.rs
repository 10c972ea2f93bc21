//! `guildbook award …`, `guildbook issuer …` and `guildbook clearance …`: who holds which
//! credential, their badges signed, and whether a person is cleared for gated work — exit 0 when
//! cleared, 1 when not, so a deploy pipeline can gate on it. Badges are checked in `verify`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use guildbook_core::credentials::{BadgeFormat, IssuerKeyInfo};
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
    /// Every signing key: id, state (current, retired, compromised since a day), did:key.
    KeyList,
    /// Report a signing key compromised since a day (YYYY-MM-DD): what it signed from then on
    /// stops verifying; a current key is replaced at once. Export the keys again afterwards.
    KeyCompromised {
        id: String,
        #[arg(long)]
        since: String,
    },
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
        IssuerCommand::KeyList => print_keys(&ws.issuer_keys(&keys)?, out),
        IssuerCommand::KeyCompromised { id, since } => {
            print_keys(&ws.report_issuer_key_compromised(&keys, &id, &since)?, out)
        }
    }
}

fn print_keys(keys: &[IssuerKeyInfo], out: &mut dyn Write) -> Result<(), CoreError> {
    for key in keys {
        let state = match (&key.compromised_on, &key.retired_at) {
            (Some(day), _) => format!("compromised since {day}"),
            (None, Some(_)) => "retired".to_owned(),
            (None, None) => "current".to_owned(),
        };
        print(out, format!("{}\t{state}\t{}", key.id, key.did))?;
    }
    Ok(())
}
