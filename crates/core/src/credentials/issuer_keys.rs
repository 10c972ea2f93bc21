//! The issuer's signing keys: an Ed25519 key (Data Integrity proofs) and a P-256 key (VC-JWTs) per
//! generation, made on this computer. The private halves stay in the app's settings folder (owner
//! only, never overwritten); the public halves live in the workspace, so badges signed with a retired
//! key keep verifying anywhere the workspace goes.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use guildbook_badges as ob;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::keystore::{check_belongs, KeyStore};
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
    /// Reported compromised on this day (YYYY-MM-DD): what it signed from then on is not trusted.
    pub compromised_on: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct IssuerKeyFile {
    format: String,
    key_id: String,
    ed25519: String,
    p256: String,
    /// The workspace the key signs for (absent in files made before workspaces had ids).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    workspace: Option<String>,
    /// The public halves, as the workspace stores them, to tell a damaged file at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ed25519_public: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    p256_public: Option<String>,
}

const KEY_FORMAT: &str = "guildbook-issuer-key";

impl KeyStore {
    fn keep_issuer_key(&self, workspace_id: &str, key: &ob::IssuerKey) -> Result<()> {
        self.prepare()?;
        let public = key.public_entry(false);
        let file = IssuerKeyFile {
            format: KEY_FORMAT.into(),
            key_id: key.key_id.clone(),
            ed25519: B64.encode(key.ed25519.to_bytes()),
            p256: B64.encode(key.p256.to_bytes()),
            workspace: Some(workspace_id.into()),
            ed25519_public: Some(B64.encode(public.ed25519)),
            p256_public: Some(B64.encode(&public.p256_sec1)),
        };
        let text = serde_json::to_string_pretty(&file).expect("key files serialise");
        crate::signing::write_private_file(&self.issuer_key(&key.key_id)?, text.as_bytes())
    }

    /// The issuer key `key_id` if this computer holds it, with the workspace it was made for.
    fn issuer_signing_key(&self, key_id: &str) -> Result<Option<(ob::IssuerKey, Option<String>)>> {
        let path = self.issuer_key(key_id)?;
        if !path.is_file() {
            return Ok(None);
        }
        let damaged = || {
            CoreError::Invalid(format!(
                "The issuer key file {} is damaged.",
                path.display()
            ))
        };
        let text = crate::files::read_text_capped(&path, 64 * 1024, "The issuer key file")?;
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
        let key = ob::IssuerKey {
            key_id: file.key_id,
            ed25519: ed25519_dalek::SigningKey::from_bytes(&ed),
            p256,
        };
        let public = key.public_entry(false);
        let recorded_matches = file
            .ed25519_public
            .is_none_or(|p| p == B64.encode(public.ed25519))
            && file
                .p256_public
                .is_none_or(|p| p == B64.encode(&public.p256_sec1));
        if !recorded_matches {
            return Err(damaged());
        }
        Ok(Some((key, file.workspace)))
    }
}

fn public_entry(row: &KeyRow) -> Result<ob::PublicKeyEntry> {
    let KeyRow {
        id,
        ed25519: ed,
        p256,
        retired_at,
        compromised_on,
        ..
    } = row;
    let damaged = || CoreError::Invalid(format!("The stored public key '{id}' is damaged."));
    let ed25519 = B64
        .decode(ed)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(damaged)?;
    let p256_sec1 = B64.decode(p256).map_err(|_| damaged())?;
    Ok(ob::PublicKeyEntry {
        key_id: id.clone(),
        ed25519,
        p256_sec1,
        retired: retired_at.is_some(),
        compromised_on: compromised_on.clone(),
    })
}

/// An issuer key as stored.
struct KeyRow {
    id: String,
    ed25519: String,
    p256: String,
    created_at: String,
    retired_at: Option<String>,
    compromised_on: Option<String>,
}

impl Workspace {
    fn key_rows(&self) -> Result<Vec<KeyRow>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT id, ed25519_public, p256_public, created_at, retired_at, compromised_on
                 FROM issuer_key ORDER BY retired_at IS NULL DESC, created_at DESC",
            )?
            .query_map([], |r| {
                Ok(KeyRow {
                    id: r.get(0)?,
                    ed25519: r.get(1)?,
                    p256: r.get(2)?,
                    created_at: r.get(3)?,
                    retired_at: r.get(4)?,
                    compromised_on: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The issuer's keys, the current one first.
    pub fn issuer_keys(&self, keys: &KeyStore) -> Result<Vec<IssuerKeyInfo>> {
        self.key_rows()?
            .into_iter()
            .map(|row| {
                let entry = public_entry(&row)?;
                Ok(IssuerKeyInfo {
                    here: keys.has_issuer_key(&row.id),
                    did: ob::ed25519_did_key(&entry.ed25519),
                    id: row.id,
                    created_at: row.created_at,
                    retired_at: row.retired_at,
                    compromised_on: row.compromised_on,
                })
            })
            .collect()
    }

    /// Makes a new signing key the current one; the old one is retired (kept for verifying).
    pub fn rotate_issuer_key(&mut self, keys: &KeyStore) -> Result<IssuerKeyInfo> {
        let key = ob::IssuerKey::generate(new_id());
        let entry = key.public_entry(false);
        // The key file is on disk before the row naming it commits.
        keys.keep_issuer_key(&self.id()?, &key)?;
        crate::fault::point("rotate-key-after-file");
        let now = clock::now();
        let tx = crate::store::write_tx(self.conn_mut())?;
        tx.execute(
            "UPDATE issuer_key SET retired_at = ?1 WHERE retired_at IS NULL",
            [&now],
        )?;
        tx.execute(
            "INSERT INTO issuer_key (id, ed25519_public, p256_public, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![entry.key_id, B64.encode(entry.ed25519), B64.encode(&entry.p256_sec1), now],
        )?;
        crate::fault::point("rotate-key-before-commit");
        tx.commit()?;
        let id = key.key_id.clone();
        self.issuer_keys(keys)?
            .into_iter()
            .find(|k| k.id == id)
            .ok_or_else(|| CoreError::NotFound("The new key was not stored.".into()))
    }

    /// The current signing key; the first one is made on first use.
    /// Refuses to sign unless the private key on this computer was made for this workspace and
    /// is the other half of the public key the workspace stores for it.
    pub(crate) fn current_issuer_key(&mut self, keys: &KeyStore) -> Result<ob::IssuerKey> {
        let current: Option<(String, String, String)> = self
            .conn()
            .query_row(
                // A current key reported compromised (a report cut short before its rotation) is
                // never used: a new key takes over, as below when there is none.
                "SELECT id, ed25519_public, p256_public FROM issuer_key
                 WHERE retired_at IS NULL AND compromised_on IS NULL",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (id, ed_public, p256_public) = match current {
            Some(row) => row,
            None => {
                self.rotate_issuer_key(keys)?;
                return self.current_issuer_key(keys);
            }
        };
        let (key, workspace) = keys.issuer_signing_key(&id)?.ok_or_else(|| {
            CoreError::Invalid(
                "The issuer's signing key is not on this computer. Make a new signing key (Credentials → Work areas → Issuer profile); badges signed before keep verifying."
                    .into(),
            )
        })?;
        check_belongs(
            workspace.as_deref(),
            &self.id()?,
            "The issuer's signing key",
        )?;
        let public = key.public_entry(false);
        let stored = public_entry(&KeyRow {
            id,
            ed25519: ed_public,
            p256: p256_public,
            created_at: String::new(),
            retired_at: None,
            compromised_on: None,
        })?;
        let p256_same = p256::ecdsa::VerifyingKey::from_sec1_bytes(&stored.p256_sec1).ok()
            == Some(*key.p256.verifying_key());
        if stored.ed25519 != public.ed25519 || !p256_same {
            return Err(CoreError::Invalid(
                "The issuer's public key stored in this workspace does not match its signing key on this computer: the workspace may have been altered. Nothing was signed or written."
                    .into(),
            ));
        }
        Ok(key)
    }

    /// Records that key `id` was compromised on `since` (YYYY-MM-DD): badges and certificates it
    /// signed after that day stop verifying, here and for anyone given the published keys; what
    /// it signed before keeps verifying. A current key is retired and a new one made at once.
    /// An earlier date may replace a later one, never the other way.
    pub fn report_issuer_key_compromised(
        &mut self,
        keys: &KeyStore,
        id: &str,
        since: &str,
    ) -> Result<Vec<IssuerKeyInfo>> {
        let since = crate::dates::clean("The day the key was compromised", since)?;
        if since > crate::dates::format(crate::dates::today_here()) {
            return Err(CoreError::Invalid(format!(
                "{} is in the future: give the day the key was (or may have been) exposed.",
                crate::dates::long(&since)
            )));
        }
        let (current, known): (bool, Option<String>) = self
            .conn()
            .query_row(
                "SELECT retired_at IS NULL, compromised_on FROM issuer_key WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| {
                CoreError::NotFound("That signing key is not in this workspace.".into())
            })?;
        if known
            .as_deref()
            .is_some_and(|known| known <= since.as_str())
        {
            return Err(CoreError::Invalid(format!(
                "This key is already reported compromised since {}, which covers that day.",
                crate::dates::long(known.as_deref().unwrap_or_default())
            )));
        }
        if current {
            // Nothing more is signed with it: a new key takes over first.
            self.rotate_issuer_key(keys)?;
        }
        self.conn().execute(
            "UPDATE issuer_key SET compromised_on = ?2 WHERE id = ?1",
            params![id, since],
        )?;
        self.issuer_keys(keys)
    }

    /// Every public key the issuer ever used, as a JWK Set for third parties.
    pub fn issuer_jwks(&self) -> Result<serde_json::Value> {
        let entries = self
            .key_rows()?
            .into_iter()
            .map(|row| public_entry(&row))
            .collect::<Result<Vec<_>>>()?;
        Ok(ob::jwks(&entries))
    }
}
