//! Thumbnails of image evidence (PNG, JPEG, WebP, GIF) and of the first page of PDFs, made once
//! and cached in the vault's `.thumbs` folder. Decoding is bounded, so a hostile "image" can't take
//! the machine's memory, and a PDF the rasteriser chokes on gives an error, never a crash.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{ImageFormat, ImageReader, Limits};

use crate::error::{CoreError, Result};

use crate::workspace::{Workspace, VAULT_DIR};

/// The longest side of a thumbnail, in pixels.
pub const SIZE: u32 = 320;
const MAX_PIXELS_SIDE: u32 = 20_000;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;
/// PDFs are read whole to be rasterised; bigger ones get no thumbnail.
const MAX_PDF_BYTES: u64 = 256 * 1024 * 1024;

pub const PDF: &str = "application/pdf";
/// The thumbnail cache, inside the vault folder.
pub const THUMBS_DIR: &str = ".thumbs";

pub fn is_thumbnailable(media_type: &str) -> bool {
    matches!(
        media_type,
        "image/png" | "image/jpeg" | "image/webp" | "image/gif" | PDF
    )
}

/// A thumbnail to make: read `source`, write `dest`.
#[derive(Debug, Clone)]
pub struct Job {
    pub source: PathBuf,
    pub dest: PathBuf,
    pub pdf: bool,
}

/// Writes a PNG thumbnail of the job's source to its destination (atomically), unless it exists
/// already.
pub fn make(job: &Job) -> Result<()> {
    if job.dest.is_file() {
        return Ok(());
    }
    let png = if job.pdf {
        pdf_first_page(&job.source)?
    } else {
        image_thumbnail(&job.source)?
    };
    let dir = job.dest.parent().expect("thumbnail paths have parents");
    fs::create_dir_all(dir).map_err(CoreError::io("Could not write the thumbnail"))?;
    crate::files::write_atomically(&job.dest, &png)
}

fn image_thumbnail(source: &Path) -> Result<Vec<u8>> {
    let unreadable = |e: &dyn std::fmt::Display| {
        CoreError::Invalid(format!("This file can't be read as an image ({e})."))
    };
    let mut reader = ImageReader::open(source)
        .map_err(CoreError::io("Could not open the vault file"))?
        .with_guessed_format()
        .map_err(CoreError::io("Could not read the vault file"))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_PIXELS_SIDE);
    limits.max_image_height = Some(MAX_PIXELS_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| unreadable(&e))?;
    let thumb = image.thumbnail(SIZE, SIZE);
    let mut png = Vec::new();
    thumb
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|e| unreadable(&e))?;
    Ok(png)
}

/// The first page of a PDF, scaled so its longer side is `SIZE` pixels, on white.
fn pdf_first_page(source: &Path) -> Result<Vec<u8>> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{render, PixmapSettings, RenderCache, RenderSettings};

    let unreadable =
        |why: &str| CoreError::Invalid(format!("This PDF can't be previewed ({why})."));
    let size = fs::metadata(source)
        .map_err(CoreError::io("Could not open the vault file"))?
        .len();
    if size > MAX_PDF_BYTES {
        return Err(unreadable("too large to preview"));
    }
    let bytes = fs::read(source).map_err(CoreError::io("Could not read the vault file"))?;
    // The rasteriser is young; a malformed file must cost a placeholder, not the app.
    let rendered = std::panic::catch_unwind(move || -> Result<Vec<u8>> {
        let pdf = Pdf::new(bytes).map_err(|e| match e {
            hayro::hayro_syntax::LoadPdfError::Decryption(_) => unreadable("it is encrypted"),
            hayro::hayro_syntax::LoadPdfError::Invalid => unreadable("it is damaged or not a PDF"),
        })?;
        let page = pdf
            .pages()
            .first()
            .ok_or_else(|| unreadable("it has no pages"))?;
        let (w, h) = page.render_dimensions();
        if !(w.is_finite() && h.is_finite()) || w < 1.0 || h < 1.0 {
            return Err(unreadable("its first page has no size"));
        }
        let scale = SIZE as f32 / w.max(h);
        let pixmap = render(
            page,
            &RenderCache::new(),
            &InterpreterSettings::default(),
            &RenderSettings::default(),
            &PixmapSettings {
                x_scale: scale,
                y_scale: scale,
                bg_color: WHITE,
            },
        );
        pixmap.into_png().map_err(|e| unreadable(&e.to_string()))
    });
    rendered.unwrap_or_else(|_| Err(unreadable("the renderer could not read it")))
}

impl Workspace {
    /// Where the thumbnail of a vault file is (or will be) cached.
    pub fn thumbnail_path(&self, sha256: &str) -> Result<PathBuf> {
        Ok(self
            .root()
            .join(VAULT_DIR)
            .join(THUMBS_DIR)
            .join(format!("{}-{SIZE}.png", crate::vault::check_name(sha256)?)))
    }

    /// The thumbnail to make for `sha256`, checked to be a file the app previews. Callers make
    /// it (slow) without holding the workspace.
    pub fn thumbnail_job(&self, sha256: &str) -> Result<Job> {
        let (media_type, _) = self.vault_file_info(sha256)?;
        if !is_thumbnailable(&media_type) {
            return Err(CoreError::Invalid(format!(
                "No thumbnail is made for {media_type} files."
            )));
        }
        Ok(Job {
            source: self.vault_path(sha256)?,
            dest: self.thumbnail_path(sha256)?,
            pdf: media_type == PDF,
        })
    }
}
