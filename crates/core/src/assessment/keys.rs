//! Assessors: their records (a name and a public key) in the workspace, and the private keys of
//! those who sign here on this computer — one key file per assessor in a folder outside any
//! workspace (the app's settings folder), so copying a workspace never copies anyone's key.

use ed25519_dalek::SigningKey;
use rusqlite::{params, OptionalExtension};

use super::{Assessment, Assessor};
use crate::error::{CoreError, Result};
use crate::keystore::{check_belongs, KeyStore};
use crate::text::clean_name;
use crate::workspace::Workspace;
use crate::{clock, new_id, signing};

impl KeyStore {
    /// Keeps an assessor's private key, bound to the workspace `workspace_id`.
    pub(crate) fn keep_assessor_key(
        &self,
        workspace_id: &str,
        assessor: &Assessor,
        key: &SigningKey,
    ) -> Result<()> {
        self.prepare()?;
        let path = self.assessor_key(&assessor.id)?;
        signing::write_key_file(&path, &assessor.name, key, Some(workspace_id))
    }

    /// The assessor's private key, if it is on this computer, made for this workspace and the
    /// other half of the public key the workspace records for them.
    fn assessor_signing_key(&self, workspace_id: &str, assessor: &Assessor) -> Result<SigningKey> {
        let path = self.assessor_key(&assessor.id)?;
        if !path.is_file() {
            return Err(CoreError::Invalid(format!(
                "{}'s signing key is not on this computer. Export the assessment for them to sign with `guildbook assessment sign`, then import it.",
                assessor.name
            )));
        }
        let stored = signing::read_key_file(&path)?;
        let what = format!("{}'s signing key", assessor.name);
        check_belongs(stored.workspace.as_deref(), workspace_id, &what)?;
        if signing::public_key_text(&stored.key.verifying_key()) != assessor.public_key.trim() {
            return Err(CoreError::Invalid(format!(
                "The public key this workspace records for {} does not match their signing key on this computer: the workspace may have been altered. Nothing was signed.",
                assessor.name
            )));
        }
        Ok(stored.key)
    }
}

impl Workspace {
    /// Records an assessor by their public key (made on their machine, or by `create_assessor_key`).
    pub fn add_assessor(
        &mut self,
        name: &str,
        email: &str,
        public_key: &str,
        external: bool,
    ) -> Result<Assessor> {
        let name = clean_name("The assessor's name", name)?;
        let key = crate::signing::public_key_text(&crate::signing::parse_public_key(public_key)?);
        let known: Option<String> = self
            .conn()
            .query_row(
                "SELECT name FROM assessor WHERE public_key = ?1",
                [&key],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(who) = known {
            return Err(CoreError::Invalid(format!(
                "That key already belongs to {who}."
            )));
        }
        let id = new_id();
        self.conn().execute(
            "INSERT INTO assessor (id, name, email, public_key, external, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, name, email.trim(), key, external, clock::now()],
        )?;
        self.assessor(&id)
    }

    pub fn assessor(&self, id: &str) -> Result<Assessor> {
        self.conn()
            .query_row(
                "SELECT id, name, email, public_key, external FROM assessor WHERE id = ?1",
                [id],
                |r| {
                    Ok(Assessor {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        email: r.get(2)?,
                        public_key: r.get(3)?,
                        external: r.get(4)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That assessor is not known here.".into()))
    }

    pub(crate) fn assessor_by_key(&self, public_key: &str) -> Result<Option<Assessor>> {
        let id: Option<String> = self
            .conn()
            .query_row(
                "SELECT id FROM assessor WHERE public_key = ?1",
                [public_key.trim()],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.assessor(&id)).transpose()
    }

    /// A new assessor whose key is made and kept on this computer.
    pub fn add_local_assessor(
        &mut self,
        keys: &KeyStore,
        name: &str,
        email: &str,
    ) -> Result<Assessor> {
        let key = signing::generate()?;
        let assessor = self.add_assessor(
            name,
            email,
            &signing::public_key_text(&key.verifying_key()),
            false,
        )?;
        if let Err(e) = keys.keep_assessor_key(&self.id()?, &assessor, &key) {
            // Without its private key the assessor could never sign: take the record back.
            let _ = self
                .conn()
                .execute("DELETE FROM assessor WHERE id = ?1", [&assessor.id]);
            return Err(e);
        }
        Ok(assessor)
    }

    /// Signs with the assessor's key from this computer.
    pub fn sign_with_local_key(&mut self, keys: &KeyStore, id: &str) -> Result<Assessment> {
        let a = self.assessment(id)?;
        let key = keys.assessor_signing_key(&self.id()?, &a.assessor)?;
        self.sign_assessment(id, &key)
    }

    pub fn assessors(&self) -> Result<Vec<Assessor>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT id FROM assessor ORDER BY name, id")?;
        let ids: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.iter().map(|id| self.assessor(id)).collect()
    }
}

/// An assessment as its screen shows it: with its integrity, what is missing before it can be
/// signed, and whether its assessor's key is on this computer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentView {
    pub assessment: Assessment,
    pub integrity: super::Integrity,
    pub missing: Vec<String>,
    pub can_sign_here: bool,
}

impl Workspace {
    pub fn assessment_view(&self, keys: &KeyStore, id: &str) -> Result<AssessmentView> {
        let assessment = self.assessment(id)?;
        Ok(AssessmentView {
            integrity: self.assessment_integrity(id)?,
            missing: super::missing_for_signature(&assessment),
            can_sign_here: keys.has_assessor_key(&assessment.assessor.id),
            assessment,
        })
    }
}
