//! Generated artwork for the demo and for seeded workspaces: posters and screen mock-ups as real
//! image files, and briefs as real PDFs, so portfolio screens show pictures rather than icons.

use image::{Rgb, RgbImage};

type Colour = [u8; 3];

/// A colour scheme for one piece: background from → to, and two accents.
pub struct Palette {
    pub from: Colour,
    pub to: Colour,
    pub accent: Colour,
    pub ink: Colour,
}

pub const PALETTES: [Palette; 4] = [
    Palette {
        from: [15, 94, 92],
        to: [244, 239, 228],
        accent: [232, 117, 72],
        ink: [24, 33, 38],
    },
    Palette {
        from: [38, 42, 84],
        to: [120, 76, 140],
        accent: [250, 205, 90],
        ink: [245, 240, 230],
    },
    Palette {
        from: [238, 232, 220],
        to: [214, 196, 170],
        accent: [190, 60, 50],
        ink: [40, 40, 44],
    },
    Palette {
        from: [20, 24, 28],
        to: [52, 70, 82],
        accent: [92, 200, 170],
        ink: [230, 236, 240],
    },
];

fn mix(a: Colour, b: Colour, t: f32) -> Colour {
    let t = t.clamp(0.0, 1.0);
    [0, 1, 2].map(|i| (a[i] as f32 + (b[i] as f32 - a[i] as f32) * t).round() as u8)
}

/// A small deterministic generator, so the same seed always gives the same file.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> f32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 40) as f32) / (1u64 << 24) as f32
    }
}

/// A poster: a diagonal gradient, soft discs, a band and a grid of dots. `variant` nudges the
/// composition, as a second version of the same piece would.
pub fn poster(seed: u64, variant: u32, width: u32, height: u32, p: &Palette) -> RgbImage {
    let mut dice = Dice(seed.wrapping_mul(2654435761).wrapping_add(7));
    let discs: Vec<(f32, f32, f32, Colour)> = (0..3)
        .map(|i| {
            let colour = if i == 0 {
                p.accent
            } else {
                mix(p.accent, p.ink, 0.35 * i as f32)
            };
            (
                dice.next() * width as f32,
                dice.next() * height as f32 * 0.8,
                (0.12 + dice.next() * 0.22) * height as f32 * (1.0 + variant as f32 * 0.15),
                colour,
            )
        })
        .collect();
    let band_y = (0.62 + dice.next() * 0.12 - variant as f32 * 0.05) * height as f32;
    let band_h = height as f32 * 0.09;
    let step = (width / 24).max(8) as f32;
    RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        let mut c = mix(p.from, p.to, (fx / width as f32 + fy / height as f32) / 2.0);
        for &(cx, cy, r, colour) in &discs {
            let d = ((fx - cx).powi(2) + (fy - cy).powi(2)).sqrt();
            if d < r {
                // A soft edge, so the discs read as painted rather than stamped.
                c = mix(c, colour, ((r - d) / 6.0).min(0.92));
            }
        }
        if fy > band_y && fy < band_y + band_h {
            c = mix(c, p.ink, 0.85);
        }
        let (gx, gy) = (fx % step - step / 2.0, fy % step - step / 2.0);
        if fy > band_y + band_h * 1.6 && gx * gx + gy * gy < 4.0 {
            c = mix(c, p.ink, 0.5);
        }
        Rgb(c)
    })
}

/// A screen mock-up: a browser-like frame with a header, a hero block, cards and text lines.
pub fn screen(seed: u64, variant: u32, width: u32, height: u32, p: &Palette) -> RgbImage {
    let mut dice = Dice(seed ^ 0x9e37_79b9);
    let cards = 4 - (variant % 2);
    let hero_h = (0.28 + dice.next() * 0.08) * height as f32;
    let light = mix(p.to, [255, 255, 255], 0.7);
    RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        let (w, h) = (width as f32, height as f32);
        let bar = h * 0.06;
        if fy < bar {
            return Rgb(if fx < w * 0.18 {
                p.from
            } else {
                mix(p.from, p.ink, 0.25)
            });
        }
        let margin = w * 0.06;
        if fy < bar + hero_h && fx > margin && fx < w - margin && fy > bar + h * 0.04 {
            let t = (fx - margin) / (w - 2.0 * margin);
            let mut c = mix(p.from, p.accent, t * 0.6);
            // Two lines of "headline" inside the hero.
            let line =
                |top: f32, len: f32| fy > top && fy < top + h * 0.03 && fx < margin + w * len;
            if line(bar + h * 0.1, 0.45) || line(bar + h * 0.16, 0.3) {
                c = light;
            }
            return Rgb(c);
        }
        let top = bar + hero_h + h * 0.08;
        let gap = w * 0.03;
        let card_w = (w - 2.0 * margin - gap * (cards - 1) as f32) / cards as f32;
        let i = ((fx - margin) / (card_w + gap)).floor();
        let within = fx - margin - i * (card_w + gap);
        if fy > top && fy < h * 0.93 && i >= 0.0 && (i as u32) < cards && within < card_w {
            let inner_y = fy - top;
            if inner_y < h * 0.16 {
                return Rgb(mix(p.accent, p.to, 0.3 + 0.15 * i));
            }
            let row = ((inner_y - h * 0.19) / (h * 0.045)).floor();
            let len = 0.55 + ((seed as f32 + i + row) * 0.37).sin().abs() * 0.4;
            if (0.0..4.0).contains(&row)
                && (inner_y - h * 0.19) % (h * 0.045) < h * 0.018
                && within < card_w * len
            {
                return Rgb(mix(p.ink, light, 0.55));
            }
            return Rgb([255, 255, 255]);
        }
        Rgb(light)
    })
}

/// Encodes an image as JPEG (photos and posters) at a quality that keeps files small.
pub fn jpeg(image: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 84)
        .encode_image(image)
        .expect("JPEG encodes");
    out
}

pub fn png(image: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("PNG encodes");
    out
}

/// Escapes text for a PDF string literal.
pub fn pdf_text(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii() && !c.is_control())
        .flat_map(|c| match c {
            '(' | ')' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect()
}

/// A PDF of US Letter pages, one content stream per page. Streams may use the fonts /F1
/// (Helvetica) and /F2 (Helvetica-Bold).
pub fn pdf(pages: &[String]) -> Vec<u8> {
    let n = pages.len();
    // Objects: 1 catalog, 2 pages, 3 and 4 fonts, then (page, contents) pairs.
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 5 + 2 * i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>".to_string(),
    ];
    for (i, stream) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {} 0 R \
             /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>",
            6 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).into_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").into_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    out
}

/// A designed brief page: a coloured header band with the title, a block of body lines, and a
/// picture frame.
pub fn brief_page(title: &str, subtitle: &str, body: &[&str], p: &Palette, page: usize) -> String {
    let rgb = |c: Colour| {
        format!(
            "{:.3} {:.3} {:.3}",
            c[0] as f32 / 255.0,
            c[1] as f32 / 255.0,
            c[2] as f32 / 255.0
        )
    };
    let mut s = format!(
        "{} rg 0 672 612 120 re f\n{} rg BT /F2 26 Tf 54 730 Td ({}) Tj ET\nBT /F1 12 Tf 54 700 Td ({}) Tj ET\n",
        rgb(p.from),
        rgb(mix(p.to, [255, 255, 255], 0.6)),
        pdf_text(title),
        pdf_text(subtitle)
    );
    s += &format!(
        "{} rg 54 380 504 250 re f\n",
        rgb(mix(p.to, [255, 255, 255], 0.3))
    );
    s += &format!("{} rg 360 430 150 150 re f\n", rgb(p.accent));
    s += &format!("{} rg 100 420 210 40 re f\n", rgb(p.ink));
    let mut y = 340;
    s += &format!("{} rg\n", rgb([40, 40, 44]));
    for line in body {
        s += &format!("BT /F1 12 Tf 54 {y} Td ({}) Tj ET\n", pdf_text(line));
        y -= 20;
    }
    s += &format!(
        "{} rg BT /F1 9 Tf 54 40 Td (Page {page}) Tj ET\n",
        rgb([120, 120, 120])
    );
    s
}
