//! A QR code drawn as vector rectangles (sharp at any print size, a few hundred bytes).

use qrcode::{Color, EcLevel, QrCode};

use crate::layout::Page;
use crate::{PdfError, Result, Rgb};

/// Draws `text` as a QR code `size` points square at (x, y), quiet zone included.
pub fn draw(page: &mut Page, text: &str, x: f32, y: f32, size: f32, color: Rgb) -> Result<()> {
    // Level M survives a crease or a smudge and keeps a 400-character code scannable at 3 cm.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|e| {
        PdfError::Invalid(format!(
            "the verification code cannot become a QR code: {e}"
        ))
    })?;
    let width = code.width();
    // Four modules of quiet zone on every side, as scanners expect.
    let module = size / (width + 8) as f32;
    let colors = code.into_colors();
    let mut runs = Vec::new();
    for row in 0..width {
        let mut col = 0;
        while col < width {
            if colors[row * width + col] != Color::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < width && colors[row * width + col] == Color::Dark {
                col += 1;
            }
            runs.push(((start + 4) as u32, (row + 4) as u32, (col - start) as u32));
        }
    }
    page.fill_grid(x, y, module, &runs, color);
    Ok(())
}
