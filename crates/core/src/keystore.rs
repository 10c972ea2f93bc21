//! The private keys this computer holds — assessors' signing keys and the issuer's — in one folder
//! outside every workspace (the app's settings folder), so copying a workspace never copies a key.
//!
//! A workspace is untrusted: the key ids it names are checked before they become file names, and a
//! key file records the workspace it was made for, so a workspace from elsewhere that names one of
//! this computer's keys can't get anything signed with it.

use std::path::{Path, PathBuf};

use crate::error::{CoreError, Result};

/// The app's settings folder, under the platform's configuration folder: the desktop app's
/// identifier (tauri.conf.json), which the command line uses to find the same keys.
pub const SETTINGS_FOLDER: &str = "app.guildbook.desktop";
/// The keys folder inside the settings folder.
pub const KEYS_FOLDER: &str = "keys";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyStore {
    dir: PathBuf,
}

impl KeyStore {
    /// The keys in `dir` (tests and the command line's `--keys` point anywhere).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        KeyStore { dir: dir.into() }
    }

    /// The keys folder of the settings folder `settings`.
    pub fn in_settings(settings: &Path) -> Self {
        Self::new(settings.join(KEYS_FOLDER))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Makes the folder (owner-only where the platform has that) before a key is written.
    pub(crate) fn prepare(&self) -> Result<()> {
        std::fs::create_dir_all(&self.dir)
            .map_err(CoreError::io("Could not prepare the keys folder"))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700));
        }
        Ok(())
    }

    /// Where an assessor's key made on this computer is kept.
    pub(crate) fn assessor_key(&self, assessor_id: &str) -> Result<PathBuf> {
        Ok(self.dir.join(format!("{}.key", check_key_id(assessor_id)?)))
    }

    /// Where a generation of the issuer's keys is kept.
    pub(crate) fn issuer_key(&self, key_id: &str) -> Result<PathBuf> {
        Ok(self
            .dir
            .join(format!("issuer-{}.key", check_key_id(key_id)?)))
    }

    /// Whether this computer holds the assessor's private key.
    pub fn has_assessor_key(&self, assessor_id: &str) -> bool {
        self.assessor_key(assessor_id).is_ok_and(|p| p.is_file())
    }

    pub(crate) fn has_issuer_key(&self, key_id: &str) -> bool {
        self.issuer_key(key_id).is_ok_and(|p| p.is_file())
    }
}

/// A key id as Guildbook makes them (a UUID, lower case); anything else read from a workspace is
/// refused before it comes near a file name.
pub fn check_key_id(id: &str) -> Result<&str> {
    match uuid::Uuid::try_parse(id) {
        Ok(parsed) if parsed.hyphenated().to_string() == id => Ok(id),
        _ => Err(CoreError::Invalid(format!(
            "The workspace names a key “{}”, which is not a Guildbook key id: the database may have been altered. Nothing was read or signed.",
            crate::text::shown(id)
        ))),
    }
}

/// Refuses a key file made for another workspace (`recorded`) than `workspace`. Key files from
/// before workspaces had ids record none and are accepted on their public key alone.
pub(crate) fn check_belongs(recorded: Option<&str>, workspace: &str, what: &str) -> Result<()> {
    match recorded {
        Some(id) if id != workspace => Err(CoreError::Invalid(format!(
            "{what} on this computer belongs to another workspace, so it does not sign for this one. Nothing was signed or written."
        ))),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_are_paths_never_become_file_names() {
        let keys = KeyStore::new("/tmp/keys");
        for bad in [
            "../../etc/passwd",
            "/home/me/.ssh/id",
            "a.key",
            "",
            "0192F3A4-0000-7000-8000-000000000000",
        ] {
            assert!(keys.issuer_key(bad).is_err(), "{bad}");
            assert!(keys.assessor_key(bad).is_err(), "{bad}");
        }
        let id = crate::new_id();
        assert_eq!(
            keys.assessor_key(&id).unwrap(),
            Path::new("/tmp/keys").join(format!("{id}.key"))
        );
    }
}
