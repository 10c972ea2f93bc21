//! Logos and badge pictures, decoded once (PNG or JPEG; SVGs are drawn to PNG by the caller)
//! and shrunk to what a printed page needs.

use printpdf::{RawImage, RawImageData, RawImageFormat};

use crate::{PdfError, Result};

#[derive(Debug, Clone)]
pub struct Image {
    pub(crate) raw: RawImage,
}

impl Image {
    /// Decodes a PNG or JPEG, shrunk to at most `max_side` pixels (300 dpi at the size it is
    /// printed is plenty). `what` names it in errors ("the organisation logo").
    pub fn from_bytes(what: &str, bytes: &[u8], max_side: u32) -> Result<Image> {
        let bad = |reason: String| PdfError::Image {
            what: what.to_owned(),
            reason,
        };
        let format =
            image::guess_format(bytes).map_err(|_| bad("it is not a PNG or JPEG image".into()))?;
        if !matches!(format, image::ImageFormat::Png | image::ImageFormat::Jpeg) {
            return Err(bad(format!(
                "it is a {format:?} image; use PNG, JPEG or SVG"
            )));
        }
        let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
        let mut limits = image::Limits::default();
        limits.max_image_width = Some(10_000);
        limits.max_image_height = Some(10_000);
        limits.max_alloc = Some(256 * 1024 * 1024);
        reader.limits(limits);
        let decoded = reader
            .decode()
            .map_err(|e| bad(format!("the file is damaged or truncated ({e})")))?;
        let decoded = if decoded.width().max(decoded.height()) > max_side {
            decoded.thumbnail(max_side, max_side)
        } else {
            decoded
        };
        let rgba = decoded.to_rgba8();
        let (width, height) = (rgba.width() as usize, rgba.height() as usize);
        let opaque = rgba.pixels().all(|p| p.0[3] == 255);
        let (pixels, data_format) = if opaque {
            let rgb: Vec<u8> = rgba
                .pixels()
                .flat_map(|p| [p.0[0], p.0[1], p.0[2]])
                .collect();
            (rgb, RawImageFormat::RGB8)
        } else {
            (rgba.into_raw(), RawImageFormat::RGBA8)
        };
        Ok(Image {
            raw: RawImage {
                pixels: RawImageData::U8(pixels),
                width,
                height,
                data_format,
                tag: Vec::new(),
            },
        })
    }

    pub fn width(&self) -> usize {
        self.raw.width
    }
    pub fn height(&self) -> usize {
        self.raw.height
    }
}
