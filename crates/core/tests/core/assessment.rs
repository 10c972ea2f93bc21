//! Assessments: creation checks, ratings on the scale, sign-off with Ed25519, immutability,
//! tamper detection, and the export → external signature → import round trip.

use guildbook_core::assessment::{self, AssessmentStatus, Integrity, NewAssessment, Pay};
use guildbook_core::ladder::templates::Template;
use guildbook_core::roster::Money;
use guildbook_core::signing;
use guildbook_core::{ErrorCode, Workspace};

use crate::common::assessing::{new, rate_all, setup};

#[test]
fn an_assessment_takes_its_rubric_from_the_target_level() {
    let mut s = setup();
    let a = s.ws.create_assessment(&new(&s)).unwrap();
    assert_eq!(
        (a.status, a.level_name.as_str(), a.version_number),
        (AssessmentStatus::Planned, "Designer", 1)
    );
    assert_eq!(
        a.rubric
            .iter()
            .map(|r| r.domain_name.as_str())
            .collect::<Vec<_>>(),
        ["Craft", "Client interaction", "Impact"]
    );
    assert!(!a.rubric[0].outcomes.is_empty() && !a.rubric[0].evidence_required.is_empty());
    assert_eq!(
        a.pay,
        Pay::Stipend {
            amount: Money {
                minor: 25_000,
                currency: "EUR".into()
            },
            paid_on: None
        }
    );
    assert_eq!(a.scale.ratings, ["not yet", "meets", "exceeds"]);

    let bad = [
        (
            NewAssessment {
                due_on: "2026-10-01".into(),
                ..new(&s)
            },
            "before it starts",
        ),
        (
            NewAssessment {
                starts_on: "2026-02-30".into(),
                ..new(&s)
            },
            "date like",
        ),
        (
            NewAssessment {
                level_key: "nope".into(),
                ..new(&s)
            },
            "not in the role's published ladder",
        ),
        (
            NewAssessment {
                assessor_id: "nobody".into(),
                ..new(&s)
            },
            "not known",
        ),
        (
            NewAssessment {
                pay: Pay::Stipend {
                    amount: Money {
                        minor: -1,
                        currency: "EUR".into(),
                    },
                    paid_on: None,
                },
                ..new(&s)
            },
            "negative",
        ),
        (
            NewAssessment {
                pay: Pay::Stipend {
                    amount: Money {
                        minor: 1,
                        currency: "euro".into(),
                    },
                    paid_on: None,
                },
                ..new(&s)
            },
            "currency code",
        ),
        (
            NewAssessment {
                pay: Pay::Billable {
                    engagement_id: "none".into(),
                },
                ..new(&s)
            },
            "",
        ),
    ];
    for (input, says) in bad {
        let err = s.ws.create_assessment(&input).unwrap_err();
        assert!(err.to_string().contains(says), "{says}: {err}");
    }
    let draft_only = crate::common::role(&mut s.ws, "Unpublished", Some(Template::Technical));
    let err =
        s.ws.create_assessment(&NewAssessment {
            role_id: draft_only.role.id.clone(),
            level_key: draft_only.content.levels[0].key.clone(),
            ..new(&s)
        })
        .unwrap_err();
    assert!(
        err.to_string().contains("Publish the role's ladder first"),
        "{err}"
    );
}

#[test]
fn ratings_stay_on_the_scale_and_status_moves_in_order() {
    let mut s = setup();
    let a = s.ws.create_assessment(&new(&s)).unwrap();
    let craft = a.rubric[0].domain_key.clone();
    let err =
        s.ws.rate_cell(&a.id, &craft, None, Some("brilliant"), "")
            .unwrap_err();
    assert!(
        err.to_string()
            .contains("not on the rating scale (not yet, meets, exceeds)"),
        "{err}"
    );
    assert_eq!(
        s.ws.assessment(&a.id).unwrap().status,
        AssessmentStatus::Planned,
        "a refusal changes nothing"
    );
    assert_eq!(
        s.ws.rate_cell(&a.id, "nowhere", None, None, "")
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
    let rated =
        s.ws.rate_cell(
            &a.id,
            &craft,
            Some("exceeds"),
            Some("meets"),
            "Clear hierarchy",
        )
        .unwrap();
    assert_eq!(
        rated.status,
        AssessmentStatus::InProgress,
        "the first rating starts it"
    );
    assert_eq!(rated.rubric[0].assessor_rating.as_deref(), Some("meets"));

    let err =
        s.ws.set_assessment_status(&a.id, AssessmentStatus::Signed)
            .unwrap_err();
    assert!(err.to_string().contains("the assessor signs it"), "{err}");
    assert!(s
        .ws
        .set_assessment_status(&a.id, AssessmentStatus::Closed)
        .is_err());
    s.ws.set_assessment_status(&a.id, AssessmentStatus::Submitted)
        .unwrap();
    s.ws.set_assessment_status(&a.id, AssessmentStatus::InProgress)
        .unwrap();
}

#[test]
fn signing_needs_every_rating_and_the_assessors_own_key() {
    let mut s = setup();
    let a = s.ws.create_assessment(&new(&s)).unwrap();
    let craft = a.rubric[0].domain_key.clone();
    s.ws.rate_cell(&a.id, &craft, None, Some("meets"), "")
        .unwrap();
    let err = s.ws.sign_assessment(&a.id, &s.key).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Not ready to sign: Client interaction: no assessor rating; Impact: no assessor rating."
    );
    rate_all(&mut s.ws, &a.id);
    let stranger = signing::generate().unwrap();
    assert!(s
        .ws
        .sign_assessment(&a.id, &stranger)
        .unwrap_err()
        .to_string()
        .contains("only the assessor can sign"));
    assert_eq!(
        s.ws.assessment_integrity(&a.id).unwrap(),
        Integrity::Unsigned
    );

    let signed = s.ws.sign_assessment(&a.id, &s.key).unwrap();
    assert_eq!(signed.status, AssessmentStatus::Signed);
    assert!(signed.signed_at.is_some());
    assert_eq!(
        s.ws.assessment_integrity(&a.id).unwrap(),
        Integrity::Verified
    );

    // Signed means frozen: the core refuses, and so does the database underneath it.
    let err =
        s.ws.rate_cell(&a.id, &craft, None, Some("exceeds"), "")
            .unwrap_err();
    assert!(err.to_string().contains("cannot be changed"), "{err}");
    assert!(s.ws.set_assessment_summary(&a.id, "rewritten").is_err());
    let sql = s.ws.conn().execute(
        "UPDATE assessment_cell SET assessor_rating = 'exceeds' WHERE assessment_id = ?1",
        [&a.id],
    );
    assert!(sql.unwrap_err().to_string().contains("cannot be changed"));
    assert!(s
        .ws
        .conn()
        .execute("DELETE FROM assessment WHERE id = ?1", [&a.id])
        .is_err());
    assert_eq!(
        s.ws.assessment_integrity(&a.id).unwrap(),
        Integrity::Verified
    );
    // Renaming the person or the role later is not tampering.
    s.ws.conn()
        .execute(
            "UPDATE contractor SET name = 'Lena Novak-Berg' WHERE id = ?1",
            [&s.who],
        )
        .unwrap();
    let role = s.ladder.role.id.clone();
    s.ws.update_role(
        &role,
        guildbook_core::ladder::RolePatch {
            name: Some("Visual designer".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        s.ws.assessment_integrity(&a.id).unwrap(),
        Integrity::Verified
    );
    let closed =
        s.ws.set_assessment_status(&a.id, AssessmentStatus::Closed)
            .unwrap();
    assert_eq!(closed.status, AssessmentStatus::Closed);
    assert_eq!(
        s.ws.assessment_integrity(&a.id).unwrap(),
        Integrity::Verified
    );
}

/// What someone with the database file and a SQLite shell could do: drop the guards and edit.
fn tamper(ws: &Workspace, sql: &str, id: &str) {
    for t in [
        "assessment_signed_is_frozen",
        "assessment_cell_frozen_update",
    ] {
        ws.conn()
            .execute(&format!("DROP TRIGGER IF EXISTS {t}"), [])
            .unwrap();
    }
    ws.conn().execute(sql, [id]).unwrap();
}

#[test]
fn tampering_with_stored_rows_is_detected() {
    let cases = [
        ("UPDATE assessment_cell SET assessor_rating = 'exceeds' WHERE assessment_id = ?1", "of Craft, Client interaction, Impact differ"),
        ("UPDATE assessment SET level_key = 'x' WHERE id = ?1", "stored details"),
        ("UPDATE assessment SET summary = 'Promote now' WHERE id = ?1", "summary differs from what was signed"),
        ("UPDATE assessment SET signed_content = replace(signed_content, 'meets', 'exceeds') WHERE id = ?1", "signature does not match"),
        ("UPDATE assessment SET signature = 'AAAA' WHERE id = ?1", "signature does not match"),
    ];
    for (sql, says) in cases {
        let mut s = setup();
        let a = s.ws.create_assessment(&new(&s)).unwrap();
        rate_all(&mut s.ws, &a.id);
        s.ws.sign_assessment(&a.id, &s.key).unwrap();
        tamper(&s.ws, sql, &a.id);
        match s.ws.assessment_integrity(&a.id).unwrap() {
            Integrity::Tampered { reason } => assert!(reason.contains(says), "{sql}: {reason}"),
            other => panic!("{sql}: {other:?}"),
        }
        // Nothing is proposed or applied from an assessment that no longer matches its signature.
        let err = s.ws.propose(&a.id).unwrap_err();
        assert!(
            err.to_string().contains("changed after it was signed"),
            "{err}"
        );
        assert!(s.ws.apply_progression(&a.id, "Ines Carvalho").is_err());
    }
}

#[test]
fn an_external_lead_signs_an_exported_file_and_it_comes_back_verified() {
    let mut s = setup();
    let lead_key = signing::generate().unwrap();
    let lead =
        s.ws.add_assessor(
            "Tomás Ibarra",
            "",
            &signing::public_key_text(&lead_key.verifying_key()),
            true,
        )
        .unwrap();
    let a =
        s.ws.create_assessment(&NewAssessment {
            assessor_id: lead.id.clone(),
            ..new(&s)
        })
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("assessment.json");

    // Exported, rated by the lead in the file, signed with the command line's function.
    let mut file = s.ws.export_assessment(&a.id).unwrap();
    assert!(assessment::sign_file(&mut file, &lead_key)
        .unwrap_err()
        .to_string()
        .contains("Not ready to sign"));
    for cell in &mut file.content.cells {
        cell.assessor_rating = Some("exceeds".into());
        cell.comment = "Leads the client conversation — ‘quietly’ and well".into();
    }
    assert!(assessment::sign_file(&mut file, &s.key)
        .unwrap_err()
        .to_string()
        .contains("only the assessor named"));
    assessment::sign_file(&mut file, &lead_key).unwrap();
    std::fs::write(&path, serde_json::to_string_pretty(&file).unwrap()).unwrap();

    // A file changed after signing is refused, and nothing changes.
    let text = std::fs::read_to_string(&path).unwrap();
    let forged = dir.path().join("forged.json");
    std::fs::write(&forged, text.replacen("\"exceeds\"", "\"meets\"", 1)).unwrap();
    let err =
        s.ws.import_signed_assessment(&assessment::read_file(&forged).unwrap(), None)
            .unwrap_err();
    assert!(err.to_string().contains("changed after signing"), "{err}");
    assert_eq!(
        s.ws.assessment(&a.id).unwrap().status,
        AssessmentStatus::Planned
    );

    let imported =
        s.ws.import_signed_assessment(&assessment::read_file(&path).unwrap(), None)
            .unwrap();
    assert_eq!(imported.status, AssessmentStatus::Signed);
    assert!(imported
        .rubric
        .iter()
        .all(|r| r.assessor_rating.as_deref() == Some("exceeds")));
    assert_eq!(
        s.ws.assessment_integrity(&a.id).unwrap(),
        Integrity::Verified
    );
    let again =
        s.ws.import_signed_assessment(&assessment::read_file(&path).unwrap(), None)
            .unwrap_err();
    assert!(again.to_string().contains("cannot be changed"), "{again}");
}

#[test]
fn imports_from_unknown_keys_other_assessments_and_off_scale_ratings_are_refused() {
    let mut s = setup();
    let a = s.ws.create_assessment(&new(&s)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sign_with = |file: &mut assessment::AssessmentFile, key: &ed25519_dalek::SigningKey| {
        for c in &mut file.content.cells {
            c.assessor_rating.get_or_insert_with(|| "meets".into());
        }
        file.content.assessor.public_key = signing::public_key_text(&key.verifying_key());
        assessment::sign_file(file, key).unwrap();
    };

    let mut unknown = s.ws.export_assessment(&a.id).unwrap();
    sign_with(&mut unknown, &signing::generate().unwrap());
    let err = s.ws.import_signed_assessment(&unknown, None).unwrap_err();
    assert!(
        err.to_string().contains("belongs to no assessor here"),
        "{err}"
    );

    let mut off_scale = s.ws.export_assessment(&a.id).unwrap();
    off_scale.content.cells[0].assessor_rating = Some("stellar".into());
    sign_with(&mut off_scale, &s.key);
    let err = s.ws.import_signed_assessment(&off_scale, None).unwrap_err();
    assert!(err.to_string().contains("not on the rating scale"), "{err}");

    let mut other_level = s.ws.export_assessment(&a.id).unwrap();
    other_level.content.level.name = "Creative lead".into();
    sign_with(&mut other_level, &s.key);
    let err =
        s.ws.import_signed_assessment(&other_level, None)
            .unwrap_err();
    assert!(err.to_string().contains("different assessment"), "{err}");
    assert_eq!(
        s.ws.assessment(&a.id).unwrap().status,
        AssessmentStatus::Planned,
        "nothing changed"
    );

    for (name, text) in [("junk.json", "{"), ("other.json", "{\"format\":\"x\"}")] {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        assert!(assessment::read_file(&p)
            .unwrap_err()
            .to_string()
            .contains("not a Guildbook assessment file"));
    }
}

#[test]
fn a_ladder_version_with_assessments_is_never_deleted() {
    let mut s = setup();
    let a = s.ws.create_assessment(&new(&s)).unwrap();
    let version = s.ws.assessment(&a.id).unwrap().version_id;
    for table in ["ladder_cell", "ladder_level", "ladder_domain"] {
        s.ws.conn()
            .execute(
                &format!("DELETE FROM {table} WHERE version_id = ?1"),
                [&version],
            )
            .ok();
    }
    let err =
        s.ws.conn()
            .execute("DELETE FROM ladder_version WHERE id = ?1", [&version])
            .unwrap_err();
    assert!(
        err.to_string().contains("has assessments") || err.to_string().contains("FOREIGN KEY"),
        "{err}"
    );
}

#[test]
fn stipends_add_up_per_person_role_and_quarter_and_evidence_detaches() {
    let mut s = setup();
    let stipend = |minor| Pay::Stipend {
        amount: Money {
            minor,
            currency: "EUR".into(),
        },
        paid_on: None,
    };
    s.ws.create_assessment(&NewAssessment {
        starts_on: "2026-10-01".into(),
        due_on: "2026-10-20".into(),
        pay: stipend(20_000),
        ..new(&s)
    })
    .unwrap();
    s.ws.create_assessment(&NewAssessment {
        starts_on: "2026-12-31".into(),
        due_on: "2027-01-10".into(),
        pay: stipend(5_050),
        ..new(&s)
    })
    .unwrap();
    let q3 =
        s.ws.create_assessment(&NewAssessment {
            starts_on: "2026-09-30".into(),
            due_on: "2026-10-10".into(),
            pay: stipend(1_000),
            ..new(&s)
        })
        .unwrap();
    let totals = s.ws.assessment_pay_totals().unwrap();
    let seen: Vec<(&str, i64, u32)> = totals
        .iter()
        .map(|t| (t.quarter.as_str(), t.stipends.minor, t.stipend_count))
        .collect();
    assert_eq!(seen, [("2026-Q4", 25_050, 2), ("2026-Q3", 1_000, 1)]);

    let poster = std::env::temp_dir().join(format!("gb-detach-{}.png", std::process::id()));
    std::fs::write(&poster, b"\x89PNG\r\n\x1a\nfake").unwrap();
    let e = s.ws.add_evidence_file(&s.who, &poster, None).unwrap();
    let craft = q3.rubric[0].domain_key.clone();
    assert_eq!(
        s.ws.attach_evidence(&q3.id, &craft, &e.id).unwrap().rubric[0]
            .evidence
            .len(),
        1
    );
    assert!(
        s.ws.detach_evidence(&q3.id, &craft, &e.id).unwrap().rubric[0]
            .evidence
            .is_empty()
    );
    let _ = std::fs::remove_file(poster);
}
