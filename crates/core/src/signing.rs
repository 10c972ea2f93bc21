//! Ed25519 keys for assessors: made locally, kept in a small key file outside the
//! workspace, and used to sign a canonical byte form of what they sign. Signatures are bound to
//! their purpose by a context prefix, so a signature over one kind of content can't be replayed
//! as another.

use std::fs;
use std::path::Path;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};

/// What an assessment signature covers starts with these bytes.
pub const ASSESSMENT_CONTEXT: &[u8] = b"guildbook/assessment/v1\0";

/// A key file: the assessor's name and the 32-byte secret, base64. Written with owner-only
/// permissions where the platform has them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyFile {
    pub format: String,
    pub name: String,
    pub secret_key: String,
    pub public_key: String,
    /// The workspace the key signs for, when it was made by the app for one of its assessors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace: Option<String>,
}

/// A key read back from its file.
pub struct StoredKey {
    pub name: String,
    pub key: SigningKey,
    pub workspace: Option<String>,
}

const KEY_FORMAT: &str = "guildbook-ed25519-key";
const MAX_KEY_FILE: u64 = 16 * 1024;

pub fn generate() -> Result<SigningKey> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| {
        CoreError::Invalid(format!("The system gave no randomness for a key ({e})."))
    })?;
    Ok(SigningKey::from_bytes(&seed))
}

pub fn public_key_text(key: &VerifyingKey) -> String {
    B64.encode(key.as_bytes())
}

pub fn parse_public_key(text: &str) -> Result<VerifyingKey> {
    let bytes = B64
        .decode(text.trim())
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(|| {
            CoreError::Invalid("That is not an Ed25519 public key (32 bytes, base64).".into())
        })?;
    VerifyingKey::from_bytes(&bytes)
        .map_err(|_| CoreError::Invalid("That public key is not a valid Ed25519 point.".into()))
}

/// Writes a key file; `workspace` binds it to the workspace it signs for (none: a portable key,
/// like an external lead's).
pub fn write_key_file(
    path: &Path,
    name: &str,
    key: &SigningKey,
    workspace: Option<&str>,
) -> Result<()> {
    let file = KeyFile {
        format: KEY_FORMAT.into(),
        name: name.into(),
        secret_key: B64.encode(key.to_bytes()),
        public_key: public_key_text(&key.verifying_key()),
        workspace: workspace.map(String::from),
    };
    let text = serde_json::to_string_pretty(&file).expect("key files serialise");
    write_private_file(path, text.as_bytes())
}

/// Writes a file holding a secret: readable by its owner only (where the platform has that),
/// never over an existing file, and on disk (fsynced, folder too) before this returns — so a
/// database row naming the key never commits before the key exists.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.exists() {
        return Err(CoreError::Invalid(format!(
            "{} exists already; a key file is never overwritten.",
            path.display()
        )));
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    use std::io::Write;
    options
        .open(path)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| crate::files::sync_dir(path.parent().unwrap_or(Path::new("."))))
        .map_err(CoreError::io(format!(
            "Could not write the key file {}",
            path.display()
        )))
}

pub fn read_key_file(path: &Path) -> Result<StoredKey> {
    let what = path.display();
    let text = crate::files::read_text_capped(path, MAX_KEY_FILE, &format!("The key file {what}"))?;
    let file: KeyFile = serde_json::from_str(&text)
        .map_err(|e| CoreError::Invalid(format!("{what} is not a Guildbook key file ({e}).")))?;
    if file.format != KEY_FORMAT {
        return Err(CoreError::Invalid(format!(
            "{what} is not a Guildbook key file."
        )));
    }
    let secret = B64
        .decode(file.secret_key.trim())
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(|| CoreError::Invalid(format!("The secret key in {what} is damaged.")))?;
    let key = SigningKey::from_bytes(&secret);
    if public_key_text(&key.verifying_key()) != file.public_key.trim() {
        return Err(CoreError::Invalid(format!(
            "The public key in {what} does not belong to its secret key; the file is damaged."
        )));
    }
    Ok(StoredKey {
        name: file.name,
        key,
        workspace: file.workspace,
    })
}

fn message(context: &[u8], content: &[u8]) -> Vec<u8> {
    [context, content].concat()
}

/// Signs `content` for `context`; the signature as base64.
pub fn sign(key: &SigningKey, context: &[u8], content: &[u8]) -> String {
    B64.encode(key.sign(&message(context, content)).to_bytes())
}

/// Checks a base64 signature over `content` for `context` by `key`.
pub fn verify(key: &VerifyingKey, context: &[u8], content: &[u8], signature: &str) -> bool {
    let Some(bytes) = B64
        .decode(signature.trim())
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
    else {
        return false;
    };
    // Strict: refuses weak keys and malleable signatures.
    key.verify_strict(&message(context, content), &Signature::from_bytes(&bytes))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_only_for_its_content_context_and_key() {
        let key = generate().unwrap();
        let other = generate().unwrap();
        let sig = sign(&key, ASSESSMENT_CONTEXT, b"{\"level\":\"Senior\"}");
        let public = key.verifying_key();
        assert!(verify(
            &public,
            ASSESSMENT_CONTEXT,
            b"{\"level\":\"Senior\"}",
            &sig
        ));
        assert!(!verify(
            &public,
            ASSESSMENT_CONTEXT,
            b"{\"level\":\"Lead\"}",
            &sig
        ));
        assert!(!verify(
            &public,
            b"other/v1\0",
            b"{\"level\":\"Senior\"}",
            &sig
        ));
        assert!(!verify(
            &other.verifying_key(),
            ASSESSMENT_CONTEXT,
            b"{\"level\":\"Senior\"}",
            &sig
        ));
        for junk in ["", "not base64!", "AAAA", &B64.encode([0u8; 64])] {
            assert!(!verify(&public, ASSESSMENT_CONTEXT, b"x", junk), "{junk}");
        }
    }

    #[test]
    fn key_files_round_trip_and_refuse_damage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lead.key");
        let key = generate().unwrap();
        write_key_file(&path, "Ines Carvalho", &key, None).unwrap();
        let StoredKey {
            name, key: read, ..
        } = read_key_file(&path).unwrap();
        assert_eq!(
            (name.as_str(), read.to_bytes()),
            ("Ines Carvalho", key.to_bytes())
        );
        assert!(write_key_file(&path, "Again", &key, None)
            .err()
            .unwrap()
            .to_string()
            .contains("never overwritten"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        let text = fs::read_to_string(&path).unwrap();
        let other = public_key_text(&generate().unwrap().verifying_key());
        let mismatched = text.replace(&public_key_text(&key.verifying_key()), &other);
        fs::write(dir.path().join("bad.key"), mismatched).unwrap();
        let err = read_key_file(&dir.path().join("bad.key")).err().unwrap();
        assert!(err.to_string().contains("does not belong"), "{err}");
        fs::write(dir.path().join("junk.key"), "{").unwrap();
        assert!(read_key_file(&dir.path().join("junk.key"))
            .err()
            .unwrap()
            .to_string()
            .contains("not a Guildbook key file"));
        assert!(parse_public_key("AAAA").is_err());
        assert_eq!(
            parse_public_key(&public_key_text(&key.verifying_key())).unwrap(),
            key.verifying_key()
        );
    }
}
