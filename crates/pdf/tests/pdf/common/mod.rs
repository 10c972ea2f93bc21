use std::sync::Arc;

pub use guildbook_pdf::testing::*;
use guildbook_pdf::{Branding, Image, Rgb};

pub fn png_logo() -> Arc<Image> {
    // A blue disc on a transparent ground, like most logos.
    let mut img = image::RgbaImage::new(120, 120);
    for (x, y, p) in img.enumerate_pixels_mut() {
        let (dx, dy) = (x as f32 - 60.0, y as f32 - 60.0);
        *p = if dx * dx + dy * dy < 55.0 * 55.0 {
            image::Rgba([30, 90, 160, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        };
    }
    let mut bytes = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    )
    .unwrap();
    Arc::new(Image::from_bytes("the organisation logo", &bytes, 600).unwrap())
}

pub fn branding() -> Branding {
    Branding {
        organisation: "Northwind Studio".into(),
        logo: Some(png_logo()),
        accent: Rgb(0x2f, 0x5d, 0x8c),
    }
}
