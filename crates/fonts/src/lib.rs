//! The one typeface Guildbook ships, so badges and documents look the same on every computer and
//! holder names in Latin, Greek and Cyrillic letters render: Noto Sans, under the SIL Open Font
//! License 1.1 (`fonts/OFL.txt`).
//!
//! The files are Noto Sans cut down to the scripts Guildbook prints — Latin with its extensions,
//! Greek, Cyrillic, punctuation, currency and arrows — without hinting (PDF viewers and the badge
//! renderer do not use it), which makes every document smaller and faster to write:
//!
//! ```text
//! pyftsubset NotoSans-Regular.ttf --no-hinting \
//!   --unicodes="U+0000-024F,U+0259,U+02B0-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,\
//!     U+1F00-1FFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-2199,U+2212,U+2215,U+2260,U+2264,\
//!     U+2265,U+25CF,U+FEFF,U+FFFD" --layout-features='kern,liga,ccmp,mark,mkmk,locl'
//! ```

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
