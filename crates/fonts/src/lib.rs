//! The one typeface Guildbook ships, so badges and documents look the same on every computer and
//! holder names in Latin, Greek and Cyrillic letters render: Noto Sans, under the SIL Open Font
//! License 1.1 (`fonts/OFL.txt`).

/// The family name, as documents and SVG `font-family` refer to it.
pub const FAMILY: &str = "Noto Sans";

pub const REGULAR: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../fonts/NotoSans-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../fonts/NotoSans-Italic.ttf");

/// The licence text, to ship beside anything that embeds the fonts.
pub const LICENSE: &str = include_str!("../fonts/OFL.txt");

#[cfg(test)]
mod tests {
    #[test]
    fn the_fonts_are_truetype_files() {
        for font in [super::REGULAR, super::BOLD, super::ITALIC] {
            assert_eq!(&font[..4], &[0, 1, 0, 0], "a TrueType outline font");
        }
        assert!(
            super::LICENSE.contains("SIL OPEN FONT LICENSE")
                || super::LICENSE.contains("Open Font License")
        );
    }
}
