//! PDF previews are drawn by a child process (here the `guildbook` program, as the app runs
//! itself): hostile PDFs cost a clear error, never the process asking.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use guildbook_core::roster::ContractorInput;
use guildbook_core::thumbnail::{self, Job, Worker};
use guildbook_core::Workspace;

fn worker() -> Worker {
    Worker::program(env!("CARGO_BIN_EXE_guildbook"))
}

fn workspace() -> (tempfile::TempDir, Workspace, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(&dir.path().join("ws"), None).unwrap();
    let who = ws
        .add_contractor(&ContractorInput {
            name: "Lena Novak".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    (dir, ws, who)
}

fn job_for(ws: &mut Workspace, who: &str, path: &Path) -> Job {
    let e = ws.add_evidence_file(who, path, None).unwrap();
    ws.thumbnail_job(&e.file.as_ref().unwrap().sha256).unwrap()
}

/// A one-page PDF whose page resources hold `resources`, with a correct cross-reference table.
fn pdf_with_resources(resources: &str) -> Vec<u8> {
    let content = "0 0 1 rg 0 0 100 100 re f";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources {resources} /Contents 4 0 R >>"),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn the_first_page_is_drawn_by_the_child_and_damaged_pdfs_get_a_clear_error() {
    let (dir, mut ws, who) = workspace();
    // A US Letter page whose top half is filled with one colour, and a second page.
    let pages = [
        "0.8 0.1 0.1 rg 0 396 612 396 re f".to_string(),
        "0 0 1 rg 0 0 612 792 re f".to_string(),
    ];
    let brief = dir.path().join("brief.pdf");
    fs::write(&brief, guildbook_core::demo::artwork::pdf(&pages)).unwrap();
    let job = job_for(&mut ws, &who, &brief);
    thumbnail::make(&job, &worker()).unwrap();
    let t = image::open(&job.dest).unwrap().to_rgb8();
    assert_eq!(t.height(), 320, "the longer side is 320 px");
    assert!((246..=248).contains(&t.width()), "{}", t.width());
    let top = t.get_pixel(t.width() / 2, 40);
    let bottom = t.get_pixel(t.width() / 2, 280);
    assert!(
        top[0] > 180 && top[1] < 60,
        "the first page's red top half: {top:?}"
    );
    assert!(
        bottom.0.iter().all(|&c| c > 240),
        "white below, not page 2's blue: {bottom:?}"
    );

    let bad: [(&str, Vec<u8>); 3] = [
        ("header-only.pdf", b"%PDF-1.4".to_vec()),
        (
            "truncated.pdf",
            guildbook_core::demo::artwork::pdf(&pages)[..300].to_vec(),
        ),
        (
            "noise.pdf",
            [b"%PDF-1.7\n".as_slice(), &[0xA5u8; 4096]].concat(),
        ),
    ];
    for (name, bytes) in bad {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let job = job_for(&mut ws, &who, &path);
        match thumbnail::make(&job, &worker()) {
            Err(err) => {
                assert!(
                    err.to_string().contains("can't be previewed"),
                    "{name}: {err}"
                );
                assert!(!job.dest.exists(), "{name}");
            }
            // A lenient reader may recover something; then it must be a real picture.
            Ok(()) => assert!(image::open(&job.dest).is_ok(), "{name}"),
        }
    }
}

#[test]
fn a_deeply_nested_pdf_costs_a_placeholder_and_is_not_tried_again() {
    let (dir, mut ws, who) = workspace();
    let depth = 200_000;
    let nested = format!("<< /X {}{} >>", "[".repeat(depth), "]".repeat(depth));
    let path = dir.path().join("nested.pdf");
    fs::write(&path, pdf_with_resources(&nested)).unwrap();
    let job = job_for(&mut ws, &who, &path);
    match thumbnail::make(&job, &worker()) {
        // The renderer may give up on the nesting, or overflow its stack: this process goes on.
        Err(err) => {
            assert!(
                err.to_string().contains("This PDF can't be previewed"),
                "{err}"
            );
            assert!(!job.dest.exists());
            assert!(job.failed.is_file(), "the failure is remembered");
            // Asked again (the next launch), it answers from the note: no renderer is started.
            let again = thumbnail::make(&job, &Worker::program("no-such-renderer")).unwrap_err();
            assert_eq!(again.to_string(), err.to_string());
        }
        Ok(()) => assert!(image::open(&job.dest).is_ok()),
    }
    // The workspace is untouched and still in use.
    assert!(ws.verify_vault().unwrap().problems.is_empty());
}

#[cfg(unix)]
fn script_worker(dir: &Path, body: &str) -> Worker {
    use std::os::unix::fs::PermissionsExt;
    let script = dir.join("renderer.sh");
    fs::write(&script, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    Worker::program(script)
}

#[cfg(unix)]
#[test]
fn a_renderer_that_hangs_is_stopped_at_the_time_limit() {
    let (dir, mut ws, who) = workspace();
    let path = dir.path().join("brief.pdf");
    fs::write(
        &path,
        guildbook_core::demo::artwork::pdf(&["0 0 1 rg".to_string()]),
    )
    .unwrap();
    let job = job_for(&mut ws, &who, &path);
    let hangs = script_worker(dir.path(), "exec sleep 60").with_time_limit(Duration::from_secs(1));
    let started = Instant::now();
    let err = thumbnail::make(&job, &hangs).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(
        err.to_string().contains("took longer than 1 seconds"),
        "{err}"
    );
    assert!(!job.dest.exists());
}

/// The memory limit holds: a renderer that needs 1.5 GB to answer never answers.
#[cfg(target_os = "linux")]
#[test]
fn a_renderer_that_takes_too_much_memory_is_refused_it() {
    let (dir, mut ws, who) = workspace();
    let path = dir.path().join("brief.pdf");
    fs::write(
        &path,
        guildbook_core::demo::artwork::pdf(&["0 1 0 rg".to_string()]),
    )
    .unwrap();
    let job = job_for(&mut ws, &who, &path);
    let greedy = script_worker(
        dir.path(),
        "big=$(head -c 1500000000 /dev/zero | tr '\\0' a) || exit 1\nprintf '\\211PNG\\r\\n\\032\\n'",
    );
    let err = thumbnail::make(&job, &greedy).unwrap_err();
    assert!(
        err.to_string().contains("the renderer stopped on it"),
        "{err}"
    );
}
