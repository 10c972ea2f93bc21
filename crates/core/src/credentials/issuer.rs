//! The organisation as the issuer of its badges and certificates: name, web address, email and
//! logo, and the stable identifier badges carry when it has no web address.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::text::clean_name;
use crate::workspace::Workspace;
use crate::{clock, new_id};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuerProfile {
    pub name: String,
    /// `https://…`, or empty.
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub email: String,
    /// A logo in the vault.
    #[serde(default)]
    pub image_sha256: Option<String>,
    /// The accent colour of printed documents, `#rrggbb`; empty: Guildbook's blue.
    #[serde(default)]
    pub accent: String,
}

/// Guildbook's own accent, for documents of an organisation that chose none.
pub const DEFAULT_ACCENT: &str = "#2f5d8c";

fn clean_accent(raw: &str) -> Result<String> {
    let accent = raw.trim().to_ascii_lowercase();
    let hex = accent.strip_prefix('#').unwrap_or("");
    if accent.is_empty() || (hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit())) {
        Ok(accent)
    } else {
        Err(CoreError::Invalid(format!(
            "The accent colour must look like #2f5d8c (got '{}').",
            raw.trim()
        )))
    }
}

fn clean_url(raw: &str) -> Result<String> {
    let url = raw.trim();
    if url.is_empty() {
        return Ok(String::new());
    }
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() <= 300
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
    if ok {
        Ok(url.trim_end_matches('/').to_string())
    } else {
        Err(CoreError::Invalid(format!(
            "The web address must look like https://example.org (got '{url}')."
        )))
    }
}

fn clean_email(raw: &str) -> Result<String> {
    let email = raw.trim();
    let ok = email.is_empty()
        || (email.len() <= 200
            && email.split('@').count() == 2
            && !email.starts_with('@')
            && !email.ends_with('@')
            && !email.chars().any(|c| c.is_whitespace() || c.is_control()));
    if ok {
        Ok(email.to_string())
    } else {
        Err(CoreError::Invalid(format!(
            "'{email}' is not an email address."
        )))
    }
}

impl Workspace {
    /// The issuer profile; until one is saved, the workspace's name and nothing else.
    pub fn issuer_profile(&self) -> Result<IssuerProfile> {
        let saved = self
            .conn()
            .query_row(
                "SELECT name, url, email, image_sha256, accent FROM issuer_profile WHERE id = 1",
                [],
                |r| {
                    Ok(IssuerProfile {
                        name: r.get(0)?,
                        url: r.get(1)?,
                        email: r.get(2)?,
                        image_sha256: r.get(3)?,
                        accent: r.get(4)?,
                    })
                },
            )
            .optional()?;
        match saved {
            Some(p) => Ok(p),
            None => Ok(IssuerProfile {
                name: self.info()?.name,
                url: String::new(),
                email: String::new(),
                image_sha256: None,
                accent: String::new(),
            }),
        }
    }

    pub fn set_issuer_profile(&mut self, profile: &IssuerProfile) -> Result<IssuerProfile> {
        let name = clean_name("The organisation's name", &profile.name)?;
        let url = clean_url(&profile.url)?;
        let email = clean_email(&profile.email)?;
        let accent = clean_accent(&profile.accent)?;
        if let Some(sha) = &profile.image_sha256 {
            if !self.vault_path(sha)?.is_file() {
                return Err(CoreError::NotFound(
                    "The logo is not in the vault; add it again.".into(),
                ));
            }
        }
        self.conn().execute(
            "INSERT INTO issuer_profile (id, name, url, email, image_sha256, accent, updated_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (id) DO UPDATE SET name = ?1, url = ?2, email = ?3, image_sha256 = ?4,
               accent = ?5, updated_at = ?6",
            params![name, url, email, profile.image_sha256, accent, clock::now()],
        )?;
        self.issuer_profile()
    }

    /// What badges name as their issuer: the web address when there is one, otherwise a `urn:uuid`
    /// made once for this workspace (so it never changes under issued badges).
    pub fn issuer_id(&self) -> Result<String> {
        let url = self.issuer_profile()?.url;
        if !url.is_empty() {
            return Ok(url);
        }
        self.conn().execute(
            "INSERT OR IGNORE INTO setting (key, value) VALUES ('issuer_urn', ?1)",
            [format!("urn:uuid:{}", new_id())],
        )?;
        Ok(self.conn().query_row(
            "SELECT value FROM setting WHERE key = 'issuer_urn'",
            [],
            |r| r.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_emails_are_checked() {
        assert_eq!(
            clean_url(" https://northwind.example/ ").unwrap(),
            "https://northwind.example"
        );
        assert_eq!(clean_url("").unwrap(), "");
        for bad in [
            "northwind.example",
            "javascript:alert(1)",
            "https://a b",
            "https://x\"y",
        ] {
            assert!(clean_url(bad).is_err(), "{bad}");
        }
        assert!(clean_email("people@northwind.example").is_ok());
        assert_eq!(clean_accent(" #2F5D8C ").unwrap(), "#2f5d8c");
        assert_eq!(clean_accent("").unwrap(), "");
        for bad in ["2f5d8c", "#2f5d8", "#ggg000", "red"] {
            assert!(clean_accent(bad).is_err(), "{bad}");
        }
        for bad in ["people", "@x", "a@b@c", "a b@c"] {
            assert!(clean_email(bad).is_err(), "{bad}");
        }
    }
}
