use guildbook_pdf::{render_certificate, CertificateModel, Fonts, PageSize, PdfError};

fn model() -> CertificateModel {
    CertificateModel {
        page: PageSize::A4,
        branding: crate::common::branding(),
        holder: "Zofia Wiśniewska-Núñez".into(),
        credential: "Design critique facilitator".into(),
        description: "Runs design critique sessions that end in decisions: frames the question, keeps feedback specific, and records what will change and why.".into(),
        criteria: "Rated meets or better in every domain of the Designer level of the Product designer ladder, with the evidence each cell asks for.".into(),
        issued_on: "12 March 2026".into(),
        valid_until: Some("12 March 2028".into()),
        status_note: None,
        badge: Some(crate::common::png_logo()),
        signatory: "Maya Lindqvist, Head of Design".into(),
        code: "K7QH-2MXD-9RTA".into(),
        qr_text: format!("GB1:{}", "eyJhbGciOiJFUzI1NiJ9.".repeat(16)),
        printed_at: "2026-11-26T09:30:00Z".into(),
    }
}

#[test]
fn a_certificate_passes_qpdf_extracts_its_text_and_its_qr_decodes() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (page, name) in [
        (PageSize::A4, "certificate-a4.pdf"),
        (PageSize::Letter, "certificate-letter.pdf"),
    ] {
        let m = CertificateModel { page, ..model() };
        let pdf = render_certificate(&fonts, &m).unwrap();
        assert!(pdf.len() < 50_000, "{} bytes", pdf.len());
        let path = crate::common::write(dir.path(), name, &pdf);
        crate::common::qpdf_check(&path);
        assert_eq!(crate::common::page_count(&path), 1);
        let text = crate::common::text_of(&path);
        for expected in [
            "Zofia Wiśniewska-Núñez",
            "Design critique facilitator",
            "12 March 2026",
            "12 March 2028",
            "K7QH-2MXD-9RTA",
            "Northwind Studio",
            "Maya Lindqvist",
        ] {
            assert!(text.contains(expected), "{expected:?} not in {text}");
        }
        let info = crate::common::info_of(&path);
        assert!(
            info.contains("Design critique facilitator — Zofia Wiśniewska-Núñez"),
            "title: {info}"
        );
        assert!(info.contains("Northwind Studio"), "author: {info}");
        assert!(
            info.contains("CreationDate:    Thu Nov 26 09:30:00 2026"),
            "creation date: {info}"
        );
        let image = crate::common::render(&path, 1, 72);
        assert!(image.width() > image.height(), "landscape");
        assert_eq!(crate::common::scan(&path), vec![m.qr_text.clone()]);
    }
}

#[test]
fn greek_and_cyrillic_names_print_and_extract() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for holder in [
        "Δημήτρης Παπαδόπουλος",
        "Ольга Смирнова",
        "Łukasz Żółkiewski",
    ] {
        let pdf = render_certificate(
            &fonts,
            &CertificateModel {
                holder: holder.into(),
                ..model()
            },
        )
        .unwrap();
        let path = crate::common::write(dir.path(), "named.pdf", &pdf);
        assert!(crate::common::text_of(&path).contains(holder), "{holder}");
    }
}

#[test]
fn very_long_names_and_descriptions_stay_on_the_page() {
    let fonts = Fonts::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let m = CertificateModel {
        holder: "Maximiliana Alexandra Konstantinopoulou-Wiśniewska de la Fuente y Castellanos-Oyarzábal".into(),
        credential: "Accessibility, inclusive research and assistive technology review for regulated public-sector services".into(),
        description: "Plans and runs research with disabled participants. ".repeat(20),
        criteria: "Rated meets in every domain. ".repeat(12),
        ..model()
    };
    let pdf = render_certificate(&fonts, &m).unwrap();
    let path = crate::common::write(dir.path(), "long.pdf", &pdf);
    crate::common::qpdf_check(&path);
    assert_eq!(crate::common::page_count(&path), 1);
    let text = crate::common::text_of(&path);
    assert!(
        text.contains("Castellanos-Oyarzábal"),
        "the whole name prints: {text}"
    );
    assert!(
        text.contains("…"),
        "the over-long description ends in an ellipsis"
    );
    // Nothing outside the frame: the page edges stay white.
    let image = crate::common::render(&path, 1, 60);
    let (w, h) = image.dimensions();
    for x in 0..w {
        for y in (0..6).chain(h - 6..h) {
            assert!(
                image.get_pixel(x, y).0[0] > 240,
                "ink at the edge ({x},{y})"
            );
        }
    }
    assert_eq!(crate::common::scan(&path), vec![m.qr_text]);
}

#[test]
fn right_to_left_and_unprintable_text_is_refused_by_name() {
    let fonts = Fonts::load().unwrap();
    let err = render_certificate(
        &fonts,
        &CertificateModel {
            holder: "نور الهدى".into(),
            ..model()
        },
    )
    .unwrap_err();
    assert!(matches!(err, PdfError::RightToLeft { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("the holder's name is written right to left"),
        "{err}"
    );
    let err = render_certificate(
        &fonts,
        &CertificateModel {
            credential: "設計 critique".into(),
            ..model()
        },
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("the credential's name contains '設'"),
        "{err}"
    );
}

#[test]
fn corrupt_logos_are_named_in_the_error() {
    let err = guildbook_pdf::Image::from_bytes(
        "the organisation logo",
        b"\x89PNG\r\n\x1a\nnot really",
        600,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("the organisation logo cannot be read"),
        "{err}"
    );
    let err =
        guildbook_pdf::Image::from_bytes("the organisation logo", b"GIF89a....", 600).unwrap_err();
    assert!(err.to_string().contains("use PNG, JPEG or SVG"), "{err}");
    let err = guildbook_pdf::Image::from_bytes("the organisation logo", b"", 600).unwrap_err();
    assert!(err.to_string().contains("not a PNG or JPEG"), "{err}");
}
