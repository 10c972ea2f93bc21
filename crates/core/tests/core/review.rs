//! Visual portfolio review: the gallery's items, annotations tied to rubric cells, decisions,
//! and files dropped on a ladder cell — including every bad input.

use crate::common::{file, person};

use guildbook_core::demo;
use guildbook_core::evidence::EvidenceInput;
use guildbook_core::ladder::templates::Template;
use guildbook_core::ladder::{EvidenceKind, Ladder};
use guildbook_core::portfolio::review::{
    AnnotationInput, CellRef, Decision, DecisionInput, Region, Shape,
};
use guildbook_core::{ErrorCode, Workspace};

fn cell(ladder: &Ladder, level: usize, domain: usize) -> CellRef {
    CellRef {
        version_id: ladder.version.id.clone(),
        level_key: ladder.content.levels[level].key.clone(),
        domain_key: ladder.content.domains[domain].key.clone(),
    }
}

fn rect(x: f64, y: f64, w: f64, h: f64) -> Region {
    Region {
        page: 1,
        shape: Shape::Rect,
        x,
        y,
        w,
        h,
    }
}

fn note(region: Region, cell: Option<CellRef>) -> AnnotationInput {
    AnnotationInput {
        region,
        comment: "The date gets lost".into(),
        cell,
        author: "Ines Carvalho".into(),
    }
}

#[test]
fn the_gallery_shows_each_artifact_once_at_its_newest_version() {
    let (dir, mut ws) = crate::common::workspace();
    let who = person(&mut ws, "Lena Novak");
    let other = person(&mut ws, "Sven Lindqvist");
    let poster = ws
        .add_evidence_file(&who, &file(dir.path(), "poster.png", b"v1 pixels"), None)
        .unwrap();
    let v2 = ws
        .add_revision(
            &poster.id,
            &file(dir.path(), "poster2.png", b"v2 pixels"),
            "Bigger date",
        )
        .unwrap();
    ws.add_evidence_file(
        &who,
        &file(dir.path(), "brief.pdf", b"%PDF-1.4 brief"),
        None,
    )
    .unwrap();
    ws.add_evidence_file(
        &other,
        &file(dir.path(), "other.png", b"someone else"),
        None,
    )
    .unwrap();
    // Evidence without a file is not artwork: it stays on the Evidence tab.
    ws.add_evidence(
        &who,
        &EvidenceInput {
            kind: EvidenceKind::Note,
            title: "Kick-off notes".into(),
            description: String::new(),
            url: None,
            impact: None,
        },
    )
    .unwrap();
    ws.add_annotation(&v2.id, &note(rect(0.1, 0.1, 0.2, 0.2), None))
        .unwrap();
    ws.decide(
        &v2.id,
        &DecisionInput {
            decision: Decision::Approved,
            reason: String::new(),
            reviewer: "Ines Carvalho".into(),
        },
    )
    .unwrap();

    let items = ws.portfolio(&who).unwrap();
    assert_eq!(items.len(), 2, "{items:#?}");
    let p = items
        .iter()
        .find(|i| i.evidence.artifact_id == poster.artifact_id)
        .unwrap();
    assert_eq!(
        (p.evidence.id.as_str(), p.versions, p.annotations),
        (v2.id.as_str(), 2, 1)
    );
    assert_eq!(p.decision.as_ref().unwrap().decision, Decision::Approved);
    let b = items
        .iter()
        .find(|i| i.evidence.title == "brief.pdf")
        .unwrap();
    assert_eq!(
        (b.versions, b.annotations, b.decision.is_none()),
        (1, 0, true)
    );
    assert_eq!(
        ws.portfolio("nobody").unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn annotations_are_tied_to_cells_and_bad_regions_are_refused() {
    let (dir, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Product designer", Some(Template::Creative));
    let who = person(&mut ws, "Lena Novak");
    let e = ws
        .add_evidence_file(&who, &file(dir.path(), "poster.png", b"pixels"), None)
        .unwrap();

    let a = ws
        .add_annotation(
            &e.id,
            &note(rect(0.5, 0.5, 0.8, 0.9), Some(cell(&ladder, 1, 0))),
        )
        .unwrap();
    assert_eq!(
        (a.region.w, a.region.h),
        (0.5, 0.5),
        "a rectangle dragged past the edge is clipped"
    );
    let c = a.cell.as_ref().unwrap();
    assert_eq!(
        (
            c.role_name.as_str(),
            c.level_name.as_str(),
            c.domain_name.as_str()
        ),
        ("Product designer", "Designer", "Craft")
    );
    assert!(!c.outcomes.is_empty(), "the rubric's outcomes come along");
    let pin = ws
        .add_annotation(
            &e.id,
            &note(
                Region {
                    page: 1,
                    shape: Shape::Pin,
                    x: 0.3,
                    y: 0.4,
                    w: 0.5,
                    h: 0.5,
                },
                None,
            ),
        )
        .unwrap();
    assert_eq!(
        (pin.region.w, pin.region.h, pin.cell.is_none()),
        (0.0, 0.0, true),
        "a pin is a point"
    );

    let before = ws.annotations(&e.id).unwrap();
    let bad = [
        (note(rect(-0.1, 0.2, 0.1, 0.1), None), "on the page"),
        (note(rect(0.2, f64::NAN, 0.1, 0.1), None), "on the page"),
        (
            note(rect(0.2, 0.2, 0.0, 0.1), None),
            "some width and height",
        ),
        (
            note(
                Region {
                    page: 0,
                    ..rect(0.1, 0.1, 0.1, 0.1)
                },
                None,
            ),
            "numbered from 1",
        ),
        (
            AnnotationInput {
                comment: "  ".into(),
                ..note(rect(0.1, 0.1, 0.1, 0.1), None)
            },
            "Write a comment",
        ),
        (
            AnnotationInput {
                comment: "x".repeat(2_001),
                ..note(rect(0.1, 0.1, 0.1, 0.1), None)
            },
            "too long",
        ),
        (
            AnnotationInput {
                author: String::new(),
                ..note(rect(0.1, 0.1, 0.1, 0.1), None)
            },
            "reviewer's name",
        ),
        (
            note(
                rect(0.1, 0.1, 0.1, 0.1),
                Some(CellRef {
                    level_key: "no-such-level".into(),
                    ..cell(&ladder, 0, 0)
                }),
            ),
            "not in this ladder version",
        ),
    ];
    for (input, says) in bad {
        let err = ws.add_annotation(&e.id, &input).unwrap_err();
        assert!(err.to_string().contains(says), "{says}: {err}");
    }
    assert_eq!(
        ws.annotations(&e.id).unwrap(),
        before,
        "a refused annotation changes nothing"
    );

    // Markup in a comment is kept as typed; the UI renders it as text.
    let hostile = AnnotationInput {
        comment: "<img src=x onerror=alert(1)> \u{202e}evil".into(),
        ..note(rect(0.1, 0.1, 0.1, 0.1), None)
    };
    let h = ws.add_annotation(&e.id, &hostile).unwrap();
    assert_eq!(h.comment, "<img src=x onerror=alert(1)> \u{202e}evil");

    let link = ws
        .add_evidence(
            &who,
            &EvidenceInput {
                kind: EvidenceKind::Link,
                title: "Case study".into(),
                description: String::new(),
                url: Some("https://example.org/case".into()),
                impact: None,
            },
        )
        .unwrap();
    let err = ws
        .add_annotation(&link.id, &note(rect(0.1, 0.1, 0.1, 0.1), None))
        .unwrap_err();
    assert!(err.to_string().contains("Only files"), "{err}");

    ws.delete_annotation(&pin.id).unwrap();
    assert_eq!(
        ws.delete_annotation(&pin.id).unwrap_err().code(),
        ErrorCode::NotFound
    );

    // Everything is still there after the workspace is closed and opened again.
    let root = ws.root().to_path_buf();
    drop(ws);
    let ws = Workspace::open(&root).unwrap();
    let kept = ws.annotations(&e.id).unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0].cell.as_ref().unwrap().level_name, "Designer");
}

#[test]
fn decisions_keep_their_history_and_changes_need_a_reason() {
    let (dir, mut ws) = crate::common::workspace();
    let who = person(&mut ws, "Lena Novak");
    let e = ws
        .add_evidence_file(&who, &file(dir.path(), "poster.png", b"pixels"), None)
        .unwrap();
    let decide = |decision, reason: &str, reviewer: &str| DecisionInput {
        decision,
        reason: reason.into(),
        reviewer: reviewer.into(),
    };
    let err = ws
        .decide(
            &e.id,
            &decide(Decision::ChangesRequested, " ", "Ines Carvalho"),
        )
        .unwrap_err();
    assert!(err.to_string().contains("what should change"), "{err}");
    let err = ws
        .decide(&e.id, &decide(Decision::Approved, "", ""))
        .unwrap_err();
    assert!(err.to_string().contains("reviewer's name"), "{err}");
    assert!(
        ws.current_decision(&e.id).unwrap().is_none(),
        "a refused decision records nothing"
    );

    ws.decide(
        &e.id,
        &decide(
            Decision::ChangesRequested,
            "The date must lead",
            "Ines Carvalho",
        ),
    )
    .unwrap();
    let approved = ws
        .decide(
            &e.id,
            &decide(Decision::Approved, "Reads well now", "Ines Carvalho"),
        )
        .unwrap();
    assert_eq!(approved.decision, Decision::Approved);
    assert!(!approved.decided_at.is_empty());
    let history = ws.decisions(&e.id).unwrap();
    assert_eq!(
        history
            .iter()
            .map(|d| d.reason.as_str())
            .collect::<Vec<_>>(),
        ["Reads well now", "The date must lead"],
        "newest first, nothing overwritten"
    );
    assert_eq!(ws.current_decision(&e.id).unwrap().unwrap().id, approved.id);
    assert_eq!(
        ws.decide("nope", &decide(Decision::Approved, "", "X"))
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
}

#[test]
fn files_dropped_on_a_cell_count_toward_it() {
    let (dir, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Product designer", Some(Template::Creative));
    let who = person(&mut ws, "Lena Novak");
    let target = cell(&ladder, 0, 0);
    let before = ws.cell_progress(&who, &ladder).unwrap();
    let summary = |p: &[guildbook_core::completeness::CellProgress]| {
        p.iter()
            .find(|c| c.level_key == target.level_key && c.domain_key == target.domain_key)
            .unwrap()
            .summary
            .clone()
    };
    assert!(
        summary(&before).starts_with("0 of 3"),
        "{}",
        summary(&before)
    );
    let art = |seed| {
        demo::artwork::png(&demo::artwork::poster(
            seed,
            0,
            40,
            30,
            &demo::artwork::PALETTES[0],
        ))
    };
    let paths = [
        file(dir.path(), "a.png", &art(1)),
        file(dir.path(), "b.png", &art(2)),
    ];
    let added = ws.add_evidence_files(&who, &paths, Some(&target)).unwrap();
    assert_eq!(added.len(), 2);
    let after = ws.cell_progress(&who, &ladder).unwrap();
    assert!(summary(&after).starts_with("2 of 3"), "{}", summary(&after));
    assert_eq!(
        ws.evidence_rubric(&added[0].id).unwrap()[0].domain_name,
        "Craft"
    );

    // A cell that isn't in the ladder: refused before any file is stored.
    let count = ws.evidence_for(&who).unwrap().len();
    let wrong = CellRef {
        domain_key: "gone".into(),
        ..target
    };
    let err = ws
        .add_evidence_files(&who, &[file(dir.path(), "c.png", b"three")], Some(&wrong))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert_eq!(ws.evidence_for(&who).unwrap().len(), count);
}

#[test]
fn the_demo_has_portfolios_with_versions_reviews_and_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo::create(&dir.path().join("demo")).unwrap();
    let lena: String = ws
        .conn()
        .query_row(
            "SELECT id FROM contractor WHERE name = 'Lena Novak'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let items = ws.portfolio(&lena).unwrap();
    assert_eq!(items.len(), 4);
    let poster = items
        .iter()
        .find(|i| i.evidence.title == "Harbour festival poster")
        .unwrap();
    assert_eq!((poster.versions, poster.evidence.revision), (3, 3));
    assert!(
        poster.decision.is_none(),
        "the newest version waits for review"
    );
    let media: Vec<&str> = items
        .iter()
        .map(|i| i.evidence.file.as_ref().unwrap().media_type.as_str())
        .collect();
    for kind in ["image/jpeg", "image/png", "application/pdf"] {
        assert!(media.contains(&kind), "{kind} in {media:?}");
    }
    let v2 = &ws.artifact_revisions(&poster.evidence.artifact_id).unwrap()[1];
    assert_eq!(ws.annotations(&v2.id).unwrap().len(), 2);
    assert_eq!(
        ws.current_decision(&v2.id).unwrap().unwrap().decision,
        Decision::ChangesRequested
    );
    let sessions = ws.critiques(&lena).unwrap();
    assert_eq!(sessions.len(), 2);
    assert!(
        sessions[0].outcome.is_empty(),
        "the upcoming session comes first, not yet held"
    );
    // Every generated picture is one the thumbnailer can draw (PDFs: the cli crate's tests).
    for item in &items {
        let job = ws
            .thumbnail_job(&item.evidence.file.as_ref().unwrap().sha256)
            .unwrap();
        if !job.pdf {
            let worker = guildbook_core::thumbnail::Worker::program("no-pdf-worker-in-core-tests");
            guildbook_core::thumbnail::make(&job, &worker).unwrap();
        }
    }
    assert!(ws.verify_vault().unwrap().problems.is_empty());
}

#[test]
fn links_and_marks_made_on_a_draft_survive_discarding_it() {
    let (dir, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Product designer", Some(Template::Creative));
    let role = ladder.role.id.clone();
    ws.publish_ladder(&role).unwrap();
    let level = ladder.content.levels[2].key.clone();
    ws.edit_ladder(
        &role,
        guildbook_core::ladder::LadderEdit::DescribeLevel {
            key: level,
            description: "Leads".into(),
        },
    )
    .unwrap();
    let draft = ws.ladder(&role).unwrap();
    assert_ne!(
        draft.version.id, ladder.version.id,
        "editing a published ladder starts a draft"
    );
    let who = person(&mut ws, "Lena Novak");
    let art = demo::artwork::png(&demo::artwork::poster(
        5,
        0,
        40,
        30,
        &demo::artwork::PALETTES[1],
    ));
    let added = ws
        .add_evidence_files(
            &who,
            &[file(dir.path(), "a.png", &art)],
            Some(&cell(&draft, 0, 0)),
        )
        .unwrap();
    ws.add_annotation(
        &added[0].id,
        &note(rect(0.1, 0.1, 0.2, 0.2), Some(cell(&draft, 0, 0))),
    )
    .unwrap();

    ws.discard_draft(&role).unwrap();
    let published = ws.ladder(&role).unwrap();
    let rubric = ws.evidence_rubric(&added[0].id).unwrap();
    assert_eq!(rubric.len(), 1);
    assert_eq!(rubric[0].cell.version_id, published.version.id);
    let marks = ws.annotations(&added[0].id).unwrap();
    assert_eq!(marks[0].cell.as_ref().unwrap().domain_name, "Craft");
}
