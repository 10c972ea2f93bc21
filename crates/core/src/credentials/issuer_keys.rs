//! The issuer's signing keys: an Ed25519 key (Data Integrity proofs) and a P-256 key (VC-JWTs) per
//! generation, made on this computer. The private halves stay in the app's settings folder (owner
//! only, never overwritten); the public halves live in the workspace, so badges signed with a retired
//! key keep verifying anywhere the workspace goes.

use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use guildbook_badges as ob;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::workspace::Workspace;
use crate::{clock, new_id};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuerKeyInfo {
    pub id: String,
    pub created_at: String,
    pub retired_at: Option<String>,
    /// Whether this computer holds the private half (only then can it sign).
    pub here: bool,
    /// The did:key its Data Integrity proofs name.
    pub did: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct IssuerKeyFile {
    format: String,
    key_id: String,
    ed25519: String,
    p256: String,
}

const KEY_FORMAT: &str = "guildbook-issuer-key";

fn key_path(keys_dir: &Path, key_id: &str) -> PathBuf {
    keys_dir.join(format!("issuer-{key_id}.key"))
}

fn write_key(keys_dir: &Path, key: &ob::IssuerKey) -> Result<()> {
    std::fs::create_dir_all(keys_dir)
        .map_err(CoreError::io("Could not prepare the keys folder"))?;
    let file = IssuerKeyFile {
        format: KEY_FORMAT.into(),
        key_id: key.key_id.clone(),
        ed25519: B64.encode(key.ed25519.to_bytes()),
        p256: B64.encode(key.p256.to_bytes()),
    };
    let text = serde_json::to_string_pretty(&file).expect("key files serialise");
    crate::signing::write_private_file(&key_path(keys_dir, &key.key_id), text.as_bytes())
}

fn read_key(keys_dir: &Path, key_id: &str) -> Result<Option<ob::IssuerKey>> {
    let path = key_path(keys_dir, key_id);
    if !path.is_file() {
        return Ok(None);
    }
    let damaged = || {
        CoreError::Invalid(format!(
            "The issuer key file {} is damaged.",
            path.display()
        ))
    };
    let text = std::fs::read_to_string(&path)
        .map_err(CoreError::io(format!("Could not read {}", path.display())))?;
    let file: IssuerKeyFile = serde_json::from_str(&text).map_err(|_| damaged())?;
    let secret = |b64: &str| B64.decode(b64.trim()).ok();
    let ed = secret(&file.ed25519)
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(damaged)?;
    let p256 = secret(&file.p256)
        .and_then(|b| p256::ecdsa::SigningKey::from_slice(&b).ok())
        .ok_or_else(damaged)?;
    if file.format != KEY_FORMAT || file.key_id != key_id {
        return Err(damaged());
    }
    Ok(Some(ob::IssuerKey {
        key_id: file.key_id,
        ed25519: ed25519_dalek::SigningKey::from_bytes(&ed),
        p256,
    }))
}

fn public_entry(id: String, ed: &str, p256: &str, retired: bool) -> Result<ob::PublicKeyEntry> {
    let damaged = || CoreError::Invalid(format!("The stored public key '{id}' is damaged."));
    let ed25519 = B64
        .decode(ed)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(damaged)?;
    let p256_sec1 = B64.decode(p256).map_err(|_| damaged())?;
    Ok(ob::PublicKeyEntry {
        key_id: id,
        ed25519,
        p256_sec1,
        retired,
    })
}

impl Workspace {
    fn key_rows(&self) -> Result<Vec<(String, String, String, String, Option<String>)>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT id, ed25519_public, p256_public, created_at, retired_at FROM issuer_key
                 ORDER BY retired_at IS NULL DESC, created_at DESC",
            )?
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The issuer's keys, the current one first.
    pub fn issuer_keys(&self, keys_dir: &Path) -> Result<Vec<IssuerKeyInfo>> {
        self.key_rows()?
            .into_iter()
            .map(|(id, ed, _, created_at, retired_at)| {
                let entry = public_entry(id.clone(), &ed, "", retired_at.is_some())?;
                Ok(IssuerKeyInfo {
                    here: key_path(keys_dir, &id).is_file(),
                    did: ob::ed25519_did_key(&entry.ed25519),
                    id,
                    created_at,
                    retired_at,
                })
            })
            .collect()
    }

    /// Makes a new signing key the current one; the old one is retired (kept for verifying).
    pub fn rotate_issuer_key(&mut self, keys_dir: &Path) -> Result<IssuerKeyInfo> {
        let key = ob::IssuerKey::generate(new_id());
        let entry = key.public_entry(false);
        write_key(keys_dir, &key)?;
        let now = clock::now();
        let tx = crate::ladder::roles::write_tx(self.conn_mut())?;
        tx.execute(
            "UPDATE issuer_key SET retired_at = ?1 WHERE retired_at IS NULL",
            [&now],
        )?;
        tx.execute(
            "INSERT INTO issuer_key (id, ed25519_public, p256_public, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![entry.key_id, B64.encode(entry.ed25519), B64.encode(&entry.p256_sec1), now],
        )?;
        tx.commit()?;
        let id = key.key_id.clone();
        self.issuer_keys(keys_dir)?
            .into_iter()
            .find(|k| k.id == id)
            .ok_or_else(|| CoreError::NotFound("The new key was not stored.".into()))
    }

    /// The current signing key; the first one is made on first use.
    pub(crate) fn current_issuer_key(&mut self, keys_dir: &Path) -> Result<ob::IssuerKey> {
        let current: Option<String> = self
            .conn()
            .query_row(
                "SELECT id FROM issuer_key WHERE retired_at IS NULL",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let id = match current {
            Some(id) => id,
            None => self.rotate_issuer_key(keys_dir)?.id,
        };
        read_key(keys_dir, &id)?.ok_or_else(|| {
            CoreError::Invalid(
                "The issuer's signing key is not on this computer. Make a new signing key (Credentials → Work areas → Issuer profile); badges signed before keep verifying."
                    .into(),
            )
        })
    }

    /// Every public key the issuer ever used, as a JWK Set for third parties.
    pub fn issuer_jwks(&self) -> Result<serde_json::Value> {
        let entries = self
            .key_rows()?
            .into_iter()
            .map(|(id, ed, p256, _, retired)| public_entry(id, &ed, &p256, retired.is_some()))
            .collect::<Result<Vec<_>>>()?;
        Ok(ob::jwks(&entries))
    }
}
