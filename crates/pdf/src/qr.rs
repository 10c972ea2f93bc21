//! A QR code drawn as vector rectangles (sharp at any print size), written straight into a form
//! XObject's content stream: one `re` per run of dark modules.

use std::fmt::Write as _;

use fast_qr::{QRBuilder, ECL};
use printpdf::XObjectId;

use crate::layout::Doc;
use crate::{PdfError, Result, Rgb};

/// Four modules of quiet zone on every side, as scanners expect.
const QUIET: usize = 4;
/// How far each row of dark modules reaches into the row below, in modules.
const OVERLAP: f32 = 0.05;

/// The QR code of `text` as a form, and its width in modules (quiet zone included).
pub fn form(doc: &mut Doc, text: &str, color: Rgb) -> Result<(XObjectId, f32)> {
    // Level M survives a crease or a smudge and keeps a 400-character code scannable at 4 cm.
    // (fast_qr: a tenth of the time of other encoders, which matters over a batch.)
    let code = QRBuilder::new(text).ecl(ECL::M).build().map_err(|e| {
        PdfError::Invalid(format!(
            "the verification code cannot become a QR code: {e}"
        ))
    })?;
    let width = code.size;
    let size = width + 2 * QUIET;
    let dark = |row: usize, col: usize| code[row][col].value();
    let Rgb(r, g, b) = color;
    let mut content = format!(
        "{:.3} {:.3} {:.3} rg\n",
        r as f32 / 255.0,
        g as f32 / 255.0,
        b as f32 / 255.0
    );
    for row in 0..width {
        // PDF's y runs up; each row reaches a twentieth of a module into the one below, so no
        // anti-aliased seam splits the finder patterns apart when the page is rasterised at any
        // resolution (readers sample a module's middle, which this leaves alone).
        let y = (size - QUIET - row) as f32 - (1.0 + OVERLAP);
        let mut col = 0;
        while col < width {
            if !dark(row, col) {
                col += 1;
                continue;
            }
            let start = col;
            while col < width && dark(row, col) {
                col += 1;
            }
            let _ = writeln!(
                content,
                "{} {y:.2} {} {:.2} re",
                start + QUIET,
                col - start,
                1.0 + OVERLAP
            );
        }
    }
    content.push_str("f\n");
    Ok((doc.add_form(size as f32, content.into_bytes()), size as f32))
}
