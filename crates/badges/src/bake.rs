//! Baked badges (OB 3.0 §5.3): the credential rides inside the badge image.
//!
//! PNG: one uncompressed `iTXt` chunk with the keyword `openbadgecredential`.
//! SVG: one `<openbadges:credential>` element right inside the root, holding JSON in CDATA,
//! or a VC-JWT in its `verify` attribute. Nothing in an SVG is ever fetched or run.

use std::ops::Range;

use crate::error::{BadgeError, Result};
use crate::jwt::looks_like_jwt;

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
const KEYWORD: &[u8] = b"openbadgecredential";
/// The Open Badges 2.0 keyword, recognised only to explain why such a badge is not read.
const OB2_KEYWORD: &[u8] = b"openbadges";
pub const OB_NAMESPACE: &str = "https://purl.imsglobal.org/ob/v3p0";

// ---------------------------------------------------------------- PNG

struct Chunk<'a> {
    kind: [u8; 4],
    data: &'a [u8],
    /// The whole chunk: length, type, data and CRC.
    raw: &'a [u8],
}

/// Splits a PNG into chunks, checking the signature, every length and every CRC.
fn png_chunks(png: &[u8]) -> Result<Vec<Chunk<'_>>> {
    let mut rest = png
        .strip_prefix(&PNG_SIGNATURE)
        .ok_or_else(|| BadgeError::Png("this is not a PNG file (wrong signature)".into()))?;
    let mut chunks = Vec::new();
    loop {
        if rest.len() < 12 {
            return Err(BadgeError::Png(
                "the file is truncated (no IEND chunk)".into(),
            ));
        }
        let length = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        if length > rest.len() - 12 {
            return Err(BadgeError::Png(
                "a chunk runs past the end of the file".into(),
            ));
        }
        let (raw, tail) = rest.split_at(12 + length);
        let kind = [raw[4], raw[5], raw[6], raw[7]];
        let data = &raw[8..8 + length];
        let crc = u32::from_be_bytes([
            raw[8 + length],
            raw[9 + length],
            raw[10 + length],
            raw[11 + length],
        ]);
        if crc32fast::hash(&raw[4..8 + length]) != crc {
            return Err(BadgeError::Png(format!(
                "the {} chunk is damaged (CRC mismatch)",
                String::from_utf8_lossy(&kind)
            )));
        }
        if chunks.is_empty() && &kind != b"IHDR" {
            return Err(BadgeError::Png("the first chunk is not IHDR".into()));
        }
        chunks.push(Chunk { kind, data, raw });
        if &kind == b"IEND" {
            return Ok(chunks);
        }
        rest = tail;
    }
}

fn itxt_keyword(data: &[u8]) -> &[u8] {
    data.split(|&b| b == 0).next().unwrap_or_default()
}

/// The text of an uncompressed `iTXt` chunk.
fn itxt_text(data: &[u8]) -> Result<&str> {
    let malformed = || BadgeError::Png("the openbadgecredential iTXt chunk is malformed".into());
    let after_keyword = &data[itxt_keyword(data).len()..];
    let [0, compression, _method, rest @ ..] = after_keyword else {
        return Err(malformed());
    };
    if *compression != 0 {
        return Err(BadgeError::Png(
            "the openbadgecredential iTXt chunk is compressed, which Open Badges does not allow"
                .into(),
        ));
    }
    // Skip the language tag and the translated keyword, each NUL-terminated.
    let mut fields = rest.splitn(3, |&b| b == 0);
    let (Some(_language), Some(_translated), Some(text)) =
        (fields.next(), fields.next(), fields.next())
    else {
        return Err(malformed());
    };
    std::str::from_utf8(text)
        .map_err(|_| BadgeError::Png("the baked credential is not UTF-8 text".into()))
}

fn chunk_bytes(kind: &[u8; 4], data: &[u8]) -> Result<Vec<u8>> {
    let length = u32::try_from(data.len())
        .ok()
        .filter(|&l| l <= i32::MAX as u32)
        .ok_or_else(|| BadgeError::Png("the credential is too large for a PNG chunk".into()))?;
    let mut bytes = Vec::with_capacity(data.len() + 12);
    bytes.extend_from_slice(&length.to_be_bytes());
    bytes.extend_from_slice(kind);
    bytes.extend_from_slice(data);
    bytes.extend_from_slice(&crc32fast::hash(&bytes[4..]).to_be_bytes());
    Ok(bytes)
}

/// Bakes `credential_text` (JSON or a compact JWT) into a PNG, replacing any earlier credential.
pub fn bake_png(png: &[u8], credential_text: &str) -> Result<Vec<u8>> {
    let chunks = png_chunks(png)?;
    let mut data = KEYWORD.to_vec();
    // NUL, no compression, method 0, empty language tag, empty translated keyword.
    data.extend_from_slice(&[0, 0, 0, 0, 0]);
    data.extend_from_slice(credential_text.as_bytes());
    let ours = chunk_bytes(b"iTXt", &data)?;
    let mut out = Vec::with_capacity(png.len() + ours.len());
    out.extend_from_slice(&PNG_SIGNATURE);
    for chunk in &chunks {
        if &chunk.kind == b"iTXt" && itxt_keyword(chunk.data) == KEYWORD {
            continue;
        }
        if &chunk.kind == b"IEND" {
            out.extend_from_slice(&ours);
        }
        out.extend_from_slice(chunk.raw);
    }
    Ok(out)
}

/// The credential text baked into a PNG.
pub fn unbake_png(png: &[u8]) -> Result<String> {
    let chunks = png_chunks(png)?;
    let ours: Vec<&Chunk> = chunks
        .iter()
        .filter(|c| &c.kind == b"iTXt" && itxt_keyword(c.data) == KEYWORD)
        .collect();
    match ours[..] {
        [only] => Ok(itxt_text(only.data)?.to_owned()),
        [] if chunks.iter().any(|c| (&c.kind == b"iTXt" || &c.kind == b"tEXt") && itxt_keyword(c.data) == OB2_KEYWORD) => {
            Err(BadgeError::Png("this is an Open Badges 2.0 badge; Guildbook reads Open Badges 3.0 credentials".into()))
        }
        [] => Err(BadgeError::Png("the image carries no Open Badges credential".into())),
        _ => Err(BadgeError::Png(format!(
            "the image carries {} openbadgecredential chunks; exactly one is allowed, so it is not clear which is the badge",
            ours.len()
        ))),
    }
}

// ---------------------------------------------------------------- SVG

fn parse_svg(svg: &str) -> Result<roxmltree::Document<'_>> {
    let options = roxmltree::ParsingOptions {
        // Badges made by common tools carry a DOCTYPE. roxmltree expands only internal
        // entities (with billion-laughs limits) and never loads external ones.
        allow_dtd: true,
        nodes_limit: 1_000_000,
    };
    roxmltree::Document::parse_with_options(svg, options).map_err(|e| {
        BadgeError::Svg(format!(
            "the SVG could not be read: {e} (external entities and resources are never loaded)"
        ))
    })
}

fn credential_elements<'a, 'i>(doc: &'a roxmltree::Document<'i>) -> Vec<roxmltree::Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| {
            n.tag_name().namespace() == Some(OB_NAMESPACE) && n.tag_name().name() == "credential"
        })
        .collect()
}

/// The byte range of an element's start tag (quotes respected), and whether it self-closes.
fn start_tag(svg: &str, element: roxmltree::Node) -> Result<(Range<usize>, bool)> {
    let start = element.range().start;
    let mut quote = None;
    for (offset, c) in svg[start..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                let end = start + offset + 1;
                return Ok((start..end, svg[..end - 1].ends_with('/')));
            }
            _ => {}
        }
    }
    Err(BadgeError::Svg(
        "the root element's start tag is not closed".into(),
    ))
}

/// Bakes `credential_text` (JSON or a compact JWT) into an SVG, replacing any earlier credential.
pub fn bake_svg(svg: &str, credential_text: &str) -> Result<String> {
    let doc = parse_svg(svg)?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(BadgeError::Svg("the root element is not <svg>".into()));
    }
    let element = if looks_like_jwt(credential_text) {
        format!(
            "<openbadges:credential verify=\"{}\"/>",
            credential_text.trim()
        )
    } else {
        // "]]>" cannot appear inside CDATA; split it across two sections.
        let cdata = credential_text.replace("]]>", "]]]]><![CDATA[>");
        format!("<openbadges:credential><![CDATA[{cdata}]]></openbadges:credential>")
    };
    let mut edits: Vec<(Range<usize>, String)> = credential_elements(&doc)
        .iter()
        .map(|old| (old.range(), String::new()))
        .collect();
    let (tag, self_closing) = start_tag(svg, root)?;
    let name_end = tag.start
        + 1
        + svg[tag.start + 1..]
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(0);
    match root.lookup_namespace_uri(Some("openbadges")) {
        Some(OB_NAMESPACE) => {}
        None => edits.push((
            name_end..name_end,
            format!(" xmlns:openbadges=\"{OB_NAMESPACE}\""),
        )),
        Some(other) => {
            return Err(BadgeError::Svg(format!(
                "the SVG already binds the prefix openbadges to {other}"
            )))
        }
    }
    if self_closing {
        let qualified = &svg[tag.start + 1..name_end];
        edits.push((tag.end - 2..tag.end, format!(">{element}</{qualified}>")));
    } else {
        edits.push((tag.end..tag.end, element));
    }
    // Apply from the end so earlier offsets stay valid.
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut baked = svg.to_owned();
    for (range, text) in edits {
        baked.replace_range(range, &text);
    }
    Ok(baked)
}

/// The credential text baked into an SVG (surrounding whitespace is not part of it).
pub fn unbake_svg(svg: &str) -> Result<String> {
    let doc = parse_svg(svg)?;
    let elements = credential_elements(&doc);
    let element = match elements[..] {
        [only] => only,
        [] => {
            return Err(BadgeError::Svg(
                "the image carries no <openbadges:credential> element".into(),
            ))
        }
        _ => {
            return Err(BadgeError::Svg(format!(
                "the image carries {} <openbadges:credential> elements; exactly one is allowed",
                elements.len()
            )))
        }
    };
    if let Some(jwt) = element.attribute("verify") {
        return Ok(jwt.trim().to_owned());
    }
    let text: String = element
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    let text = text.trim();
    if text.is_empty() {
        return Err(BadgeError::Svg(
            "the <openbadges:credential> element is empty".into(),
        ));
    }
    Ok(text.to_owned())
}
