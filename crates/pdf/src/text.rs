//! The typeface, measured: widths for wrapping and shrinking, and a check that every character
//! of a document can be printed (right-to-left scripts and missing glyphs are refused by name).

use printpdf::ParsedFont;

use crate::{PdfError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Regular,
    Bold,
    Italic,
}

/// Noto Sans regular, bold and italic, parsed once: for printpdf (embedding, subsetting) and
/// for measuring (ttf-parser reads the advance widths).
pub struct Fonts {
    pub(crate) parsed: [ParsedFont; 3],
    faces: [ttf_parser::Face<'static>; 3],
}

impl Fonts {
    pub fn load() -> Result<Fonts> {
        let files = [
            guildbook_fonts::REGULAR,
            guildbook_fonts::BOLD,
            guildbook_fonts::ITALIC,
        ];
        let parse = |bytes: &'static [u8]| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(PdfError::Font)
        };
        let face =
            |bytes: &'static [u8]| ttf_parser::Face::parse(bytes, 0).map_err(|_| PdfError::Font);
        Ok(Fonts {
            parsed: [parse(files[0])?, parse(files[1])?, parse(files[2])?],
            faces: [face(files[0])?, face(files[1])?, face(files[2])?],
        })
    }

    fn face(&self, style: Style) -> &ttf_parser::Face<'static> {
        &self.faces[style as usize]
    }

    /// The width of `text` set at `size` points.
    pub fn width(&self, style: Style, size: f32, text: &str) -> f32 {
        let face = self.face(style);
        let units: f32 = text
            .chars()
            .map(|ch| {
                face.glyph_index(ch)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .unwrap_or(0) as f32
            })
            .sum();
        units * size / face.units_per_em() as f32
    }

    /// Greedy line breaking at spaces; a word wider than the line is broken between letters.
    /// Newlines in `text` start new lines.
    pub fn wrap(&self, style: Style, size: f32, text: &str, max_width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(style, size, &candidate) <= max_width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line = self.break_word(style, size, word, max_width, &mut lines);
            }
            lines.push(line);
        }
        lines
    }

    /// Pushes the full-width pieces of an over-long word and returns the rest.
    fn break_word(
        &self,
        style: Style,
        size: f32,
        word: &str,
        max_width: f32,
        lines: &mut Vec<String>,
    ) -> String {
        let mut piece = String::new();
        for ch in word.chars() {
            piece.push(ch);
            if self.width(style, size, &piece) > max_width && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::replace(&mut piece, ch.to_string()));
            }
        }
        piece
    }

    /// The largest size from `max` down to `min` (half-point steps) at which `text` fits in
    /// `max_lines` lines, with those lines; at `min` the lines may be more than `max_lines`.
    pub fn fit(
        &self,
        style: Style,
        text: &str,
        width: f32,
        max_lines: usize,
        (max, min): (f32, f32),
    ) -> (f32, Vec<String>) {
        let mut size = max;
        loop {
            let lines = self.wrap(style, size, text, width);
            if lines.len() <= max_lines || size <= min {
                return (size, lines);
            }
            size = (size - 0.5).max(min);
        }
    }

    /// Refuses text the documents would print wrongly: right-to-left scripts (garbled if set
    /// left to right) and characters the typeface has no glyph for (blank boxes).
    pub fn check(&self, field: &str, text: &str) -> Result<()> {
        if let Some(ch) = text.chars().find(|&c| is_right_to_left(c)) {
            let sample: String = text.chars().skip_while(|&c| c != ch).take(24).collect();
            return Err(PdfError::RightToLeft {
                field: field.to_owned(),
                sample,
            });
        }
        let face = self.face(Style::Regular);
        match text
            .chars()
            .find(|&c| !c.is_whitespace() && face.glyph_index(c).is_none())
        {
            Some(ch) => Err(PdfError::UnsupportedCharacter {
                field: field.to_owned(),
                ch,
                code: ch as u32,
            }),
            None => Ok(()),
        }
    }
}

/// The first `max_lines` of `lines`; when some are cut, the last shown line ends in "…"
/// (shortened until it fits `width`).
pub fn truncate(
    fonts: &Fonts,
    style: Style,
    size: f32,
    lines: &[String],
    max_lines: usize,
    width: f32,
) -> Vec<String> {
    if lines.len() <= max_lines {
        return lines.to_vec();
    }
    let mut shown = lines[..max_lines].to_vec();
    let last = shown.last_mut().expect("max_lines > 0");
    while !last.is_empty() && fonts.width(style, size, &format!("{last} …")) > width {
        last.pop();
    }
    last.push_str(" …");
    shown
}

/// Tabs, carriage returns and other control characters become spaces (newlines stay).
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

/// Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms, and
/// the explicit right-to-left marks.
fn is_right_to_left(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
        | 0x200F | 0x202B | 0x202E | 0x2067)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_stays_inside_the_width() {
        let fonts = Fonts::load().unwrap();
        let text = "Leads critique sessions and turns client feedback into a clear revision plan";
        let lines = fonts.wrap(Style::Regular, 10.0, text, 120.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(fonts.width(Style::Regular, 10.0, line) <= 120.0, "{line}");
        }
        let long = "W".repeat(80);
        let broken = fonts.wrap(Style::Bold, 12.0, &long, 100.0);
        assert!(broken.len() > 1);
        assert_eq!(broken.concat(), long);
    }

    #[test]
    fn fitting_shrinks_before_it_adds_lines() {
        let fonts = Fonts::load().unwrap();
        let name = "Maximiliana Konstantinopoulou-Wiśniewska de la Fuente";
        let (size, lines) = fonts.fit(Style::Bold, name, 600.0, 1, (40.0, 18.0));
        assert!((18.0..40.0).contains(&size));
        assert_eq!(lines.len(), 1);
        assert!(fonts.width(Style::Bold, size, &lines[0]) <= 600.0);
    }

    #[test]
    fn polish_spanish_greek_and_cyrillic_print_and_right_to_left_is_refused() {
        let fonts = Fonts::load().unwrap();
        for name in [
            "Zażółć Gęślą",
            "José Núñez",
            "Δημήτρης Παπαδόπουλος",
            "Ольга Смирнова",
        ] {
            fonts.check("holder", name).unwrap();
        }
        let err = fonts.check("holder", "Noa שלום").unwrap_err().to_string();
        assert!(err.contains("holder is written right to left"), "{err}");
        let err = fonts
            .check("credential", "Design 設計")
            .unwrap_err()
            .to_string();
        assert!(err.contains("U+8A2D"), "{err}");
        assert_eq!(clean("a\tb\r\nc"), "a b \nc");
    }
}
