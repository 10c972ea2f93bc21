//! Badge images: the built-in design (a shape, two colours and initials, drawn as SVG) and the
//! checks an uploaded PNG or SVG passes before it is kept.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BadgeShape {
    Circle,
    Hexagon,
    Shield,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BadgeDesign {
    pub shape: BadgeShape,
    /// `#rrggbb`.
    pub background: String,
    pub foreground: String,
    /// One to three letters or digits.
    pub initials: String,
}

fn colour(what: &str, raw: &str) -> Result<String> {
    let c = raw.trim().to_ascii_lowercase();
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit());
    if ok {
        Ok(c)
    } else {
        Err(CoreError::Invalid(format!(
            "The {what} colour must look like #1f6f5c (got '{}').",
            raw.trim()
        )))
    }
}

impl BadgeDesign {
    /// The design with its colours normalised and its initials checked.
    pub fn clean(&self) -> Result<BadgeDesign> {
        let initials: String = self.initials.trim().to_uppercase();
        let count = initials.chars().count();
        if count == 0 || count > 3 || !initials.chars().all(char::is_alphanumeric) {
            return Err(CoreError::Invalid(
                "Badge initials are one to three letters or digits.".into(),
            ));
        }
        Ok(BadgeDesign {
            shape: self.shape,
            background: colour("background", &self.background)?,
            foreground: colour("text", &self.foreground)?,
            initials,
        })
    }

    /// The badge as a 512 × 512 SVG, its letters as outlines (see `outlined_svg`).
    pub fn svg(&self) -> Result<String> {
        let svg = outlined_svg(&self.svg_with_text()?)?;
        // The writer drops the viewBox; without it the badge would not scale to the size shown.
        Ok(if svg.contains("viewBox") {
            svg
        } else {
            svg.replacen("<svg ", r#"<svg viewBox="0 0 512 512" "#, 1)
        })
    }

    /// The badge as a 512 × 512 SVG with its initials as text (the design is checked first, so
    /// nothing in it needs escaping).
    fn svg_with_text(&self) -> Result<String> {
        let d = self.clean()?;
        let (bg, fg) = (&d.background, &d.foreground);
        let outline = match d.shape {
            BadgeShape::Circle => {
                format!(
                    r#"<circle cx="256" cy="256" r="240" fill="{bg}"/><circle cx="256" cy="256" r="212" fill="none" stroke="{fg}" stroke-width="10" stroke-opacity="0.55"/>"#
                )
            }
            BadgeShape::Hexagon => {
                format!(
                    r#"<polygon points="256,16 464,136 464,376 256,496 48,376 48,136" fill="{bg}"/><polygon points="256,48 436,152 436,360 256,464 76,360 76,152" fill="none" stroke="{fg}" stroke-width="10" stroke-opacity="0.55"/>"#
                )
            }
            BadgeShape::Shield => {
                format!(
                    r#"<path d="M256 16 L464 80 V248 C464 380 368 460 256 496 C144 460 48 380 48 248 V80 Z" fill="{bg}"/><path d="M256 48 L434 102 V248 C434 362 352 432 256 464 C160 432 78 362 78 248 V102 Z" fill="none" stroke="{fg}" stroke-width="10" stroke-opacity="0.55"/>"#
                )
            }
        };
        let size = match d.initials.chars().count() {
            1 => 240,
            2 => 200,
            _ => 150,
        };
        Ok(format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">{outline}<text x="256" y="256" dy="0.35em" text-anchor="middle" font-family="Noto Sans, Helvetica, Arial, sans-serif" font-weight="700" font-size="{size}" fill="{fg}">{}</text></svg>"#,
            d.initials
        ))
    }
}

/// What badges are drawn with: the bundled typeface only, and no file outside the SVG ever
/// loaded (an `<image>` pointing elsewhere draws nothing).
fn draw_options() -> resvg::usvg::Options<'static> {
    use resvg::usvg;
    static FONTS: std::sync::OnceLock<std::sync::Arc<usvg::fontdb::Database>> =
        std::sync::OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for font in [guildbook_fonts::REGULAR, guildbook_fonts::BOLD] {
            db.load_font_data(font.to_vec());
        }
        db.set_sans_serif_family(guildbook_fonts::FAMILY);
        std::sync::Arc::new(db)
    });
    usvg::Options {
        fontdb: fonts.clone(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|mime, data, options| {
                if !embedded_picture_fits(&data) {
                    return None; // drawn as nothing rather than decoded into gigabytes
                }
                (usvg::ImageHrefResolver::default_data_resolver())(mime, data, options)
            }),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    }
}

fn parse_svg(svg: &str) -> Result<resvg::usvg::Tree> {
    // Stored SVGs may come from a workspace someone else made: checked again before drawing.
    let doc = roxmltree::Document::parse(svg.trim_start_matches('\u{feff}'))
        .map_err(|e| CoreError::Invalid(format!("The badge SVG can't be drawn ({e}).")))?;
    check_expansion(&doc)?;
    resvg::usvg::Tree::from_str(svg, &draw_options())
        .map_err(|e| CoreError::Invalid(format!("The badge SVG can't be drawn ({e}).")))
}

/// The most elements an SVG may stand for once its `<use>` references are expanded: far more than
/// any badge or logo needs, far fewer than the billions a few nested `<use>`s can ask for.
const MAX_EXPANDED_ELEMENTS: u64 = 50_000;
/// The most pixels of a picture embedded in an SVG (a data: URL), checked before it is decoded.
const MAX_EMBEDDED_PIXELS: u64 = 25_000_000;

/// Refuses SVGs whose `<use>` references multiply past `MAX_EXPANDED_ELEMENTS` or loop.
fn check_expansion(doc: &roxmltree::Document) -> Result<()> {
    use std::collections::HashMap;
    const XLINK: &str = "http://www.w3.org/1999/xlink";
    let ids: HashMap<&str, roxmltree::Node> = doc
        .descendants()
        .filter_map(|n| n.attribute("id").map(|id| (id, n)))
        .collect();
    let mut weights: HashMap<roxmltree::NodeId, u64> = HashMap::new();
    fn weight<'a>(
        node: roxmltree::Node<'a, 'a>,
        ids: &HashMap<&str, roxmltree::Node<'a, 'a>>,
        weights: &mut HashMap<roxmltree::NodeId, u64>,
        uses_deep: u32,
    ) -> Option<u64> {
        if uses_deep > 32 {
            return None; // a reference loop, or nesting no drawing needs
        }
        if let Some(w) = weights.get(&node.id()) {
            return Some(*w);
        }
        let mut total = 1u64;
        for child in node.children().filter(|c| c.is_element()) {
            total = total.checked_add(weight(child, ids, weights, uses_deep)?)?;
        }
        if node.tag_name().name() == "use" {
            let target = node
                .attribute("href")
                .or_else(|| node.attribute((XLINK, "href")))
                .and_then(|h| h.strip_prefix('#'))
                .and_then(|id| ids.get(id));
            if let Some(target) = target {
                total = total.checked_add(weight(*target, ids, weights, uses_deep + 1)?)?;
            }
        }
        if total > MAX_EXPANDED_ELEMENTS {
            return None;
        }
        weights.insert(node.id(), total);
        Some(total)
    }
    weight(doc.root_element(), &ids, &mut weights, 0)
        .map(|_| ())
        .ok_or_else(|| {
            CoreError::Invalid(format!(
                "The SVG repeats its shapes (through <use>) into more than {MAX_EXPANDED_ELEMENTS} elements, or in a loop; it can't be a badge or a logo."
            ))
        })
}

/// Whether a picture embedded in an SVG is small enough to decode, judged from its header.
fn embedded_picture_fits(bytes: &[u8]) -> bool {
    image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()
        .and_then(|r| r.into_dimensions().ok())
        .is_some_and(|(w, h)| u64::from(w) * u64::from(h) <= MAX_EMBEDDED_PIXELS)
}

/// The SVG with its text turned into outlines, so the badge looks the same in any viewer,
/// with or without the typeface installed.
pub fn outlined_svg(svg: &str) -> Result<String> {
    Ok(parse_svg(svg)?.to_string(&resvg::usvg::WriteOptions::default()))
}

/// Draws an SVG badge as a `size` × `size` PNG (for badges baked into PNG).
pub fn svg_to_png(svg: &str, size: u32) -> Result<Vec<u8>> {
    use resvg::tiny_skia;
    let tree = parse_svg(svg)?;
    let mut pixmap = tiny_skia::Pixmap::new(size, size)
        .ok_or_else(|| CoreError::Invalid("A badge is at least 1 pixel wide.".into()))?;
    let scale = size as f32 / tree.size().width().max(tree.size().height());
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| CoreError::Invalid(format!("The badge could not be encoded as PNG ({e}).")))
}

/// Checks an uploaded badge image and answers its media type: a PNG, or an SVG with nothing that
/// runs or loads (no scripts, event handlers, DTDs or outside references).
/// The media type of an uploaded badge image as the store may hold it: PNG or SVG, nothing else
/// (a type like `image/png"/><script>` read from a workspace is refused, never spliced).
pub fn badge_media_type(media_type: &str) -> Result<&'static str> {
    match media_type {
        "image/png" => Ok("image/png"),
        "image/svg+xml" => Ok("image/svg+xml"),
        other => Err(CoreError::Invalid(format!(
            "A badge image of type “{}” is not a PNG or an SVG: the workspace may have been altered.",
            crate::text::shown(other)
        ))),
    }
}

pub fn check_badge_image(name: &str, bytes: &[u8]) -> Result<String> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(PNG) {
        image::load_from_memory_with_format(bytes, image::ImageFormat::Png)
            .map_err(|e| CoreError::Invalid(format!("{name} is not a readable PNG ({e}).")))?;
        return Ok("image/png".into());
    }
    let refuse = |why: &str| CoreError::Invalid(format!("{name} can't be a badge: {why}."));
    let text = std::str::from_utf8(bytes).map_err(|_| refuse("it is neither a PNG nor an SVG"))?;
    let doc = roxmltree::Document::parse(text.trim_start_matches('\u{feff}')).map_err(|e| {
        if matches!(e, roxmltree::Error::DtdDetected) {
            refuse("SVG files with a DTD (which can pull in outside entities) are refused")
        } else {
            refuse(&format!("it is not valid SVG ({e})"))
        }
    })?;
    if doc.root_element().tag_name().name() != "svg" {
        return Err(refuse("it is neither a PNG nor an SVG"));
    }
    check_expansion(&doc)?;
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        if tag == "script" || tag == "foreignObject" {
            return Err(refuse(&format!("it contains a <{tag}> element")));
        }
        for a in node.attributes() {
            let value = a.value().trim().to_ascii_lowercase();
            if a.name().to_ascii_lowercase().starts_with("on") {
                return Err(refuse(&format!("it has an event handler ({})", a.name())));
            }
            let outside =
                a.name() == "href" && !(value.starts_with('#') || value.starts_with("data:image/"));
            if outside {
                return Err(refuse("it refers to something outside the file"));
            }
        }
    }
    Ok("image/svg+xml".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn design(initials: &str, background: &str) -> BadgeDesign {
        BadgeDesign {
            shape: BadgeShape::Hexagon,
            background: background.into(),
            foreground: "#FFFFFF".into(),
            initials: initials.into(),
        }
    }

    #[test]
    fn designs_draw_as_svg_that_passes_the_upload_checks() {
        for shape in [BadgeShape::Circle, BadgeShape::Hexagon, BadgeShape::Shield] {
            let d = BadgeDesign {
                shape,
                ..design("pi", "#1F6F5C")
            };
            let svg = d.svg().unwrap();
            // The letters are outlines: no font needed wherever the badge is shown.
            assert!(
                svg.contains("#1f6f5c") && !svg.contains("<text") && svg.contains("viewBox"),
                "{svg}"
            );
            assert_eq!(
                check_badge_image("b.svg", svg.as_bytes()).unwrap(),
                "image/svg+xml"
            );
        }
    }

    #[test]
    fn a_design_draws_to_png_with_its_colours_and_letters() {
        let png = design("PD", "#1f6f5c")
            .svg()
            .and_then(|s| svg_to_png(&s, 256))
            .unwrap();
        let img = image::load_from_memory(&png).unwrap().to_rgba8();
        assert_eq!(img.dimensions(), (256, 256));
        // The background colour fills the shape, and the white initials are drawn in the middle.
        assert_eq!(img.get_pixel(128, 30).0, [31, 111, 92, 255]);
        let white = img
            .pixels()
            .filter(|p| p.0[0] > 240 && p.0[1] > 240 && p.0[2] > 240)
            .count();
        assert!(white > 1500, "{white} white pixels: the letters are drawn");
        // Outside the hexagon stays transparent.
        assert_eq!(img.get_pixel(2, 2).0[3], 0);
    }

    #[test]
    fn bad_designs_are_refused() {
        assert!(design("", "#000000").clean().is_err());
        assert!(design("ABCD", "#000000").clean().is_err());
        assert!(design("<b>", "#000000").clean().is_err());
        assert!(design("AB", "red").clean().is_err());
        assert!(design("AB", "#12345g").clean().is_err());
    }

    #[test]
    fn hostile_svgs_are_refused_with_the_reason() {
        let cases = [
            (
                r#"<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"#,
                "DTD",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
                "<script>",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#,
                "event handler",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><image x:href="https://example.com/a.png"/></svg>"#,
                "outside",
            ),
            ("<html/>", "neither a PNG nor an SVG"),
            ("\u{0}\u{1}binary", "not valid SVG"),
        ];
        for (svg, says) in cases {
            let err = check_badge_image("bad.svg", svg.as_bytes()).unwrap_err();
            assert!(err.to_string().contains(says), "{svg}: {err}");
        }
        let broken_png = b"\x89PNG\r\n\x1a\nnot really";
        assert!(check_badge_image("b.png", broken_png)
            .unwrap_err()
            .to_string()
            .contains("PNG"));
    }
}
