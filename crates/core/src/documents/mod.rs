//! Printable documents: a credential's certificate (with a signed QR code and a short code),
//! a role's career-path guide, and certificates in batches. The view models are built here from
//! the workspace; `guildbook-pdf` draws them.

mod batch;
mod certificate;
mod guide;
mod pilot_report;

use std::sync::Arc;

use guildbook_pdf as pdf;
pub use guildbook_pdf::{Fonts, PageSize};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use batch::{unused_folder, BatchOutcome, BatchTarget, Cancelled};
pub use certificate::CertificateVerification;

use crate::credentials::issuer::DEFAULT_ACCENT;
use crate::error::{CoreError, Result};
use crate::workspace::Workspace;

/// Logos print at most ~4 cm wide and 1.5 cm high: this many pixels is about 300 dpi there, and
/// a bigger picture would be redrawn into every certificate of a batch for nothing.
const LOGO_PIXELS: u32 = 220;

/// Paper, as the UI names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    fn size(self) -> PageSize {
        match self {
            Paper::A4 => PageSize::A4,
            Paper::Letter => PageSize::Letter,
        }
    }
    pub fn parse(text: &str) -> Result<Paper> {
        match text.to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" => Ok(Paper::Letter),
            other => Err(CoreError::Invalid(format!(
                "Paper is A4 or Letter (got '{other}')."
            ))),
        }
    }
}

fn pdf_error(e: pdf::PdfError) -> CoreError {
    let message = e.to_string().replace('\n', " ").trim().to_owned();
    // "the holder's name is…" starts a sentence; a file name keeps its case.
    let sentence = match message.strip_prefix("the ") {
        Some(rest) => format!("The {rest}"),
        None => message,
    };
    CoreError::Invalid(format!("{sentence}. Nothing was saved."))
}

/// The bundled typeface, parsed: once per process or batch, then shared.
pub fn load_fonts() -> Result<Fonts> {
    Fonts::load().map_err(pdf_error)
}

/// Now, as documents record it (`YYYY-MM-DDTHH:MM:SSZ`).
fn printed_at() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        now.year(),
        now.month() as u8,
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}

impl Workspace {
    /// Takes a logo (PNG, JPEG or SVG, at most 2 MB) into the vault once it has been read
    /// through, so a damaged file is refused when it is chosen, not when something is printed.
    /// Answers its SHA-256 for the issuer profile.
    pub fn add_logo_image(&mut self, path: &std::path::Path) -> Result<String> {
        let name = crate::vault::display_name(path);
        let bytes = crate::credentials::read_picture_file(path, &name, "a logo")?;
        if !bytes.starts_with(b"\xff\xd8\xff") {
            // PNG and SVG pass the badge checks (no scripts or outside references in SVGs).
            crate::credentials::design::check_badge_image(&name, &bytes)?;
        }
        picture(&name, &bytes, LOGO_PIXELS)?;
        Ok(self.store_bytes(self.conn(), &name, &bytes)?.sha256)
    }

    /// The organisation as documents show it: name, logo (decoded once), accent colour.
    pub(crate) fn branding(&self) -> Result<pdf::Branding> {
        let profile = self.issuer_profile()?;
        let logo = match &profile.image_sha256 {
            Some(sha) => {
                let bytes = self.read_vault_file(sha, "the organisation logo")?;
                Some(Arc::new(picture(
                    "the organisation logo",
                    &bytes,
                    LOGO_PIXELS,
                )?))
            }
            None => None,
        };
        let accent = if profile.accent.is_empty() {
            DEFAULT_ACCENT
        } else {
            &profile.accent
        };
        Ok(pdf::Branding {
            organisation: profile.name,
            logo,
            accent: pdf::Rgb::from_hex(accent).unwrap_or(pdf::Rgb(0x2f, 0x5d, 0x8c)),
        })
    }
}

/// A PNG, JPEG or SVG picture ready to print, at most `max_side` pixels.
fn picture(what: &str, bytes: &[u8], max_side: u32) -> Result<pdf::Image> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_string();
    let raster = if head.trim_start().starts_with('<') {
        crate::credentials::design::svg_to_png(&String::from_utf8_lossy(bytes), max_side)
            .map_err(|e| CoreError::Invalid(format!("{what} cannot be drawn: {e}")))?
    } else {
        bytes.to_vec()
    };
    pdf::Image::from_bytes(what, &raster, max_side).map_err(pdf_error)
}
