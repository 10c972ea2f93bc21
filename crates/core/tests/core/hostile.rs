//! A workspace folder is hostile input: a database row naming a file outside the vault, another
//! workspace's key, a tampered public key, a planted trigger; readers handed a FIFO, /dev/zero, a
//! billion-pixel PNG or an SVG of exponential `<use>`. Each gets its clear error, nothing is
//! written, and the workspace keeps working.

use std::path::Path;

use guildbook_core::credentials::BadgeFormat;
use guildbook_core::documents::{Fonts, Paper};
use guildbook_core::keystore::KeyStore;
use guildbook_core::{demo, store, Workspace};
use rusqlite::Connection;

struct Demo {
    dir: tempfile::TempDir,
    ws: Workspace,
    keys: KeyStore,
}

fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let keys = KeyStore::new(dir.path().join("keys"));
    let ws = demo::create_with_keys(&dir.path().join("ws"), Some(&keys)).unwrap();
    Demo { dir, ws, keys }
}

fn first_award(ws: &Workspace) -> String {
    ws.all_awards().unwrap()[0].id.clone()
}

/// A second connection to the workspace's database, as another program would have.
fn raw(ws: &Workspace) -> Connection {
    Connection::open(ws.root().join("guildbook.db")).unwrap()
}

fn files_in(dir: &Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

#[test]
fn a_row_naming_a_local_file_as_the_logo_is_refused_not_read() {
    let d = demo();
    let secret = d.dir.path().join("secret.txt");
    std::fs::write(&secret, "private").unwrap();
    let db = raw(&d.ws);
    // The triggers refuse such a row from any program that goes through SQLite…
    let planted = db.execute(
        "UPDATE issuer_profile SET image_sha256 = ?1",
        [secret.display().to_string()],
    );
    assert!(planted
        .unwrap_err()
        .to_string()
        .contains("64 lowercase hex digits"));
    // …and a workspace made without them (an older schema, or a crafted file) is refused where
    // the name would become a path.
    drop(db);
    for bad in ["../../keys/x.key", "/etc/passwd", "0123"] {
        let err = d.ws.vault_path(bad).unwrap_err().to_string();
        assert!(err.contains("not a vault name"), "{bad}: {err}");
        let err =
            d.ws.read_vault_file(bad, "the logo")
                .unwrap_err()
                .to_string();
        assert!(err.contains("not a vault name"), "{bad}: {err}");
    }
}

#[test]
fn a_logo_row_from_an_older_schema_pointing_outside_the_vault_stops_documents_and_badges() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("old");
    std::fs::create_dir_all(&root).unwrap();
    // A schema-11 workspace (before vault names were checked), with a planted logo row.
    let mut conn = store::open(&root.join("guildbook.db"), true).unwrap();
    store::migrate(&mut conn, 11, |_, _| Ok(())).unwrap();
    conn.execute_batch(
        "INSERT INTO setting (key, value) VALUES ('name', 'Old');
         INSERT INTO issuer_profile (id, name, image_sha256, updated_at)
           VALUES (1, 'Northwind', '../../../etc/passwd', '2026-01-01T00:00:00Z');",
    )
    .unwrap();
    drop(conn);
    let ws = Workspace::open(&root).unwrap();
    let err = ws.issuer_profile().and_then(|p| {
        ws.read_vault_file(
            p.image_sha256.as_deref().unwrap_or(""),
            "the organisation logo",
        )
    });
    assert!(err.unwrap_err().to_string().contains("not a vault name"));
}

#[test]
fn another_workspaces_key_never_signs_here() {
    let mut a = demo();
    let award = first_award(&a.ws);
    a.ws.export_award(&a.keys, &award, BadgeFormat::Json)
        .unwrap();
    // Workspace B copies A's current key row (id and public halves) and asks this computer,
    // which holds A's private key, to sign with it.
    let (id, ed, p256): (String, String, String) = raw(&a.ws)
        .query_row(
            "SELECT id, ed25519_public, p256_public FROM issuer_key WHERE retired_at IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let mut b = demo::create(&a.dir.path().join("b")).unwrap();
    let b_award = first_award(&b);
    let db = raw(&b);
    db.execute("DELETE FROM issuer_key", []).unwrap();
    db.execute(
        "INSERT INTO issuer_key (id, ed25519_public, p256_public, created_at) VALUES (?1, ?2, ?3, '2026-01-01T00:00:00Z')",
        [&id, &ed, &p256],
    )
    .unwrap();
    let err = b
        .export_award(&a.keys, &b_award, BadgeFormat::Json)
        .unwrap_err()
        .to_string();
    assert!(err.contains("belongs to another workspace"), "{err}");
    let fonts = Fonts::load().unwrap();
    let err = b
        .certificate_pdf(&a.keys, &fonts, &b_award, Paper::A4)
        .unwrap_err()
        .to_string();
    assert!(err.contains("belongs to another workspace"), "{err}");
    // A itself still signs.
    a.ws.export_award(&a.keys, &award, BadgeFormat::Png)
        .unwrap();
}

#[test]
fn a_tampered_public_key_stops_signing_with_a_reason() {
    let mut d = demo();
    let award = first_award(&d.ws);
    d.ws.export_award(&d.keys, &award, BadgeFormat::Json)
        .unwrap();
    let other = guildbook_badges::IssuerKey::generate(String::from("x")).public_entry(false);
    use base64::Engine;
    let forged = base64::engine::general_purpose::STANDARD.encode(other.ed25519);
    raw(&d.ws)
        .execute(
            "UPDATE issuer_key SET ed25519_public = ?1 WHERE retired_at IS NULL",
            [forged],
        )
        .unwrap();
    let err =
        d.ws.export_award(&d.keys, &award, BadgeFormat::Svg)
            .unwrap_err()
            .to_string();
    assert!(err.contains("does not match its signing key"), "{err}");
    // An assessor's key is checked the same way.
    let assessor: String = raw(&d.ws)
        .query_row("SELECT id FROM assessor WHERE external = 0", [], |r| {
            r.get(0)
        })
        .unwrap();
    raw(&d.ws)
        .execute(
            "UPDATE assessor SET public_key = ?1 WHERE id = ?2",
            [
                guildbook_core::signing::public_key_text(
                    &guildbook_core::signing::generate().unwrap().verifying_key(),
                ),
                assessor.clone(),
            ],
        )
        .unwrap();
    let draft: String = raw(&d.ws)
        .query_row(
            "SELECT id FROM assessment WHERE assessor_id = ?1 AND status <> 'signed' LIMIT 1",
            [&assessor],
            |r| r.get(0),
        )
        .unwrap();
    let err =
        d.ws.sign_with_local_key(&d.keys, &draft)
            .unwrap_err()
            .to_string();
    assert!(err.contains("does not match their signing key"), "{err}");
}

#[test]
fn a_key_id_that_is_a_path_is_refused() {
    let mut d = demo();
    let award = first_award(&d.ws);
    // The first export makes the issuer key; then its row is made to name a path.
    d.ws.export_award(&d.keys, &award, BadgeFormat::Json)
        .unwrap();
    raw(&d.ws)
        .execute(
            "UPDATE issuer_key SET id = '../../../home/me/.ssh/id' WHERE retired_at IS NULL",
            [],
        )
        .unwrap();
    let err =
        d.ws.export_award(&d.keys, &award, BadgeFormat::Json)
            .unwrap_err()
            .to_string();
    assert!(err.contains("not a Guildbook key id"), "{err}");
}

#[test]
fn a_planted_trigger_keeps_the_workspace_closed() {
    let d = demo();
    let root = d.ws.root().to_path_buf();
    drop(d.ws);
    raw_at(&root)
        .execute_batch(
            "CREATE TRIGGER wipe AFTER INSERT ON contractor BEGIN DELETE FROM credential; END;",
        )
        .unwrap();
    let err = Workspace::open(&root).err().unwrap().to_string();
    assert!(err.contains("trigger named “wipe”"), "{err}");
    // A trigger of ours removed (a signed record made editable) is refused too.
    raw_at(&root)
        .execute_batch("DROP TRIGGER wipe; DROP TRIGGER award_frozen;")
        .unwrap();
    let err = Workspace::open(&root).err().unwrap().to_string();
    assert!(err.contains("missing its trigger “award_frozen”"), "{err}");
}

fn raw_at(root: &Path) -> Connection {
    Connection::open(root.join("guildbook.db")).unwrap()
}

#[test]
fn a_damaged_database_is_reported_in_words() {
    let d = demo();
    let root = d.ws.root().to_path_buf();
    drop(d.ws);
    let db = root.join("guildbook.db");
    // The file alone, as it would arrive from someone else: no write-ahead log beside it, whose
    // newer copies of pages would hide the damage.
    for log in ["guildbook.db-wal", "guildbook.db-shm"] {
        let _ = std::fs::remove_file(root.join(log));
    }
    let mut bytes = std::fs::read(&db).unwrap();
    // Scribble over pages spread through the file (never the header): one page alone may be a
    // free one, which no check reads, as the schema grows.
    let pages = bytes.len() / 4096;
    for k in 1..=8 {
        let page = pages * k / 10 * 4096;
        for b in &mut bytes[page..page + 4096] {
            *b = 0xA5;
        }
    }
    std::fs::write(&db, bytes).unwrap();
    let err = Workspace::open(&root).err().unwrap().to_string();
    assert!(
        err.contains("is damaged") || err.contains("not a Guildbook database"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn every_reader_refuses_a_fifo_and_dev_zero_at_once() {
    let mut d = demo();
    let fifo = d.dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let contractor = d.ws.roster(&Default::default()).unwrap().rows[0].id.clone();
    let vault = d.ws.root().join("vault");
    let before = files_in(&vault);
    for source in [fifo.as_path(), Path::new("/dev/zero")] {
        let errors = [
            d.ws.import_ladder(source, None)
                .err()
                .map(|e| e.to_string()),
            d.ws.preview_contractor_csv(source)
                .err()
                .map(|e| e.to_string()),
            guildbook_core::assessment::read_file(source)
                .err()
                .map(|e| e.to_string()),
            d.ws.add_badge_image(source).err().map(|e| e.to_string()),
            d.ws.add_logo_image(source).err().map(|e| e.to_string()),
            d.ws.add_evidence_file(&contractor, source, None)
                .err()
                .map(|e| e.to_string()),
        ];
        for (i, err) in errors.iter().enumerate() {
            let err = err
                .as_deref()
                .unwrap_or_else(|| panic!("reader {i} took {source:?}"));
            assert!(err.contains("not a regular file"), "reader {i}: {err}");
        }
        let report = d.ws.verify_badge(source).unwrap();
        assert_eq!(report.verdict, guildbook_badges::Verdict::Invalid);
        assert!(format!("{:?}", report.checks).contains("not a regular file"));
    }
    assert_eq!(files_in(&vault), before, "nothing was added to the vault");
}

/// A PNG whose header claims `w` × `h` pixels, with almost nothing after it.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    png.extend_from_slice(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]);
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_billion_pixel_png_and_an_exponential_svg_are_refused_quickly() {
    let mut d = demo();
    let huge = crate::common::file(d.dir.path(), "huge.png", &png_claiming(40_000, 25_000));
    for err in [
        d.ws.add_badge_image(&huge).unwrap_err().to_string(),
        d.ws.add_logo_image(&huge).unwrap_err().to_string(),
    ] {
        assert!(err.contains("huge.png"), "{err}");
    }
    // Ten levels of ten <use> each stand for 10^10 shapes.
    let mut svg = String::from(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><rect id="l0" width="1" height="1"/>"#,
    );
    for level in 1..=10 {
        svg.push_str(&format!(r#"<g id="l{level}">"#));
        for _ in 0..10 {
            svg.push_str(&format!(r##"<use href="#l{}"/>"##, level - 1));
        }
        svg.push_str("</g>");
    }
    svg.push_str(r##"</defs><use href="#l10"/></svg>"##);
    let bomb = crate::common::file(d.dir.path(), "bomb.svg", svg.as_bytes());
    for err in [
        d.ws.add_badge_image(&bomb).unwrap_err().to_string(),
        d.ws.add_logo_image(&bomb).unwrap_err().to_string(),
    ] {
        assert!(err.contains("<use>"), "{err}");
    }
    // A loop of references is refused the same way.
    let looped = crate::common::file(
        d.dir.path(),
        "loop.svg",
        br##"<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><use href="#a"/></g></svg>"##,
    );
    assert!(d
        .ws
        .add_badge_image(&looped)
        .unwrap_err()
        .to_string()
        .contains("loop"));
    // The workspace keeps working.
    let award = first_award(&d.ws);
    d.ws.export_award(&d.keys, &award, BadgeFormat::Png)
        .unwrap();
}

#[test]
fn a_badge_image_type_that_carries_markup_is_refused() {
    let d = demo();
    let credential: String = raw(&d.ws)
        .query_row("SELECT id FROM credential LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let sha = "a".repeat(64);
    let db = raw(&d.ws);
    // A crafted file need not hold to the table's own CHECKs: have this connection ignore them.
    db.execute_batch("PRAGMA ignore_check_constraints = ON")
        .unwrap();
    db.execute(
        "INSERT INTO vault_file (sha256, size, media_type, added_at) VALUES (?1, 1, 'image/png', '2026-01-01T00:00:00Z')",
        [&sha],
    )
    .unwrap();
    db.execute(
        r#"UPDATE credential SET design = NULL, image_sha256 = ?1, image_type = 'image/png"/><script>alert(1)</script>' WHERE id = ?2"#,
        [&sha, &credential],
    )
    .unwrap();
    let err = d.ws.credential(&credential).unwrap_err().to_string();
    assert!(err.contains("is not a PNG or an SVG"), "{err}");
    // The vault's own record of a type is held to the same list.
    db.execute(
        "UPDATE vault_file SET media_type = 'text/html' WHERE sha256 = ?1",
        [&sha],
    )
    .unwrap();
    let err = d.ws.vault_file_info(&sha).unwrap_err().to_string();
    assert!(err.contains("never records"), "{err}");
}

#[test]
fn leftovers_of_a_killed_process_are_swept_on_open() {
    let d = demo();
    let root = d.ws.root().to_path_buf();
    drop(d.ws);
    let incoming = root.join("vault/.incoming");
    std::fs::create_dir_all(&incoming).unwrap();
    // A pid that is not running (pids stop far below this), and one that is: ours.
    let dead = incoming.join("4000000000-0192f3a4-0000-7000-8000-000000000000");
    let alive = incoming.join(format!(
        "{}-0192f3a4-0000-7000-8000-000000000001",
        std::process::id()
    ));
    std::fs::write(&dead, "half a file").unwrap();
    std::fs::write(&alive, "being written").unwrap();
    let thumbs = root.join("vault/.thumbs");
    std::fs::create_dir_all(&thumbs).unwrap();
    let partial_thumb = thumbs.join(".4000000000-x.partial");
    std::fs::write(&partial_thumb, "half a png").unwrap();
    let _ws = Workspace::open(&root).unwrap();
    assert!(!dead.exists() && !partial_thumb.exists());
    assert!(
        alive.exists(),
        "a file another process is still writing stays"
    );
}

#[test]
fn a_batch_a_killed_export_left_half_written_is_swept_by_the_next_export_there() {
    use guildbook_core::documents::BatchTarget;
    use std::sync::atomic::AtomicBool;
    let mut d = demo();
    let out = d.dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let dead =
        out.join(".certificates.zip.partial-4000000000-0192f3a4-0000-7000-8000-000000000000");
    let dead_folder =
        out.join(".certificates.partial-4000000001-0192f3a4-0000-7000-8000-000000000000");
    let alive = out.join(format!(
        ".other.zip.partial-{}-0192f3a4-0000-7000-8000-000000000001",
        std::process::id()
    ));
    std::fs::write(&dead, "half a zip").unwrap();
    std::fs::create_dir_all(&dead_folder).unwrap();
    std::fs::write(dead_folder.join("one.pdf"), "%PDF half").unwrap();
    std::fs::write(&alive, "being written").unwrap();
    std::fs::write(out.join("report.pdf"), "the user's own file").unwrap();
    let award = first_award(&d.ws);
    d.ws.export_certificates(
        &d.keys,
        &[award],
        Paper::A4,
        &BatchTarget::Zip(out.join("certificates.zip")),
        &mut |_, _| {},
        &AtomicBool::new(false),
    )
    .unwrap()
    .unwrap();
    assert!(
        !dead.exists() && !dead_folder.exists(),
        "what a dead export left is gone"
    );
    assert!(alive.exists(), "an export still running keeps its file");
    assert!(out.join("report.pdf").exists() && out.join("certificates.zip").exists());
}

#[test]
fn a_compromised_key_stops_verifying_what_it_signed_from_that_day_on() {
    let mut d = demo();
    let award = first_award(&d.ws);
    let today = guildbook_core::dates::format(guildbook_core::dates::today_here());
    let signed_now = d.dir.path().join("badge.json");
    for (format, path) in [
        (BadgeFormat::Json, signed_now.clone()),
        (BadgeFormat::Jwt, d.dir.path().join("badge.jwt")),
    ] {
        let bytes = d.ws.export_award(&d.keys, &award, format).unwrap();
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(
            d.ws.verify_badge(&path).unwrap().verdict,
            guildbook_badges::Verdict::Valid
        );
    }
    let old = d.ws.issuer_keys(&d.keys).unwrap()[0].clone();
    assert!(old.retired_at.is_none() && old.compromised_on.is_none());

    let tomorrow =
        guildbook_core::dates::format(guildbook_core::dates::today_here().next_day().unwrap());
    let err =
        d.ws.report_issuer_key_compromised(&d.keys, &old.id, &tomorrow)
            .unwrap_err();
    assert!(err.to_string().contains("is in the future"), "{err}");

    let keys =
        d.ws.report_issuer_key_compromised(&d.keys, &old.id, &today)
            .unwrap();
    let reported = keys.iter().find(|k| k.id == old.id).unwrap();
    assert_eq!(reported.compromised_on.as_deref(), Some(today.as_str()));
    assert!(reported.retired_at.is_some(), "the current key was retired");
    let current = keys.iter().find(|k| k.retired_at.is_none()).unwrap();
    assert_ne!(current.id, old.id, "a new key took over");
    let jwks = d.ws.issuer_jwks().unwrap().to_string();
    assert!(
        jwks.contains(&format!("\"compromisedOn\":\"{today}\"")),
        "{jwks}"
    );

    // Both badges were signed today, with the key now compromised since today.
    for path in [signed_now, d.dir.path().join("badge.jwt")] {
        let report = d.ws.verify_badge(&path).unwrap();
        assert_eq!(
            report.verdict,
            guildbook_badges::Verdict::Invalid,
            "{path:?}"
        );
        let checks = format!("{:?}", report.checks);
        assert!(checks.contains("reported compromised"), "{checks}");
    }
    // The same award exported again is signed with the new key, and verifies.
    let again = d.dir.path().join("again.json");
    std::fs::write(
        &again,
        d.ws.export_award(&d.keys, &award, BadgeFormat::Json)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        d.ws.verify_badge(&again).unwrap().verdict,
        guildbook_badges::Verdict::Valid
    );

    let err =
        d.ws.report_issuer_key_compromised(&d.keys, &old.id, &today)
            .unwrap_err();
    assert!(
        err.to_string().contains("already reported compromised"),
        "{err}"
    );
    let err =
        d.ws.report_issuer_key_compromised(&d.keys, "../../etc/passwd", &today)
            .unwrap_err();
    assert_eq!(err.code(), guildbook_core::ErrorCode::NotFound);
}
