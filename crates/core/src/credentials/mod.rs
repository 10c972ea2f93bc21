//! Micro-credentials: what a credential asks for (a level of a role's ladder, some
//! or all of its domains, their evidence, and other credentials it stacks on), and its badge.
//! Awards are in `awards`, work areas and clearance in `clearance`, the issuer in `issuer`.

pub mod awards;
pub mod badges;
pub mod clearance;
pub mod design;
pub mod issuer;
pub mod issuer_keys;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use awards::{Award, AwardStatus, NewAward};
pub use badges::{BadgeCheck, BadgeFormat, BadgeVerification};
pub use clearance::{Clearance, ClearedPerson, MissingCredential, WorkArea, WorkAreaInput};
pub use design::{BadgeDesign, BadgeShape};
pub use issuer::IssuerProfile;
pub use issuer_keys::IssuerKeyInfo;

use crate::error::{CoreError, Result};
use crate::store::write_tx;
use crate::text::{clean_name, clean_text};
use crate::workspace::Workspace;
use crate::{clock, new_id};

/// Badge images people upload: small, and only the two formats badges are baked into.
pub const MAX_BADGE_IMAGE: u64 = 2 * 1024 * 1024;

/// The badge of a credential: a built-in design, or an image uploaded into the vault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum BadgeImage {
    Design(BadgeDesign),
    #[serde(rename_all = "camelCase")]
    Upload {
        sha256: String,
        media_type: String,
    },
}

/// What a credential asks of the ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Criteria {
    pub role_id: String,
    pub role_name: String,
    pub version_id: String,
    pub version_number: u32,
    pub level_key: String,
    pub level_name: String,
    /// (key, name) of each domain that must be rated as meeting the level.
    pub domains: Vec<(String, String)>,
    /// Whether each of those cells' evidence requirements must be complete too.
    pub require_evidence: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialRef {
    pub id: String,
    pub name: String,
}

/// How many people hold a credential, by status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HolderCounts {
    pub active: u32,
    pub expiring: u32,
    pub expired: u32,
    pub revoked: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Credential {
    pub id: String,
    pub name: String,
    pub description: String,
    pub image: BadgeImage,
    /// The built-in design drawn as SVG (none for an uploaded image, which is in the vault).
    pub badge_svg: Option<String>,
    pub criteria: Option<Criteria>,
    /// As written by a person; empty when the generated one is used.
    pub narrative: String,
    /// What a holder did, in words: the one written, or one made from the criteria.
    pub criteria_text: String,
    pub validity_months: Option<u32>,
    pub prerequisites: Vec<CredentialRef>,
    pub holders: HolderCounts,
    pub archived: bool,
    pub updated_at: String,
}

/// A new credential, or new details for one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialInput {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub image: BadgeImage,
    /// The role whose newest published ladder the criteria come from; none for a credential made
    /// only of other credentials.
    pub role_id: Option<String>,
    pub level_key: Option<String>,
    /// The domains that must meet the level; empty means all of them.
    #[serde(default)]
    pub domain_keys: Vec<String>,
    #[serde(default)]
    pub require_evidence: bool,
    #[serde(default)]
    pub narrative: String,
    pub validity_months: Option<u32>,
    #[serde(default)]
    pub prerequisites: Vec<String>,
}

/// The criteria in words, for people and for the badge's `criteria.narrative`.
pub fn criteria_sentence(criteria: Option<&Criteria>, prerequisites: &[CredentialRef]) -> String {
    let mut parts = Vec::new();
    if let Some(c) = criteria {
        let domains: Vec<&str> = c.domains.iter().map(|(_, n)| n.as_str()).collect();
        parts.push(format!(
            "A signed assessment rates {} as meeting the {} level of the {} ladder (version {}){}.",
            list_words(&domains),
            c.level_name,
            c.role_name,
            c.version_number,
            if c.require_evidence {
                ", each with the evidence its cell asks for"
            } else {
                ""
            }
        ));
    }
    if !prerequisites.is_empty() {
        let names: Vec<&str> = prerequisites.iter().map(|p| p.name.as_str()).collect();
        parts.push(format!("Holds {}.", list_words(&names)));
    }
    parts.join(" ")
}

/// "a", "a and b", "a, b and c".
fn list_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn not_found() -> CoreError {
    CoreError::NotFound("That credential no longer exists.".into())
}

/// Whether making `id` require `requires` would close a loop of prerequisites.
fn closes_cycle(edges: &HashMap<String, Vec<String>>, id: &str, requires: &str) -> bool {
    // Walk what `requires` needs, transitively; reaching `id` means a cycle.
    let mut stack = vec![requires.to_string()];
    let mut seen = HashSet::new();
    while let Some(next) = stack.pop() {
        if next == id {
            return true;
        }
        if seen.insert(next.clone()) {
            stack.extend(edges.get(&next).into_iter().flatten().cloned());
        }
    }
    false
}

impl Workspace {
    pub fn credentials(&self, include_archived: bool) -> Result<Vec<Credential>> {
        let ids: Vec<String> = self
            .conn()
            .prepare_cached(
                "SELECT id FROM credential WHERE ?1 OR archived_at IS NULL ORDER BY name COLLATE NOCASE",
            )?
            .query_map([include_archived], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.iter().map(|id| self.credential(id)).collect()
    }

    /// A credential by id or name (case-insensitive), archived ones included.
    pub fn find_credential(&self, id_or_name: &str) -> Result<Credential> {
        self.credentials(true)?
            .into_iter()
            .find(|c| c.id == id_or_name || c.name.eq_ignore_ascii_case(id_or_name))
            .ok_or_else(|| {
                CoreError::NotFound(format!(
                    "No credential has the id or name '{}'.",
                    crate::text::shown(id_or_name)
                ))
            })
    }

    pub fn credential(&self, id: &str) -> Result<Credential> {
        type Row = (
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            bool,
            String,
            Option<u32>,
            bool,
            String,
        );
        let row: Row = self
            .conn()
            .query_row(
                "SELECT name, description, design, image_sha256, image_type, role_id, version_id, level_key,
                        require_evidence, narrative, validity_months, archived_at IS NOT NULL, updated_at
                 FROM credential WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?,
                        r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(not_found)?;
        let (
            name,
            description,
            design,
            sha,
            media,
            _role,
            version,
            level,
            evidence,
            narrative,
            months,
            archived,
            updated_at,
        ) = row;
        let image = match (design, sha, media) {
            (Some(d), _, _) => BadgeImage::Design(serde_json::from_str(&d).map_err(|e| {
                CoreError::Invalid(format!("The badge design of '{name}' is damaged: {e}"))
            })?),
            (None, Some(sha256), Some(media_type)) => BadgeImage::Upload {
                sha256: crate::vault::check_name(&sha256)?.to_string(),
                media_type: design::badge_media_type(&media_type)?.into(),
            },
            _ => return Err(CoreError::Invalid(format!("'{name}' has no badge image."))),
        };
        let criteria = match (version, level) {
            (Some(version_id), Some(level_key)) => {
                Some(self.criteria(id, &version_id, &level_key, evidence)?)
            }
            _ => None,
        };
        let prerequisites = self.prerequisites(id)?;
        let criteria_text = if narrative.is_empty() {
            criteria_sentence(criteria.as_ref(), &prerequisites)
        } else {
            narrative.clone()
        };
        let badge_svg = match &image {
            BadgeImage::Design(d) => Some(d.svg()?),
            BadgeImage::Upload { .. } => None,
        };
        Ok(Credential {
            id: id.to_string(),
            name,
            description,
            image,
            badge_svg,
            criteria,
            narrative,
            criteria_text,
            validity_months: months,
            prerequisites,
            holders: self.holder_counts(id)?,
            archived,
            updated_at,
        })
    }

    fn criteria(
        &self,
        id: &str,
        version_id: &str,
        level_key: &str,
        require_evidence: bool,
    ) -> Result<Criteria> {
        let ladder = self.ladder_version(version_id)?;
        let chosen: HashSet<String> = self
            .conn()
            .prepare_cached("SELECT domain_key FROM credential_domain WHERE credential_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let level_name = ladder
            .content
            .levels
            .iter()
            .find(|l| l.key == level_key)
            .map(|l| l.name.clone())
            .unwrap_or_default();
        Ok(Criteria {
            role_id: ladder.role.id.clone(),
            role_name: ladder.role.name.clone(),
            version_id: version_id.to_string(),
            version_number: ladder.version.number.unwrap_or(0),
            level_key: level_key.to_string(),
            level_name,
            // In the ladder's order, so criteria read like the grid.
            domains: ladder
                .content
                .domains
                .iter()
                .filter(|d| chosen.contains(&d.key))
                .map(|d| (d.key.clone(), d.name.clone()))
                .collect(),
            require_evidence,
        })
    }

    fn prerequisites(&self, id: &str) -> Result<Vec<CredentialRef>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT c.id, c.name FROM credential_prerequisite p JOIN credential c ON c.id = p.requires_id
                 WHERE p.credential_id = ?1 ORDER BY c.name COLLATE NOCASE",
            )?
            .query_map([id], |r| {
                Ok(CredentialRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    pub fn create_credential(&mut self, input: &CredentialInput) -> Result<Credential> {
        self.save_credential(None, input)
    }

    pub fn update_credential(&mut self, id: &str, input: &CredentialInput) -> Result<Credential> {
        self.credential(id)?;
        self.save_credential(Some(id), input)
    }

    fn save_credential(
        &mut self,
        existing: Option<&str>,
        input: &CredentialInput,
    ) -> Result<Credential> {
        let name = clean_name("The credential's name", &input.name)?;
        let description = clean_text("The description", &input.description)?;
        let narrative = clean_text("The criteria narrative", &input.narrative)?;
        if let Some(m) = input.validity_months {
            if !(1..=120).contains(&m) {
                return Err(CoreError::Invalid(
                    "Validity is between 1 and 120 months, or none (it never expires).".into(),
                ));
            }
        }
        let (design, sha, media) = match &input.image {
            BadgeImage::Design(d) => (
                Some(serde_json::to_string(&d.clean()?).expect("designs serialise")),
                None,
                None,
            ),
            BadgeImage::Upload { sha256, media_type } => {
                if !self.vault_path(sha256)?.is_file() {
                    return Err(CoreError::NotFound(
                        "The badge image is not in the vault; upload it again.".into(),
                    ));
                }
                let media_type = design::badge_media_type(media_type)?;
                (None, Some(sha256.clone()), Some(media_type.to_string()))
            }
        };
        // Criteria pin the newest published version of the role, as assessments do.
        let criteria = match (&input.role_id, &input.level_key) {
            (Some(role), Some(level)) => {
                let ladder = self.published_ladder(role)?;
                if !ladder.content.levels.iter().any(|l| &l.key == level) {
                    return Err(CoreError::NotFound(
                        "That level is not in the role's published ladder.".into(),
                    ));
                }
                let domains: Vec<String> = if input.domain_keys.is_empty() {
                    ladder
                        .content
                        .domains
                        .iter()
                        .map(|d| d.key.clone())
                        .collect()
                } else {
                    for k in &input.domain_keys {
                        if !ladder.content.domains.iter().any(|d| &d.key == k) {
                            return Err(CoreError::NotFound(
                                "A chosen domain is not in the role's published ladder.".into(),
                            ));
                        }
                    }
                    input.domain_keys.clone()
                };
                Some((ladder.role.id, ladder.version.id, level.clone(), domains))
            }
            (None, None) => None,
            _ => {
                return Err(CoreError::Invalid(
                    "Criteria from a ladder need both a role and a level.".into(),
                ))
            }
        };
        if criteria.is_none() && input.prerequisites.is_empty() {
            return Err(CoreError::Invalid(
                "A credential needs criteria: a level of a ladder, other credentials it stacks on, or both.".into(),
            ));
        }
        let id = existing.map(String::from).unwrap_or_else(new_id);
        let now = clock::now();
        let tx = write_tx(self.conn_mut())?;
        ensure_name_free(&tx, &name, &id)?;
        let (role, version, level, domains) = match criteria {
            Some((r, v, l, d)) => (Some(r), Some(v), Some(l), d),
            None => (None, None, None, vec![]),
        };
        tx.execute(
            "INSERT INTO credential (id, name, description, design, image_sha256, image_type, role_id, version_id,
               level_key, require_evidence, narrative, validity_months, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)
             ON CONFLICT (id) DO UPDATE SET name = ?2, description = ?3, design = ?4, image_sha256 = ?5,
               image_type = ?6, role_id = ?7, version_id = ?8, level_key = ?9, require_evidence = ?10,
               narrative = ?11, validity_months = ?12, updated_at = ?13",
            params![
                id,
                name,
                description,
                design,
                sha,
                media,
                role,
                version,
                level,
                input.require_evidence,
                narrative,
                input.validity_months,
                now
            ],
        )?;
        tx.execute(
            "DELETE FROM credential_domain WHERE credential_id = ?1",
            [&id],
        )?;
        for d in &domains {
            tx.execute(
                "INSERT INTO credential_domain (credential_id, domain_key) VALUES (?1, ?2)",
                params![id, d],
            )?;
        }
        set_prerequisites(&tx, &id, &input.prerequisites)?;
        tx.commit()?;
        self.credential(&id)
    }

    /// Archived credentials leave the catalogue; their awards stay (and stay verifiable).
    pub fn set_credential_archived(&mut self, id: &str, archived: bool) -> Result<Credential> {
        self.credential(id)?;
        self.conn().execute(
            "UPDATE credential SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, ?3) END, updated_at = ?3 WHERE id = ?1",
            params![id, archived, clock::now()],
        )?;
        self.credential(id)
    }

    /// Uploads a badge image (PNG or SVG, at most 2 MB) into the vault.
    pub fn add_badge_image(&mut self, path: &Path) -> Result<BadgeImage> {
        let name = crate::vault::display_name(path);
        let bytes = read_picture_file(path, &name, "a badge image")?;
        let media_type = design::check_badge_image(&name, &bytes)?;
        let stored = self.store_bytes(self.conn(), &name, &bytes)?;
        Ok(BadgeImage::Upload {
            sha256: stored.sha256,
            media_type,
        })
    }
}

/// An uploaded picture (badge image, logo) read whole, refusing files over 2 MB by their size.
pub(crate) fn read_picture_file(path: &Path, name: &str, kind: &str) -> Result<Vec<u8>> {
    let file = crate::files::open_regular(path, name)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_BADGE_IMAGE {
        return Err(CoreError::Invalid(format!(
            "{name} is {:.1} MB; {kind} is at most 2 MB.",
            size as f64 / 1e6
        )));
    }
    crate::files::read_capped_from(file, MAX_BADGE_IMAGE, name)
}

fn ensure_name_free(tx: &Transaction, name: &str, id: &str) -> Result<()> {
    let taken: Option<String> = tx
        .query_row(
            "SELECT id FROM credential WHERE name = ?1 COLLATE NOCASE AND archived_at IS NULL AND id <> ?2",
            params![name, id],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(_) => Err(CoreError::Duplicate(format!(
            "A credential named '{name}' exists already."
        ))),
        None => Ok(()),
    }
}

fn set_prerequisites(tx: &Transaction, id: &str, requires: &[String]) -> Result<()> {
    tx.execute(
        "DELETE FROM credential_prerequisite WHERE credential_id = ?1",
        [id],
    )?;
    let mut edges: HashMap<String, Vec<String>> = HashMap::new();
    let rows: Vec<(String, String)> = tx
        .prepare("SELECT credential_id, requires_id FROM credential_prerequisite")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (from, to) in rows {
        edges.entry(from).or_default().push(to);
    }
    for r in requires {
        let name: Option<String> = tx
            .query_row("SELECT name FROM credential WHERE id = ?1", [r], |row| {
                row.get(0)
            })
            .optional()?;
        let Some(name) = name else {
            return Err(CoreError::NotFound(
                "A prerequisite credential no longer exists.".into(),
            ));
        };
        if r == id || closes_cycle(&edges, id, r) {
            return Err(CoreError::Invalid(format!(
                "'{name}' already stacks on this credential, so it can't also be one of its prerequisites."
            )));
        }
        tx.execute(
            "INSERT OR IGNORE INTO credential_prerequisite (credential_id, requires_id) VALUES (?1, ?2)",
            params![id, r],
        )?;
        edges.entry(id.to_string()).or_default().push(r.clone());
    }
    Ok(())
}
