//! `guildbook verify` checks a badge and `guildbook verify-code` a printed certificate, offline:
//! every check by name, then the verdict. Exit 0 only when valid.

use std::io::Write;
use std::path::Path;

use guildbook_badges as ob;
use guildbook_core::{CoreError, Workspace};

use crate::print;

/// `guildbook verify FILE`: every check by name, then the verdict. Exit 0 only when valid.
pub fn run_badge(
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
            return run_code(workspace, text.trim(), issuer_keys, out);
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

/// `guildbook verify-code TEXT`: the QR text (`GB1:…`) or a short code. In a workspace its keys
/// and records count; elsewhere the signature is checked and the key against `--issuer-keys`.
pub fn run_code(
    workspace: Option<&Path>,
    text: &str,
    issuer_keys: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    let report = match (workspace, issuer_keys) {
        (Some(dir), None) => Workspace::open(dir)?.verify_certificate_code(text)?,
        _ => {
            if !ob::is_certificate_text(text) {
                return Err(CoreError::Invalid(
                    "a short code is checked in the issuer's workspace: pass --workspace DIR"
                        .into(),
                ));
            }
            let keys = match issuer_keys {
                Some(path) => read_json(path)?,
                None => serde_json::json!({ "keys": [] }),
            };
            let today = guildbook_core::dates::format(guildbook_core::dates::today());
            let r = ob::verify_certificate(text, &keys, &today, None);
            guildbook_core::documents::CertificateVerification::from_report(r)
        }
    };
    print_verdict(
        out,
        &report.checks,
        &report.verdict,
        &[
            report.holder.as_deref(),
            report.credential.as_deref(),
            report.issuer.as_deref(),
            report.code.as_deref(),
        ],
        "the certificate",
    )
}

/// A JSON file given on the command line (keys, a status list).
fn read_json(path: &Path) -> Result<serde_json::Value, CoreError> {
    let text = std::fs::read_to_string(path)
        .map_err(CoreError::io(format!("Could not read {}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| CoreError::Invalid(format!("{} is not JSON ({e}).", path.display())))
}

/// Every check by name, then `verdict <TAB> verdict <TAB> what it is about`; an error (exit 1)
/// unless valid.
fn print_verdict(
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
