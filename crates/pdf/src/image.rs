//! Logos and badge pictures, decoded once (PNG or JPEG; SVGs are drawn to PNG by the caller)
//! and shrunk to what a printed page needs.

use std::collections::BTreeMap;

use printpdf::{DictItem, ExternalStream, ExternalXObject, Px};

use crate::compress::deflate;
use crate::{PdfError, Result};

/// A picture as a finished PDF image (pixels compressed, transparency as a soft mask), made once
/// and copied into every document of a batch as it is.
#[derive(Debug, Clone)]
pub struct Image {
    pub(crate) xobject: ExternalXObject,
    width: usize,
    height: usize,
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
        let rgb: Vec<u8> = rgba
            .pixels()
            .flat_map(|p| [p.0[0], p.0[1], p.0[2]])
            .collect();
        let alpha: Vec<u8> = rgba.pixels().map(|p| p.0[3]).collect();
        let opaque = alpha.iter().all(|&a| a == 255);
        Ok(Image {
            xobject: image_xobject(width, height, &rgb, (!opaque).then_some(&alpha[..])),
            width,
            height,
        })
    }

    pub fn width(&self) -> usize {
        self.width
    }
    pub fn height(&self) -> usize {
        self.height
    }
}

/// An image XObject of 8-bit RGB pixels, with an 8-bit soft mask when `alpha` is given.
fn image_xobject(width: usize, height: usize, rgb: &[u8], alpha: Option<&[u8]>) -> ExternalXObject {
    let stream = |color_space: &str, pixels: &[u8], mask: Option<DictItem>| {
        let mut dict: BTreeMap<String, DictItem> = [
            ("Type", DictItem::Name(b"XObject".to_vec())),
            ("Subtype", DictItem::Name(b"Image".to_vec())),
            ("Width", DictItem::Int(width as i64)),
            ("Height", DictItem::Int(height as i64)),
            (
                "ColorSpace",
                DictItem::Name(color_space.as_bytes().to_vec()),
            ),
            ("BitsPerComponent", DictItem::Int(8)),
            ("Filter", DictItem::Name(b"FlateDecode".to_vec())),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        if let Some(mask) = mask {
            dict.insert("SMask".into(), mask);
        }
        ExternalStream {
            dict,
            content: deflate(pixels),
            compress: false,
        }
    };
    let mask = alpha.map(|a| DictItem::Stream {
        stream: stream("DeviceGray", a, None),
    });
    ExternalXObject {
        stream: stream("DeviceRGB", rgb, mask),
        width: Some(Px(width)),
        height: Some(Px(height)),
        dpi: None,
    }
}
