//! Checks document tests make with the tools a reader would use: qpdf, pdftotext, pdfinfo,
//! pdftoppm, and a QR reader on the rendered page. For tests (feature `testing`), here and in
//! the crates that print through this one.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes the PDF to `dir/name`; with GUILDBOOK_KEEP_PDFS=DIR a copy is kept there to look at.
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

/// The QR codes a reader finds on page 1, as a person holds a phone at different distances: the
/// page rendered at 300 dpi, then at 400 and 250 until a code is found (the test reader, rqrr, is
/// pickier about some module-to-pixel ratios than phone scanners are).
pub fn scan(path: &Path) -> Vec<String> {
    for dpi in [300, 400, 250] {
        let found = qr_texts(&render(path, 1, dpi));
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
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
