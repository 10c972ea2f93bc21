//! Thumbnails of image evidence (PNG, JPEG, WebP, GIF), made once and cached in the vault's
//! `.thumbs` folder. Decoding is bounded, so a hostile "image" can't take the machine's memory.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{ImageFormat, ImageReader, Limits};

use crate::error::{CoreError, Result};
use crate::new_id;
use crate::workspace::{Workspace, VAULT_DIR};

/// The longest side of a thumbnail, in pixels.
pub const SIZE: u32 = 320;
const MAX_PIXELS_SIDE: u32 = 20_000;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

pub fn is_thumbnailable(media_type: &str) -> bool {
    matches!(
        media_type,
        "image/png" | "image/jpeg" | "image/webp" | "image/gif"
    )
}

/// Writes a PNG thumbnail of `source` to `dest` (atomically), unless `dest` exists already.
pub fn make(source: &Path, dest: &Path) -> Result<()> {
    if dest.is_file() {
        return Ok(());
    }
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
    let dir = dest.parent().expect("thumbnail paths have parents");
    fs::create_dir_all(dir).map_err(CoreError::io("Could not write the thumbnail"))?;
    let tmp = dir.join(format!(".{}.partial", new_id()));
    fs::write(&tmp, &png).map_err(CoreError::io("Could not write the thumbnail"))?;
    fs::rename(&tmp, dest).map_err(CoreError::io("Could not write the thumbnail"))
}

impl Workspace {
    /// Where the thumbnail of a vault file is (or will be) cached.
    pub fn thumbnail_path(&self, sha256: &str) -> PathBuf {
        self.root()
            .join(VAULT_DIR)
            .join(".thumbs")
            .join(format!("{sha256}-{SIZE}.png"))
    }

    /// The vault file and thumbnail paths for `sha256`, checked to be an image the app previews.
    /// Callers make the thumbnail (slow) without holding the workspace.
    pub fn thumbnail_job(&self, sha256: &str) -> Result<(PathBuf, PathBuf)> {
        let (media_type, _) = self.vault_file_info(sha256)?;
        if !is_thumbnailable(&media_type) {
            return Err(CoreError::Invalid(format!(
                "No thumbnail is made for {media_type} files."
            )));
        }
        Ok((self.vault_path(sha256), self.thumbnail_path(sha256)))
    }
}
