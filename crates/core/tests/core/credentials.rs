//! Micro-credentials: definitions with criteria from a ladder and stacking without cycles; awards
//! from signed assessments (checked against the criteria) or by hand with a reason; expiry,
//! renewal and revocation kept for good; clearance for gated work, with the reasons why not.

use crate::common::assessing::{new, rate_all, setup, Setup};
use guildbook_core::credentials::clearance::AreaRule;
use guildbook_core::credentials::{
    AwardStatus, BadgeDesign, BadgeImage, BadgeShape, CredentialInput, NewAward, WorkAreaInput,
};
use guildbook_core::roster::ContractorInput;
use guildbook_core::ErrorCode;

fn design(initials: &str) -> BadgeImage {
    BadgeImage::Design(BadgeDesign {
        shape: BadgeShape::Hexagon,
        background: "#1f6f5c".into(),
        foreground: "#ffffff".into(),
        initials: initials.into(),
    })
}

/// "Designer" of the product designer ladder, every domain, evidence not required, 12 months.
fn designer_credential(s: &Setup) -> CredentialInput {
    CredentialInput {
        name: "Product designer — Designer".into(),
        description: "Designs whole flows that ship without follow-up questions.".into(),
        image: design("PD"),
        role_id: Some(s.ladder.role.id.clone()),
        level_key: Some(s.ladder.content.levels[1].key.clone()),
        domain_keys: vec![],
        require_evidence: false,
        narrative: String::new(),
        validity_months: Some(12),
        prerequisites: vec![],
    }
}

fn by_hand(credential: &str, who: &str, issued_on: Option<&str>) -> NewAward {
    NewAward {
        credential_id: credential.into(),
        contractor_id: who.into(),
        assessment_id: None,
        reason: "Assessed at a partner studio; certificate seen.".into(),
        awarded_by: "Hana Okafor".into(),
        issued_on: issued_on.map(String::from),
        renews_id: None,
    }
}

/// A signed assessment of the setup's person at Designer, every cell rated "meets".
fn signed_assessment(s: &mut Setup) -> String {
    let a = s.ws.create_assessment(&new(s)).unwrap();
    rate_all(&mut s.ws, &a.id);
    s.ws.sign_assessment(&a.id, &s.key).unwrap();
    a.id
}

#[test]
fn a_credential_takes_its_criteria_from_a_ladder_level_and_says_them_in_words() {
    let mut s = setup();
    let c = s.ws.create_credential(&designer_credential(&s)).unwrap();
    let criteria = c.criteria.as_ref().unwrap();
    assert_eq!(criteria.level_name, "Designer");
    assert_eq!(
        criteria.domains.len(),
        3,
        "empty domain list means every domain"
    );
    assert_eq!(
        c.criteria_text,
        "A signed assessment rates Craft, Client interaction and Impact as meeting the Designer level of the Product designer ladder (version 1)."
    );

    let mut again = designer_credential(&s);
    again.name = "product designer — designer".into();
    let err = s.ws.create_credential(&again).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Duplicate);

    let mut nothing = designer_credential(&s);
    (nothing.role_id, nothing.level_key) = (None, None);
    assert!(s
        .ws
        .create_credential(&nothing)
        .unwrap_err()
        .to_string()
        .contains("needs criteria"));

    let mut forever = designer_credential(&s);
    forever.validity_months = Some(0);
    assert!(s.ws.create_credential(&forever).is_err());

    let mut bad_badge = designer_credential(&s);
    bad_badge.image = design("<script>");
    assert!(s
        .ws
        .create_credential(&bad_badge)
        .unwrap_err()
        .to_string()
        .contains("initials"));
    assert_eq!(
        s.ws.credentials(false).unwrap().len(),
        1,
        "refusals stored nothing"
    );
}

#[test]
fn credentials_stack_but_never_in_a_loop() {
    let mut s = setup();
    let base = s.ws.create_credential(&designer_credential(&s)).unwrap();
    let stacked =
        s.ws.create_credential(&CredentialInput {
            name: "Design systems steward".into(),
            role_id: None,
            level_key: None,
            prerequisites: vec![base.id.clone()],
            ..designer_credential(&s)
        })
        .unwrap();
    assert_eq!(stacked.criteria_text, "Holds Product designer — Designer.");

    // base → stacked would close the loop stacked → base.
    let mut looped = designer_credential(&s);
    looped.prerequisites = vec![stacked.id.clone()];
    let err = s.ws.update_credential(&base.id, &looped).unwrap_err();
    assert!(
        err.to_string()
            .contains("already stacks on this credential"),
        "{err}"
    );
    looped.prerequisites = vec![base.id.clone()];
    assert!(s.ws.update_credential(&base.id, &looped).is_err(), "itself");
    assert!(
        s.ws.credential(&base.id).unwrap().prerequisites.is_empty(),
        "unchanged"
    );
}

#[test]
fn a_signed_assessment_that_meets_the_criteria_earns_the_award_and_one_that_does_not_says_why() {
    let mut s = setup();
    let c = s.ws.create_credential(&designer_credential(&s)).unwrap();
    let mut strict = designer_credential(&s);
    strict.name = "Designer, with evidence".into();
    strict.require_evidence = true;
    let strict = s.ws.create_credential(&strict).unwrap();

    let unsigned = s.ws.create_assessment(&new(&s)).unwrap();
    let mut award = NewAward {
        assessment_id: Some(unsigned.id.clone()),
        ..by_hand(&c.id, &s.who, None)
    };
    award.reason.clear();
    let err = s.ws.award_credential(&award).unwrap_err();
    assert!(err.to_string().contains("not signed yet"), "{err}");

    let signed = signed_assessment(&mut s);
    award.assessment_id = Some(signed.clone());
    let got = s.ws.award_credential(&award).unwrap();
    assert_eq!(got.status, AwardStatus::Active);
    assert_eq!(got.contractor_name, "Lena Novak");
    let issued = time::Date::parse(
        &got.issued_on,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap();
    assert_eq!(
        got.expires_on.as_deref(),
        Some(
            guildbook_core::dates::format(guildbook_core::credentials::awards::add_months(
                issued, 12
            ))
            .as_str()
        )
    );

    // The strict credential asks for each cell's evidence, which Lena has not added.
    award.credential_id = strict.id.clone();
    let err = s.ws.award_credential(&award).unwrap_err();
    assert!(
        err.to_string()
            .contains("does not earn 'Designer, with evidence'"),
        "{err}"
    );
    assert!(err.to_string().contains("Craft: "), "names the cell: {err}");
    assert_eq!(s.ws.awards_of(&s.who).unwrap().len(), 1);
}

#[test]
fn awards_by_hand_need_a_reason_and_expire_on_their_dates() {
    let mut s = setup();
    let c = s.ws.create_credential(&designer_credential(&s)).unwrap();
    let mut no_reason = by_hand(&c.id, &s.who, None);
    no_reason.reason = "  ".into();
    assert!(s
        .ws
        .award_credential(&no_reason)
        .unwrap_err()
        .to_string()
        .contains("needs a reason"));

    let old =
        s.ws.award_credential(&by_hand(&c.id, &s.who, Some("2024-01-15")))
            .unwrap();
    assert_eq!(old.expires_on.as_deref(), Some("2025-01-15"));
    assert_eq!(old.status, AwardStatus::Expired);
    assert!(!s.ws.holds_credential(&s.who, &c.id).unwrap());
    assert_eq!(s.ws.credential(&c.id).unwrap().holders.expired, 1);
}

#[test]
fn revoking_keeps_the_award_with_its_reason_and_the_database_refuses_rewrites() {
    let mut s = setup();
    let c = s.ws.create_credential(&designer_credential(&s)).unwrap();
    let a =
        s.ws.award_credential(&by_hand(&c.id, &s.who, None))
            .unwrap();
    assert!(s
        .ws
        .revoke_award(&a.id, " ", "Hana Okafor")
        .unwrap_err()
        .to_string()
        .contains("Say why"));
    let revoked =
        s.ws.revoke_award(
            &a.id,
            "Portfolio pieces were not their own work.",
            "Hana Okafor",
        )
        .unwrap();
    assert_eq!(revoked.status, AwardStatus::Revoked);
    assert_eq!(revoked.revoked_by.as_deref(), Some("Hana Okafor"));
    assert!(s
        .ws
        .revoke_award(&a.id, "again", "X")
        .unwrap_err()
        .to_string()
        .contains("revoked already"));
    assert_eq!(s.ws.revoked_indexes().unwrap(), [a.status_index]);

    for sql in [
        "DELETE FROM award WHERE id = ?1",
        "UPDATE award SET revoked_at = NULL, revoked_by = NULL, revoked_reason = NULL WHERE id = ?1",
        "UPDATE award SET expires_on = '2099-01-01' WHERE id = ?1",
    ] {
        let err = s.ws.conn().execute(sql, [&a.id]).unwrap_err();
        assert!(err.to_string().contains("never deleted") || err.to_string().contains("cannot be changed"), "{sql}: {err}");
    }
    assert_eq!(s.ws.award(&a.id).unwrap().status, AwardStatus::Revoked);
}

#[test]
fn a_renewal_is_a_new_award_and_counts_once() {
    let mut s = setup();
    let c = s.ws.create_credential(&designer_credential(&s)).unwrap();
    // Awarded a year ago less two weeks: it expires in about 14 days.
    let today = guildbook_core::dates::today_here();
    let issued = today - time::Duration::days(365 - 14);
    let issued = guildbook_core::dates::format(issued);
    let first =
        s.ws.award_credential(&by_hand(&c.id, &s.who, Some(&issued)))
            .unwrap();
    assert_eq!(
        first.status,
        AwardStatus::Expiring,
        "ends in about two weeks"
    );
    let renewal = NewAward {
        renews_id: Some(first.id.clone()),
        ..by_hand(&c.id, &s.who, None)
    };
    let second = s.ws.award_credential(&renewal).unwrap();
    assert_eq!(second.renews_id.as_deref(), Some(first.id.as_str()));
    assert_eq!(
        s.ws.award(&first.id).unwrap().renewed_by_id,
        Some(second.id.clone())
    );
    assert!(s
        .ws
        .award_credential(&renewal)
        .unwrap_err()
        .to_string()
        .contains("renewed already"));
    let counts = s.ws.credential(&c.id).unwrap().holders;
    assert_eq!((counts.active, counts.expiring), (1, 0));
}

#[test]
fn clearance_says_who_is_cleared_and_why_someone_is_not() {
    let mut s = setup();
    let design = s.ws.create_credential(&designer_credential(&s)).unwrap();
    let mut review = designer_credential(&s);
    review.name = "Accessibility review".into();
    let review = s.ws.create_credential(&review).unwrap();
    let area =
        s.ws.save_work_area(
            None,
            &WorkAreaInput {
                name: "Checkout redesign".into(),
                description: "Screens that take payments.".into(),
                rule: AreaRule::All,
                credential_ids: vec![design.id.clone(), review.id.clone()],
            },
        )
        .unwrap();
    let bo =
        s.ws.add_contractor(&ContractorInput {
            name: "Bo Lindqvist".into(),
            ..Default::default()
        })
        .unwrap()
        .id;

    s.ws.award_credential(&by_hand(&design.id, &s.who, None))
        .unwrap();
    let c = s.ws.clearance("checkout redesign", &s.who).unwrap();
    assert!(!c.cleared);
    assert_eq!(c.missing.len(), 1);
    assert_eq!(c.missing[0].why, "not held");
    assert!(
        c.summary.contains("Accessibility review — not held"),
        "{}",
        c.summary
    );

    let r =
        s.ws.award_credential(&by_hand(&review.id, &s.who, None))
            .unwrap();
    s.ws.award_credential(&by_hand(&design.id, &bo, Some("2024-02-01")))
        .unwrap();
    s.ws.award_credential(&by_hand(&review.id, &bo, None))
        .unwrap();
    assert!(s.ws.clearance(&area.id, &s.who).unwrap().cleared);
    let cleared: Vec<String> =
        s.ws.cleared_for(&area.name)
            .unwrap()
            .into_iter()
            .map(|p| p.contractor_name)
            .collect();
    assert_eq!(cleared, ["Lena Novak"], "Bo's design award expired");
    let bo_why = s.ws.clearance(&area.id, &bo).unwrap();
    assert_eq!(bo_why.missing[0].why, "expired on 2025-02-01");

    s.ws.revoke_award(&r.id, "Audit found gaps.", "Hana Okafor")
        .unwrap();
    let c = s.ws.clearance(&area.id, &s.who).unwrap();
    assert!(!c.cleared);
    assert!(
        c.missing[0].why.starts_with("revoked on ")
            && c.missing[0].why.ends_with(": Audit found gaps.")
    );

    // "Any of": Bo's accessibility review alone is enough.
    let any = WorkAreaInput {
        name: "Checkout redesign".into(),
        description: String::new(),
        rule: AreaRule::Any,
        credential_ids: vec![design.id.clone(), review.id.clone()],
    };
    s.ws.save_work_area(Some(&area.id), &any).unwrap();
    assert!(s.ws.clearance(&area.id, &bo).unwrap().cleared);
    assert!(s
        .ws
        .clearance("no such area", &bo)
        .unwrap_err()
        .to_string()
        .contains("No work area"));
}

#[test]
fn a_stacked_credential_needs_its_prerequisites_held() {
    let mut s = setup();
    let base = s.ws.create_credential(&designer_credential(&s)).unwrap();
    let mut top = designer_credential(&s);
    top.name = "Designer plus".into();
    top.prerequisites = vec![base.id.clone()];
    let top = s.ws.create_credential(&top).unwrap();
    let signed = signed_assessment(&mut s);
    assert_eq!(
        s.ws.award_gaps(&top.id, &signed).unwrap(),
        ["does not hold 'Product designer — Designer'"]
    );
    s.ws.award_credential(&by_hand(&base.id, &s.who, None))
        .unwrap();
    assert!(s.ws.award_gaps(&top.id, &signed).unwrap().is_empty());
}

#[test]
fn uploaded_badge_images_are_checked() {
    let mut s = setup();
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("badge.svg");
    std::fs::write(
        &svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" onload="fetch('https://x')"/>"#,
    )
    .unwrap();
    assert!(s
        .ws
        .add_badge_image(&svg)
        .unwrap_err()
        .to_string()
        .contains("event handler"));
    let big = dir.path().join("big.png");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(3 * 1024 * 1024)
        .unwrap();
    assert!(s
        .ws
        .add_badge_image(&big)
        .unwrap_err()
        .to_string()
        .contains("at most 2 MB"));
    let png = dir.path().join("badge.png");
    image::RgbaImage::from_pixel(64, 64, image::Rgba([31, 111, 92, 255]))
        .save(&png)
        .unwrap();
    let image = s.ws.add_badge_image(&png).unwrap();
    let mut input = designer_credential(&s);
    input.image = image.clone();
    assert_eq!(s.ws.create_credential(&input).unwrap().image, image);
}

#[test]
fn the_demo_shows_every_award_state_and_a_gated_work_area() {
    let dir = tempfile::tempdir().unwrap();
    let ws = guildbook_core::demo::create(&dir.path().join("demo")).unwrap();
    let awards = ws.all_awards().unwrap();
    for status in [
        AwardStatus::Active,
        AwardStatus::Expiring,
        AwardStatus::Expired,
        AwardStatus::Revoked,
    ] {
        assert!(awards.iter().any(|a| a.status == status), "{status:?}");
    }
    assert!(
        awards.iter().any(|a| a.assessment_id.is_some()),
        "one earned from a signed assessment"
    );
    let cleared: Vec<String> = ws
        .cleared_for("Payments integration")
        .unwrap()
        .into_iter()
        .map(|p| p.contractor_name)
        .collect();
    assert_eq!(cleared, ["Carmen Ruiz", "Elif Demir"]);
    let hannah: String = ws
        .conn()
        .query_row(
            "SELECT id FROM contractor WHERE name = 'Hannah Weiss'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let why = ws.clearance("Payments integration", &hannah).unwrap();
    assert!(why.summary.contains("revoked on"), "{}", why.summary);
    assert_eq!(ws.credentials(false).unwrap().len(), 3);
    assert_eq!(ws.issuer_id().unwrap(), "https://northwind-studio.example");
}
