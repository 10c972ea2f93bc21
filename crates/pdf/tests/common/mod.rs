//! Checks every document test makes with the tools a reader would use: qpdf, pdftotext, pdftoppm.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use guildbook_pdf::{Branding, Image, Rgb};

pub fn write(dir: &Path, name: &str, pdf: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, pdf).unwrap();
    if let Ok(keep) = std::env::var("GUILDBOOK_KEEP_PDFS") {
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&path, Path::new(&keep).join(name)).unwrap();
    }
    path
}

/// `qpdf --check` passes (exit 0, no warnings).
pub fn qpdf_check(path: &Path) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf is installed (scripts/setup.sh)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "qpdf --check failed: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("No syntax or stream encoding errors"),
        "{text}"
    );
}

/// The text as `pdftotext -layout` extracts it, with whitespace runs made single spaces.
pub fn text_of(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext is installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn page_count(path: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo is installed");
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

pub fn info_of(path: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo is installed");
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// Renders page `page` (1-based) at `dpi` to an image.
pub fn render(path: &Path, page: usize, dpi: u32) -> image::GrayImage {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args([
            "-png",
            "-gray",
            "-r",
            &dpi.to_string(),
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
            "-singlefile",
        ])
        .arg(path)
        .arg(&prefix)
        .status()
        .expect("pdftoppm is installed");
    assert!(status.success());
    image::open(prefix.with_extension("png"))
        .unwrap()
        .to_luma8()
}

/// Every QR code a reader finds on the rendered page, decoded.
pub fn qr_texts(page: &image::GrayImage) -> Vec<String> {
    let mut prepared = rqrr::PreparedImage::prepare(page.clone());
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

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
    Arc::new(Image::from_bytes("the organisation logo", &bytes).unwrap())
}

pub fn branding() -> Branding {
    Branding {
        organisation: "Northwind Studio".into(),
        logo: Some(png_logo()),
        accent: Rgb(0x2f, 0x5d, 0x8c),
    }
}
