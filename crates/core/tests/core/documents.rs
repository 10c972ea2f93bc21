//! Certificates and guides as a reader checks them: qpdf, pdftotext, the QR code read back from
//! the rendered page and verified; batches that are all or nothing.

use std::sync::atomic::{AtomicBool, Ordering};

use guildbook_core::credentials::{AwardStatus, IssuerProfile, NewAward};
use guildbook_core::documents::{BatchTarget, Fonts, Paper};
use guildbook_core::keystore::KeyStore;
use guildbook_core::{demo, Workspace};
use guildbook_pdf::testing as check;

struct Demo {
    _dir: tempfile::TempDir,
    ws: Workspace,
    keys: KeyStore,
    fonts: Fonts,
}

fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo::create(&dir.path().join("ws")).unwrap();
    let keys = KeyStore::new(dir.path().join("keys"));
    Demo {
        _dir: dir,
        ws,
        keys,
        fonts: Fonts::load().unwrap(),
    }
}

fn award_of(d: &Demo, holder: &str, status: AwardStatus) -> String {
    d.ws.all_awards()
        .unwrap()
        .into_iter()
        .find(|a| a.contractor_name == holder && a.status == status)
        .unwrap_or_else(|| panic!("the demo has {holder} {status:?}"))
        .id
}

/// Awards `credential` by hand to a new person called `name`; the award's id.
fn award_to(d: &mut Demo, name: &str, credential: &str) -> String {
    let who = crate::common::person(&mut d.ws, name);
    let credential =
        d.ws.credentials(false)
            .unwrap()
            .into_iter()
            .find(|c| c.name == credential)
            .unwrap();
    d.ws.award_credential(&NewAward {
        credential_id: credential.id,
        contractor_id: who,
        assessment_id: None,
        reason: "Assessed at a partner studio; certificate seen.".into(),
        awarded_by: "Hana Okafor".into(),
        issued_on: None,
        renews_id: None,
    })
    .unwrap()
    .id
}

/// The text the certificate's QR code carries, read from the page rendered at 300 dpi.
fn scanned(path: &std::path::Path) -> String {
    let found = check::scan(path);
    assert_eq!(found.len(), 1, "one QR code on the page");
    found[0].clone()
}

#[test]
fn a_certificate_prints_its_facts_and_its_qr_code_verifies_offline() {
    let mut d = demo();
    let dir = tempfile::tempdir().unwrap();
    let id = award_of(&d, "Elif Demir", AwardStatus::Active);
    let award = d.ws.award(&id).unwrap();
    let pdf =
        d.ws.certificate_pdf(&d.keys, &d.fonts, &id, Paper::A4)
            .unwrap();
    assert!(pdf.len() < 50_000, "{} bytes", pdf.len());
    let path = check::write(dir.path(), "certificate.pdf", &pdf);
    check::qpdf_check(&path);
    let text = check::text_of(&path);
    let code = guildbook_badges::short_code(&d.ws.issuer_id().unwrap(), &id);
    for expected in [
        award.contractor_name.as_str(),
        award.credential_name.as_str(),
        "Northwind Studio",
        code.as_str(),
        "Hana Okafor",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    let qr = scanned(&path);
    assert!(qr.starts_with("GB1:"));
    let v = d.ws.verify_certificate_code(&qr).unwrap();
    assert_eq!(v.verdict, "valid", "{:?}", v.checks);
    assert!(
        v.checks.iter().all(|c| c.outcome == "passed"),
        "{:?}",
        v.checks
    );
    assert_eq!(v.holder.as_deref(), Some("Elif Demir"));
    assert_eq!(v.code.as_deref(), Some(code.as_str()));
    assert_eq!(v.award_id.as_deref(), Some(id.as_str()));

    // Anyone with the published keys and no workspace: intact and by the issuer's key; revocation
    // needs the issuer's records, so the verdict says so instead of claiming valid.
    let today = guildbook_core::dates::format(guildbook_core::dates::today());
    let offline =
        guildbook_badges::verify_certificate(&qr, &d.ws.issuer_jwks().unwrap(), &today, None);
    assert!(offline.key_trusted);
    assert_eq!(offline.verdict, guildbook_badges::Verdict::Undetermined);
    let without_keys =
        guildbook_badges::verify_certificate(&qr, &serde_json::json!({"keys": []}), &today, None);
    assert!(
        !without_keys.key_trusted,
        "a key the text carries is not the issuer's until checked"
    );

    // The short code alone, typed loosely.
    let typed = code.to_lowercase().replace('-', " ");
    let by_code = d.ws.verify_certificate_code(&typed).unwrap();
    assert_eq!(
        (by_code.verdict.as_str(), by_code.kind.as_str()),
        ("valid", "code")
    );
    assert_eq!(by_code.holder.as_deref(), Some("Elif Demir"));
}

#[test]
fn a_changed_qr_text_fails_and_so_does_anything_else_that_is_not_a_certificate() {
    let mut d = demo();
    let dir = tempfile::tempdir().unwrap();
    let id = award_of(&d, "Elif Demir", AwardStatus::Active);
    let pdf =
        d.ws.certificate_pdf(&d.keys, &d.fonts, &id, Paper::Letter)
            .unwrap();
    let qr = scanned(&check::write(dir.path(), "c.pdf", &pdf));
    // Swap the signed details for someone else's name, keeping the signature.
    let token = qr.strip_prefix("GB1:").unwrap();
    let parts: Vec<&str> = token.split('.').collect();
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let claims = String::from_utf8(b64.decode(parts[1]).unwrap())
        .unwrap()
        .replace("Elif Demir", "Eve Mallory");
    let forged = format!("GB1:{}.{}.{}", parts[0], b64.encode(claims), parts[2]);
    let v = d.ws.verify_certificate_code(&forged).unwrap();
    assert_eq!(v.verdict, "invalid");
    let proof = v.checks.iter().find(|c| c.name == "proof").unwrap();
    assert_eq!(proof.outcome, "failed", "{proof:?}");

    for garbage in [
        "GB1:",
        "GB1:a.b.c",
        "GB1:%%%",
        &format!("GB1:{}", "x".repeat(10_000)),
    ] {
        let v = d.ws.verify_certificate_code(garbage).unwrap();
        assert_eq!(v.verdict, "invalid", "{garbage:.30}");
        assert_eq!(v.checks[0].name, "format");
    }
    let unknown = d.ws.verify_certificate_code("ZZZZ-ZZZZ-ZZZZ").unwrap();
    assert_eq!(unknown.verdict, "invalid");
    assert!(unknown.checks[0]
        .detail
        .contains("no certificate with the code ZZZZ-ZZZZ-ZZZZ"));
    let err =
        d.ws.verify_certificate_code("hello there")
            .unwrap_err()
            .to_string();
    assert!(err.contains("neither a certificate's QR text"), "{err}");
}

#[test]
fn a_revoked_award_does_not_print_and_its_earlier_certificate_stops_verifying() {
    let mut d = demo();
    let dir = tempfile::tempdir().unwrap();
    let revoked = award_of(&d, "Hannah Weiss", AwardStatus::Revoked);
    let err =
        d.ws.certificate_pdf(&d.keys, &d.fonts, &revoked, Paper::A4)
            .unwrap_err()
            .to_string();
    assert!(err.contains("a revoked award has no certificate"), "{err}");

    let id = award_of(&d, "Elif Demir", AwardStatus::Active);
    let pdf =
        d.ws.certificate_pdf(&d.keys, &d.fonts, &id, Paper::A4)
            .unwrap();
    let qr = scanned(&check::write(dir.path(), "before.pdf", &pdf));
    d.ws.revoke_award(
        &id,
        "Left the payments team; access removed.",
        "Hana Okafor",
    )
    .unwrap();
    let v = d.ws.verify_certificate_code(&qr).unwrap();
    assert_eq!(v.verdict, "invalid");
    let revocation = v.checks.iter().find(|c| c.name == "revocation").unwrap();
    assert_eq!(revocation.outcome, "failed");
    assert!(
        revocation.detail.contains("Left the payments team"),
        "{revocation:?}"
    );

    // An expired award prints, saying so, and does not verify as current.
    let expired = award_of(&d, "Amara Okafor", AwardStatus::Expired);
    let pdf =
        d.ws.certificate_pdf(&d.keys, &d.fonts, &expired, Paper::A4)
            .unwrap();
    let path = check::write(dir.path(), "expired.pdf", &pdf);
    assert!(check::text_of(&path).contains("Expired on"));
    assert_eq!(
        d.ws.verify_certificate_code(&scanned(&path))
            .unwrap()
            .verdict,
        "invalid"
    );
}

#[test]
fn names_in_polish_spanish_greek_and_cyrillic_print_extract_and_verify() {
    let mut d = demo();
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "Zbigniew Łukaszewicz-Żółć",
        "Begoña Ibáñez",
        "Ευαγγελία Σταυροπούλου",
        "Юлия Кузнецова",
    ] {
        let id = award_to(&mut d, name, "Payments path reviewer");
        let pdf =
            d.ws.certificate_pdf(&d.keys, &d.fonts, &id, Paper::A4)
                .unwrap();
        let path = check::write(dir.path(), "named.pdf", &pdf);
        check::qpdf_check(&path);
        assert!(check::text_of(&path).contains(name), "{name}");
        let v = d.ws.verify_certificate_code(&scanned(&path)).unwrap();
        assert_eq!(
            (v.verdict.as_str(), v.holder.as_deref()),
            ("valid", Some(name))
        );
    }
    let id = award_to(&mut d, "Yael בן-דוד", "Payments path reviewer");
    let err =
        d.ws.certificate_pdf(&d.keys, &d.fonts, &id, Paper::A4)
            .unwrap_err()
            .to_string();
    assert!(
        err.contains("The holder's name is written right to left")
            && err.ends_with("Nothing was saved."),
        "{err}"
    );
}

#[test]
fn a_corrupt_logo_is_named_and_a_jpeg_logo_prints() {
    let mut d = demo();
    let dir = tempfile::tempdir().unwrap();
    let id = award_of(&d, "Elif Demir", AwardStatus::Active);
    // A JPEG logo is accepted at upload and printed.
    let mut jpeg = Vec::new();
    image::RgbImage::from_pixel(200, 80, image::Rgb([20, 90, 70]))
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    let logo =
        d.ws.add_logo_image(&crate::common::file(dir.path(), "logo.jpg", &jpeg))
            .unwrap();
    let profile = d.ws.issuer_profile().unwrap();
    d.ws.set_issuer_profile(&IssuerProfile {
        image_sha256: Some(logo.clone()),
        ..profile.clone()
    })
    .unwrap();
    d.ws.certificate_pdf(&d.keys, &d.fonts, &id, Paper::A4)
        .unwrap();
    // A truncated logo is refused when it is chosen…
    let err =
        d.ws.add_logo_image(&crate::common::file(dir.path(), "broken.png", &jpeg[..40]))
            .unwrap_err()
            .to_string();
    assert!(err.contains("broken.png"), "{err}");
    // …and a logo damaged in the vault afterwards stops printing with a message that says which.
    std::fs::write(d.ws.vault_path(&logo).unwrap(), &jpeg[..40]).unwrap();
    let err =
        d.ws.certificate_pdf(&d.keys, &d.fonts, &id, Paper::A4)
            .unwrap_err()
            .to_string();
    assert!(
        err.starts_with("The organisation logo in the vault was altered"),
        "{err}"
    );
    // …and one gone from the vault says so too.
    std::fs::remove_file(d.ws.vault_path(&logo).unwrap()).unwrap();
    let err =
        d.ws.certificate_pdf(&d.keys, &d.fonts, &id, Paper::A4)
            .unwrap_err()
            .to_string();
    assert!(
        err.contains("The organisation logo is missing from the vault"),
        "{err}"
    );
}

#[test]
fn a_guide_has_the_ladder_pay_reviews_and_credentials_of_the_role() {
    let d = demo();
    let dir = tempfile::tempdir().unwrap();
    let role = d.ws.find_role("Backend engineer").unwrap();
    let published = d.ws.published_ladder(&role.id).unwrap();
    let pdf = d.ws.guide_pdf(&d.fonts, &role.id, Paper::A4).unwrap();
    let path = check::write(dir.path(), "guide.pdf", &pdf);
    check::qpdf_check(&path);
    let text = check::text_of(&path);
    for level in &published.content.levels {
        assert!(text.contains(&level.name), "{} missing", level.name);
    }
    for domain in &published.content.domains {
        assert!(text.contains(&domain.name), "{} missing", domain.name);
    }
    for expected in [
        "CAREER-PATH GUIDE",
        "Backend engineer",
        "How to advance",
        "days before it ends",
        "Pay tiers",
        "Credentials on this path",
        "Payments path",
        "After Backend",
    ] {
        assert!(text.contains(expected), "{expected:?} missing");
    }
    assert!(check::info_of(&path).contains("Backend engineer — career-path guide"));
    // A role with no published ladder says what to do.
    let mut d = d;
    let draft = crate::common::role(&mut d.ws, "Data analyst", None);
    let err =
        d.ws.guide_pdf(&d.fonts, &draft.role.id, Paper::A4)
            .unwrap_err()
            .to_string();
    assert!(err.contains("Publish the role's ladder first"), "{err}");
}

#[test]
fn batches_are_whole_or_absent() {
    let mut d = demo();
    let dir = tempfile::tempdir().unwrap();
    let credential =
        d.ws.credentials(false)
            .unwrap()
            .into_iter()
            .find(|c| c.name == "Backend engineer — Lead")
            .unwrap();
    let ids: Vec<String> =
        d.ws.holders(&credential.id)
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
    let never = AtomicBool::new(false);
    let mut seen = Vec::new();

    // A ZIP: every certificate but the revoked one, named by holder.
    let zip_path = dir.path().join("lead.zip");
    let outcome =
        d.ws.export_certificates(
            &d.keys,
            &ids,
            Paper::A4,
            &BatchTarget::Zip(zip_path.clone()),
            &mut |done, total| seen.push((done, total)),
            &never,
        )
        .unwrap()
        .unwrap();
    assert_eq!(outcome.written as usize, ids.len() - 1);
    assert_eq!(outcome.skipped, vec!["Hannah Weiss: revoked".to_string()]);
    assert_eq!(seen.last(), Some(&(ids.len() as u32, ids.len() as u32)));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(String::from).collect();
    assert!(
        names.contains(&"Elif Demir - Backend engineer — Lead.pdf".to_string()),
        "{names:?}"
    );
    let mut first = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_index(0).unwrap(), &mut first).unwrap();
    check::qpdf_check(&check::write(dir.path(), "from-zip.pdf", &first));

    // A folder: made whole; an existing folder with files in it is refused, untouched.
    let folder = dir.path().join("lead certificates");
    d.ws.export_certificates(
        &d.keys,
        &ids,
        Paper::A4,
        &BatchTarget::Folder(folder.clone()),
        &mut |_, _| {},
        &never,
    )
    .unwrap()
    .unwrap();
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), ids.len() - 1);
    let err =
        d.ws.export_certificates(
            &d.keys,
            &ids,
            Paper::A4,
            &BatchTarget::Folder(folder.clone()),
            &mut |_, _| {},
            &never,
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("already exists and is not empty"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), ids.len() - 1);

    // Cancelled after the first certificate, or failing on the third: nothing is left.
    let before: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let cancel = AtomicBool::new(false);
    let cancelled =
        d.ws.export_certificates(
            &d.keys,
            &ids,
            Paper::A4,
            &BatchTarget::Zip(dir.path().join("c.zip")),
            &mut |_, _| cancel.store(true, Ordering::Relaxed),
            &cancel,
        )
        .unwrap();
    assert!(cancelled.is_err(), "cancelled");
    let mut broken = ids.clone();
    broken.insert(2, "no-such-award".into());
    d.ws.export_certificates(
        &d.keys,
        &broken,
        Paper::A4,
        &BatchTarget::Folder(dir.path().join("broken")),
        &mut |_, _| {},
        &never,
    )
    .unwrap_err();
    let after: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(before, after, "no partial files");
    // The ZIP made earlier is still whole.
    assert_eq!(
        zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap())
            .unwrap()
            .len(),
        ids.len() - 1
    );
}
