//! Live critique sessions: scheduled, filled in after, and checked (dates, attendees, artifacts of
//! the person only).

use crate::common::{file, person};
use guildbook_core::portfolio::critique::CritiqueInput;
use guildbook_core::ErrorCode;

#[test]
fn critique_sessions_are_scheduled_filled_in_and_checked() {
    let (dir, mut ws) = crate::common::workspace();
    let who = person(&mut ws, "Lena Novak");
    let other = person(&mut ws, "Sven Lindqvist");
    let e = ws
        .add_evidence_file(&who, &file(dir.path(), "poster.png", b"pixels"), None)
        .unwrap();
    let theirs = ws
        .add_evidence_file(&other, &file(dir.path(), "x.png", b"other"), None)
        .unwrap();
    let input = CritiqueInput {
        held_on: "2026-12-03".into(),
        attendees: vec![
            "Ines Carvalho".into(),
            " Lena Novak ".into(),
            "lena novak".into(),
            "".into(),
        ],
        notes: String::new(),
        outcome: String::new(),
        artifact_ids: vec![e.artifact_id.clone(), e.artifact_id.clone()],
    };
    let s = ws.save_critique(&who, None, &input).unwrap();
    assert_eq!(
        s.attendees,
        ["Ines Carvalho", "Lena Novak"],
        "trimmed, blanks and repeats dropped"
    );
    assert_eq!(s.artifacts.len(), 1);
    assert_eq!(s.artifacts[0].title, "poster.png");

    let filled = CritiqueInput {
        notes: "Walked through v1".into(),
        outcome: "One more round on hierarchy".into(),
        artifact_ids: vec![],
        ..input.clone()
    };
    let s2 = ws.save_critique(&who, Some(&s.id), &filled).unwrap();
    assert_eq!(
        (s2.id.as_str(), s2.outcome.as_str(), s2.artifacts.len()),
        (s.id.as_str(), "One more round on hierarchy", 0)
    );

    let bad = [
        (
            CritiqueInput {
                attendees: vec![" ".into()],
                ..input.clone()
            },
            "at least one attendee",
        ),
        (
            CritiqueInput {
                held_on: "3/12/2026".into(),
                ..input.clone()
            },
            "date like",
        ),
        (
            CritiqueInput {
                held_on: "2026-02-30".into(),
                ..input.clone()
            },
            "date like",
        ),
        (
            CritiqueInput {
                artifact_ids: vec![theirs.artifact_id.clone()],
                ..input.clone()
            },
            "not this contractor's",
        ),
        (
            CritiqueInput {
                attendees: vec!["a\nb".into()],
                ..input.clone()
            },
            "single line",
        ),
    ];
    for (bad, says) in bad {
        let err = ws.save_critique(&who, Some(&s.id), &bad).unwrap_err();
        assert!(err.to_string().contains(says), "{says}: {err}");
    }
    assert_eq!(
        ws.critiques(&who).unwrap(),
        vec![s2.clone()],
        "refusals changed nothing"
    );
    assert_eq!(
        ws.save_critique(&who, Some("gone"), &input)
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
    assert_eq!(
        ws.save_critique(
            &other,
            Some(&s.id),
            &CritiqueInput {
                artifact_ids: vec![],
                ..input
            }
        )
        .unwrap_err()
        .code(),
        ErrorCode::NotFound,
        "another person's session"
    );
}
