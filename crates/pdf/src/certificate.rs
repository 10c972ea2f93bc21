//! A credential certificate: one landscape page with the holder, the credential, its criteria,
//! dates, the issuer, a signature line, the short code and the signed QR code.

use std::sync::Arc;

use crate::image::Image;
use crate::layout::{tint, Doc, Page, INK, MUTED, RULE};
use crate::text::{clean, truncate, Fonts, Style};
use crate::{qr, Branding, DocInfo, PageSize, Result, Rgb};

#[derive(Debug, Clone)]
pub struct CertificateModel {
    pub page: PageSize,
    pub branding: Branding,
    pub holder: String,
    pub credential: String,
    pub description: String,
    /// What earning it took, in one or two sentences.
    pub criteria: String,
    /// Dates as printed ("12 March 2026").
    pub issued_on: String,
    pub valid_until: Option<String>,
    /// Printed in the warning colour beside the dates ("Expired on 3 May 2026").
    pub status_note: Option<String>,
    pub badge: Option<Arc<Image>>,
    /// Who signs for the issuer, as printed under the signature line.
    pub signatory: String,
    /// The short verification code, `XXXX-XXXX-XXXX`.
    pub code: String,
    /// The signed text the QR code carries.
    pub qr_text: String,
    /// UTC `YYYY-MM-DDTHH:MM:SSZ`.
    pub printed_at: String,
}

const WARNING: Rgb = Rgb(0xb4, 0x3c, 0x1e);
const MARGIN: f32 = 56.0;

pub fn render_certificate(fonts: &Fonts, m: &CertificateModel) -> Result<Vec<u8>> {
    let m = &cleaned(m);
    for (field, text) in [
        ("the holder's name", &m.holder),
        ("the credential's name", &m.credential),
        ("the description", &m.description),
        ("the criteria", &m.criteria),
        ("the organisation's name", &m.branding.organisation),
        ("the signatory", &m.signatory),
    ] {
        fonts.check(field, text)?;
    }
    let info = DocInfo {
        title: format!("{} — {}", m.credential, m.holder),
        subject: format!(
            "Certificate of the credential {} awarded to {} by {}; verification code {}",
            m.credential, m.holder, m.branding.organisation, m.code
        ),
        author: m.branding.organisation.clone(),
        keywords: vec!["certificate".into(), "credential".into(), m.code.clone()],
        printed_at: m.printed_at.clone(),
    };
    let mut doc = Doc::new(fonts, &info, m.page.landscape())?;
    doc.add_page();
    let logo = m
        .branding
        .logo
        .as_ref()
        .map(|l| (doc.add_image(l), l.clone()));
    let badge = m.badge.as_ref().map(|b| (doc.add_image(b), b.clone()));
    let qr = qr::form(&mut doc, &m.qr_text, INK)?;
    let (width, height) = (doc.width, doc.height);
    let accent = m.branding.accent;
    let mut page = doc.page();
    frame(&mut page, width, height, accent);

    // Header: logo and organisation on the left, the badge on the right.
    let mut x = MARGIN;
    if let Some((id, image)) = &logo {
        let w = (40.0 * image.width() as f32 / image.height() as f32).min(120.0);
        page.image(id, image, x, 52.0, w);
        x += w + 12.0;
    }
    let org_lines = fonts.fit(
        Style::Bold,
        &m.branding.organisation,
        width - x - 200.0,
        1,
        (14.0, 9.0),
    );
    page.lines(
        x,
        77.0,
        16.0,
        (Style::Bold, org_lines.0, INK),
        &org_lines.1[..1],
    );
    if let Some((id, image)) = &badge {
        page.image(id, image, width - MARGIN - 96.0, 44.0, 96.0);
    }

    // The statement, centred, shrunk to fit, in the middle of the band between header and footer.
    let column = width - 2.0 * MARGIN - 120.0;
    let fit = |style, text: &str, lines, sizes| fonts.fit(style, text, column, lines, sizes);
    let (holder_size, holder) = fit(Style::Bold, &m.holder, 2, (34.0, 16.0));
    let (credential_size, credential) = fit(Style::Bold, &m.credential, 2, (24.0, 13.0));
    let (description_size, description) = fit(Style::Regular, &m.description, 3, (11.0, 8.5));
    let (criteria_size, criteria) = fit(Style::Italic, &m.criteria, 2, (9.5, 8.0));
    let one = |text: &str| vec![text.to_owned()];
    let blocks = [
        (
            one("CERTIFICATE OF ACHIEVEMENT"),
            (Style::Bold, 11.0, accent),
            0.0,
            1,
        ),
        (
            one("This certifies that"),
            (Style::Italic, 12.0, MUTED),
            18.0,
            1,
        ),
        (holder, (Style::Bold, holder_size, INK), 8.0, 2),
        (
            one("has earned the credential"),
            (Style::Italic, 12.0, MUTED),
            10.0,
            1,
        ),
        (credential, (Style::Bold, credential_size, accent), 8.0, 2),
        (
            description,
            (Style::Regular, description_size, INK),
            12.0,
            4,
        ),
        (criteria, (Style::Italic, criteria_size, MUTED), 8.0, 3),
    ];
    let shown: Vec<_> = blocks
        .into_iter()
        .map(|(lines, font, gap, max)| {
            let lines = truncate(fonts, font.0, font.1, &lines, max, column);
            (lines, font, gap)
        })
        .collect();
    let leading = |size: f32| size * 1.25;
    let total: f32 = shown
        .iter()
        .map(|(lines, font, gap)| gap + lines.len() as f32 * leading(font.1))
        .sum();
    let (band_top, band_bottom) = (112.0, height - 160.0);
    let mut y = band_top + ((band_bottom - band_top - total) / 2.0).max(0.0);
    for (lines, font, gap) in &shown {
        y += gap;
        for line in lines {
            y += leading(font.1);
            // The baseline sits a fifth of the leading above the line's bottom.
            centred(
                &mut page,
                fonts,
                width,
                y - leading(font.1) * 0.22,
                *font,
                line,
            );
        }
    }

    footer(&mut page, fonts, m, (width, height), &qr);
    Ok(doc.finish())
}

fn cleaned(m: &CertificateModel) -> CertificateModel {
    let mut m = m.clone();
    for field in [
        &mut m.holder,
        &mut m.credential,
        &mut m.description,
        &mut m.criteria,
        &mut m.signatory,
        &mut m.branding.organisation,
    ] {
        *field = clean(field).trim().to_owned();
    }
    m
}

/// A double rule around the page in the accent colour, with a band of it along the top.
fn frame(page: &mut Page, width: f32, height: f32, accent: Rgb) {
    page.fill_rect(22.0, 22.0, width - 44.0, 6.0, accent);
    let outline = |page: &mut Page, inset: f32, thickness: f32, color: Rgb| {
        let (l, t, r, b) = (inset, inset, width - inset, height - inset);
        for (from, to) in [
            ((l, t), (r, t)),
            ((r, t), (r, b)),
            ((r, b), (l, b)),
            ((l, b), (l, t)),
        ] {
            page.line(from, to, thickness, color);
        }
    };
    outline(page, 22.0, 1.2, accent);
    outline(page, 30.0, 0.5, tint(accent, 0.6));
}

/// Dates on the left, the signature line in the middle, the QR code and short code on the right.
fn footer(
    page: &mut Page,
    fonts: &Fonts,
    m: &CertificateModel,
    (width, height): (f32, f32),
    (qr, modules): &(printpdf::XObjectId, f32),
) {
    let top = height - 156.0;
    let label = (Style::Bold, 7.5, MUTED);
    page.text(MARGIN, top + 30.0, label.0, label.1, label.2, "ISSUED");
    page.text(MARGIN, top + 46.0, Style::Bold, 12.0, INK, &m.issued_on);
    page.text(MARGIN, top + 68.0, label.0, label.1, label.2, "EXPIRES");
    let until = m.valid_until.as_deref().unwrap_or("Does not expire");
    page.text(MARGIN, top + 84.0, Style::Bold, 12.0, INK, until);
    if let Some(note) = &m.status_note {
        page.text(MARGIN, top + 100.0, Style::Bold, 9.5, WARNING, note);
    }

    let centre = width / 2.0 - 30.0;
    let line_y = top + 62.0;
    page.line((centre - 110.0, line_y), (centre + 110.0, line_y), 0.7, INK);
    let (size, signatory) = fonts.fit(Style::Bold, &m.signatory, 220.0, 1, (10.0, 7.0));
    let w = fonts.width(Style::Bold, size, &signatory[0]);
    page.text(
        centre - w / 2.0,
        line_y + 14.0,
        Style::Bold,
        size,
        INK,
        &signatory[0],
    );
    let (size, org) = fonts.fit(
        Style::Regular,
        &format!("for {}", m.branding.organisation),
        220.0,
        1,
        (8.5, 6.5),
    );
    let w = fonts.width(Style::Regular, size, &org[0]);
    page.text(
        centre - w / 2.0,
        line_y + 26.0,
        Style::Regular,
        size,
        MUTED,
        &org[0],
    );

    let qr_size = 124.0;
    let qr_x = width - MARGIN - qr_size + 8.0;
    let qr_y = top - 4.0;
    page.form(qr, qr_x, qr_y, *modules, qr_size / modules);
    let text_right = qr_x - 4.0;
    let code_w = fonts.width(Style::Bold, 11.0, &m.code);
    page.text(
        text_right - code_w,
        top + 40.0,
        Style::Bold,
        11.0,
        INK,
        &m.code,
    );
    let hint = "Verify offline: scan the QR code, or type the code into Guildbook or guildbook verify-code.";
    let lines = fonts.wrap(Style::Regular, 7.0, hint, 128.0);
    for (i, line) in lines.iter().enumerate() {
        let w = fonts.width(Style::Regular, 7.0, line);
        page.text(
            text_right - w,
            top + 54.0 + i as f32 * 9.0,
            Style::Regular,
            7.0,
            MUTED,
            line,
        );
    }
    page.line((MARGIN, top + 8.0), (qr_x - 8.0, top + 8.0), 0.4, RULE);
}

fn centred(
    page: &mut Page,
    fonts: &Fonts,
    width: f32,
    y: f32,
    font: (Style, f32, Rgb),
    text: &str,
) {
    let w = fonts.width(font.0, font.1, text);
    page.text((width - w) / 2.0, y, font.0, font.1, font.2, text);
}
