//! Guildbook's printable documents: career-path guides and credential certificates.
//!
//! Pure rendering — a view model in, PDF bytes out; no database. Text is set in the bundled
//! Noto Sans (subsetted into each file), measured here so that it wraps, shrinks and flows
//! across pages instead of running off them. Parse the fonts once with [`Fonts::load`] and reuse
//! them for a whole batch.
//!
//! ```no_run
//! # fn model() -> guildbook_pdf::CertificateModel { unimplemented!() }
//! let fonts = guildbook_pdf::Fonts::load()?;
//! let pdf: Vec<u8> = guildbook_pdf::render_certificate(&fonts, &model())?;
//! # Ok::<(), guildbook_pdf::PdfError>(())
//! ```

mod certificate;
mod compress;
mod flow;
mod guide;
mod image;
mod layout;
mod qr;
mod report;
#[cfg(feature = "testing")]
pub mod testing;
mod text;

pub use certificate::{render_certificate, CertificateModel};
pub use guide::{
    render_guide, GuideCredential, GuideLevel, GuideModel, GuidePayTier, GuideRequirement,
};
pub use image::Image;
pub use report::{render_report, ReportBar, ReportKpi, ReportModel, ReportRoi};
pub use text::Fonts;

use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("{field} is written right to left ({sample:?}); Guildbook documents print left-to-right scripts only (Latin, Greek, Cyrillic), so this would come out garbled")]
    RightToLeft { field: String, sample: String },
    #[error("{field} contains {ch:?} (U+{code:04X}), which the document typeface cannot print; Guildbook documents print Latin, Greek and Cyrillic letters")]
    UnsupportedCharacter { field: String, ch: char, code: u32 },
    #[error("{what} cannot be read: {reason}")]
    Image { what: String, reason: String },
    #[error("the document cannot be made: {0}")]
    Invalid(String),
    #[error("the bundled typeface could not be read")]
    Font,
}

pub type Result<T> = std::result::Result<T, PdfError>;

/// Paper: ISO A4 or US Letter. Certificates turn it landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageSize {
    #[default]
    A4,
    Letter,
}

impl PageSize {
    /// Width and height in points, portrait.
    pub fn portrait(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (595.28, 841.89),
            PageSize::Letter => (612.0, 792.0),
        }
    }
    pub fn landscape(self) -> (f32, f32) {
        let (w, h) = self.portrait();
        (h, w)
    }
}

/// An sRGB colour, 0–255 per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn from_hex(hex: &str) -> Option<Rgb> {
        let hex = hex.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }
}

/// Who the document comes from.
#[derive(Debug, Clone)]
pub struct Branding {
    pub organisation: String,
    /// Decoded once and shared by every document of a batch.
    pub logo: Option<std::sync::Arc<Image>>,
    pub accent: Rgb,
}

/// The document's metadata: title and subject are the document's own; `author` is the
/// organisation; `printed_at` is UTC `YYYY-MM-DDTHH:MM:SSZ` (creation and modification date).
#[derive(Debug, Clone)]
pub struct DocInfo {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub keywords: Vec<String>,
    pub printed_at: String,
}
