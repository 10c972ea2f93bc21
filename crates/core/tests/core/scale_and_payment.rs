//! A ladder's own rating scale (kept per version, carried by files, used by assessments and the
//! progression rule), evidence completeness inside the rubric, and stipend payments recorded
//! after sign-off without touching what was signed.

use crate::common::assessing::{new, rate_all, setup, Setup};
use guildbook_core::assessment::{Integrity, Pay};
use guildbook_core::ladder::{diff_versions, format, LadderEdit, RatingScale};
use guildbook_core::progression::{AdvancementRule, Outcome};
use guildbook_core::roster::{EngagementInput, EngagementOutcome, Money, RateUnit};
use guildbook_core::ErrorCode;

fn four_steps() -> LadderEdit {
    LadderEdit::SetScale {
        ratings: ["emerging", "developing", "proficient", "expert"]
            .map(String::from)
            .to_vec(),
        meets_from: 2,
    }
}

/// The setup's ladder republished with the four-step scale; returns the new version's id.
fn publish_four_steps(s: &mut Setup) -> String {
    let role = s.ladder.role.id.clone();
    s.ws.edit_ladder(&role, four_steps()).unwrap();
    s.ladder = s.ws.publish_ladder(&role).unwrap();
    s.ladder.version.id.clone()
}

#[test]
fn a_ladder_defines_its_own_scale_and_bad_scales_are_refused() {
    let mut s = setup();
    let role = s.ladder.role.id.clone();
    assert_eq!(s.ladder.content.scale, RatingScale::default());

    let bad = [
        (vec!["only one"], 1, "between 2 and 7"),
        (
            vec!["a", "b", "c", "d", "e", "f", "g", "h"],
            1,
            "between 2 and 7",
        ),
        (vec!["good", "Good"], 1, "appears twice"),
        (vec!["below", " "], 1, "rating"),
        (vec!["below", "meets"], 0, "at least one rating below"),
        (vec!["below", "meets"], 2, "at least one rating below"),
    ];
    for (ratings, meets_from, says) in bad {
        let err =
            s.ws.edit_ladder(
                &role,
                LadderEdit::SetScale {
                    ratings: ratings.iter().map(|r| r.to_string()).collect(),
                    meets_from,
                },
            )
            .unwrap_err();
        assert!(err.to_string().contains(says), "{ratings:?}: {err}");
    }
    // Refusals left the published version as it was and made no draft.
    assert!(!s.ws.ladder(&role).unwrap().role.has_draft);

    let draft = s.ws.edit_ladder(&role, four_steps()).unwrap();
    assert_eq!(draft.content.scale.ratings[2], "proficient");
    assert!(draft.content.scale.meets("expert") && !draft.content.scale.meets("developing"));
    let v2 = s.ws.publish_ladder(&role).unwrap();
    // Version 1 keeps the scale it was published with.
    assert_eq!(
        s.ws.ladder_version(&s.ladder.version.id)
            .unwrap()
            .content
            .scale,
        RatingScale::default()
    );
    let diff = diff_versions(&s.ws, &s.ladder.version.id, &v2.version.id).unwrap();
    let (before, after) = diff.scale.expect("the diff shows the new scale");
    assert_eq!((before.ratings.len(), after.ratings.len()), (3, 4));
}

#[test]
fn assessments_rate_on_their_versions_scale_and_the_rule_counts_from_meets_from() {
    let mut s = setup();
    let old = s.ws.create_assessment(&new(&s)).unwrap();
    publish_four_steps(&mut s);
    let a = s.ws.create_assessment(&new(&s)).unwrap();
    assert_eq!(a.scale.ratings.len(), 4);
    // The assessment made against version 1 keeps "not yet / meets / exceeds".
    assert_eq!(
        s.ws.assessment(&old.id).unwrap().scale,
        RatingScale::default()
    );

    let domain = a.rubric[0].domain_key.clone();
    let err =
        s.ws.rate_cell(&a.id, &domain, None, Some("meets"), "")
            .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert!(err
        .to_string()
        .contains("emerging, developing, proficient, expert"));

    let role = s.ladder.role.id.clone();
    let rule = AdvancementRule {
        require_evidence: false,
        ..AdvancementRule::default()
    };
    s.ws.set_advancement_rule(&role, &rule).unwrap();
    let ratings = ["proficient", "expert", "developing"];
    for (row, rating) in a.rubric.iter().zip(ratings) {
        s.ws.rate_cell(&a.id, &row.domain_key, None, Some(rating), "")
            .unwrap();
    }
    s.ws.sign_assessment(&a.id, &s.key).unwrap();
    let proposal = s.ws.propose(&a.id).unwrap();
    let met: Vec<bool> = proposal.cells.iter().map(|c| c.rated_met).collect();
    assert_eq!(met, [true, true, false], "developing is below the bar");
    assert_eq!(proposal.outcome, Outcome::NotYet);
    assert_eq!(proposal.domains_met, 2);
}

#[test]
fn a_ladder_file_carries_its_scale_and_a_bad_one_names_the_field() {
    let mut s = setup();
    publish_four_steps(&mut s);
    let json = s.ws.export_ladder_json(&s.ladder.role.id).unwrap();
    assert!(json.contains("\"meetsFrom\": 2"), "{json}");
    let mut file = format::parse(json.as_bytes()).unwrap();
    let copy = s.ws.import_ladder_file(&file, Some("Copy")).unwrap();
    assert_eq!(copy.content.scale, s.ladder.content.scale);

    // A file without a scale gets the default, and the export leaves the default out.
    file.scale = None;
    let plain = s.ws.import_ladder_file(&file, Some("Plain")).unwrap();
    assert_eq!(plain.content.scale, RatingScale::default());
    assert!(!s
        .ws
        .export_ladder_json(&plain.role.id)
        .unwrap()
        .contains("scale"));

    let bad = json.replace("\"meetsFrom\": 2", "\"meetsFrom\": 9");
    let before = crate::common::snapshot(&s.ws);
    let err =
        s.ws.import_ladder_file(&format::parse(bad.as_bytes()).unwrap(), Some("Bad"))
            .unwrap_err();
    assert!(err.to_string().contains("scale: "), "{err}");
    assert_eq!(
        crate::common::snapshot(&s.ws),
        before,
        "nothing was imported"
    );
    let unknown = json.replace("\"meetsFrom\"", "\"passFrom\"");
    let err = format::parse(unknown.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("passFrom"), "{err}");
}

#[test]
fn the_rubric_shows_how_far_each_cells_evidence_is_met() {
    let mut s = setup();
    let a = s.ws.create_assessment(&new(&s)).unwrap();
    for row in &a.rubric {
        let progress = row.evidence_progress.as_ref();
        assert_eq!(
            progress.is_some(),
            !row.evidence_required.is_empty(),
            "{}",
            row.domain_name
        );
        if let Some(p) = progress {
            assert!(!p.met);
            assert!(!p.summary.is_empty() && p.summary != "Evidence complete");
        }
    }
}

#[test]
fn a_stipend_payment_is_recorded_after_sign_off_and_the_signature_still_holds() {
    let mut s = setup();
    let a = s.ws.create_assessment(&new(&s)).unwrap();
    assert_eq!(a.paid_on, None);
    rate_all(&mut s.ws, &a.id);
    s.ws.sign_assessment(&a.id, &s.key).unwrap();

    for (date, says) in [
        ("2026-02-30", "payment date"),
        ("not a date", "payment date"),
        ("2999-01-01", "in the future"),
    ] {
        let err = s.ws.record_stipend_paid(&a.id, date).unwrap_err();
        assert!(err.to_string().contains(says), "{date}: {err}");
    }
    let paid = s.ws.record_stipend_paid(&a.id, "2026-11-20").unwrap();
    assert_eq!(paid.paid_on.as_deref(), Some("2026-11-20"));
    // A correction replaces the date; the signed terms are untouched.
    let paid = s.ws.record_stipend_paid(&a.id, "2026-11-21").unwrap();
    assert_eq!(paid.paid_on.as_deref(), Some("2026-11-21"));
    assert!(matches!(paid.pay, Pay::Stipend { paid_on: None, .. }));
    assert_eq!(
        s.ws.assessment_integrity(&a.id).unwrap(),
        Integrity::Verified
    );
}

#[test]
fn billable_assessments_have_no_stipend_to_record() {
    let mut s = setup();
    let work = EngagementInput {
        role_id: Some(s.ladder.role.id.clone()),
        client: "Northwind Ferries".into(),
        project: "Booking site".into(),
        start_on: "2026-09-01".into(),
        end_on: None,
        renewal_window_days: 30,
        rate: Money {
            minor: 6500,
            currency: "EUR".into(),
        },
        rate_unit: RateUnit::Hour,
        hours_per_week: None,
        outcome: EngagementOutcome::Open,
    };
    let engagement = s.ws.add_engagement(&s.who, &work).unwrap().id;
    let mut input = new(&s);
    input.pay = Pay::Billable {
        engagement_id: engagement,
    };
    let a = s.ws.create_assessment(&input).unwrap();
    let err = s.ws.record_stipend_paid(&a.id, "2026-11-20").unwrap_err();
    assert!(err.to_string().contains("billable"), "{err}");
    assert_eq!(s.ws.assessment(&a.id).unwrap().paid_on, None);
}
