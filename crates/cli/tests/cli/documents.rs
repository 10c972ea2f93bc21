//! Documents from the command line: guides and certificates printed, a certificate checked from
//! its QR code by the issuer and by a third party with only the published keys.

use crate::common::{arg, text, Env};
use guildbook_pdf::testing as check;

/// The QR text printed on the certificate at `path`, read from the rendered page.
fn scanned(path: &std::path::Path) -> String {
    let found = check::scan(path);
    assert_eq!(found.len(), 1);
    found[0].clone()
}

#[test]
fn a_printed_certificate_verifies_for_the_issuer_and_a_third_party() {
    let env = Env::demo();
    let award = env.award_of("Lena Novak");
    let pdf = env.path("lena.pdf");
    let out = env.run(&["doc", "certificate", &award, "-o", arg(&pdf)], true);
    assert!(out.status.success(), "{}", text(&out.stderr));
    check::qpdf_check(&pdf);
    assert!(check::text_of(&pdf).contains("Lena Novak"));
    let qr = scanned(&pdf);

    let issuer = env.run(&["verify-code", &qr], true);
    assert!(
        issuer.status.success(),
        "{}{}",
        text(&issuer.stdout),
        text(&issuer.stderr)
    );
    let report = text(&issuer.stdout);
    assert!(report.contains("verdict\tvalid\tLena Novak"), "{report}");
    for check in [
        "format\tpassed",
        "proof\tpassed",
        "key\tpassed",
        "dates\tpassed",
        "revocation\tpassed",
    ] {
        assert!(report.contains(check), "{check}: {report}");
    }

    // A third party: the published keys prove who signed; revocation stays with the issuer.
    let keys = env.path("keys.json");
    assert!(env
        .run(&["issuer", "keys", "-o", arg(&keys)], true)
        .status
        .success());
    let third = env.run(&["verify-code", &qr, "--issuer-keys", arg(&keys)], false);
    let report = text(&third.stdout);
    assert!(
        !third.status.success(),
        "not 'valid' without the issuer's records"
    );
    assert!(
        report.contains("key\tpassed") && report.contains("verdict\tundetermined"),
        "{report}"
    );
    let no_keys = text(&env.run(&["verify-code", &qr], false).stdout);
    assert!(no_keys.contains("key\tnot_checked"), "{no_keys}");

    // The same text in a file, through `guildbook verify`; and the short code alone.
    let file = env.path("scanned.txt");
    std::fs::write(&file, format!("{qr}\n")).unwrap();
    let verify = env.run(&["verify", arg(&file)], true);
    assert!(verify.status.success(), "{}", text(&verify.stdout));
    let code = report_code(&text(&issuer.stdout));
    let by_code = env.run(&["verify-code", &code.to_lowercase()], true);
    assert!(by_code.status.success(), "{}", text(&by_code.stdout));
    let outside = env.run(&["verify-code", &code], false);
    assert!(text(&outside.stderr).contains("a short code is checked in the issuer's workspace"));

    // One changed letter in the signed part fails the proof.
    let mut forged = qr.clone().into_bytes();
    let at = qr.len() - 100;
    forged[at] = if forged[at] == b'A' { b'B' } else { b'A' };
    let forged = String::from_utf8(forged).unwrap();
    let out = env.run(&["verify-code", &forged], true);
    assert!(!out.status.success());
    assert!(
        text(&out.stdout).contains("verdict\tinvalid"),
        "{}",
        text(&out.stdout)
    );
}

fn report_code(report: &str) -> String {
    report
        .lines()
        .last()
        .unwrap()
        .rsplit(" · ")
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn guides_and_batches_print_and_revoked_awards_do_not() {
    let env = Env::demo();
    let guide = env.path("guide.pdf");
    let out = env.run(
        &[
            "doc",
            "guide",
            "Product designer",
            "--paper",
            "letter",
            "-o",
            arg(&guide),
        ],
        true,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    check::qpdf_check(&guide);
    assert!(check::info_of(&guide).contains("letter"));

    let revoked = env.award_of("Hannah Weiss");
    let out = env.run(
        &[
            "doc",
            "certificate",
            &revoked,
            "-o",
            arg(&env.path("h.pdf")),
        ],
        true,
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("a revoked award has no certificate"),
        "{}",
        text(&out.stderr)
    );
    assert!(!env.path("h.pdf").exists());

    let zip = env.path("lead.zip");
    let out = env.run(
        &[
            "doc",
            "certificates",
            "--credential",
            "Backend engineer — Lead",
            "-o",
            arg(&zip),
        ],
        true,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    assert!(
        listing.contains("skipped\tHannah Weiss: revoked") && listing.contains("12 certificates"),
        "{listing}"
    );
    assert!(zip.is_file());

    let folder = env.path("reviewers");
    let out = env.run(
        &[
            "doc",
            "certificates",
            "--credential",
            "Payments path reviewer",
            "-o",
            arg(&folder),
        ],
        true,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 2);
    let again = env.run(
        &[
            "doc",
            "certificates",
            "--credential",
            "Payments path reviewer",
            "-o",
            arg(&folder),
        ],
        true,
    );
    assert!(text(&again.stderr).contains("already exists and is not empty"));
    assert_eq!(
        std::fs::read_dir(&folder).unwrap().count(),
        2,
        "the earlier batch is untouched"
    );
}
