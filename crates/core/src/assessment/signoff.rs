//! Sign-off: the assessor signs a canonical form of the assessment's content with their Ed25519
//! key. The signed bytes are kept, so any later change to the stored rows (by someone going
//! around the app) shows as tampering. External leads sign an exported file with the command line.

use std::path::Path;

use ed25519_dalek::SigningKey;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Assessment, Pay};
use crate::clock;
use crate::error::{CoreError, Result};
use crate::signing::{self, ASSESSMENT_CONTEXT};
use crate::workspace::Workspace;

/// Exactly what a signature covers. Field order is fixed by this struct, so serialising it gives
/// the same bytes every time: that is the canonical form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignedAssessment {
    pub format: String,
    pub id: String,
    pub contractor: Named,
    pub role: Named,
    pub ladder_version: Named,
    pub level: Named,
    pub kind: super::AssessmentKind,
    pub assessor: SignedAssessor,
    pub starts_on: String,
    pub due_on: String,
    pub pay: Pay,
    pub summary: String,
    pub cells: Vec<SignedCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignedAssessor {
    pub name: String,
    pub public_key: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignedCell {
    pub domain_key: String,
    pub domain: String,
    pub outcomes: Vec<String>,
    pub self_rating: Option<String>,
    pub assessor_rating: Option<String>,
    pub comment: String,
    /// Evidence by id and, for files, the SHA-256 of the exact file.
    pub evidence: Vec<(String, Option<String>)>,
}

const CONTENT_FORMAT: &str = "guildbook-assessment/1";
const FILE_FORMAT: &str = "guildbook-assessment-file";
const MAX_FILE: u64 = 8 * 1024 * 1024;

/// An exported assessment: its content and, once signed, the signature.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssessmentFile {
    pub format: String,
    pub content: SignedAssessment,
    pub signature: Option<FileSignature>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileSignature {
    pub public_key: String,
    pub signature: String,
    pub signed_at: String,
}

/// Whether a stored assessment is still what its assessor signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "state")]
pub enum Integrity {
    Unsigned,
    Verified,
    Tampered { reason: String },
}

fn canonical(content: &SignedAssessment) -> Vec<u8> {
    serde_json::to_vec(content).expect("assessments serialise")
}

/// The signed content without the names that may rightly change later (a person, a role or an
/// assessor renamed). Ids, ratings, comments, evidence and the frozen ladder text remain, so a
/// rename is not tampering but any change to what was judged is.
fn judged(content: &SignedAssessment) -> SignedAssessment {
    let mut c = content.clone();
    c.contractor.name.clear();
    c.role.name.clear();
    c.assessor.name.clear();
    c
}

impl SignedAssessment {
    fn of(a: &Assessment) -> Self {
        let named = |id: &str, name: &str| Named {
            id: id.into(),
            name: name.into(),
        };
        SignedAssessment {
            format: CONTENT_FORMAT.into(),
            id: a.id.clone(),
            contractor: named(&a.contractor_id, &a.contractor_name),
            role: named(&a.role_id, &a.role_name),
            ladder_version: named(&a.version_id, &format!("v{}", a.version_number)),
            level: named(&a.level_key, &a.level_name),
            kind: a.kind,
            assessor: SignedAssessor {
                name: a.assessor.name.clone(),
                public_key: a.assessor.public_key.clone(),
            },
            starts_on: a.starts_on.clone(),
            due_on: a.due_on.clone(),
            pay: a.pay.clone(),
            summary: a.summary.clone(),
            cells: a
                .rubric
                .iter()
                .map(|r| SignedCell {
                    domain_key: r.domain_key.clone(),
                    domain: r.domain_name.clone(),
                    outcomes: r.outcomes.clone(),
                    self_rating: r.self_rating.clone(),
                    assessor_rating: r.assessor_rating.clone(),
                    comment: r.comment.clone(),
                    evidence: r
                        .evidence
                        .iter()
                        .map(|e| (e.id.clone(), e.sha256.clone()))
                        .collect(),
                })
                .collect(),
        }
    }
}

/// What is still missing before an assessment can be signed, in words; empty when complete.
pub fn missing_for_signature(a: &Assessment) -> Vec<String> {
    missing_in(&SignedAssessment::of(a).cells)
}

fn missing_in(cells: &[SignedCell]) -> Vec<String> {
    cells
        .iter()
        .filter(|c| c.assessor_rating.is_none())
        .map(|c| format!("{}: no assessor rating", c.domain))
        .collect()
}

fn write_signature(
    conn: &rusqlite::Connection,
    id: &str,
    content: &[u8],
    signature: &str,
    key: &str,
    at: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE assessment SET status = 'signed', signed_content = ?2, signature = ?3, signer_key = ?4,
           signed_at = ?5, updated_at = ?5 WHERE id = ?1",
        params![id, String::from_utf8_lossy(content), signature, key, at],
    )?;
    Ok(())
}

impl Workspace {
    /// Signs an assessment with the assessor's key. Every cell needs an assessor rating, and the
    /// key must be the assessor's own.
    pub fn sign_assessment(&mut self, id: &str, key: &SigningKey) -> Result<Assessment> {
        let a = self.editable(id)?;
        let public = signing::public_key_text(&key.verifying_key());
        if public != a.assessor.public_key {
            return Err(CoreError::Invalid(format!(
                "This key is not {}'s; only the assessor can sign.",
                a.assessor.name
            )));
        }
        let missing = missing_for_signature(&a);
        if !missing.is_empty() {
            return Err(CoreError::Invalid(format!(
                "Not ready to sign: {}.",
                missing.join("; ")
            )));
        }
        let content = canonical(&SignedAssessment::of(&a));
        let signature = signing::sign(key, ASSESSMENT_CONTEXT, &content);
        write_signature(
            self.conn(),
            id,
            &content,
            &signature,
            &public,
            &clock::now(),
        )?;
        self.assessment(id)
    }

    /// Checks a signed assessment against its signature and the rows stored now.
    pub fn assessment_integrity(&self, id: &str) -> Result<Integrity> {
        let (content, signature, key): (Option<String>, Option<String>, Option<String>) =
            self.conn().query_row(
                "SELECT signed_content, signature, signer_key FROM assessment WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
        let (Some(content), Some(signature), Some(key)) = (content, signature, key) else {
            return Ok(Integrity::Unsigned);
        };
        let tampered = |reason: &str| {
            Ok(Integrity::Tampered {
                reason: reason.into(),
            })
        };
        let Ok(public) = signing::parse_public_key(&key) else {
            return tampered("The signing key stored with it is damaged.");
        };
        if !signing::verify(&public, ASSESSMENT_CONTEXT, content.as_bytes(), &signature) {
            return tampered("The signature does not match the signed content.");
        }
        if self.assessor_by_key(&key)?.is_none() {
            return tampered("It was signed with a key that belongs to no assessor here.");
        }
        let Ok(signed) = serde_json::from_str::<SignedAssessment>(&content) else {
            return tampered("The signed content can no longer be read.");
        };
        let now = match self.assessment(id) {
            Ok(a) => judged(&SignedAssessment::of(&a)),
            Err(_) => return tampered("Its stored rows can no longer be read."),
        };
        let signed = judged(&signed);
        if now == signed {
            return Ok(Integrity::Verified);
        }
        // Say where, so whoever investigates knows what to look at.
        let details = |c: &SignedAssessment| SignedAssessment {
            cells: Vec::new(),
            summary: String::new(),
            ..c.clone()
        };
        let changed: Vec<&str> = signed
            .cells
            .iter()
            .zip(&now.cells)
            .filter(|(a, b)| a != b)
            .map(|(a, _)| a.domain.as_str())
            .collect();
        let reason = if details(&signed) != details(&now) || signed.cells.len() != now.cells.len() {
            "The stored details (person, ladder, level, dates or pay) differ from what was signed."
                .to_string()
        } else if !changed.is_empty() {
            format!(
                "The stored ratings, comments or evidence of {} differ from what was signed.",
                changed.join(", ")
            )
        } else {
            "The stored summary differs from what was signed.".to_string()
        };
        Ok(Integrity::Tampered { reason })
    }

    pub fn export_assessment(&self, id: &str) -> Result<AssessmentFile> {
        let a = self.assessment(id)?;
        let (signature, key, at): (Option<String>, Option<String>, Option<String>) =
            self.conn().query_row(
                "SELECT signature, signer_key, signed_at FROM assessment WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
        Ok(AssessmentFile {
            format: FILE_FORMAT.into(),
            content: SignedAssessment::of(&a),
            signature: match (signature, key, at) {
                (Some(signature), Some(public_key), Some(signed_at)) => Some(FileSignature {
                    public_key,
                    signature,
                    signed_at,
                }),
                _ => None,
            },
        })
    }

    /// Takes back a file an external lead signed: the signature must verify, by a known
    /// assessor's key, over content that matches this assessment (their ratings and comments are
    /// taken as signed). With `expected`, the file must be that assessment's.
    pub fn import_signed_assessment(
        &mut self,
        file: &AssessmentFile,
        expected: Option<&str>,
    ) -> Result<Assessment> {
        if expected.is_some_and(|id| id != file.content.id) {
            return Err(CoreError::Invalid(
                "This file is the signed copy of another assessment; open that one to import it."
                    .into(),
            ));
        }
        let sig = file
            .signature
            .as_ref()
            .ok_or_else(|| CoreError::Invalid("This assessment file is not signed yet.".into()))?;
        let public = signing::parse_public_key(&sig.public_key)?;
        let content = canonical(&file.content);
        if !signing::verify(&public, ASSESSMENT_CONTEXT, &content, &sig.signature) {
            return Err(CoreError::Invalid(
                "The signature does not match the file's content: it was changed after signing, or signed with another key.".into(),
            ));
        }
        let signer = self.assessor_by_key(&sig.public_key)?.ok_or_else(|| {
            CoreError::Invalid(
                "The file was signed with a key that belongs to no assessor here.".into(),
            )
        })?;
        let current = self.editable(&file.content.id)?;
        if signer.id != current.assessor.id {
            return Err(CoreError::Invalid(format!(
                "The file was signed by {}, but {} is this assessment's assessor.",
                signer.name, current.assessor.name
            )));
        }
        // Only ratings, comments and the summary may differ from what is stored: everything else
        // must be this assessment's. Checked before anything is written.
        let mut expected = SignedAssessment::of(&current);
        expected.summary = file.content.summary.clone();
        if expected.cells.len() == file.content.cells.len() {
            for (mine, theirs) in expected.cells.iter_mut().zip(&file.content.cells) {
                mine.self_rating = theirs.self_rating.clone();
                mine.assessor_rating = theirs.assessor_rating.clone();
                mine.comment = theirs.comment.clone();
            }
        }
        for rating in file
            .content
            .cells
            .iter()
            .flat_map(|c| [&c.self_rating, &c.assessor_rating])
        {
            if let Some(r) = rating.as_deref().filter(|r| !current.scale.contains(r)) {
                return Err(CoreError::Invalid(format!(
                    "'{r}' is not on the rating scale ({}); nothing was changed.",
                    current.scale.ratings.join(", ")
                )));
            }
        }
        if judged(&expected) != judged(&file.content) {
            return Err(CoreError::Invalid(
                "The file describes a different assessment (person, ladder, level, evidence or pay differ); nothing was changed.".into(),
            ));
        }
        let id = current.id.clone();
        let tx = crate::store::write_tx(self.conn_mut())?;
        for cell in &file.content.cells {
            tx.execute(
                "UPDATE assessment_cell SET self_rating = ?3, assessor_rating = ?4, comment = ?5
                 WHERE assessment_id = ?1 AND domain_key = ?2",
                params![
                    id,
                    cell.domain_key,
                    cell.self_rating,
                    cell.assessor_rating,
                    cell.comment
                ],
            )?;
        }
        tx.execute(
            "UPDATE assessment SET summary = ?2 WHERE id = ?1",
            params![id, file.content.summary],
        )?;
        write_signature(
            &tx,
            &id,
            &content,
            &sig.signature,
            &sig.public_key,
            &sig.signed_at,
        )?;
        tx.commit()?;
        self.assessment(&id)
    }
}

/// Reads an assessment file (bounded in size, strict in shape).
pub fn read_file(path: &Path) -> Result<AssessmentFile> {
    let what = path.display();
    let text =
        crate::files::read_text_capped(path, MAX_FILE, &format!("The assessment file {what}"))?;
    let file: AssessmentFile = serde_json::from_str(&text).map_err(|e| {
        CoreError::Invalid(format!("{what} is not a Guildbook assessment file ({e})."))
    })?;
    if file.format != FILE_FORMAT || file.content.format != CONTENT_FORMAT {
        return Err(CoreError::Invalid(format!(
            "{what} is not a Guildbook assessment file."
        )));
    }
    Ok(file)
}

/// Writes an assessment file beside its place and renames it in, so a crash never leaves half a file.
pub fn write_file(path: &Path, file: &AssessmentFile) -> Result<()> {
    let text = serde_json::to_string_pretty(file).expect("assessment files serialise");
    crate::files::write_atomically(path, (text + "\n").as_bytes())
}

/// Signs an assessment file with a key (what `guildbook assessment sign` does for an external lead).
pub fn sign_file(file: &mut AssessmentFile, key: &SigningKey) -> Result<()> {
    let public = signing::public_key_text(&key.verifying_key());
    if public != file.content.assessor.public_key {
        return Err(CoreError::Invalid(format!(
            "This key is not {}'s; only the assessor named in the file can sign it.",
            file.content.assessor.name
        )));
    }
    let missing = missing_in(&file.content.cells);
    if !missing.is_empty() {
        return Err(CoreError::Invalid(format!(
            "Not ready to sign: {}.",
            missing.join("; ")
        )));
    }
    file.signature = Some(FileSignature {
        signature: signing::sign(key, ASSESSMENT_CONTEXT, &canonical(&file.content)),
        public_key: public,
        signed_at: clock::now(),
    });
    Ok(())
}
