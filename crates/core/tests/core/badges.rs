//! Awards as Open Badges 3.0 from the workspace: exported in every format, verified offline with
//! the workspace's own keys and revocation list; revocation, expiry and key rotation as a
//! verifier sees them.

use std::path::{Path, PathBuf};

use guildbook_badges::{unbake_png, unbake_svg, Outcome, Verdict};
use guildbook_core::credentials::{AwardStatus, BadgeFormat};
use guildbook_core::keystore::KeyStore;
use guildbook_core::Workspace;

struct Demo {
    dir: tempfile::TempDir,
    ws: Workspace,
    keys: KeyStore,
}

fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let ws = guildbook_core::demo::create(&dir.path().join("demo")).unwrap();
    let keys = KeyStore::new(dir.path().join("keys"));
    Demo { dir, ws, keys }
}

/// The demo's award of `credential` (a prefix of its name) to `who`.
fn award_of(ws: &Workspace, who: &str, credential: &str) -> String {
    ws.all_awards()
        .unwrap()
        .into_iter()
        .find(|a| a.contractor_name == who && a.credential_name.starts_with(credential))
        .unwrap()
        .id
}

fn export(d: &mut Demo, award: &str, format: BadgeFormat) -> PathBuf {
    let bytes = d.ws.export_award(&d.keys, award, format).unwrap();
    let path = d.dir.path().join(format!("{award}.{}", format.extension()));
    std::fs::write(&path, bytes).unwrap();
    path
}

fn verify(d: &mut Demo, path: &Path) -> guildbook_badges::Report {
    d.ws.verify_badge(path).unwrap()
}

fn failed(report: &guildbook_badges::Report) -> Vec<String> {
    report
        .checks
        .iter()
        .filter(|c| c.outcome == Outcome::Failed)
        .map(|c| format!("{}: {}", c.name, c.detail))
        .collect()
}

#[test]
fn every_format_verifies_offline_with_the_workspaces_own_keys() {
    let mut d = demo();
    let elif = award_of(&d.ws, "Elif Demir", "Backend engineer");
    for format in [
        BadgeFormat::Json,
        BadgeFormat::Jwt,
        BadgeFormat::Png,
        BadgeFormat::Svg,
    ] {
        let path = export(&mut d, &elif, format);
        let report = verify(&mut d, &path);
        assert_eq!(
            report.verdict,
            Verdict::Valid,
            "{format:?}: {:?}",
            report.checks
        );
        assert!(
            report.key_trusted,
            "{format:?}: signed by this workspace's key"
        );
        assert_eq!(report.holder_name.as_deref(), Some("Elif Demir"));
        assert_eq!(report.issuer_name.as_deref(), Some("Northwind Studio"));
        assert!(report
            .check("revocation")
            .is_some_and(|c| c.outcome == Outcome::Passed));
    }
    // The baked images give back the exact signed JSON, with the ladder cells as alignments.
    let png = std::fs::read(export(&mut d, &elif, BadgeFormat::Png)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&unbake_png(&png).unwrap()).unwrap();
    let alignment = &json["credentialSubject"]["achievement"]["alignment"];
    assert_eq!(alignment.as_array().unwrap().len(), 4, "{alignment}");
    assert!(json["credentialSubject"]["achievement"]["image"]["id"]
        .as_str()
        .unwrap()
        .starts_with("data:image/svg+xml;base64,"));
    assert_eq!(
        json["evidence"][0]["name"]
            .as_str()
            .unwrap()
            .split(':')
            .next(),
        Some("Signed assessment")
    );
    let svg = std::fs::read_to_string(export(&mut d, &elif, BadgeFormat::Svg)).unwrap();
    let baked: serde_json::Value = serde_json::from_str(&unbake_svg(&svg).unwrap()).unwrap();
    assert_eq!(baked["id"], json["id"]);
}

#[test]
fn a_revoked_award_fails_verification_and_is_not_exported_again() {
    let mut d = demo();
    let elif = award_of(&d.ws, "Elif Demir", "Payments path reviewer");
    let before = export(&mut d, &elif, BadgeFormat::Png);
    assert_eq!(verify(&mut d, &before).verdict, Verdict::Valid);
    d.ws.revoke_award(&elif, "Left the payments team.", "Hana Okafor")
        .unwrap();
    let after = verify(&mut d, &before);
    assert_eq!(after.verdict, Verdict::Invalid);
    assert!(
        failed(&after).iter().any(|f| f.starts_with("revocation")),
        "{:?}",
        after.checks
    );
    let err =
        d.ws.export_award(&d.keys, &elif, BadgeFormat::Json)
            .unwrap_err();
    assert!(err.to_string().contains("not exported"), "{err}");
}

#[test]
fn an_expired_award_verifies_as_expired() {
    let mut d = demo();
    let amara = award_of(&d.ws, "Amara Okafor", "Backend engineer");
    assert_eq!(d.ws.award(&amara).unwrap().status, AwardStatus::Expired);
    let path = export(&mut d, &amara, BadgeFormat::Json);
    let report = verify(&mut d, &path);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(
        failed(&report).iter().any(|f| f.starts_with("dates")),
        "{:?}",
        report.checks
    );
}

#[test]
fn rotating_the_key_keeps_old_badges_valid_and_a_missing_key_is_named() {
    let mut d = demo();
    let lena = award_of(&d.ws, "Lena Novak", "Product designer");
    let old = export(&mut d, &lena, BadgeFormat::Json);
    let first = d.ws.issuer_keys(&d.keys).unwrap();
    assert_eq!(first.len(), 1);
    assert!(first[0].here && first[0].retired_at.is_none());

    let second = d.ws.rotate_issuer_key(&d.keys).unwrap();
    let keys = d.ws.issuer_keys(&d.keys).unwrap();
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0].id, second.id, "the current key first");
    assert!(keys[1].retired_at.is_some());
    let jwks = d.ws.issuer_jwks().unwrap();
    assert_eq!(
        jwks["keys"].as_array().unwrap().len(),
        4,
        "an Ed25519 and a P-256 key each"
    );
    assert_eq!(
        verify(&mut d, &old).verdict,
        Verdict::Valid,
        "signed with the retired key"
    );
    let new = export(&mut d, &lena, BadgeFormat::Jwt);
    assert_eq!(verify(&mut d, &new).verdict, Verdict::Valid);

    // Another computer, without the private key: exporting says what to do; nothing breaks.
    std::fs::remove_dir_all(d.keys.dir()).unwrap();
    let err =
        d.ws.export_award(&d.keys, &lena, BadgeFormat::Png)
            .unwrap_err();
    assert!(err.to_string().contains("not on this computer"), "{err}");
    assert_eq!(
        verify(&mut d, &old).verdict,
        Verdict::Valid,
        "public keys are in the workspace"
    );
}

#[test]
fn a_badge_from_another_workspace_is_intact_but_not_trusted() {
    let mut ours = demo();
    let mut theirs = demo();
    let award = award_of(&theirs.ws, "Lena Novak", "Product designer");
    let path = export(&mut theirs, &award, BadgeFormat::Json);
    let report = verify(&mut ours, &path);
    assert!(
        !report.key_trusted,
        "another issuer's key: {:?}",
        report.checks
    );
    assert_ne!(report.verdict, Verdict::Invalid, "{:?}", failed(&report));
}
