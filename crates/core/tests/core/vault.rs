//! The evidence vault: hashing, dedup, streaming, limits, odd names, integrity checks, revisions.

use std::fs;
use std::io::Write;

use guildbook_core::evidence::{EvidenceInput, Impact};
use guildbook_core::ladder::EvidenceKind;
use guildbook_core::roster::ContractorInput;
use guildbook_core::vault::{display_name, VaultProblemKind};
use guildbook_core::{ErrorCode, Workspace};
use sha2::{Digest, Sha256};

fn person(ws: &mut Workspace) -> String {
    ws.add_contractor(&ContractorInput {
        name: "Lena Novak".into(),
        ..Default::default()
    })
    .unwrap()
    .id
}

fn sha_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

fn vault_files(ws: &Workspace) -> usize {
    fn count(dir: &std::path::Path) -> usize {
        fs::read_dir(dir).map_or(0, |rd| {
            rd.map(|e| e.unwrap().path())
                .map(|p| if p.is_dir() { count(&p) } else { 1 })
                .sum()
        })
    }
    count(&ws.root().join("vault"))
}

#[test]
fn a_file_is_stored_once_under_its_hash() {
    let (dir, mut ws) = crate::common::workspace();
    let who = person(&mut ws);
    let a = dir.path().join("poster.png");
    fs::write(&a, PNG).unwrap();
    let b = dir.path().join("poster copy.png");
    fs::write(&b, PNG).unwrap();
    let first = ws.add_evidence_file(&who, &a, None).unwrap();
    let second = ws.add_evidence_file(&who, &b, None).unwrap();
    let file = first.file.as_ref().unwrap();
    assert_eq!(file.sha256, sha_hex(PNG));
    assert_eq!(file.media_type, "image/png");
    assert_eq!(
        first.kind,
        EvidenceKind::DesignFile,
        "images default to design files"
    );
    assert_eq!(first.title, "poster.png");
    assert_eq!(second.file.as_ref().unwrap().name, "poster copy.png");
    assert_eq!(vault_files(&ws), 1, "the same content is stored once");
    assert_eq!(fs::read(ws.vault_path(&file.sha256).unwrap()).unwrap(), PNG);
    assert_eq!(ws.evidence_for(&who).unwrap().len(), 2);
}

#[test]
fn a_large_file_streams_through_with_the_right_hash() {
    let (dir, mut ws) = crate::common::workspace();
    let who = person(&mut ws);
    let path = dir.path().join("recording.bin");
    let mut f = fs::File::create(&path).unwrap();
    let chunk: Vec<u8> = (0..1_048_576u32).map(|i| (i % 251) as u8).collect();
    let mut hasher = Sha256::new();
    for _ in 0..40 {
        f.write_all(&chunk).unwrap();
        hasher.update(&chunk);
    }
    drop(f);
    let expected: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let e = ws.add_evidence_file(&who, &path, None).unwrap();
    assert_eq!(e.file.as_ref().unwrap().sha256, expected);
    assert_eq!(e.file.as_ref().unwrap().size, 40 * 1_048_576);
}

#[test]
fn empty_and_oversized_files_are_refused_and_leave_nothing_behind() {
    let (dir, mut ws) = crate::common::workspace();
    let who = person(&mut ws);
    let empty = dir.path().join("empty.pdf");
    fs::write(&empty, b"").unwrap();
    let err = ws.add_evidence_file(&who, &empty, None).unwrap_err();
    assert!(
        err.to_string().contains("empty.pdf is empty (0 bytes)"),
        "{err}"
    );

    ws.set_vault_limit(1000).unwrap();
    let big = dir.path().join("big.pdf");
    fs::write(&big, vec![b'x'; 2000]).unwrap();
    let err = ws.add_evidence_file(&who, &big, None).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert!(
        err.to_string()
            .contains("the vault takes files up to 0.0 MB"),
        "{err}"
    );
    assert_eq!(vault_files(&ws), 0, "no partial file is left in the vault");
    assert!(ws.evidence_for(&who).unwrap().is_empty());
    let err = ws.add_evidence_file(&who, dir.path(), None).unwrap_err();
    assert!(err.to_string().contains("is not a regular file"), "{err}");
}

#[test]
fn odd_file_names_are_shown_safely_and_never_become_vault_paths() {
    assert_eq!(
        display_name(std::path::Path::new("../../etc/passwd")),
        "passwd"
    );
    assert_eq!(
        display_name(std::path::Path::new("photo\u{202E}gnp.exe")),
        "photognp.exe"
    );
    assert_eq!(display_name(std::path::Path::new("..")), "file");
    assert_eq!(
        display_name(std::path::Path::new("résumé 履歴書.pdf")),
        "résumé 履歴書.pdf"
    );
    let (dir, mut ws) = crate::common::workspace();
    let who = person(&mut ws);
    let odd = dir.path().join("tab\there\u{200F}.png");
    fs::write(&odd, PNG).unwrap();
    let e = ws.add_evidence_file(&who, &odd, None).unwrap();
    assert_eq!(e.file.as_ref().unwrap().name, "tabhere.png");
    let stored = ws.vault_path(&e.file.as_ref().unwrap().sha256).unwrap();
    assert!(stored.starts_with(ws.root().join("vault")));
    assert!(stored
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .chars()
        .all(|c| c.is_ascii_hexdigit()));
}

#[test]
fn verify_names_missing_and_altered_files() {
    let (dir, mut ws) = crate::common::workspace();
    let who = person(&mut ws);
    let a = dir.path().join("brief.pdf");
    fs::write(&a, b"%PDF-1.4 brief").unwrap();
    let b = dir.path().join("logo.png");
    fs::write(&b, PNG).unwrap();
    let brief = ws.add_evidence_file(&who, &a, None).unwrap();
    let logo = ws.add_evidence_file(&who, &b, None).unwrap();
    assert!(ws.verify_vault().unwrap().problems.is_empty());

    fs::remove_file(ws.vault_path(&brief.file.as_ref().unwrap().sha256).unwrap()).unwrap();
    fs::write(
        ws.vault_path(&logo.file.as_ref().unwrap().sha256).unwrap(),
        b"tampered",
    )
    .unwrap();
    let report = ws.verify_vault().unwrap();
    assert_eq!(report.checked, 2);
    let missing = report
        .problems
        .iter()
        .find(|p| p.kind == VaultProblemKind::Missing)
        .unwrap();
    assert_eq!(missing.used_by, ["brief.pdf (brief.pdf, Lena Novak)"]);
    let corrupt = report
        .problems
        .iter()
        .find(|p| p.kind == VaultProblemKind::Corrupt)
        .unwrap();
    assert_eq!(corrupt.used_by, ["logo.png (logo.png, Lena Novak)"]);
}

#[test]
fn revisions_count_up_with_what_changed() {
    let (dir, mut ws) = crate::common::workspace();
    let who = person(&mut ws);
    let paths: Vec<_> = (1..=3)
        .map(|v| {
            let p = dir.path().join(format!("landing-v{v}.png"));
            fs::write(&p, [PNG, &[v as u8]].concat()).unwrap();
            p
        })
        .collect();
    let v1 = ws.add_evidence_file(&who, &paths[0], None).unwrap();
    let v2 = ws
        .add_revision(
            &v1.id,
            &paths[1],
            "Bigger call to action after client feedback",
        )
        .unwrap();
    let v3 = ws
        .add_revision(&v1.id, &paths[2], "Contrast fixed for accessibility")
        .unwrap();
    assert_eq!((v2.revision, v3.revision), (2, 3));
    let all = ws.artifact_revisions(&v1.artifact_id).unwrap();
    assert_eq!(
        all.iter()
            .map(|e| e.change_note.as_str())
            .collect::<Vec<_>>(),
        [
            "",
            "Bigger call to action after client feedback",
            "Contrast fixed for accessibility"
        ]
    );
    assert_eq!(
        all[2].title, "landing-v1.png",
        "versions keep the artifact's title"
    );
}

#[test]
fn links_and_testimonials_need_what_makes_them_evidence() {
    let (_d, mut ws) = crate::common::workspace();
    let who = person(&mut ws);
    let input = |kind, url: Option<&str>, impact| EvidenceInput {
        kind,
        title: "Checkout redesign".into(),
        description: String::new(),
        url: url.map(String::from),
        impact,
    };
    let err = ws
        .add_evidence(&who, &input(EvidenceKind::Link, None, None))
        .unwrap_err();
    assert!(err.to_string().contains("needs its web address"), "{err}");
    let err = ws
        .add_evidence(
            &who,
            &input(EvidenceKind::Link, Some("javascript:alert(1)"), None),
        )
        .unwrap_err();
    assert!(err.to_string().contains("is not a web link"), "{err}");
    let impact = Impact {
        metric: "Conversion rate (%)".into(),
        before: 2.1,
        after: 3.4,
    };
    let t = ws
        .add_evidence(
            &who,
            &input(EvidenceKind::ClientTestimonial, None, Some(impact.clone())),
        )
        .unwrap();
    assert_eq!(t.impact, Some(impact));
    let bad = Impact {
        metric: "Clicks".into(),
        before: f64::NAN,
        after: 1.0,
    };
    assert!(ws
        .add_evidence(
            &who,
            &input(EvidenceKind::ClientTestimonial, None, Some(bad))
        )
        .is_err());
}

#[test]
fn cell_progress_counts_linked_artifacts_by_kind() {
    use guildbook_core::ladder::templates::Template;
    let (dir, mut ws) = crate::common::workspace();
    let who = person(&mut ws);
    let ladder = crate::common::role(&mut ws, "Backend engineer", Some(Template::Technical));
    let ladder = ws.publish_ladder(&ladder.role.id).unwrap();
    let (engineer, core) = (
        ladder.content.levels[1].key.clone(),
        ladder.content.domains[0].key.clone(),
    );
    let cell = |ws: &Workspace, ladder| {
        ws.cell_progress(&who, ladder)
            .unwrap()
            .into_iter()
            .find(|c| c.level_key == engineer && c.domain_key == core)
            .unwrap()
    };
    assert_eq!(
        cell(&ws, &ladder).summary,
        "0 of 3 code samples; signed lead assessment missing"
    );

    let sample = dir.path().join("handler.rs");
    fs::write(&sample, "fn main() {}").unwrap();
    let e = ws.add_evidence_file(&who, &sample, None).unwrap();
    assert_eq!(e.kind, EvidenceKind::CodeSample);
    ws.link_evidence(
        &e.id,
        &ladder.version.id,
        &[(engineer.clone(), core.clone())],
    )
    .unwrap();
    // A second version of the same artifact does not count twice.
    fs::write(&sample, "fn main() { println!(); }").unwrap();
    let v2 = ws.add_revision(&e.id, &sample, "Review comments").unwrap();
    ws.link_evidence(
        &v2.id,
        &ladder.version.id,
        &[(engineer.clone(), core.clone())],
    )
    .unwrap();
    let progress = cell(&ws, &ladder);
    assert_eq!(
        progress.summary,
        "1 of 3 code samples; signed lead assessment missing"
    );
    assert!(!progress.met);

    // Links follow the keys into the next version.
    let next = ws
        .edit_ladder(
            &ladder.role.id,
            guildbook_core::ladder::LadderEdit::RenameLevel {
                key: engineer.clone(),
                name: "Mid".into(),
            },
        )
        .unwrap();
    assert_eq!(cell(&ws, &next).requirements[0].have, 1);
    let err = ws
        .link_evidence(&e.id, &ladder.version.id, &[("nope".into(), core.clone())])
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn thumbnails_are_made_once_small_and_refuse_what_is_not_an_image() {
    let (dir, mut ws) = crate::common::workspace();
    let who = person(&mut ws);
    let photo = dir.path().join("photo.png");
    image::RgbImage::from_fn(1200, 800, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    })
    .save(&photo)
    .unwrap();
    let e = ws.add_evidence_file(&who, &photo, None).unwrap();
    let job = ws.thumbnail_job(&e.file.as_ref().unwrap().sha256).unwrap();
    let thumb = job.dest.clone();
    guildbook_core::thumbnail::make(&job, &images_only()).unwrap();
    let t = image::open(&thumb).unwrap();
    assert_eq!((t.width(), t.height()), (320, 213));
    let made = fs::metadata(&thumb).unwrap().modified().unwrap();
    guildbook_core::thumbnail::make(&job, &images_only()).unwrap();
    assert_eq!(
        fs::metadata(&thumb).unwrap().modified().unwrap(),
        made,
        "cached, not made again"
    );

    // A file that says PNG but is not one gets a clear error and no thumbnail.
    let fake = dir.path().join("fake.png");
    fs::write(&fake, [PNG, &[0u8; 64]].concat()).unwrap();
    let e = ws.add_evidence_file(&who, &fake, None).unwrap();
    let job = ws.thumbnail_job(&e.file.as_ref().unwrap().sha256).unwrap();
    let err = guildbook_core::thumbnail::make(&job, &images_only()).unwrap_err();
    assert!(
        err.to_string().contains("can't be read as an image"),
        "{err}"
    );
    assert!(!job.dest.exists());

    let notes = dir.path().join("notes.txt");
    fs::write(&notes, "plain words").unwrap();
    let e = ws.add_evidence_file(&who, &notes, None).unwrap();
    let err = ws
        .thumbnail_job(&e.file.as_ref().unwrap().sha256)
        .unwrap_err();
    assert!(err.to_string().contains("No thumbnail"), "{err}");
}

/// PDFs render in a child process (tested with the command line as that process, in the cli
/// crate); images decode here, so no worker program is needed.
fn images_only() -> guildbook_core::thumbnail::Worker {
    guildbook_core::thumbnail::Worker::program("no-pdf-worker-in-core-tests")
}
