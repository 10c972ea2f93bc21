//! A page-by-page drawing surface over printpdf with the origin at the top left (as layouts
//! think), text measured by [`Fonts`], and the document's metadata.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, TextItem, WindingOrder, XObjectId,
    XObjectTransform,
};

use crate::compress::compress_streams;
use crate::image::Image;
use crate::text::{Fonts, Style};
use crate::{DocInfo, PdfError, Result, Rgb};

pub const INK: Rgb = Rgb(0x1f, 0x23, 0x2b);
pub const MUTED: Rgb = Rgb(0x5b, 0x63, 0x70);
pub const RULE: Rgb = Rgb(0xd5, 0xd9, 0xe0);
pub const WASH: Rgb = Rgb(0xf4, 0xf5, 0xf7);

pub struct Doc<'f> {
    pub fonts: &'f Fonts,
    doc: PdfDocument,
    font_ids: [FontId; 3],
    pub width: f32,
    pub height: f32,
    pages: Vec<Vec<Op>>,
}

impl<'f> Doc<'f> {
    pub fn new(fonts: &'f Fonts, info: &DocInfo, (width, height): (f32, f32)) -> Result<Doc<'f>> {
        let mut doc = PdfDocument::new(&info.title);
        let font_ids = [
            doc.add_font(&fonts.parsed[0]),
            doc.add_font(&fonts.parsed[1]),
            doc.add_font(&fonts.parsed[2]),
        ];
        let meta = &mut doc.metadata.info;
        meta.document_title = info.title.clone();
        meta.subject = info.subject.clone();
        meta.author = info.author.clone();
        meta.keywords = info.keywords.clone();
        meta.creator = "Guildbook".into();
        meta.producer = "Guildbook".into();
        let at = pdf_date(&info.printed_at)?;
        meta.creation_date = at;
        meta.modification_date = at;
        meta.metadata_date = at;
        Ok(Doc {
            fonts,
            doc,
            font_ids,
            width,
            height,
            pages: Vec::new(),
        })
    }

    pub fn add_page(&mut self) {
        self.pages.push(Vec::new());
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Switches drawing to an earlier page (for page numbers once the count is known).
    pub fn on_page(&mut self, index: usize) -> Page<'_> {
        Page {
            ops: &mut self.pages[index],
            font_ids: &self.font_ids,
            height: self.height,
        }
    }

    pub fn page(&mut self) -> Page<'_> {
        let last = self.pages.len() - 1;
        self.on_page(last)
    }

    pub fn add_image(&mut self, image: &Image) -> XObjectId {
        self.doc.add_xobject(&image.xobject)
    }

    /// A Form XObject `size` units square whose content stream is `content`, written as is:
    /// drawings of thousands of shapes (a QR code) cost a fraction of what as many `Op`s do.
    pub fn add_form(&mut self, size: f32, content: Vec<u8>) -> XObjectId {
        use printpdf::{DictItem, ExternalStream, ExternalXObject};
        let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
        let dict = [
            ("Type", name("XObject")),
            ("Subtype", name("Form")),
            (
                "BBox",
                DictItem::Array(vec![
                    DictItem::Real(0.0),
                    DictItem::Real(0.0),
                    DictItem::Real(size),
                    DictItem::Real(size),
                ]),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        self.doc.add_xobject(&ExternalXObject {
            stream: ExternalStream {
                dict,
                content,
                // Compressed with every other stream in `finish`.
                compress: false,
            },
            width: None,
            height: None,
            dpi: None,
        })
    }

    pub fn finish(mut self) -> Vec<u8> {
        let to_mm = |pt: f32| Mm(pt * 25.4 / 72.0);
        let (w, h) = (to_mm(self.width), to_mm(self.height));
        let pages = self
            .pages
            .drain(..)
            .map(|ops| PdfPage::new(w, h, ops))
            .collect();
        let options = PdfSaveOptions {
            // Compressed below, at a level of our choosing.
            optimize: false,
            subset_fonts: true,
            secure: true,
            image_optimization: None,
        };
        let mut doc = printpdf::to_lopdf_doc(self.doc.with_pages(pages), &options, &mut Vec::new());
        compress_streams(&mut doc);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes)
            .expect("writing to memory cannot fail");
        bytes
    }
}

/// Drawing on one page; `y` is measured down from the top edge, text `y` is its baseline.
pub struct Page<'a> {
    ops: &'a mut Vec<Op>,
    font_ids: &'a [FontId; 3],
    height: f32,
}

impl Page<'_> {
    pub fn text(&mut self, x: f32, y: f32, style: Style, size: f32, color: Rgb, text: &str) {
        if text.is_empty() {
            return;
        }
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: color.into() },
            Op::SetFont {
                font: PdfFontHandle::External(self.font_ids[style as usize].clone()),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: self.point(x, y),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Lines of text from `y` (first baseline) at `leading` apart; returns the y after them.
    pub fn lines(
        &mut self,
        x: f32,
        y: f32,
        leading: f32,
        font: (Style, f32, Rgb),
        lines: &[String],
    ) -> f32 {
        let (style, size, color) = font;
        for (i, line) in lines.iter().enumerate() {
            self.text(x, y + i as f32 * leading, style, size, color, line);
        }
        y + lines.len() as f32 * leading
    }

    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        let ring = PolygonRing {
            points: [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                .into_iter()
                .map(|(px, py)| LinePoint {
                    p: self.point(px, py),
                    bezier: false,
                })
                .collect(),
        };
        self.ops.extend([
            Op::SetFillColor { col: color.into() },
            Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![ring],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ]);
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), thickness: f32, color: Rgb) {
        self.ops.extend([
            Op::SetOutlineColor { col: color.into() },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: [from, to]
                        .into_iter()
                        .map(|(x, y)| LinePoint {
                            p: self.point(x, y),
                            bezier: false,
                        })
                        .collect(),
                    is_closed: false,
                },
            },
        ]);
    }

    /// Draws an image into the box at (x, y) of width `w`, keeping its proportions; returns the
    /// height it took.
    pub fn image(&mut self, id: &XObjectId, image: &Image, x: f32, y: f32, w: f32) -> f32 {
        let h = w * image.height() as f32 / image.width() as f32;
        // At dpi 72 one pixel is one point; scale to the box.
        let scale = w / image.width() as f32;
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(self.height - y - h)),
                scale_x: Some(scale),
                scale_y: Some(scale),
                dpi: Some(72.0),
                ..Default::default()
            },
        });
        h
    }

    /// Places a form from `Doc::add_form`, its units scaled by `scale`, top left at (x, y).
    pub fn form(&mut self, id: &XObjectId, x: f32, y: f32, size: f32, scale: f32) {
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(self.height - y - size * scale)),
                scale_x: Some(scale),
                scale_y: Some(scale),
                ..Default::default()
            },
        });
    }

    fn point(&self, x: f32, y: f32) -> Point {
        Point {
            x: Pt(x),
            y: Pt(self.height - y),
        }
    }
}

impl From<Rgb> for Color {
    fn from(Rgb(r, g, b): Rgb) -> Color {
        Color::Rgb(printpdf::Rgb::new(
            r as f32 / 255.0,
            g as f32 / 255.0,
            b as f32 / 255.0,
            None,
        ))
    }
}

/// A colour `amount` (0–1) of the way to white: tints of the accent for washes and rules.
pub fn tint(Rgb(r, g, b): Rgb, amount: f32) -> Rgb {
    let mix = |c: u8| (c as f32 + (255.0 - c as f32) * amount).round() as u8;
    Rgb(mix(r), mix(g), mix(b))
}

fn pdf_date(utc: &str) -> Result<printpdf::DateTime> {
    let bad = || PdfError::Invalid(format!("{utc:?} is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)"));
    let b = utc.as_bytes();
    if b.len() != 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[19] != b'Z' {
        return Err(bad());
    }
    let n = |from: usize, to: usize| utc[from..to].parse::<u16>().map_err(|_| bad());
    Ok(printpdf::DateTime {
        date: printpdf::Date {
            year: n(0, 4)? as i32,
            month: n(5, 7)? as u8,
            day: n(8, 10)? as u8,
        },
        time: printpdf::Time {
            hour: n(11, 13)? as u8,
            minute: n(14, 16)? as u8,
            second: n(17, 19)? as u8,
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    })
}
